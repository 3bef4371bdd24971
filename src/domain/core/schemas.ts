import * as z from 'zod/mini';
import { ACTION_STATUSES, GATHERING_ROUNDS, LEVELS, ROLES } from './types';
import { lazy } from './lazy';
import { PERIOD_PATTERN } from './gatherings';

/**
 * The zod schemas of the records that travel in results files and are saved in the browser:
 * answers, responses, actions and their follow-ups, agreed responses, and the parts they share
 * (id, timestamp, date, municipality). Each group is built on first use (see ./lazy.ts).
 *
 * The style: strict objects (an unknown key is an error), bounded string lengths, and ids that
 * can never be `__proto__`, `constructor` or `prototype`.
 */

/** Keys that must never become object keys when untrusted data is copied. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);
/** The characters of an id (which is also used as an object key). */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
/** A kommunenummer: four digits. */
export const MUNICIPALITY_NUMBER_PATTERN = /^\d{4}$/;
/** Longest strings a response may carry (in UTF-16 code units, as zod counts). */
export const RESPONSE_LIMITS = { id: 100, name: 100, initials: 20, comment: 2000 } as const;

/**
 * The pieces every file schema checks the same way (responses, actions, agreed answers), built
 * on first use (see ./lazy.ts).
 */
export const schemaParts = lazy(() => ({
  /** An id that is also used as an object key: bounded, plain characters, never reserved. */
  id: z.string().check(
    z.minLength(1),
    z.maxLength(RESPONSE_LIMITS.id),
    z.regex(ID_PATTERN),
    z.refine((k) => !RESERVED_KEYS.has(k), { error: 'Reserved key' }),
  ),
  timestamp: z.iso.datetime({ offset: true }),
  /** A real calendar date, YYYY-MM-DD (2024-02-31 is refused). */
  isoDate: z.iso.date(),
  municipality: z.strictObject({
    /** Kommunenummer, four digits. */
    number: z.string().check(z.regex(MUNICIPALITY_NUMBER_PATTERN)),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(RESPONSE_LIMITS.name)),
  }),
  /** A gathering's period: a year first, e.g. «2024» or «2024–2025» (see ./gatherings.ts). */
  period: z.string().check(z.regex(PERIOD_PATTERN)),
}));

// ---------------------------------------------------------------------------------------------
// Answers and responses

/** Built on first use (see ./lazy.ts). */
const responseSchemas = lazy(() => {
  const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
  const { id, timestamp, isoDate, municipality, period } = schemaParts();
  const shortText = (max: number) => z.string().check(z.maxLength(max));
  const safeKey = id;

  const answerSchema = z.strictObject({
    /** Absent when the respondent has written a comment but not yet answered. */
    value: z.optional(z.union([level, z.literal('dontKnow'), z.literal('notRelevant')])),
    comment: z.optional(shortText(RESPONSE_LIMITS.comment)),
    /** ISO timestamp of the last change; the newer edit wins on merge. */
    updatedAt: timestamp,
  });

  const responseSchema = z.strictObject({
    id,
    questionnaire: z.strictObject({ id, version: z.int().check(z.gte(1)) }),
    municipality,
    respondent: z.strictObject({
      id,
      role: z.enum(ROLES),
      initials: z.optional(shortText(RESPONSE_LIMITS.initials)),
    }),
    gathering: z.strictObject({
      /** Absent in state saved before periods: the year of `date` (./gatherings.ts, periodOf). */
      period: z.optional(period),
      round: z.union(GATHERING_ROUNDS.map((r) => z.literal(r))),
      date: isoDate,
    }),
    /** Keyed by statement id. */
    answers: z.record(safeKey, answerSchema),
    /** Keyed by area id: how much the area matters to the municipality, 1–5. */
    importance: z.record(safeKey, level),
    createdAt: timestamp,
    updatedAt: timestamp,
    submittedAt: z.optional(timestamp),
    /** Made-up data from the embedded demo network. Shown as such wherever it appears. */
    demo: z.optional(z.boolean()),
  });
  return { answerSchema, responseSchema };
});

export const answerSchema = () => responseSchemas().answerSchema;
export const responseSchema = () => responseSchemas().responseSchema;

// ---------------------------------------------------------------------------------------------
// Actions

/** Longest texts an action may carry. Generous, but they keep a hostile file small in memory. */
export const ACTION_LIMITS = {
  title: 200,
  description: 5000,
  owner: 200,
  note: 2000,
  followUps: 100,
} as const;

/** Built on first use (see ./lazy.ts). */
const actionSchemas = lazy(() => {
  const { id, timestamp, isoDate, municipality, period } = schemaParts();
  const boundedText = (max: number) => z.string().check(z.maxLength(max));
  const round = z.union(GATHERING_ROUNDS.map((r) => z.literal(r)));
  const status = z.enum(ACTION_STATUSES);

  const actionFollowUpSchema = z.strictObject({
    /** The gathering's period; absent: the year of `date` (../core/gatherings.ts). */
    period: z.optional(period),
    round,
    date: isoDate,
    status,
    note: boundedText(ACTION_LIMITS.note),
  });

  const actionSchema = z.strictObject({
    id,
    municipality,
    areaId: id,
    statementId: z.optional(id),
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(ACTION_LIMITS.title)),
    description: boundedText(ACTION_LIMITS.description),
    owner: boundedText(ACTION_LIMITS.owner),
    /** ISO date, YYYY-MM-DD. */
    dueDate: z.optional(isoDate),
    status,
    /** The gathering at which the action was agreed: its period (absent: the year of
     * `createdAt`, ./gatherings.ts) and round. */
    period: z.optional(period),
    round,
    followUps: z.array(actionFollowUpSchema).check(z.maxLength(ACTION_LIMITS.followUps)),
    createdAt: timestamp,
    updatedAt: timestamp,
    demo: z.optional(z.boolean()),
  });
  return { actionFollowUpSchema, actionSchema };
});

export const actionFollowUpSchema = () => actionSchemas().actionFollowUpSchema;
export const actionSchema = () => actionSchemas().actionSchema;

// ---------------------------------------------------------------------------------------------
// Agreed responses (consensus)

/** Bounds that keep a hostile file small in memory. */
export const AGREED_LIMITS = { rationale: 2000, statements: 500 } as const;

/** Built on first use (see ./lazy.ts). */
const agreedSchemas = lazy(() => {
  const { id, timestamp, municipality, period } = schemaParts();
  const level = z.union(LEVELS.map((l) => z.literal(l)));

  const agreedAnswerSchema = z.strictObject({
    level: z.union([level, z.literal('dontKnow'), z.literal('notRelevant')]),
    /** Why the delegation agreed on this level. May be empty. */
    rationale: z.string().check(z.maxLength(AGREED_LIMITS.rationale)),
    updatedAt: timestamp,
  });

  const agreedResponseSchema = z.strictObject({
    id,
    municipality,
    /** The gathering's period; absent: the year of `updatedAt` (./gatherings.ts). */
    period: z.optional(period),
    round: z.union(GATHERING_ROUNDS.map((r) => z.literal(r))),
    questionnaire: z.strictObject({ id, version: z.int().check(z.gte(1)) }),
    /** Keyed by statement id. */
    agreed: z.pipe(
      // zod's record silently drops an own "__proto__" key instead of checking it; reject it first.
      z.custom<unknown>(
        (v) => typeof v !== 'object' || v === null || !Object.hasOwn(v, '__proto__'),
        {
          error: 'Reserved key',
        },
      ),
      z.record(id, agreedAnswerSchema).check(
        z.refine((r) => Object.keys(r).length <= AGREED_LIMITS.statements, {
          error: `At most ${AGREED_LIMITS.statements} agreed statements`,
        }),
      ),
    ),
    updatedAt: timestamp,
    demo: z.optional(z.boolean()),
  });
  return { agreedAnswerSchema, agreedResponseSchema };
});

export const agreedAnswerSchema = () => agreedSchemas().agreedAnswerSchema;
export const agreedResponseSchema = () => agreedSchemas().agreedResponseSchema;
