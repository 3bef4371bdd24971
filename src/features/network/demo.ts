import type { AppStore } from '../../store/app-store';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';

/** Loads the made-up demo network. The generator is loaded only when asked for. */
export async function loadDemoNetwork(store: AppStore): Promise<number> {
  const { createDemoNetwork } = await import('../../domain/demo/demo-network');
  const responses = createDemoNetwork(CURRENT_QUESTIONNAIRE);
  store.getState().addImport({ fileName: 'demo', kind: 'demo' }, responses, []);
  return responses.length;
}
