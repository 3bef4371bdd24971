import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatPercent, formatScore } from './format';

describe('formatting in the active locale', () => {
  it.each([
    ['nb', '3. mai 2024', '4,6', '87 %'],
    ['nn', '3. mai 2024', '4,6', '87 %'],
    ['en', '3 May 2024', '4.6', '87%'],
  ] as const)('%s', (locale, date, decimal, percent) => {
    expect(formatDate('2024-05-03', locale)).toBe(date);
    expect(formatDecimal(4.56, locale)).toBe(decimal);
    expect(formatPercent(0.87, locale).replace(/\s/g, ' ')).toBe(percent);
    expect(formatScore(62.5, locale)).toBe('63');
  });
});
