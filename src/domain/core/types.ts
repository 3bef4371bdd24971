import type * as z from 'zod/mini';
import type {
  actionFollowUpSchema,
  actionSchema,
  agreedAnswerSchema,
  agreedResponseSchema,
  answerSchema,
  responseSchema,
} from './schemas';

/** Shared vocabulary of the domain. See docs/architecture.md for the glossary. */

export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['politician', 'administration', 'business', 'other'] as const;
export type Role = (typeof ROLES)[number];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export const GATHERING_ROUNDS = [1, 2, 3, 4] as const;
export type GatheringRound = (typeof GATHERING_ROUNDS)[number];

export const ACTION_STATUSES = ['planned', 'inProgress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// The records below are inferred from their zod schemas (./schemas.ts): the schema is the one
// source of their shape, and what a schema accepts is exactly what the type says.

type Output<S extends () => z.ZodMiniType> = z.output<ReturnType<S>>;

/** One respondent's answers for one questionnaire version at one gathering. */
export type Response = Output<typeof responseSchema>;
/** One statement's answer; `value` is absent while only a comment has been written. */
export type Answer = Output<typeof answerSchema>;
/** A statement is rated with a level, "don't know" or "not relevant". */
export type AnswerValue = NonNullable<Answer['value']>;
/** A municipality: kommunenummer (four digits) and name. */
export type Municipality = Response['municipality'];
/** A gathering: round 1–4 and its date (YYYY-MM-DD). */
export type Gathering = Response['gathering'];
/** Which questionnaire, and which version of it. */
export type QuestionnaireRef = Response['questionnaire'];

/** A measure a municipality commits to, tied to an area, followed up at each gathering. */
export type Action = Output<typeof actionSchema>;
/** A note made when an action is followed up at a gathering. */
export type ActionFollowUp = Output<typeof actionFollowUpSchema>;

/** A municipality's agreed answers for one gathering: the consensus of its delegation. */
export type AgreedResponse = Output<typeof agreedResponseSchema>;
/** One statement's agreed level and the delegation's reason for it. */
export type AgreedAnswer = Output<typeof agreedAnswerSchema>;

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
