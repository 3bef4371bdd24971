import * as z from 'zod/mini';
import { PERIOD_PATTERN } from '../core/gatherings';
import {
  actionSchema,
  agreedResponseSchema,
  ID_PATTERN,
  MUNICIPALITY_NUMBER_PATTERN,
  RESERVED_KEYS,
  RESPONSE_LIMITS,
} from '../core/schemas';
import { ROLES, type Answer, type Level, type Response } from '../core/types';
import { APP_VERSION_MAX_LENGTH, type ResultsFile } from './results-file-schema';
import { RESULTS_FORMAT, RESULTS_FORMAT_VERSION } from './results-file';

/**
 * A fast path for well-formed data: a hand-written check of the results file (format version 2)
 * and of the response record, which a national import and a reopen meet hundreds of thousands
 * of times. It either returns exactly what the zod schema would (the same values, keys in the
 * same order, new objects) or null, for "not sure": the caller then runs the full zod schema,
 * which gives the verdict and its issues. So the fast path can only be faster, never more lenient
 * or stricter; fast-check properties (fast-check.test.ts) hold it to that.
 *
 * It says null to anything unusual (a key it does not expect, an optional key present but
 * undefined, a name with spaces to trim, actions or agreed answers it cannot check) rather than
 * copying more of zod's rules. Actions and agreed answers are rare and few: they go through their
 * zod schemas one by one here.
 */

const TIMESTAMP = z.regexes.datetime({ offset: true });
const ISO_DATE = z.regexes.date;
const ROLE_SET: ReadonlySet<unknown> = new Set(ROLES);
const ANSWER_WORDS: ReadonlySet<unknown> = new Set(['dontKnow', 'notRelevant']);

/** A plain object, as JSON.parse and structured clone make them. */
function plain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}

/** Every own key is one of `allowed` (a strict object): none unknown. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

const isId = (v: unknown): v is string =>
  typeof v === 'string' &&
  v.length >= 1 &&
  v.length <= RESPONSE_LIMITS.id &&
  ID_PATTERN.test(v) &&
  !RESERVED_KEYS.has(v);

const isTimestamp = (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v);
const isLevel = (v: unknown): v is Level => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;
const isRound = (v: unknown): v is 1 | 2 | 3 | 4 => v === 1 || v === 2 || v === 3 || v === 4;
const isVersion = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;
const shortText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length <= max;

/** `key` is absent (fine) or present and undefined (unsure): the optional-key rule. */
const absent = (o: Record<string, unknown>, key: string) => !(key in o);

const REF_KEYS = new Set(['id', 'version']);
function questionnaireRef(v: unknown): { id: string; version: number } | null {
  if (!plain(v) || !onlyKeys(v, REF_KEYS) || !isId(v.id) || !isVersion(v.version)) return null;
  return { id: v.id, version: v.version };
}

const MUNICIPALITY_KEYS = new Set(['number', 'name']);
function municipality(v: unknown): { number: string; name: string } | null {
  if (!plain(v) || !onlyKeys(v, MUNICIPALITY_KEYS)) return null;
  const { number, name } = v;
  if (typeof number !== 'string' || !MUNICIPALITY_NUMBER_PATTERN.test(number)) return null;
  // zod trims the name: one that needs trimming is left to it.
  if (typeof name !== 'string' || name.length < 1 || name.length > RESPONSE_LIMITS.name)
    return null;
  if (name.trim() !== name) return null;
  return { number, name };
}

const ANSWER_KEYS = new Set(['value', 'comment', 'updatedAt']);
function answer(v: unknown): Answer | null {
  if (!plain(v) || !onlyKeys(v, ANSWER_KEYS) || !isTimestamp(v.updatedAt)) return null;
  const out: Answer = {} as Answer;
  if (!absent(v, 'value')) {
    if (!isLevel(v.value) && !ANSWER_WORDS.has(v.value)) return null;
    out.value = v.value as Answer['value'] & {};
  }
  if (!absent(v, 'comment')) {
    if (!shortText(v.comment, RESPONSE_LIMITS.comment)) return null;
    out.comment = v.comment;
  }
  out.updatedAt = v.updatedAt;
  return out;
}

/** A record keyed by ids: each value checked by `item`; null if any key or value fails. */
function idRecord<T>(v: unknown, item: (value: unknown) => T | null): Record<string, T> | null {
  if (!plain(v)) return null;
  const out: Record<string, T> = {};
  for (const key in v) {
    if (!isId(key)) return null;
    const checked = item(v[key]);
    if (checked === null) return null;
    out[key] = checked;
  }
  return out;
}

const RESPONSE_KEYS = new Set([
  'id',
  'questionnaire',
  'municipality',
  'respondent',
  'gathering',
  'answers',
  'importance',
  'createdAt',
  'updatedAt',
  'submittedAt',
  'demo',
]);
const RESPONDENT_KEYS = new Set(['id', 'role', 'initials']);
const GATHERING_KEYS = new Set(['period', 'round', 'date']);
const levelOrNull = (v: unknown): Level | null => (isLevel(v) ? v : null);

/**
 * A response record (core/schemas.ts, responseSchema) as zod would return it, or null when the
 * fast check is not sure (then ask zod).
 */
export function fastResponse(v: unknown): Response | null {
  if (!plain(v) || !onlyKeys(v, RESPONSE_KEYS) || !isId(v.id)) return null;
  const questionnaire = questionnaireRef(v.questionnaire);
  const place = municipality(v.municipality);
  if (questionnaire === null || place === null) return null;

  const r = v.respondent;
  if (!plain(r) || !onlyKeys(r, RESPONDENT_KEYS) || !isId(r.id) || !ROLE_SET.has(r.role))
    return null;
  const respondent: Response['respondent'] = {
    id: r.id,
    role: r.role as Response['respondent']['role'],
  };
  if (!absent(r, 'initials')) {
    if (!shortText(r.initials, RESPONSE_LIMITS.initials)) return null;
    respondent.initials = r.initials;
  }

  const g = v.gathering;
  if (!plain(g) || !onlyKeys(g, GATHERING_KEYS) || !isRound(g.round) || !isDate(g.date))
    return null;
  let gathering: Response['gathering'];
  if (absent(g, 'period')) gathering = { round: g.round, date: g.date };
  else if (typeof g.period === 'string' && PERIOD_PATTERN.test(g.period))
    gathering = { period: g.period, round: g.round, date: g.date };
  else return null;

  const answers = idRecord(v.answers, answer);
  const importance = idRecord(v.importance, levelOrNull);
  if (answers === null || importance === null) return null;
  if (!isTimestamp(v.createdAt) || !isTimestamp(v.updatedAt)) return null;

  const out: Response = {
    id: v.id,
    questionnaire,
    municipality: place,
    respondent,
    gathering,
    answers,
    importance,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
  if (!absent(v, 'submittedAt')) {
    if (!isTimestamp(v.submittedAt)) return null;
    out.submittedAt = v.submittedAt;
  }
  if (!absent(v, 'demo')) {
    if (typeof v.demo !== 'boolean') return null;
    out.demo = v.demo;
  }
  return out;
}

/** Each item through `check`, and every id once; null at the first doubt. */
function list<T extends { id: string }>(
  v: unknown,
  check: (item: unknown) => T | null,
): T[] | null {
  if (!Array.isArray(v)) return null;
  const out: T[] = new Array<T>(v.length);
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i += 1) {
    const item = check(v[i]);
    if (item === null || seen.has(item.id)) return null;
    seen.add(item.id);
    out[i] = item;
  }
  return out;
}

const bySchema =
  <T>(schema: () => { safeParse: (v: unknown) => { success: boolean; data?: T } }) =>
  (v: unknown): T | null => {
    const parsed = schema().safeParse(v);
    return parsed.success ? (parsed.data as T) : null;
  };

const FILE_KEYS = new Set([
  'format',
  'formatVersion',
  'app',
  'exportedAt',
  'questionnaire',
  'responses',
  'actions',
  'agreements',
]);
const APP_KEYS = new Set(['name', 'version']);

/**
 * A results file of the current format version, after migrations, as resultsFileSchema would
 * return it, or null when the fast check is not sure (then ask zod).
 */
export function fastResultsFile(v: unknown): ResultsFile | null {
  if (!plain(v) || !onlyKeys(v, FILE_KEYS)) return null;
  if (v.format !== RESULTS_FORMAT || v.formatVersion !== RESULTS_FORMAT_VERSION) return null;
  const app = v.app;
  if (!plain(app) || !onlyKeys(app, APP_KEYS) || app.name !== 'naeringsspeilet') return null;
  if (typeof app.version !== 'string' || app.version.length < 1) return null;
  if (app.version.length > APP_VERSION_MAX_LENGTH) return null;
  if (!isTimestamp(v.exportedAt)) return null;
  const questionnaire = questionnaireRef(v.questionnaire);
  if (questionnaire === null) return null;
  const responses = list(v.responses, fastResponse);
  if (responses === null) return null;
  const out: ResultsFile = {
    format: RESULTS_FORMAT,
    formatVersion: RESULTS_FORMAT_VERSION,
    app: { name: 'naeringsspeilet', version: app.version },
    exportedAt: v.exportedAt,
    questionnaire,
    responses,
  };
  if (!absent(v, 'actions')) {
    const actions = list(v.actions, bySchema(actionSchema));
    if (actions === null) return null;
    out.actions = actions;
  }
  if (!absent(v, 'agreements')) {
    const agreements = list(v.agreements, bySchema(agreedResponseSchema));
    if (agreements === null) return null;
    out.agreements = agreements;
  }
  return out;
}
