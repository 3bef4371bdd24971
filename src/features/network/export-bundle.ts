import {
  createResultsFile,
  resultsFileName,
  serializeResultsFile,
} from '../../domain/files/results-file';
import { downloadText } from '../../lib/download';
import { mergeImportedActions, mergeImportedAgreements } from '../../domain/files/import';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import type { AppState } from '../../store/app-store';

/** Everything loaded, as one results file (a network bundle). */
export function exportNetworkBundle(
  state: Pick<AppState, 'network' | 'actions' | 'agreements'>,
  now = new Date(),
): void {
  const responses = Object.values(state.network.responses).filter(
    (r) =>
      r.questionnaire.id === CURRENT_QUESTIONNAIRE.id &&
      r.questionnaire.version === CURRENT_QUESTIONNAIRE.version,
  );
  const file = createResultsFile(
    responses,
    {
      appVersion: __APP_VERSION__,
      exportedAt: now.toISOString(),
      questionnaire: { id: CURRENT_QUESTIONNAIRE.id, version: CURRENT_QUESTIONNAIRE.version },
    },
    Object.values(
      mergeImportedActions(state.network.actions, Object.values(state.actions)).actions,
    ),
    Object.values(
      mergeImportedAgreements(state.network.agreements, Object.values(state.agreements)).agreements,
    ),
  );
  downloadText(
    resultsFileName({ municipality: 'nettverk', date: now.toISOString() }),
    serializeResultsFile(file),
  );
}
