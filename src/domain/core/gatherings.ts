import { compareText, isRecord } from './records';
import type { GatheringRound } from './types';

/**
 * What identifies a gathering, in one place: its period and its round (1–4). The network meets
 * four times a year, and then the next year comes; without the period, next year's round 1
 * would merge with this year's.
 *
 * - A period is the year of the gathering's date unless someone named it, for example
 *   «2024–2025» for a network that starts in the autumn (`gathering.period`).
 * - A period's name starts with its first year (PERIOD_PATTERN), so periods sort by name, and
 *   gatherings by period, then round (compareGatherings).
 * - Records that name a gathering only by round (an action, a follow-up, an agreed answer)
 *   carry `period` beside `round`; one saved before periods existed takes the year of its own
 *   date (periodOfRecord), and migrations set it from the responses where they can.
 */

/** A period's name: a four-digit year first, then at most 16 more characters, e.g. «2024–2025». */
export const PERIOD_PATTERN = /^\d{4}[\p{L}\p{N} ./–-]{0,16}$/u;

/** A gathering: its period and its round. */
export interface GatheringId {
  period: string;
  round: GatheringRound;
}

/** The year of an ISO date or timestamp (YYYY-MM-DD…): the period when none is named. */
export function yearOf(isoDate: string): string {
  return isoDate.slice(0, 4);
}

/** The gathering's period: the one it names, or the year of its date. */
export function periodOf(gathering: { period?: string | undefined; date: string }): string {
  return gathering.period ?? yearOf(gathering.date);
}

/**
 * The period of a record that names its gathering by round (an action, a follow-up, an agreed
 * answer): the one it names, or the year of `date`, its own date.
 */
export function periodOfRecord(record: { period?: string | undefined }, date: string): string {
  return record.period ?? yearOf(date);
}

/**
 * The gathering of a record that names it by round (an action, a follow-up, an agreed answer),
 * with `date` its own date for a record saved before periods (periodOfRecord).
 */
export function gatheringOfRecord(
  record: { period?: string | undefined; round: GatheringRound },
  date: string,
): GatheringId {
  return { period: periodOfRecord(record, date), round: record.round };
}

/** A response's gathering: period and round. */
export function gatheringOf(response: {
  gathering: { period?: string | undefined; round: GatheringRound; date: string };
}): GatheringId {
  return { period: periodOf(response.gathering), round: response.gathering.round };
}

/** The text key of a gathering, for maps, sets and routes: "2024#2". */
export function keyOfGathering(g: GatheringId): string {
  return `${g.period}#${g.round}`;
}

/**
 * What "the same gathering" means for a response: the same period and round. The one place that
 * decides it; counted.ts (one response per respondent and gathering) and every view group by it.
 */
export function gatheringKey(response: {
  gathering: { period?: string | undefined; round: GatheringRound; date: string };
}): string {
  return keyOfGathering(gatheringOf(response));
}

/**
 * Whether two responses' gatherings are the same one, as gatheringKey decides, without building
 * the keys: for a pass over thousands of responses in runs of the same gathering.
 */
export function sameResponseGathering(
  a: { period?: string | undefined; round: GatheringRound; date: string },
  b: { period?: string | undefined; round: GatheringRound; date: string },
): boolean {
  return a === b || (a.round === b.round && periodOf(a) === periodOf(b));
}

/** The gathering a key names, or null when it is not one keyOfGathering wrote. */
export function parseGatheringKey(key: string): GatheringId | null {
  const at = key.lastIndexOf('#');
  if (at < 0) return null;
  const period = key.slice(0, at);
  const round = Number(key.slice(at + 1));
  if (!PERIOD_PATTERN.test(period) || ![1, 2, 3, 4].includes(round)) return null;
  return { period, round: round as GatheringRound };
}

/**
 * A gathering as part of a record id ("2024-r2", "2024_2013_2025-r1" for «2024–2025»): ids
 * allow only A–Z a–z 0–9 _ . : -, so any other character of the period is written as _ and its
 * code point in hex. Different gatherings never share one.
 */
export function gatheringIdPart(g: GatheringId): string {
  const period = [...g.period]
    .map((c) => (/^[A-Za-z0-9.-]$/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`))
    .join('');
  return `${period}-r${g.round}`;
}

/** Earlier first: by period (its name starts with its year), then round. */
export function compareGatherings(a: GatheringId, b: GatheringId): number {
  return compareText(a.period, b.period) || a.round - b.round;
}

/** The distinct gatherings in `list`, earliest first. */
export function distinctGatherings(list: Iterable<GatheringId>): GatheringId[] {
  const byKey = new Map<string, GatheringId>();
  for (const g of list) {
    const key = keyOfGathering(g);
    if (!byKey.has(key)) byKey.set(key, { period: g.period, round: g.round });
  }
  return [...byKey.values()].sort(compareGatherings);
}

/** Whether two gatherings are the same one. */
export function sameGathering(a: GatheringId, b: GatheringId): boolean {
  return a.period === b.period && a.round === b.round;
}

/**
 * Whether the gatherings span more than one period: then every view, report, export and picker
 * that names a gathering names its period too. With one period, the round says it all.
 */
export function showsPeriod(list: Iterable<GatheringId>): boolean {
  let first: string | null = null;
  for (const g of list) {
    if (first === null) first = g.period;
    else if (g.period !== first) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Naming the periods of records made before periods existed

type Json = Record<string, unknown>;

/** The year of a date (YYYY-MM-DD…) read from untrusted JSON, or null. */
function yearIn(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-/.test(value) ? yearOf(value) : null;
}

/** "1580|2": a municipality and round, as a record without a period names its gathering. */
function slotOf(record: Json, round: unknown): string | null {
  const m = record.municipality;
  if (!isRecord(m) || typeof m.number !== 'string' || typeof round !== 'number') return null;
  return `${m.number}|${round}`;
}

/** A copy of `record` with `period` set, unless it has one or there is none to set. */
function withPeriod(record: Json, period: string | null): Json {
  if (period === null || Object.hasOwn(record, 'period')) return { ...record };
  return { ...record, period };
}

/**
 * The one rule that names the periods of records made before gatherings had one, for the
 * results file's migration from version 1 and for saved state alike. Works on untrusted JSON
 * and never changes it; anything not of the expected shape is passed on as it is, for the
 * schema to refuse.
 *
 * - A response's gathering: the year of its date.
 * - An action or an agreed answer names its gathering by round only: it takes the period of the
 *   responses from the same municipality and round when they agree on one, else the year of its
 *   own date (an action's `createdAt`, an agreed answer's `updatedAt`). A gathering in December
 *   whose action was written in January stays in the gathering's year.
 * - A follow-up: the year of its date.
 * - A period already named is kept.
 */
export function namePeriods(records: {
  responses: readonly unknown[];
  actions: readonly unknown[];
  agreements: readonly unknown[];
}): { responses: unknown[]; actions: unknown[]; agreements: unknown[] } {
  const periodsBySlot = new Map<string, Set<string>>();
  const responses = records.responses.map((r) => {
    if (!isRecord(r) || !isRecord(r.gathering)) return r;
    const gathering = withPeriod(r.gathering, yearIn(r.gathering.date));
    const slot = slotOf(r, gathering.round);
    if (slot !== null && typeof gathering.period === 'string') {
      const periods = periodsBySlot.get(slot) ?? new Set<string>();
      periodsBySlot.set(slot, periods.add(gathering.period));
    }
    return { ...r, gathering };
  });
  const periodAt = (record: Json, ownDate: unknown): string | null => {
    const slot = slotOf(record, record.round);
    const periods = slot === null ? undefined : periodsBySlot.get(slot);
    if (periods?.size === 1) return [...periods][0]!;
    return yearIn(ownDate);
  };
  const actions = records.actions.map((a) => {
    if (!isRecord(a)) return a;
    const action = withPeriod(a, periodAt(a, a.createdAt));
    if (Array.isArray(a.followUps)) {
      action.followUps = (a.followUps as unknown[]).map((f) =>
        isRecord(f) ? withPeriod(f, yearIn(f.date)) : f,
      );
    }
    return action;
  });
  const agreements = records.agreements.map((a) =>
    isRecord(a) ? withPeriod(a, periodAt(a, a.updatedAt)) : a,
  );
  return { responses, actions, agreements };
}
