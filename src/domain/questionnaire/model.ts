import type { Role } from '../core/types';
import type { Questionnaire, Statement } from './schema';

/** Statements that a respondent with this role is asked. */
export function statementsForRole(q: Questionnaire, role: Role): Statement[] {
  return q.statements.filter((s) => s.roles === undefined || s.roles.includes(role));
}

/** Statements of one area that a respondent with this role is asked, in file order. */
export function areaStatements(q: Questionnaire, areaId: string, role: Role): Statement[] {
  return statementsForRole(q, role).filter((s) => s.area === areaId);
}
