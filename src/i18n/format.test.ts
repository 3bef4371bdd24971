import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDecimal, formatPercent, formatScore } from './format';

describe('formatting in the active locale', () => {
  it.each([
    ['nb', '3. mai 2024', '4,6', '87 %'],
    ['nn', '3. mai 2024', '4,6', '87 %'],
    ['en', '3 May 2024', '4.6', '87%'],
  ] as const)('%s', (locale, date, decimal, percent) => {
    const thousands = locale === 'en' ? '5,000' : '5 000';
    expect(formatCount(5000, locale).replace(/\s/g, ' ')).toBe(thousands);
    expect(formatDate('2024-05-03', locale)).toBe(date);
    expect(formatDecimal(4.56, locale)).toBe(decimal);
    expect(formatPercent(0.87, locale).replace(/\s/g, ' ')).toBe(percent);
    expect(formatScore(62.5, locale)).toBe('63');
    expect(formatDate('9999-12-31T23:59:59.000Z', locale)).toBe(
      locale === 'en' ? '31 December 9999' : '31. desember 9999',
    );
  });
});
