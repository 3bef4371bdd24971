import type {
  Action,
  AgreedResponse,
  GatheringRound,
  Municipality,
  QuestionnaireRef,
  Response,
  Role,
} from '../core/types';

/**
 * The rules a results file must keep beyond its schema (see docs/results-file.md, "Rules beyond
 * the schema"): nothing dated more than a day after the import, and no answer or importance for a
 * statement or area that the questionnaire's version does not have. Pure: the time of the import
 * comes in as an argument, never from the clock.
 */

/** How far after the import a timestamp may lie: clocks drift, and time zones differ. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * A calendar date (YYYY-MM-DD) is read as the moment it begins first anywhere on Earth, at
 * 00:00 in UTC+14:00, so a follow-up dated tomorrow in any time zone is accepted.
 */
const EARLIEST_OFFSET = '+14:00';

/** What the UI needs to name the record that breaks a rule, in the user's language. */
export interface ImportSubject {
  kind: 'response' | 'action' | 'agreement';
  /** Its place in the file's list of that kind (`responses`, `actions` or `agreements`). */
  index: number;
  municipality: Municipality;
  round: GatheringRound;
  /** A response's respondent role. */
  role?: Role;
  /** An action's title. */
  title?: string;
  /** The questionnaire version a response or agreement answers (for an unknown id). */
  version?: number;
  /** The timestamp or date in the future, or the unknown statement or area id. */
  value: string;
}

export interface Finding {
  /** Dotted path into the file, e.g. "responses.0.answers.strategy-1.updatedAt". */
  path: string;
  /** Technical message, in English. */
  message: string;
  subject: ImportSubject;
}

/** What the rules need to know of a questionnaire: its ids. A Questionnaire fits. */
export interface KnownQuestionnaire extends QuestionnaireRef {
  areas: readonly { id: string }[];
  statements: readonly { id: string }[];
}

/** A file's contents after validation: what the rules look at. */
export interface CheckedContent {
  responses: readonly Response[];
  actions: readonly Action[];
  agreements: readonly AgreedResponse[];
}

/**
 * A test for "later than the limit" that is fast on the common case: a timestamp in the form
 * toISOString writes (24 characters, UTC, milliseconds) compares with the limit as text, which
 * orders such timestamps by time; anything else (an offset such as +02:00, no milliseconds) is
 * parsed and compared as an instant. Date.parse costs about half a microsecond, and a national
 * import holds over a million answer timestamps.
 */
function laterThan(limitMs: number): (timestamp: string) => boolean {
  const limitText = new Date(limitMs).toISOString();
  const canonical = limitText.length === 24; // years 0000–9999
  return (timestamp) => {
    if (
      canonical &&
      timestamp.length === 24 &&
      timestamp.charCodeAt(23) === 0x5a && // Z
      timestamp.charCodeAt(19) === 0x2e // .
    ) {
      return timestamp > limitText;
    }
    const t = Date.parse(timestamp);
    return !Number.isNaN(t) && t > limitMs;
  };
}

/**
 * Every timestamp and date in the file that lies more than FUTURE_TOLERANCE_MS after `now`
 * (an ISO timestamp), in file order: a response's createdAt, updatedAt and submittedAt, each
 * answer's updatedAt; an action's createdAt and updatedAt and each follow-up's date; an agreed
 * response's updatedAt and each agreed answer's. A gathering's date and an action's due date may
 * lie in the future. When `now` is not a timestamp, nothing is found.
 */
export function findFutureTimestamps(content: CheckedContent, now: string): Finding[] {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) return [];
  const limitMs = nowMs + FUTURE_TOLERANCE_MS;
  const later = laterThan(limitMs);
  const limitText = new Date(limitMs).toISOString();
  const out: Finding[] = [];
  const note = (path: string, value: string, subject: Omit<ImportSubject, 'value'>) =>
    out.push({
      path,
      message: `${value} is more than a day after the import (later than ${limitText})`,
      subject: { ...subject, value },
    });

  content.responses.forEach((r, index) => {
    const subject = responseSubject(r, index);
    const at = `responses.${index}`;
    if (later(r.createdAt)) note(`${at}.createdAt`, r.createdAt, subject);
    if (later(r.updatedAt)) note(`${at}.updatedAt`, r.updatedAt, subject);
    if (r.submittedAt !== undefined && later(r.submittedAt))
      note(`${at}.submittedAt`, r.submittedAt, subject);
    // Keys and values as two lists, not a lookup per key (see ../scoring/tally.ts, tallyAnswers).
    const ids = Object.keys(r.answers);
    const answers = Object.values(r.answers);
    for (let k = 0; k < answers.length; k += 1) {
      const stamp = answers[k]!.updatedAt;
      if (later(stamp)) note(`${at}.answers.${ids[k]!}.updatedAt`, stamp, subject);
    }
  });
  content.actions.forEach((a, index) => {
    const subject = actionSubject(a, index);
    const at = `actions.${index}`;
    if (later(a.createdAt)) note(`${at}.createdAt`, a.createdAt, subject);
    if (later(a.updatedAt)) note(`${at}.updatedAt`, a.updatedAt, subject);
    a.followUps.forEach((f, k) => {
      if (Date.parse(`${f.date}T00:00:00${EARLIEST_OFFSET}`) > limitMs)
        note(`${at}.followUps.${k}.date`, f.date, subject);
    });
  });
  content.agreements.forEach((a, index) => {
    const subject = agreementSubject(a, index);
    const at = `agreements.${index}`;
    if (later(a.updatedAt)) note(`${at}.updatedAt`, a.updatedAt, subject);
    for (const [id, answer] of Object.entries(a.agreed)) {
      if (later(answer.updatedAt)) note(`${at}.agreed.${id}.updatedAt`, answer.updatedAt, subject);
    }
  });
  return out;
}

/** A questionnaire version's statement and area ids. */
interface QuestionnaireIds {
  statements: ReadonlySet<string>;
  areas: ReadonlySet<string>;
}

/**
 * Every answer keyed by a statement id, and every importance keyed by an area id, that the
 * response's questionnaire version does not have; and every agreed answer to a statement its
 * version does not have. In file order. Responses to a version not in `known` are passed over
 * (the chain refuses them before this check).
 */
export function findUnknownIds(
  content: CheckedContent,
  known: readonly KnownQuestionnaire[],
): { statements: Finding[]; areas: Finding[] } {
  const ids = new Map<KnownQuestionnaire, QuestionnaireIds>();
  const idsOf = (ref: QuestionnaireRef) => {
    const q = known.find((k) => k.id === ref.id && k.version === ref.version);
    if (q === undefined) return undefined;
    let sets = ids.get(q);
    if (sets === undefined) {
      sets = {
        statements: new Set(q.statements.map((s) => s.id)),
        areas: new Set(q.areas.map((a) => a.id)),
      };
      ids.set(q, sets);
    }
    return sets;
  };
  const statements: Finding[] = [];
  const areas: Finding[] = [];
  /** The findings of a response or agreed response: one per id its questionnaire lacks. */
  const finder =
    (ref: QuestionnaireRef, subject: Omit<ImportSubject, 'value'>, sets: QuestionnaireIds) =>
    (what: 'statement' | 'area', path: string, ids: readonly string[]): Finding[] =>
      ids
        .filter((id) => !(what === 'statement' ? sets.statements : sets.areas).has(id))
        .map((id) => ({
          path: `${path}.${id}`,
          message: `No ${what} "${id}" in ${ref.id} v${ref.version}`,
          subject: { ...subject, version: ref.version, value: id },
        }));
  content.responses.forEach((r, index) => {
    const sets = idsOf(r.questionnaire);
    if (sets === undefined) return;
    const found = finder(r.questionnaire, responseSubject(r, index), sets);
    statements.push(...found('statement', `responses.${index}.answers`, Object.keys(r.answers)));
    areas.push(...found('area', `responses.${index}.importance`, Object.keys(r.importance)));
  });
  content.agreements.forEach((a, index) => {
    const sets = idsOf(a.questionnaire);
    if (sets === undefined) return;
    const found = finder(a.questionnaire, agreementSubject(a, index), sets);
    statements.push(...found('statement', `agreements.${index}.agreed`, Object.keys(a.agreed)));
  });
  return { statements, areas };
}

/** Who a finding is about: what the UI names (never the person; see ImportSubject). */
function subjectOf(
  kind: ImportSubject['kind'],
  index: number,
  m: { number: string; name: string },
  round: ImportSubject['round'],
): Omit<ImportSubject, 'value'> {
  return { kind, index, municipality: { number: m.number, name: m.name }, round };
}

function responseSubject(r: Response, index: number): Omit<ImportSubject, 'value'> {
  return {
    ...subjectOf('response', index, r.municipality, r.gathering.round),
    role: r.respondent.role,
  };
}

function actionSubject(a: Action, index: number): Omit<ImportSubject, 'value'> {
  return { ...subjectOf('action', index, a.municipality, a.round), title: a.title };
}

function agreementSubject(a: AgreedResponse, index: number): Omit<ImportSubject, 'value'> {
  return subjectOf('agreement', index, a.municipality, a.round);
}
