import * as z from 'zod/mini';
import { GATHERING_ROUNDS, ROLES, type Response } from '../types';
import { lazy } from '../lazy';

/** Built on first use (see ../lazy.ts). */
const schemas = lazy(() => {
  const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
  /** A real calendar date, YYYY-MM-DD (2024-02-31 is refused). */
  const isoDate = z.iso.date();
  const timestamp = z.iso.datetime({ offset: true });
  const shortText = (max: number) => z.string().check(z.maxLength(max));
  /** Keys that must never become object keys when untrusted data is copied. */
  const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
  const id = z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.regex(/^[A-Za-z0-9_.:-]+$/),
    z.refine((k) => !FORBIDDEN_KEYS.has(k), { error: 'Reserved key' }),
  );
  const safeKey = id;

  const answerSchema = z.strictObject({
    value: z.optional(z.union([level, z.literal('dontKnow'), z.literal('notRelevant')])),
    comment: z.optional(shortText(2000)),
    updatedAt: timestamp,
  });

  const responseSchema = z.strictObject({
    id,
    questionnaire: z.strictObject({ id, version: z.int().check(z.gte(1)) }),
    municipality: z.strictObject({
      number: z.string().check(z.regex(/^\d{4}$/)),
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    }),
    respondent: z.strictObject({
      id,
      role: z.enum(ROLES),
      initials: z.optional(shortText(20)),
    }),
    gathering: z.strictObject({
      round: z.union(GATHERING_ROUNDS.map((r) => z.literal(r))),
      date: isoDate,
    }),
    answers: z.record(safeKey, answerSchema),
    importance: z.record(safeKey, level),
    createdAt: timestamp,
    updatedAt: timestamp,
    submittedAt: z.optional(timestamp),
    demo: z.optional(z.boolean()),
  });
  return { answerSchema, responseSchema };
});

export const answerSchema = () => schemas().answerSchema;
export const responseSchema = () => schemas().responseSchema;

// Compile-time check that the schema and the domain type agree.
type Parsed = z.infer<ReturnType<typeof responseSchema>>;
export const _typeCheck: (r: Parsed) => Response = (r) => r;
