import { actionSchema } from '../core/schemas';

export interface ActionIssue {
  /** Dotted path, e.g. "title" or "followUps.0.date". "" for the action itself. */
  path: string;
  /** The zod issue code, e.g. "too_small" or "invalid_format". */
  code: string;
}

/** Problems that would stop the action from being saved or exported. Empty when valid. */
export function checkAction(action: unknown): ActionIssue[] {
  const result = actionSchema().safeParse(action);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
}
