import type { Questionnaire } from '../questionnaire/schema';
import type { Response } from '../types';

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
 * Lines responses to other versions of the same questionnaire up with `current`: they are
 * compared only on statements with the same (permanent) id. Answers to statements the current
 * version lacks are dropped, and the differences are returned so the UI can say what was left
 * out. Responses to other questionnaires (another id) are passed over. Pure.
 */
export function alignVersions(
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
    out.push({
      ...r,
      questionnaire: { id: current.id, version: current.version },
      answers: Object.fromEntries(Object.entries(r.answers).filter(([id]) => ids.has(id))),
    });
  }
  const differences = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([version, n]) => {
      const other = known.find((q) => q.id === current.id && q.version === version);
      const otherIds = new Set(other?.statements.map((s) => s.id) ?? []);
      return {
        version,
        responses: n,
        leftOut: [...otherIds].filter((id) => !ids.has(id)).sort(),
        notAsked: other ? [...ids].filter((id) => !otherIds.has(id)).sort() : [],
      };
    });
  return { responses: out, differences };
}
