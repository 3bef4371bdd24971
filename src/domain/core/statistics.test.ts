import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, median, sampleSummary } from './statistics';

describe('mean and sampleSummary', () => {
  it.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[7], 7, null],
    [[2, 4, 4, 4, 5, 5, 7, 9], 5, Math.sqrt(32 / 7)], // the textbook set: population sd 2, sample √(32/7)
    [[0, 100], 50, Math.sqrt(5000)],
  ])('%j → mean %s, sd %s', (values, m, sd) => {
    expect(mean(values)).toBe(m);
    if (sd === null) expect(sampleSummary(values).sd).toBeNull();
    else expect(sampleSummary(values).sd).toBeCloseTo(sd, 12);
  });

  it('gives min and max, and the same mean as `mean`', () => {
    expect(sampleSummary([40, 10, 30])).toMatchObject({ n: 3, mean: 80 / 3, min: 10, max: 40 });
    expect(sampleSummary([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null });
  });

  it('does not depend on the order of the values, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true })), (values) => {
        const reversed = [...values].reverse();
        expect(mean(reversed)).toBe(mean(values));
        expect(sampleSummary(reversed)).toEqual(sampleSummary(values));
        expect(median(reversed)).toBe(median(values));
      }),
    );
  });
});

describe('long lists (more than 32 values, sorted as a Float64Array)', () => {
  it('give the mean and median of a plain sort, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 33, maxLength: 400 }),
        (values) => {
          const sorted = [...values].sort((a, b) => a - b);
          let sum = 0;
          for (const v of sorted) sum += v;
          const mid = Math.floor(sorted.length / 2);
          const expectedMedian =
            sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
          expect(mean(values)).toBe(sum / values.length);
          expect(median(values)).toBe(expectedMedian);
          expect(sampleSummary(values)).toMatchObject({
            n: values.length,
            mean: sum / values.length,
            min: sorted[0],
            max: sorted.at(-1),
          });
        },
      ),
    );
  });
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[3], 3],
    [[7], 7],
    [[5, 1], 3],
    [[9, 1, 5], 5],
    [[30, 10, 20], 20],
    [[4, 1, 3, 2], 2.5],
    [[40, 10, 30, 20], 25], // (20 + 30) / 2
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input as it was', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
