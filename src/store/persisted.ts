/**
 * The full validation of saved state, with zod: for state this app did not seal itself
 * (saved-state.ts says which), and for another tab's save that is not sealed. It loads on demand,
 * so the first screen does without zod. The rest of the saved state's rules live in
 * saved-state.ts and are exported here too.
 */
import * as z from 'zod/mini';
import { lazy } from '../domain/core/lazy';
import { isRecord, recordsById, type SafeParse } from '../domain/core/records';
import { responseSchema, agreedResponseSchema, actionSchema } from '../domain/core/schemas';
import { parseQuestionnaire, type Questionnaire } from '../domain/questionnaire/schema';
import { parseGatheringKey } from '../domain/core/gatherings';
import { LOCALES, type Action, type Response, type AgreedResponse } from '../domain/core/types';
import { initialNetworkView } from './network-slice';
import { MAX_EXPECTED } from './facilitator-slice';
import { initialPersisted, type PersistedState } from './saved-state';

export {
  STORE_KEY,
  STORE_VERSION,
  initialPersisted,
  persistedPart,
  migrations,
  MigrationError,
  migrateState,
  type PersistedState,
} from './saved-state';

/** Built on first use (see ../domain/core/lazy.ts). */
const settingsSchema = lazy(() =>
  z.object({
    activeResponseId: z.catch(z.nullable(z.string()), null),
    lastAreaByResponse: z.catch(z.record(z.string(), z.string()), {}),
    deletedResponses: z.catch(z.record(z.string(), z.string()), {}),
    language: z.catch(z.enum(LOCALES), 'nb'),
    lastBackupAt: z.catch(z.nullable(z.iso.datetime({ offset: true })), null),
    backupReminderPutOffAt: z.catch(z.nullable(z.iso.datetime({ offset: true })), null),
    networkView: z.catch(
      z.object({
        gathering: z.catch(
          z.nullable(z.string().check(z.refine((k) => parseGatheringKey(k) !== null))),
          null,
        ),
        anonymised: z.catch(z.boolean(), false),
        viewer: z.catch(z.nullable(z.string().check(z.regex(/^\d{4}$/))), null),
        source: z.catch(z.enum(['mean', 'agreed']), 'mean'),
      }),
      initialNetworkView(),
    ),
    hiddenFreeText: z.catch(
      z.array(z.string().check(z.maxLength(300))).check(z.maxLength(10_000)),
      [],
    ),
    expectedResponses: z.catch(
      z.record(z.string().check(z.maxLength(200)), z.int().check(z.gte(0), z.lte(MAX_EXPECTED))),
      {},
    ),
  }),
);

/**
 * Validates migrated state. Responses are checked one by one, so one bad entry
 * does not take the others with it; `rejected` counts those left out.
 */
export function validatePersisted(state: unknown): { state: PersistedState; rejected: number } {
  const base = initialPersisted();
  if (!isRecord(state)) return { state: base, rejected: 1 };
  const settings = settingsSchema().parse(state);
  let rejected = state.responses !== undefined && !isRecord(state.responses) ? 1 : 0;
  const valid = <T extends { id: string }>(
    raw: unknown,
    parse: SafeParse<T>,
  ): Record<string, T> => {
    const { records, rejected: left } = recordsById(raw, parse);
    rejected += left;
    return records;
  };
  const responses: Record<string, Response> = valid(state.responses, (v) =>
    responseSchema().safeParse(v),
  );
  const actions: Record<string, Action> = valid(state.actions, (v) => actionSchema().safeParse(v));
  const agreements: Record<string, AgreedResponse> = valid(state.agreements, (v) =>
    agreedResponseSchema().safeParse(v),
  );
  const customQuestionnaires: Questionnaire[] = [];
  if (Array.isArray(state.customQuestionnaires)) {
    for (const value of state.customQuestionnaires) {
      const parsed = parseQuestionnaire(value);
      if (parsed.ok) customQuestionnaires.push(parsed.questionnaire);
      else rejected += 1;
    }
  }
  const lastAreaByResponse: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings.lastAreaByResponse)) {
    if (Object.hasOwn(responses, key)) lastAreaByResponse[key] = value;
  }
  return {
    state: {
      responses,
      activeResponseId:
        settings.activeResponseId !== null && Object.hasOwn(responses, settings.activeResponseId)
          ? settings.activeResponseId
          : null,
      lastAreaByResponse,
      deletedResponses: settings.deletedResponses,
      language: settings.language,
      networkView: settings.networkView,
      actions,
      agreements,
      customQuestionnaires,
      hiddenFreeText: [...new Set(settings.hiddenFreeText)],
      expectedResponses: settings.expectedResponses,
      lastBackupAt: settings.lastBackupAt,
      backupReminderPutOffAt: settings.backupReminderPutOffAt,
    },
    rejected,
  };
}
