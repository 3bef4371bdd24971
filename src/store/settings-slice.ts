import type { Locale } from '../domain/core/types';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { SliceCreator } from './slice';

/** This device's choices. Persisted (localStorage). */
export interface SettingsSlice {
  language: Locale;
  setLanguage: (language: Locale) => void;
  /**
   * Questionnaires a facilitator has loaded here (validated); new responses may use them.
   * Read them with the bundled ones through selectKnownQuestionnaires (questionnaires.ts).
   */
  customQuestionnaires: Questionnaire[];
  /** Adds or replaces (same id and version) a custom questionnaire. */
  addCustomQuestionnaire: (q: Questionnaire) => void;
  removeCustomQuestionnaire: (id: string, version: number) => void;
}

const same = (q: Questionnaire, id: string, version: number) =>
  q.id === id && q.version === version;

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  language: 'nb',
  setLanguage: (language) => set({ language }),
  customQuestionnaires: [],
  addCustomQuestionnaire: (q) =>
    set({
      customQuestionnaires: [
        ...get().customQuestionnaires.filter((c) => !same(c, q.id, q.version)),
        q,
      ],
    }),
  removeCustomQuestionnaire: (id, version) =>
    set({
      customQuestionnaires: get().customQuestionnaires.filter((c) => !same(c, id, version)),
    }),
});
