/**
 * Summary statistics over plain lists of numbers: one of each, for every module that needs them.
 * Sums are taken in ascending order, so a result does not depend on the order of the input.
 */

/**
 * Values in ascending order, so sums do not depend on input order. Insertion sort for the short
 * lists aggregation deals in (a few respondents per municipality): much faster there than
 * Array.prototype.sort with a comparator.
 */
function ascending(values: readonly number[]): number[] {
  const out = values.slice();
  if (out.length > 32) return out.sort((a, b) => a - b);
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
  let sum = 0;
  for (const v of s) sum += v;
  const m = sum / n;
  let squares = 0;
  for (const v of s) squares += (v - m) ** 2;
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
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of ascending(values)) sum += v;
  return sum / values.length;
}

/** The median (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const s = ascending(values);
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
