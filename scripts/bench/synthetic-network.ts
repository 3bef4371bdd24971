/**
 * Synthetic national data for the bench: every municipality in Norway (357 in 2024), 20
 * respondents each, every statement of their role, at four gatherings. Deterministic: a seeded
 * PRNG (mulberry32, as the demo network uses), fixed timestamps and stable ids, so two runs of
 * the bench import byte-identical files.
 *
 * The first seven municipalities are the «Læring for næring» network with their real numbers and
 * names; the other 350 have made-up numbers in real county ranges and the name "Kommune NNNN".
 */
import { fnv1a } from '../../src/domain/core/hash';
import { mulberry32 } from '../../src/domain/demo/demo-network';
import { NETWORK_MUNICIPALITIES } from '../../src/domain/core/municipalities';
import { statementsForRole } from '../../src/domain/questionnaire/model';
import type { Questionnaire } from '../../src/domain/questionnaire/schema';
import {
  ROLES,
  type Answer,
  type AnswerValue,
  type Gathering,
  type Level,
  type Municipality,
  type Response,
  type Role,
} from '../../src/domain/core/types';

export const MUNICIPALITY_COUNT = 357;
export const RESPONDENTS_PER_MUNICIPALITY = 20;

export const BENCH_GATHERINGS: readonly Gathering[] = [
  { round: 1, date: '2024-02-15' },
  { round: 2, date: '2024-05-03' },
  { round: 3, date: '2024-09-12' },
  { round: 4, date: '2024-11-28' },
];

/** County prefixes of kommunenummer (2024). */
const COUNTIES = [
  '03',
  '11',
  '15',
  '18',
  '31',
  '32',
  '33',
  '34',
  '39',
  '40',
  '42',
  '46',
  '50',
  '55',
  '56',
];

const ROLE_BIAS: Readonly<Record<Role, number>> = {
  politician: 0.35,
  administration: 0.1,
  business: -0.4,
  other: -0.1,
};

const UNANSWERED = 0.015;
const NOT_RELEVANT = 0.025;
const DONT_KNOW = 0.05;
const COMMENT = 0.03;
const IMPORTANCE_SKIP = 0.08;

/** A seed from a text (FNV-1a), so each respondent's numbers depend only on their own id. */
const seedOf = fnv1a;

function clampLevel(x: number): Level {
  return Math.min(5, Math.max(1, Math.round(x))) as Level;
}

/** Roughly normal noise with mean 0 and standard deviation `sd`. */
function noise(rand: () => number, sd: number): number {
  return (rand() + rand() + rand() - 1.5) * 2 * sd;
}

/** The network's seven first, then made-up ones spread over the counties, `count` in all. */
export function syntheticMunicipalities(count: number = MUNICIPALITY_COUNT): Municipality[] {
  const out: Municipality[] = NETWORK_MUNICIPALITIES.map((m) => ({
    number: m.number,
    name: m.name,
  }));
  const taken = new Set(out.map((m) => m.number));
  for (let i = 1; out.length < count; i += 1) {
    const county = COUNTIES[i % COUNTIES.length]!;
    const number = `${county}${String(Math.floor(i / COUNTIES.length) + 1).padStart(2, '0')}`;
    if (taken.has(number)) continue;
    taken.add(number);
    out.push({ number, name: `Kommune ${number}` });
  }
  return out.slice(0, count);
}

/**
 * The 80 responses (20 respondents × 4 gatherings) of one municipality. Respondent slot k is
 * the same person at every gathering; roles cycle through politician, administration, business
 * and other.
 */
export function municipalityResponses(q: Questionnaire, m: Municipality): Response[] {
  const profile = mulberry32(seedOf(`profile-${m.number}`));
  const base = new Map(q.areas.map((a) => [a.id, 2 + profile() * 2.5]));
  const gain = new Map(q.areas.map((a) => [a.id, (profile() - 0.3) * 0.3]));
  const weight = new Map(q.areas.map((a) => [a.id, 2.5 + profile() * 2.5]));
  const byRole = new Map(ROLES.map((role) => [role, statementsForRole(q, role)]));
  const out: Response[] = [];
  for (const gathering of BENCH_GATHERINGS) {
    for (let slot = 0; slot < RESPONDENTS_PER_MUNICIPALITY; slot += 1) {
      const role = ROLES[slot % ROLES.length]!;
      const respondentId = `bench-${m.number}-p${slot + 1}`;
      const id = `bench-${m.number}-r${gathering.round}-${slot + 1}`;
      const personal = (mulberry32(seedOf(respondentId))() - 0.5) * 0.7;
      const rand = mulberry32(seedOf(id));
      const hour = String(8 + (slot % 10)).padStart(2, '0');
      const updatedAt = `${gathering.date}T${hour}:41:00.000Z`;
      const answers: Record<string, Answer> = {};
      for (const s of byRole.get(role) ?? []) {
        const draw = rand();
        const level = clampLevel(
          (base.get(s.area) ?? 3) +
            (gain.get(s.area) ?? 0) * (gathering.round - 1) +
            ROLE_BIAS[role] +
            personal +
            noise(rand, 0.6),
        );
        let value: AnswerValue | undefined = level;
        if (draw < UNANSWERED) value = undefined;
        else if (draw < UNANSWERED + NOT_RELEVANT) value = 'notRelevant';
        else if (draw < UNANSWERED + NOT_RELEVANT + DONT_KNOW) value = 'dontKnow';
        const answer: Answer = { updatedAt };
        if (value !== undefined) answer.value = value;
        if (rand() < COMMENT) {
          answer.comment = `Merknad fra ${role} om ${s.id}: vi har startet arbeidet, men det er ikke forankret ennå.`;
        }
        if (answer.value !== undefined || answer.comment !== undefined) answers[s.id] = answer;
      }
      const importance: Record<string, Level> = {};
      for (const area of q.areas) {
        const skip = rand() < IMPORTANCE_SKIP;
        const value = clampLevel((weight.get(area.id) ?? 3.5) + noise(rand, 0.5));
        if (!skip) importance[area.id] = value;
      }
      out.push({
        id,
        questionnaire: { id: q.id, version: q.version },
        municipality: { number: m.number, name: m.name },
        respondent: { id: respondentId, role },
        gathering: { round: gathering.round, date: gathering.date },
        answers,
        importance,
        createdAt: `${gathering.date}T${hour}:05:00.000Z`,
        updatedAt,
        submittedAt: updatedAt,
      });
    }
  }
  return out;
}
