/**
 * Summary statistics over plain lists of numbers: one of each, for every module that needs them.
 * Sums are taken in ascending order, so a result does not depend on the order of the input.
 */

/**
 * Values in ascending order, so sums do not depend on input order; the input is left as it was.
 * Insertion sort for the short lists aggregation deals in (a few respondents per municipality):
 * much faster there than Array.prototype.sort with a comparator. Longer lists (a value per
 * municipality of the network) are sorted as a Float64Array, whose sort is numeric without a
 * comparator call per pair: at 357 municipalities that made the network's statistics about
 * twice as fast. NaN, which no score is, goes last there.
 */
export function ascending(values: readonly number[]): ArrayLike<number> {
  if (values.length > 32) return new Float64Array(values).sort();
  const out = values.slice();
  for (let i = 1; i < out.length; i += 1) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j -= 1;
    }
    out[j + 1] = v;
  }
  return out;
}

/** Mean of values already in ascending order (`ascending`), summed in that order; null for none. */
export function meanOfAscending(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  let sum = 0;
  for (let k = 0; k < n; k += 1) sum += sorted[k]!;
  return sum / n;
}

/** The median of values already in ascending order (`ascending`); null for none. */
export function medianOfAscending(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface SampleSummary {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** Mean, sample sd, min and max, from one sort of the values. */
export function sampleSummary(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null };
  const s = ascending(values);
  const m = meanOfAscending(s)!;
  let squares = 0;
  for (let k = 0; k < n; k += 1) squares += (s[k]! - m) ** 2;
  return {
    n,
    mean: m,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    min: s[0]!,
    max: s[n - 1]!,
  };
}

/** Mean of values; null for none. Sums in ascending order. */
export function mean(values: readonly number[]): number | null {
  return meanOfAscending(ascending(values));
}

/** The median (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  return medianOfAscending(ascending(values));
}
