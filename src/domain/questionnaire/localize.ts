import type { Locale } from '../core/types';
import type { LocalizedText } from './schema';

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** The short title of an area where it has one, else its title. */
export function shortTitle(
  area: { title: LocalizedText; short?: LocalizedText | undefined },
  locale: Locale,
): string {
  return (area.short ?? area.title)[locale];
}
