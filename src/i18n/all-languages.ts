import type { Locale } from '../domain/core/types';
import type { CommonBundle } from './i18n';
import nb from './locales/nb/common.json';
import nn from './locales/nn/common.json';
import en from './locales/en/common.json';

/** Every language's "common" texts, for tests and tools (the app loads them one by one). */
export const ALL_COMMON: Record<Locale, CommonBundle> = { nb, nn, en };
