import type { GatheringId } from '../domain/core/gatherings';
import type {
  AgreedResponse,
  AnswerValue,
  Municipality,
  QuestionnaireRef,
} from '../domain/core/types';
import {
  agreementId,
  clearAgreedAnswer,
  createAgreedResponse,
  setAgreedAnswer,
} from '../domain/priorities/agreed-response';
import type { SliceCreator } from './slice';

/** Agreed (consensus) answers made on this device. Persisted with the responses. */
export interface AgreementsSlice {
  /** Agreed responses made on this device, per municipality and gathering (agreementId). */
  agreements: Record<string, AgreedResponse>;
  /**
   * Records the delegation's agreed level for a statement (null clears it). Starts from
   * `base` (an imported agreed response) when this device has none for that municipality yet.
   */
  setAgreed: (
    target: { municipality: Municipality; gathering: GatheringId; questionnaire: QuestionnaireRef },
    statementId: string,
    level: AnswerValue | null,
    rationale: string,
    base?: AgreedResponse,
  ) => void;
}

export { agreementId };

export const createAgreementsSlice: SliceCreator<AgreementsSlice> = (set, get, now) => ({
  agreements: {},
  setAgreed(target, statementId, level, rationale, base) {
    const id = agreementId(target.municipality.number, target.gathering);
    const stamp = now();
    const { municipality, gathering, questionnaire } = target;
    // `base` (imported, or saved before periods under another id) is copied under this id.
    const current =
      get().agreements[id] ??
      (base ? { ...base, id, period: gathering.period } : undefined) ??
      createAgreedResponse({ id, municipality, ...gathering, questionnaire, now: stamp });
    const next =
      level === null
        ? clearAgreedAnswer(current, statementId, stamp)
        : setAgreedAnswer(current, statementId, level, rationale, stamp);
    set({ agreements: { ...get().agreements, [id]: next } });
  },
});
