import type { Answer, Level, Response } from '../core/types';

/** Compares timestamps as instants, so "+02:00" and "Z", or ":00Z" and ":00.000Z", agree. */
function later(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return a > b;
  return x > y;
}

function newer<T extends { updatedAt: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return later(b.updatedAt, a.updatedAt) ? b : a;
}

/**
 * Merges two copies of the same response (same id), statement by statement:
 * the newer edit of each answer wins. Used for a second browser tab and for re-imports.
 */
export function mergeResponse(a: Response, b: Response): Response {
  const answers: Record<string, Answer> = {};
  const ids = new Set([...Object.keys(a.answers), ...Object.keys(b.answers)]);
  for (const id of ids) {
    const answer = newer(a.answers[id], b.answers[id]);
    if (answer) answers[id] = answer;
  }
  const base = later(b.updatedAt, a.updatedAt) ? b : a;
  const other = base === a ? b : a;
  const importance: Record<string, Level> = { ...other.importance, ...base.importance };
  const submittedAt = a.submittedAt ?? b.submittedAt;
  const merged: Response = { ...base, answers, importance };
  if (submittedAt !== undefined) merged.submittedAt = submittedAt;
  return merged;
}

/** Merges collections of responses by id; returns the merged map. */
export function mergeResponseMaps(
  mine: Readonly<Record<string, Response>>,
  theirs: Readonly<Record<string, Response>>,
): Record<string, Response> {
  const out: Record<string, Response> = { ...mine };
  for (const [id, response] of Object.entries(theirs)) {
    const existing = out[id];
    out[id] = existing ? mergeResponse(existing, response) : response;
  }
  return out;
}
