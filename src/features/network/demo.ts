import type { AppStore } from '../../store/app-store';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';

/**
 * Loads the made-up demo network: responses, actions and agreed answers. The generator is
 * loaded only when asked for.
 */
export async function loadDemoNetwork(store: AppStore): Promise<number> {
  const { createDemoBundle } = await import('../../domain/demo/demo-loop');
  const { responses, actions, agreements } = createDemoBundle(CURRENT_QUESTIONNAIRE);
  store.getState().addImport({ fileName: 'demo', kind: 'demo' }, responses, actions, agreements);
  return responses.length;
}
