import type { Questionnaire } from '../questionnaire/schema';
import {
  ROLES,
  type Answer,
  type AnswerValue,
  type GatheringRound,
  type Level,
  type Response,
  type Role,
} from '../core/types';
import type { MunicipalityAggregate } from '../scoring/aggregate';

const t = (s: string) => ({ nb: s, nn: s, en: s });
const levels = [1, 2, 3, 4, 5].map((n) => t(`Level ${n}`));

/** A small questionnaire for tests: three areas, one role-specific statement. */
export const miniQuestionnaire: Questionnaire = {
  id: 'mini',
  version: 1,
  title: t('Mini'),
  intro: t('Intro'),
  scale: levels,
  areas: [
    { id: 'a', title: t('A'), description: t('A'), sources: ['s'], levels },
    { id: 'b', title: t('B'), description: t('B'), sources: ['s'], levels },
    { id: 'c', title: t('C'), description: t('C'), sources: ['s'], levels },
  ],
  statements: [
    { id: 'a-1', area: 'a', text: t('a1') },
    { id: 'a-2', area: 'a', text: t('a2') },
    { id: 'a-3', area: 'a', text: t('a3') },
    { id: 'a-4', area: 'a', text: t('a4'), roles: ['business'] },
    { id: 'b-1', area: 'b', text: t('b1') },
    { id: 'b-2', area: 'b', text: t('b2') },
    { id: 'c-1', area: 'c', text: t('c1') },
  ],
};

const STAMP = '2024-02-15T10:00:00.000Z';

export function answers(values: Record<string, AnswerValue>): Record<string, Answer> {
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => [id, { value, updatedAt: STAMP }]),
  );
}

export function makeResponse(
  overrides: Partial<Omit<Response, 'answers'>> & {
    answers?: Record<string, AnswerValue>;
    role?: Role;
    importance?: Record<string, Level>;
  } = {},
): Response {
  const { answers: values = {}, role = 'politician', ...rest } = overrides;
  return {
    id: 'r1',
    questionnaire: { id: 'mini', version: 1 },
    municipality: { number: '1580', name: 'Haram' },
    respondent: { id: 'p1', role },
    gathering: { round: 1, date: '2024-02-15' },
    importance: {},
    createdAt: STAMP,
    updatedAt: STAMP,
    ...rest,
    answers: answers(values),
  };
}

/**
 * A hand-made aggregate for the mini questionnaire (areas a, b, c): the area means given, the
 * rest plain (no spread, no role means), so a test can check a view model's numbers by hand.
 */
export function makeAggregate(
  municipality: { number: string; name: string },
  round: GatheringRound,
  means: readonly [number | null, number | null, number | null],
  extra: {
    overall?: number | null;
    importance?: readonly [number | null, number | null, number | null];
    coverage?: readonly [number | null, number | null, number | null];
    disagreement?: readonly [boolean, boolean, boolean];
    respondents?: number;
  } = {},
): MunicipalityAggregate {
  const byRole = Object.fromEntries(ROLES.map((r) => [r, { mean: null, n: 0 }])) as Record<
    Role,
    { mean: number | null; n: number }
  >;
  return {
    municipality,
    period: '2024',
    round,
    respondents: extra.respondents ?? 3,
    respondentsByRole: {
      politician: extra.respondents ?? 3,
      administration: 0,
      business: 0,
      other: 0,
    },
    overall: extra.overall ?? null,
    areas: (['a', 'b', 'c'] as const).map((areaId, i) => ({
      areaId,
      mean: means[i] ?? null,
      n: means[i] === null ? 0 : 3,
      sd: null,
      min: null,
      max: null,
      disagreement: extra.disagreement?.[i] ?? false,
      byRole,
      importance: extra.importance?.[i] ?? null,
      coverage: extra.coverage?.[i] ?? null,
    })),
    demo: false,
  };
}
