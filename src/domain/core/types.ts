/** Shared vocabulary of the domain. See docs/architecture.md for the glossary. */

export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['politician', 'administration', 'business', 'other'] as const;
export type Role = (typeof ROLES)[number];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export const GATHERING_ROUNDS = [1, 2, 3, 4] as const;
export type GatheringRound = (typeof GATHERING_ROUNDS)[number];

/** A statement is rated with a level, "don't know" or "not relevant". */
export type AnswerValue = Level | 'dontKnow' | 'notRelevant';

export interface Answer {
  /** Absent when the respondent has written a comment but not yet answered. */
  value?: AnswerValue | undefined;
  comment?: string | undefined;
  /** ISO timestamp of the last change; the newer edit wins on merge. */
  updatedAt: string;
}

export interface Municipality {
  /** Kommunenummer, four digits. */
  number: string;
  name: string;
}

export interface Gathering {
  round: GatheringRound;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

export interface Respondent {
  id: string;
  role: Role;
  initials?: string | undefined;
}

export interface QuestionnaireRef {
  id: string;
  version: number;
}

/** One respondent's answers for one questionnaire version at one gathering. */
export interface Response {
  id: string;
  questionnaire: QuestionnaireRef;
  municipality: Municipality;
  respondent: Respondent;
  gathering: Gathering;
  /** Keyed by statement id. */
  answers: Record<string, Answer>;
  /** Keyed by area id: how much the area matters to the municipality, 1–5. */
  importance: Record<string, Level>;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string | undefined;
  /** Made-up data from the embedded demo network. Shown as such wherever it appears. */
  demo?: boolean | undefined;
}

export const ACTION_STATUSES = ['planned', 'inProgress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A note made when an action is followed up at a gathering. */
export interface ActionFollowUp {
  round: GatheringRound;
  date: string;
  status: ActionStatus;
  note: string;
}

/** A measure a municipality commits to, tied to an area, followed up at each gathering. */
export interface Action {
  id: string;
  municipality: Municipality;
  areaId: string;
  statementId?: string | undefined;
  title: string;
  description: string;
  owner: string;
  /** ISO date, YYYY-MM-DD. */
  dueDate?: string | undefined;
  status: ActionStatus;
  /** The gathering at which the action was agreed. */
  round: GatheringRound;
  followUps: ActionFollowUp[];
  createdAt: string;
  updatedAt: string;
  demo?: boolean | undefined;
}

export interface AgreedAnswer {
  level: AnswerValue;
  /** Why the delegation agreed on this level. May be empty. */
  rationale: string;
  /** ISO timestamp; the newer edit wins on merge. */
  updatedAt: string;
}

/** A municipality's agreed answers for one gathering: the consensus of its delegation. */
export interface AgreedResponse {
  id: string;
  municipality: Municipality;
  round: GatheringRound;
  questionnaire: QuestionnaireRef;
  /** Keyed by statement id. */
  agreed: Record<string, AgreedAnswer>;
  updatedAt: string;
  /** Made-up data from the embedded demo network. */
  demo?: boolean | undefined;
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
