import type { Questionnaire } from '../questionnaire/schema';
import type { Response } from '../core/types';

export interface VersionDifference {
  version: number;
  /** Responses to that version. */
  responses: number;
  /** Statements of that version that the current one lacks: their answers are left out. */
  leftOut: string[];
  /** Statements of the current version that one lacks: those responses have no answer there. */
  notAsked: string[];
}

/**
 * Whether two questionnaires ask the same things of the same people: the same areas, and the
 * same statement ids, each in the same area and put to the same roles. Texts may differ (a
 * version that only rewords its texts), and so may the order.
 */
export function sameStructure(a: Questionnaire, b: Questionnaire): boolean {
  const areaIds = (q: Questionnaire) =>
    q.areas
      .map((x) => x.id)
      .sort()
      .join('\n');
  if (a.statements.length !== b.statements.length || areaIds(a) !== areaIds(b)) return false;
  const shape = new Map(
    a.statements.map((s) => [s.id, `${s.area}|${[...(s.roles ?? [])].sort().join(',')}`]),
  );
  return b.statements.every(
    (s) => shape.get(s.id) === `${s.area}|${[...(s.roles ?? [])].sort().join(',')}`,
  );
}

/** The aligned copies an aligner keeps, per current questionnaire object. */
type AlignedCopies = WeakMap<Questionnaire, WeakMap<Response, Response>>;

function alignedCopy(
  copies: AlignedCopies,
  current: Questionnaire,
  ids: ReadonlySet<string>,
  r: Response,
): Response {
  let byResponse = copies.get(current);
  if (byResponse === undefined) copies.set(current, (byResponse = new WeakMap()));
  let copy = byResponse.get(r);
  if (copy === undefined) {
    const keys = Object.keys(r.answers);
    copy = {
      ...r,
      questionnaire: { id: current.id, version: current.version },
      // Keep the answers object itself when every answer is to a statement the current version has.
      answers: keys.every((id) => ids.has(id))
        ? r.answers
        : Object.fromEntries(Object.entries(r.answers).filter(([id]) => ids.has(id))),
    };
    byResponse.set(r, copy);
  }
  return copy;
}

/** alignVersions, remembering its copies (see createVersionAligner). */
export type VersionAligner = typeof alignVersions;

/**
 * An alignVersions that keeps the aligned copy of each response, per current questionnaire
 * object: aligning the same responses again (every aggregation of the network, at national scale
 * tens of thousands) returns the same copies, so an Aggregator's caches, which are keyed by
 * response object, find them. Responses and questionnaires are values, never edited in place, so
 * a copy cannot go stale. The store owns one, beside its Aggregator.
 */
export function createVersionAligner(): VersionAligner {
  const copies: AlignedCopies = new WeakMap();
  return (current, responses, known) => align(copies, current, responses, known);
}

/**
 * Lines responses to other versions of the same questionnaire up with `current`: they are
 * compared only on statements with the same (permanent) id. Answers to statements the current
 * version lacks are dropped, and the differences are returned so the UI can say what was left
 * out. A version with the same structure as the current one (sameStructure: one that only
 * rewords its texts) leaves nothing out and is not reported. Responses to other questionnaires
 * (another id) are passed over. Pure; a VersionAligner (createVersionAligner) also gives the same
 * copies again for the same responses.
 */
export function alignVersions(
  current: Questionnaire,
  responses: readonly Response[],
  known: readonly Questionnaire[],
): { responses: Response[]; differences: VersionDifference[] } {
  return align(new WeakMap(), current, responses, known);
}

function align(
  copies: AlignedCopies,
  current: Questionnaire,
  responses: readonly Response[],
  known: readonly Questionnaire[],
): { responses: Response[]; differences: VersionDifference[] } {
  const ids = new Set(current.statements.map((s) => s.id));
  const out: Response[] = [];
  const counts = new Map<number, number>();
  for (const r of responses) {
    if (r.questionnaire.id !== current.id) continue;
    if (r.questionnaire.version === current.version) {
      out.push(r);
      continue;
    }
    counts.set(r.questionnaire.version, (counts.get(r.questionnaire.version) ?? 0) + 1);
    out.push(alignedCopy(copies, current, ids, r));
  }
  const differences = [...counts]
    .sort(([a], [b]) => a - b)
    .flatMap(([version, n]): VersionDifference[] => {
      const other = known.find((q) => q.id === current.id && q.version === version);
      if (other !== undefined && sameStructure(other, current)) return [];
      const otherIds = new Set(other?.statements.map((s) => s.id) ?? []);
      return [
        {
          version,
          responses: n,
          leftOut: [...otherIds].filter((id) => !ids.has(id)).sort(),
          notAsked: other ? [...ids].filter((id) => !otherIds.has(id)).sort() : [],
        },
      ];
    });
  return { responses: out, differences };
}
