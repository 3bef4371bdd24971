import { compareText } from '../domain/core/records';
import type { Municipality } from '../domain/core/types';
import { delegationComments, type StatementComment } from '../domain/priorities/comments';
import { localize } from '../domain/questionnaire/localize';
import type { NetworkModel } from './network-model';
import { useAppStore } from './store-context';
import { useFreeTextView } from './free-text';
import { useDelegations } from './delegations';

/** One statement of an area with every municipality's comments on it, as the rule allows. */
export interface AreaStatementComments {
  statementId: string;
  /** The statement in the active language. */
  text: string;
  /** Municipalities with comments, in the order of their shown names (or letters). */
  municipalities: { municipality: Municipality; label: string; comments: StatementComment[] }[];
}

/**
 * Every municipality's comments on the statements of one area at the chosen gathering, statement
 * by statement (questionnaire order), through the one free-text rule (delegationComments).
 * Statements without comments are left out. Municipalities are ordered by the name shown, so the
 * order says nothing more than the names do.
 */
export function useAreaComments(
  model: NetworkModel,
  areaId: string,
  /** The name to show for a municipality (useMunicipalityName). */
  name: (m: Municipality) => string,
): AreaStatementComments[] {
  const language = useAppStore((s) => s.language);
  const view = useFreeTextView(model);
  const delegations = useDelegations(model);
  const statements = model.questionnaire.statements.filter((s) => s.area === areaId);
  const ids = statements.map((s) => s.id);
  const perMunicipality = [...delegations.values()]
    .filter((d) => d.length > 0)
    .map((d) => ({
      municipality: d[0]!.municipality,
      label: name(d[0]!.municipality),
      comments: delegationComments(d, ids, view),
    }))
    .sort((a, b) => compareText(a.label, b.label));
  return statements
    .map((s) => ({
      statementId: s.id,
      text: localize(s.text, language),
      municipalities: perMunicipality.flatMap(({ municipality, label, comments }) => {
        const list = comments.get(s.id);
        return list === undefined ? [] : [{ municipality, label, comments: list }];
      }),
    }))
    .filter((s) => s.municipalities.length > 0);
}
