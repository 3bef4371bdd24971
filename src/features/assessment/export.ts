import {
  createResultsFile,
  resultsFileName,
  serializeResultsFile,
} from '../../domain/files/results-file';
import type { Action, AgreedResponse, Response } from '../../domain/core/types';
import { downloadText } from '../../lib/download';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import type { AppState } from '../../store/app-store';
import { gatheringKey } from '../../domain/core/gatherings';

/** Downloads responses as a results file. */
export function exportResponses(
  responses: readonly Response[],
  actions: readonly Action[] = [],
  now = new Date(),
  agreements: readonly AgreedResponse[] = [],
): void {
  const first = responses[0];
  const sameMunicipality = responses.every(
    (r) => r.municipality.number === first?.municipality.number,
  );
  const sameRound =
    first !== undefined && responses.every((r) => gatheringKey(r) === gatheringKey(first));
  const questionnaire = first?.questionnaire ?? {
    id: CURRENT_QUESTIONNAIRE.id,
    version: CURRENT_QUESTIONNAIRE.version,
  };
  const file = createResultsFile(
    responses,
    {
      appVersion: __APP_VERSION__,
      exportedAt: now.toISOString(),
      questionnaire,
    },
    actions.filter((a) => responses.some((r) => r.municipality.number === a.municipality.number)),
    agreements,
  );
  const name = resultsFileName({
    ...(first && sameMunicipality ? { municipality: first.municipality.name } : {}),
    ...(first && sameRound ? { round: first.gathering.round } : {}),
    date: now.toISOString(),
  });
  downloadText(name, serializeResultsFile(file));
}

/** Everything this device holds of its own: responses, actions and agreed answers. */
export function exportAllResponses(
  state: Pick<AppState, 'responses' | 'actions' | 'agreements'>,
): void {
  exportResponses(
    Object.values(state.responses),
    Object.values(state.actions),
    new Date(),
    Object.values(state.agreements),
  );
}
