import type {
  AgreedAnswer,
  AgreedResponse,
  Answer,
  AnswerValue,
  GatheringRound,
  Municipality,
  QuestionnaireRef,
} from '../core/types';
import { gatheringIdPart, type GatheringId } from '../core/gatherings';

/**
 * The agreed response: the municipality's answers that its coordinator records from the
 * delegation's (consensus.ts shows how those spread). Its type and schema are in ../core. Apart
 * from consensus.ts so that the store, which keeps agreed responses, does not carry the
 * statistics and scoring that the consensus view uses.
 */

/**
 * One agreed response per municipality and gathering (period and round), so two devices
 * converge on one. Those saved before periods have ids without one ("agreed-1580-r2"); the
 * network model reads the newest of the two (agreementAt).
 */
export function agreementId(number: string, gathering: GatheringId): string {
  return `agreed-${number}-${gatheringIdPart(gathering)}`;
}

/** A new, empty agreed response. */
export function createAgreedResponse(input: {
  id: string;
  municipality: Municipality;
  round: GatheringRound;
  /** The gathering's period (../core/gatherings.ts); absent: the year of `now`. */
  period?: string | undefined;
  questionnaire: QuestionnaireRef;
  now: string;
}): AgreedResponse {
  return {
    id: input.id,
    municipality: { ...input.municipality },
    ...(input.period === undefined ? {} : { period: input.period }),
    round: input.round,
    questionnaire: { ...input.questionnaire },
    agreed: {},
    updatedAt: input.now,
  };
}

/** Records (or replaces) the agreed answer to one statement. Returns a new object. */
export function setAgreedAnswer(
  response: AgreedResponse,
  statementId: string,
  level: AnswerValue,
  rationale: string,
  now: string,
): AgreedResponse {
  const answer: AgreedAnswer = { level, rationale: rationale.trim(), updatedAt: now };
  return {
    ...response,
    agreed: Object.fromEntries([
      ...Object.entries(response.agreed).filter(([key]) => key !== statementId),
      [statementId, answer],
    ]),
    updatedAt: now,
  };
}

/** Removes the agreed answer to one statement. Returns a new object. */
export function clearAgreedAnswer(
  response: AgreedResponse,
  statementId: string,
  now: string,
): AgreedResponse {
  if (!Object.hasOwn(response.agreed, statementId)) return response;
  return {
    ...response,
    agreed: Object.fromEntries(
      Object.entries(response.agreed).filter(([key]) => key !== statementId),
    ),
    updatedAt: now,
  };
}

/**
 * The agreed response as the answers map that scoring uses, so the network view can score it
 * like a response. A non-empty rationale becomes the answer's comment.
 */
export function agreedAnswers(response: AgreedResponse): Record<string, Answer> {
  return Object.fromEntries(
    Object.entries(response.agreed).map(([statementId, a]): [string, Answer] => [
      statementId,
      a.rationale === ''
        ? { value: a.level, updatedAt: a.updatedAt }
        : { value: a.level, comment: a.rationale, updatedAt: a.updatedAt },
    ]),
  );
}
