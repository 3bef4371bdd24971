import { compareText } from '../core/records';
import { ROLES, type Municipality, type Response, type Role } from '../core/types';
import { countedResponses, gatheringKey, previousGathering } from '../scoring/counted';

/**
 * Who has answered: for one gathering, per municipality and role, the responses in (those that
 * count: one per respondent, countedResponses), how many are submitted and how many still in
 * progress, the same count at the previous gathering (previousGathering), and how many are
 * expected. The facilitator checks it the day before and chases the missing ones.
 */

/** The key of one expected number: municipality, gathering (gatheringKey) and role. */
export function expectedKey(number: string, gathering: string, role: Role): string {
  return `${number}|${gathering}|${role}`;
}

export interface AnsweredCell {
  role: Role;
  /** Responses in (one per respondent). */
  responses: number;
  submitted: number;
  inProgress: number;
  /** Responses at the previous gathering, or null when there is none. */
  previous: number | null;
  /** What the facilitator typed, or else the previous gathering's count (0 without one). */
  expected: number;
  /** The facilitator typed the expected number. */
  typed: boolean;
  /** expected − responses, at least 0. */
  missing: number;
}

export interface AnsweredRow {
  municipality: Municipality;
  /** Every role, in ROLES order. */
  roles: AnsweredCell[];
  responses: number;
  submitted: number;
  inProgress: number;
  previous: number | null;
  expected: number;
  missing: number;
}

export interface WhoHasAnswered {
  /** The gathering before the chosen one, as a response of it names it, or null. */
  previous: Pick<Response, 'gathering'> | null;
  /** Every municipality with responses at the chosen or the previous gathering, by number. */
  rows: AnsweredRow[];
}

/**
 * @param responses every response held (any questionnaire: a delegation may answer another
 *   version; counted per questionnaire id, as aggregation counts them)
 * @param gathering the chosen gathering
 * @param expected typed expected numbers, by expectedKey
 */
export function whoHasAnswered(
  responses: readonly Response[],
  gathering: Pick<Response, 'gathering'>,
  expected: Readonly<Record<string, number>>,
): WhoHasAnswered {
  const counted = countedResponses(responses);
  const key = gatheringKey(gathering);
  const previous = previousGathering(counted, gathering);
  const previousKey = previous === null ? null : gatheringKey(previous);
  const tally = new Map<
    string,
    { municipality: Municipality; now: Response[]; before: Response[] }
  >();
  for (const r of counted) {
    const k = gatheringKey(r);
    if (k !== key && k !== previousKey) continue;
    let entry = tally.get(r.municipality.number);
    if (entry === undefined)
      tally.set(
        r.municipality.number,
        (entry = { municipality: r.municipality, now: [], before: [] }),
      );
    if (k === key) {
      entry.now.push(r);
      entry.municipality = r.municipality;
    } else entry.before.push(r);
  }
  const rows = [...tally.values()].map(({ municipality, now, before }): AnsweredRow => {
    const roles = ROLES.map((role): AnsweredCell => {
      const mine = now.filter((r) => r.respondent.role === role);
      const submitted = mine.filter((r) => r.submittedAt !== undefined).length;
      const prev =
        previous === null ? null : before.filter((r) => r.respondent.role === role).length;
      const typedValue = expected[expectedKey(municipality.number, key, role)];
      const typed = typedValue !== undefined && Number.isInteger(typedValue) && typedValue >= 0;
      const want = typed ? typedValue : (prev ?? 0);
      return {
        role,
        responses: mine.length,
        submitted,
        inProgress: mine.length - submitted,
        previous: prev,
        expected: want,
        typed,
        missing: Math.max(0, want - mine.length),
      };
    });
    const sum = (pick: (c: AnsweredCell) => number) => roles.reduce((s, c) => s + pick(c), 0);
    return {
      municipality: { number: municipality.number, name: municipality.name },
      roles,
      responses: sum((c) => c.responses),
      submitted: sum((c) => c.submitted),
      inProgress: sum((c) => c.inProgress),
      previous: previous === null ? null : sum((c) => c.previous ?? 0),
      expected: sum((c) => c.expected),
      missing: sum((c) => c.missing),
    };
  });
  rows.sort((a, b) => compareText(a.municipality.number, b.municipality.number));
  return { previous, rows };
}
