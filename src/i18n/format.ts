import type { Locale } from '../domain/types';

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

/** A score 0–100, shown as a whole number. */
export function formatScore(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** "3. mai 2024" in nb and nn, "3 May 2024" in en. `iso` is YYYY-MM-DD or a full timestamp. */
export function formatDate(iso: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
