import { compareInstants } from '../core/records';
import type { Answer, Level, Response } from '../core/types';

/**
 * The merge between two browser tabs: answer by answer. This is NOT the import rule. An import
 * takes whole records, the newer `updatedAt` winning (../core/records.ts, compareEdits), because
 * an imported response is someone's finished self-assessment. Two tabs of the same browser, on
 * the other hand, may each hold part of the work in progress on one response, so each answer
 * keeps its newest edit. Both rules compare edit times as instants, through compareInstants.
 */

/** True when `a` is a later instant than `b` ("+02:00" and "Z" agree). */
function later(a: string, b: string): boolean {
  return compareInstants(a, b) > 0;
}

function newer<T extends { updatedAt: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return later(b.updatedAt, a.updatedAt) ? b : a;
}

/**
 * Merges two copies of the same response (same id), statement by statement: the newer edit of
 * each answer wins; header fields and importance come from the copy edited last, with the other
 * copy's importance for areas it lacks; a response submitted in either copy stays submitted.
 */
function mergeResponse(a: Response, b: Response): Response {
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

/** Merges another tab's responses into this tab's, by id; returns the merged map. */
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
