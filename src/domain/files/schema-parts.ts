import * as z from 'zod/mini';
import { lazy } from '../lazy';

/** Keys that must never become object keys when untrusted data is copied. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The pieces every file schema checks the same way (responses, actions, agreed answers), built
 * on first use (see ../lazy.ts).
 */
export const schemaParts = lazy(() => ({
  /** An id that is also used as an object key: bounded, plain characters, never reserved. */
  id: z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.regex(/^[A-Za-z0-9_.:-]+$/),
    z.refine((k) => !RESERVED_KEYS.has(k), { error: 'Reserved key' }),
  ),
  timestamp: z.iso.datetime({ offset: true }),
  /** A real calendar date, YYYY-MM-DD (2024-02-31 is refused). */
  isoDate: z.iso.date(),
  municipality: z.strictObject({
    number: z.string().check(z.regex(/^\d{4}$/)),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  }),
}));
