import type { Locale } from '../domain/core/types';

/**
 * Some browsers ship no nynorsk locale data and would fall back to American English
 * ("November 29, 2026", "3.8"). Bokmål formats numbers and dates the same way, so it is
 * the fallback for nynorsk.
 */
const INTL_LOCALE: Record<Locale, string[]> = {
  nb: ['nb-NO'],
  nn: ['nn-NO', 'nb-NO'],
  en: ['en-GB'],
};

export function intlLocale(locale: Locale): string[] {
  return INTL_LOCALE[locale];
}

/**
 * Formatters are costly to create and a heatmap formats thousands of cells, so each
 * locale and style gets one, made on first use.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(
  locale: Locale,
  key: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const id = `${locale}:${key}`;
  let f = cache.get(id) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(id, f);
  }
  return f;
}

/** A score 0–100, shown as a whole number. */
export function formatScore(value: number, locale: Locale): string {
  return numberFormat(locale, 'score', { maximumFractionDigits: 0 }).format(value);
}

/** A whole number, with the locale's thousands separator: «5 000» in nb and nn, “5,000” in en. */
export function formatCount(value: number, locale: Locale): string {
  return numberFormat(locale, 'count', { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, `decimal${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(share: number, locale: Locale): string {
  return numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** "3. mai 2024" in nb and nn, "3 May 2024" in en. `iso` is YYYY-MM-DD or a full timestamp. */
export function formatDate(iso: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  const id = `${locale}:date`;
  let f = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    cache.set(id, f);
  }
  return f.format(date);
}

/** A size in bytes as megabytes, or gigabytes from 1 GB: «1,5 GB», «320 MB». */
export function formatBytes(bytes: number, locale: Locale): string {
  const gb = bytes >= 1024 ** 3;
  const value = bytes / (gb ? 1024 ** 3 : 1024 ** 2);
  return numberFormat(locale, gb ? 'gigabyte' : 'megabyte', {
    style: 'unit',
    unit: gb ? 'gigabyte' : 'megabyte',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** Today's date on this device's clock, as YYYY-MM-DD (for date fields). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
