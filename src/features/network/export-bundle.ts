import {
  createResultsFile,
  resultsFileName,
  serializeResultsFile,
} from '../../domain/files/results-file';
import { downloadText } from '../../lib/download';
import { mergeById } from '../../domain/core/records';
import { latestQuestionnaire } from '../../lib/questionnaires';
import type { AppState } from '../../store/app-store';
import { selectKnownQuestionnaires } from '../../store/selectors';

/**
 * Everything loaded as one results file (a network bundle), or, with `municipality`, all of
 * one municipality's responses, actions and agreed answers. `networkName` (translated by the
 * caller) names the bundle's file when it is not one municipality's.
 */
export function exportNetworkBundle(
  state: Pick<AppState, 'network' | 'actions' | 'agreements' | 'customQuestionnaires'>,
  networkName: string,
  now = new Date(),
  municipality?: { number: string; name: string },
): void {
  const mine = (m: { municipality: { number: string } }) =>
    municipality === undefined || m.municipality.number === municipality.number;
  const q = latestQuestionnaire(selectKnownQuestionnaires(state));
  // A results file holds one questionnaire; its responses may be to any version of it that the
  // app knows (import checks each), so responses to older versions go along unchanged.
  const responses = Object.values(state.network.responses).filter(
    (r) => r.questionnaire.id === q.id && mine(r),
  );
  const file = createResultsFile(
    responses,
    {
      appVersion: __APP_VERSION__,
      exportedAt: now.toISOString(),
      questionnaire: { id: q.id, version: q.version },
    },
    Object.values(mergeById(state.network.actions, Object.values(state.actions)).merged).filter(
      mine,
    ),
    Object.values(mergeById(state.network.agreements, Object.values(state.agreements)).merged),
  );
  downloadText(
    resultsFileName({ municipality: municipality?.name ?? networkName, date: now.toISOString() }),
    serializeResultsFile(file),
  );
}
