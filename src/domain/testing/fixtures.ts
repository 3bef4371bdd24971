import type { Questionnaire } from '../questionnaire/schema';
import type { Answer, AnswerValue, Level, Response, Role } from '../core/types';

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
