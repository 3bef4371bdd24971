import { describe, expect, it } from 'vitest';
import { makeResponse } from '../testing/fixtures';
import {
  canonicalJson,
  compareEdits,
  compareInstants,
  compareText,
  isRecord,
  mergeById,
  mergeInto,
} from './records';

describe('compareInstants', () => {
  it.each<[string, string, number]>([
    // 12:00 at +02:00 is 10:00 UTC: earlier than 11:00Z, although the text sorts higher
    ['2024-05-03T12:00:00+02:00', '2024-05-03T11:00:00Z', -1],
    ['2024-05-03T11:00:00Z', '2024-05-03T12:00:00+02:00', 1],
    ['2024-05-03T10:00:00Z', '2024-05-03T10:00:00.000Z', 0],
    ['2024-05-03T12:00:00+02:00', '2024-05-03T10:00:00Z', 0],
    ['not a time', '2024-05-03T10:00:00Z', -1],
    ['not a time', 'nor this', 0],
  ])('%s against %s: %i', (a, b, expected) => {
    expect(Math.sign(compareInstants(a, b))).toBe(expected);
  });
});

describe('compareText', () => {
  it('orders by code unit, the same in every locale', () => {
    expect(['b', 'B', 'a', 'Å', 'A'].sort(compareText)).toEqual(['A', 'B', 'a', 'b', 'Å']);
    expect(compareText('x', 'x')).toBe(0);
  });
});

describe('isRecord', () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [{ a: 1 }, true],
    [[], false],
    [null, false],
    ['text', false],
    [3, false],
  ])('%j → %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });
});

describe('compareEdits', () => {
  it('compares instants, not strings', () => {
    const held = makeResponse({ updatedAt: '2024-02-15T10:00:00Z' });
    // 11:30 at +02:00 is 09:30 UTC: older, although the string sorts higher
    const other = makeResponse({ updatedAt: '2024-02-15T11:30:00+02:00' });
    expect(compareEdits(other, held)).toBeLessThan(0);
    expect(compareEdits(held, other)).toBeGreaterThan(0);
  });

  it('is 0 only for identical content, and antisymmetric', () => {
    const a = makeResponse({ answers: { 'a-1': 3 } });
    const b = makeResponse({ answers: { 'a-1': 4 } });
    expect(compareEdits(a, structuredClone(a))).toBe(0);
    expect(Math.sign(compareEdits(a, b))).toBe(-Math.sign(compareEdits(b, a)));
    expect(compareEdits(a, b)).not.toBe(0);
  });

  it('canonicalJson ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}',
    );
  });
});

describe('mergeInto and mergeById', () => {
  const T9 = '2024-02-15T09:00:00Z';
  const T10 = '2024-02-15T10:00:00Z';
  const T11 = '2024-02-15T11:00:00Z';
  const item = (id: string, updatedAt: string, title = id) => ({ id, updatedAt, title });

  it('counts what happened to each id, the same id twice in a batch once', () => {
    const held = new Map([
      ['a', item('a', T10)],
      ['b', item('b', T10)],
      ['c', item('c', T10)],
    ]);
    const counts = mergeInto(held, [
      item('a', T11, 'newer'),
      item('b', T9, 'older'),
      item('c', T10),
      item('d', T9, 'first'),
      item('d', T10, 'second'),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 1, keptNewer: 1 });
    expect([...held.values()].map((x) => x.title)).toEqual(['newer', 'b', 'c', 'second']);
  });

  it('adds new ids in the order given by mergeInto, sorted by mergeById', () => {
    const held = new Map<string, ReturnType<typeof item>>();
    mergeInto(held, [item('z', T10), item('m', T10)]);
    expect([...held.keys()]).toEqual(['z', 'm']);
    const { merged } = mergeById({ q: item('q', T10) }, [item('z', T10), item('m', T10)]);
    expect(Object.keys(merged)).toEqual(['q', 'm', 'z']);
  });

  it('mergeById leaves its inputs as they were', () => {
    const existing = { a: item('a', T10) };
    const incoming = [item('a', T11, 'newer')];
    const { merged, counts } = mergeById(existing, incoming);
    expect(existing.a.title).toBe('a');
    expect(merged.a!.title).toBe('newer');
    expect(counts.updated).toBe(1);
  });
});
