import * as z from 'zod/mini';
import { GATHERING_ROUNDS, ROLES, type Response } from '../types';
import { lazy } from '../lazy';
import { schemaParts } from './schema-parts';

/** Built on first use (see ../lazy.ts). */
const schemas = lazy(() => {
  const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
  const { id, timestamp, isoDate, municipality } = schemaParts();
  const shortText = (max: number) => z.string().check(z.maxLength(max));
  const safeKey = id;

  const answerSchema = z.strictObject({
    value: z.optional(z.union([level, z.literal('dontKnow'), z.literal('notRelevant')])),
    comment: z.optional(shortText(2000)),
    updatedAt: timestamp,
  });

  const responseSchema = z.strictObject({
    id,
    questionnaire: z.strictObject({ id, version: z.int().check(z.gte(1)) }),
    municipality,
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
