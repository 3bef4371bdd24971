import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDelta, deltaBetween } from './delta';

describe('questionnaire deltas', () => {
  it('turns any JSON value into any other, and leaves the base as it was', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (base, target) => {
        const before = JSON.stringify(base);
        expect(applyDelta(base, deltaBetween(base, target))).toEqual(target);
        expect(JSON.stringify(base)).toBe(before);
      }),
    );
  });

  it('writes only what differs: a changed text, a dropped key, an added key', () => {
    const base = { version: 2, title: { nb: 'Ny', en: 'New' }, list: [1, 2], old: true };
    const target = { version: 1, title: { nb: 'Gammel', en: 'New' }, list: [1, 2], extra: 'x' };
    expect(deltaBetween(base, target)).toEqual({
      set: [
        [['version'], 1],
        [['title', 'nb'], 'Gammel'],
        [['extra'], 'x'],
      ],
      drop: [['old']],
    });
  });

  it('is empty between equal values', () => {
    const value = { a: [1, { b: 'c' }] };
    expect(deltaBetween(value, structuredClone(value))).toEqual({ set: [], drop: [] });
  });
});
