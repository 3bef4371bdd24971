import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NETWORK_MUNICIPALITIES } from '../core/municipalities';
import { fnv1a } from '../core/hash';
import { anonymiseNames, letterFor, municipalityNamer } from './anonymise';

const NUMBERS = NETWORK_MUNICIPALITIES.map((m) => m.number);

describe('letterFor', () => {
  it.each<[number, string]>([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'], // 26 + 26 × 26 − 1
    [702, 'AAA'],
  ])('%d → %s', (index, letter) => {
    expect(letterFor(index)).toBe(letter);
  });

  it('never repeats a letter', () => {
    const letters = Array.from({ length: 1000 }, (_, i) => letterFor(i));
    expect(new Set(letters).size).toBe(1000);
  });
});

describe('fnv1a', () => {
  // Published FNV-1a 32-bit test vectors.
  it.each<[string, number]>([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %d', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });
});

describe('anonymiseNames', () => {
  it('gives the seven letters A–G in kommunenummer order', () => {
    expect(Object.fromEntries(anonymiseNames(NUMBERS))).toEqual({
      '1506': 'A', // Molde
      '1516': 'B', // Ulstein
      '1528': 'C', // Sykkylven
      '1560': 'D', // Tingvoll
      '1563': 'E', // Sunndal
      '1576': 'F', // Aure
      '1580': 'G', // Haram
    });
  });

  it('leaves the viewer named, and letters the others A–F with no gap', () => {
    const map = anonymiseNames(NUMBERS, '1580');
    expect(map.has('1580')).toBe(false);
    expect([...map.values()].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const fromMolde = anonymiseNames(NUMBERS, '1506');
    expect(fromMolde.get('1516')).toBe('A');
    expect(fromMolde.get('1580')).toBe('F');
  });

  it('ignores duplicates and a viewer outside the list', () => {
    expect(anonymiseNames(['1580', '1506', '1580'], '9999')).toEqual(
      new Map([
        ['1506', 'A'],
        ['1580', 'B'],
      ]),
    );
    expect(anonymiseNames([])).toEqual(new Map());
  });

  it('goes on to AA after Z', () => {
    const many = Array.from({ length: 28 }, (_, i) => String(1000 + i));
    const map = anonymiseNames(many);
    expect([map.get('1025'), map.get('1026'), map.get('1027')]).toEqual(['Z', 'AA', 'AB']);
  });

  it('with a salt, orders by a salted hash: stable, complete, and not the number order', () => {
    const salted = anonymiseNames(NUMBERS, undefined, { salt: 'samling-2' });
    expect(salted).toEqual(
      anonymiseNames([...NUMBERS].reverse(), undefined, { salt: 'samling-2' }),
    );
    expect([...salted.values()].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    const order = [...salted.entries()].sort(([, x], [, y]) => (x < y ? -1 : 1)).map(([n]) => n);
    const byHash = [...NUMBERS].sort(
      (x, y) => fnv1a(`samling-2\u0000${x}`) - fnv1a(`samling-2\u0000${y}`),
    );
    expect(order).toEqual(byHash);
    // Some salt among a few gives an order that is not simply the number order.
    const salts = ['a', 'b', 'c', 'd', 'e'];
    expect(
      salts.some((salt) => anonymiseNames(NUMBERS, undefined, { salt }).get('1506') !== 'A'),
    ).toBe(true);
  });

  it('is stable under any permutation and duplication of the input (fast-check)', () => {
    const numberArb = fc.stringMatching(/^\d{4}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(numberArb, { maxLength: 30 }),
        fc.infiniteStream(fc.nat()),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        (numbers, seeds, salt) => {
          const shuffled = [...numbers, ...numbers.slice(0, 3)]
            .map((n) => ({ n, k: seeds.next().value as number }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.n);
          const keep = numbers[0];
          const options = salt === undefined ? {} : { salt };
          const a = anonymiseNames(numbers, keep, options);
          const b = anonymiseNames(shuffled, keep, options);
          expect(b).toEqual(a);
          expect(a.size).toBe(Math.max(0, numbers.length - 1));
          expect(new Set(a.values()).size).toBe(a.size);
          if (keep !== undefined) expect(a.has(keep)).toBe(false);
        },
      ),
    );
  });
});

describe('municipalityNamer', () => {
  it('gives the name, or the label of the letter when the municipality has one', () => {
    const name = municipalityNamer(new Map([['1580', 'C']]), (letter) => `Kommune ${letter}`);
    expect(name({ number: '1580', name: 'Haram' })).toBe('Kommune C');
    expect(name({ number: '1516', name: 'Ulstein' })).toBe('Ulstein');
  });
});
