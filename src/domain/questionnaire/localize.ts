import type { Locale } from '../types';
import type { LocalizedText } from './schema';

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
