import { fnv1a } from '../core/hash';
import { NETWORK_MUNICIPALITIES } from '../core/municipalities';
import { statementsForRole } from '../questionnaire/model';
import type { Questionnaire } from '../questionnaire/schema';
import type { Answer, AnswerValue, Gathering, Level, Response, Role } from '../core/types';
import { DEMO_COMMENTS, demoForm } from './demo-texts';

/**
 * The embedded demo network: made-up responses for the seven municipalities of «Læring for
 * næring», over four gatherings. Every response carries `demo: true`, and the UI labels it as
 * made-up wherever it appears. Deterministic: a seeded PRNG (mulberry32), fixed timestamps and
 * stable ids, so the same questionnaire always gives the same data.
 *
 * The profiles are invented, but follow docs/domain.md:
 * - industrial municipalities with one large employer (Sunndal, Aure) know their business base
 *   well; Molde, the county centre, is strong on services and regional cooperation; the maritime
 *   clusters (Ulstein, Haram) have close dialogue with business; Tingvoll, small and rural, is
 *   weaker on land, planning and services;
 * - politicians rate their municipality higher than staff, and staff higher than business
 *   (Distriktssenteret and the Swedish survey both found this);
 * - each later round is better than round 1 in the areas each municipality chose to work on,
 *   most at round 2 and a little more after that;
 * - some respondents write a comment (nynorsk in Haram, Ulstein and Sykkylven, bokmål in the
 *   others; demo-texts.ts), seeded apart from the answers, so the answers are what they were
 *   before comments came;
 * - at round 4, the gathering being prepared, a few delegations are smaller than last time and
 *   a few responses are still in progress (not submitted);
 * - politicians answer "don't know" more often about the business base, and business more often
 *   about internal anchoring; a few statements are "not relevant";
 * - each respondent is asked only the statements for their role (statementsForRole).
 */

export const DEMO_GATHERINGS: readonly Gathering[] = [
  { round: 1, date: '2024-02-15' },
  { round: 2, date: '2024-05-03' },
  { round: 3, date: '2024-09-12' },
  { round: 4, date: '2024-11-21' },
];

/** Days on which respondents answered before each gathering. */
const ANSWER_DAYS: Readonly<Record<number, readonly string[]>> = {
  1: ['2024-02-12', '2024-02-13', '2024-02-14'],
  2: ['2024-04-29', '2024-04-30', '2024-05-02'],
  3: ['2024-09-09', '2024-09-10', '2024-09-11'],
  4: ['2024-11-18', '2024-11-19', '2024-11-20'],
};

/** A small, fast, seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a text, so each respondent's numbers depend only on their own id. */
const seedOf = fnv1a;

type AreaTable = Readonly<Record<string, number>>;

interface DemoProfile {
  number: string;
  /** The "true" level, 1–5, per area id of god-vertskommune; other areas use 3. */
  levels: AreaTable;
  /** Typical importance, 1–5, per area; other areas use 3.5. */
  importance: AreaTable;
  /** Areas the municipality worked on between the gatherings: better from round 2. */
  focus: readonly string[];
  /** Respondents in rounds 1–4 (3–7). */
  respondents: readonly [number, number, number, number];
  /** Role of respondent slot 1, 2, …; slot k is the same person in every round. */
  roles: readonly Role[];
  /** Where one role sees an area quite differently from the others, in levels. */
  gaps?: Partial<Record<Role, AreaTable>>;
}

/** The areas of god-vertskommune, in the order `levels` takes one level for each. */
const AREAS = [
  'strategy',
  'anchoring',
  'dialogue',
  'business-base',
  'community',
  'services',
  'land-planning',
  'founders',
  'regional',
] as const;

/** A table of levels from one level per area, in AREAS order. */
function levels(...values: readonly number[]): AreaTable {
  return Object.fromEntries(AREAS.map((id, i) => [id, values[i]!]));
}

const P: Role = 'politician';
const A: Role = 'administration';
const B: Role = 'business';
const O: Role = 'other';

export const DEMO_PROFILES: readonly DemoProfile[] = [
  {
    number: '1580', // Haram: maritime equipment, re-established in 2024
    levels: levels(3.5, 3.0, 3.9, 3.8, 3.3, 3.4, 3.0, 3.2, 2.9),
    importance: { dialogue: 5, 'business-base': 4.5, anchoring: 4.5, regional: 4, community: 3 },
    focus: ['anchoring', 'regional'],
    respondents: [6, 7, 7, 6],
    roles: [P, A, B, P, A, B, O],
    // Business waits for land; politicians think the plans are in order.
    gaps: { business: { 'land-planning': -1.3 }, politician: { 'land-planning': 0.5 } },
  },
  {
    number: '1516', // Ulstein: shipbuilding and the maritime cluster, little free land
    levels: levels(3.5, 3.5, 4.0, 3.8, 3.4, 3.3, 2.6, 3.4, 3.8),
    importance: { 'land-planning': 5, regional: 4.5, dialogue: 4, founders: 3 },
    focus: ['land-planning'],
    respondents: [5, 6, 6, 5],
    roles: [P, A, B, A, P, B, P],
  },
  {
    number: '1528', // Sykkylven: furniture
    levels: levels(2.9, 3.0, 3.4, 3.5, 2.9, 3.0, 3.0, 2.7, 2.7),
    importance: { strategy: 4.5, founders: 4.5, 'business-base': 4, regional: 2.5 },
    focus: ['strategy', 'founders'],
    respondents: [5, 5, 6, 5],
    roles: [P, A, B, P, A, O, B],
  },
  {
    number: '1576', // Aure: the Tjeldbergodden plant, aquaculture, a small administration
    levels: levels(2.8, 3.0, 3.2, 3.9, 2.6, 2.7, 3.0, 2.5, 3.2),
    importance: { community: 5, services: 4.5, 'business-base': 4.5, founders: 3 },
    focus: ['community'],
    respondents: [4, 5, 5, 3],
    // No business respondent came to the first gathering.
    roles: [P, A, P, A, B, P, B],
  },
  {
    number: '1506', // Molde: county centre, trade, services and tourism
    levels: levels(3.4, 3.3, 3.3, 3.0, 3.7, 4.0, 3.2, 3.6, 4.0),
    importance: { services: 4.5, regional: 4.5, 'business-base': 4, 'land-planning': 3 },
    focus: ['business-base'],
    respondents: [7, 6, 7, 4],
    roles: [P, A, B, B, P, A, O],
  },
  {
    number: '1563', // Sunndal: the aluminium plant, one dominant employer
    levels: levels(3.2, 3.3, 3.6, 4.0, 3.0, 3.1, 3.4, 2.6, 2.9),
    importance: { 'business-base': 5, founders: 4.5, community: 4, regional: 4 },
    focus: ['founders', 'regional'],
    respondents: [6, 5, 6, 6],
    roles: [P, A, B, P, A, B, P],
    // Small firms feel overlooked next to the plant.
    gaps: { business: { founders: -1.4 }, politician: { founders: 0.5 } },
  },
  {
    number: '1560', // Tingvoll: small and rural, organic-farming research, small industry
    levels: levels(2.6, 2.7, 2.9, 2.8, 3.1, 2.5, 2.1, 3.0, 3.1),
    importance: { 'land-planning': 5, services: 4.5, founders: 4, strategy: 3 },
    focus: ['land-planning', 'services'],
    respondents: [4, 4, 5, 4],
    roles: [P, A, B, P, A, P, B],
    gaps: { politician: { services: 0.7 } },
  },
];

/** How much higher (or lower) each role rates the same municipality, in levels. */
export const ROLE_BIAS: Readonly<Record<Role, number>> = {
  politician: 0.35,
  administration: 0.1,
  business: -0.4,
  other: -0.1,
};

/** Improvement in a focus area from round 1 to round 2, in levels. */
const FOCUS_GAIN = 0.45;
/** The share of FOCUS_GAIN reached by each round: the work goes on after round 2. */
const FOCUS_PROGRESS: Readonly<Record<number, number>> = { 1: 0, 2: 1, 3: 1.5, 4: 1.8 };
/** Chance that a respondent comments on a statement answered with a level. */
const COMMENT_CHANCE = 0.1;
/** Municipalities where the last respondent of round 4 has not submitted yet. */
const STILL_ANSWERING: ReadonlySet<string> = new Set(['1506', '1560', '1563']);

/** Chance of "don't know" for a role in an area. */
function dontKnowChance(role: Role, areaId: string): number {
  if (role === 'politician' && areaId === 'business-base') return 0.25;
  if (role === 'business' && (areaId === 'anchoring' || areaId === 'strategy')) return 0.18;
  if (role === 'politician' && (areaId === 'services' || areaId === 'land-planning')) return 0.08;
  return 0.04;
}
const NOT_RELEVANT_CHANCE = 0.025;
const UNANSWERED_CHANCE = 0.015;
const IMPORTANCE_SKIP_CHANCE = 0.08;

function clampLevel(x: number): Level {
  return Math.min(5, Math.max(1, Math.round(x))) as Level;
}

/** Roughly normal noise with mean 0 and standard deviation `sd` (sum of three uniforms). */
function noise(rand: () => number, sd: number): number {
  return (rand() + rand() + rand() - 1.5) * 2 * sd;
}

function demoResponse(
  q: Questionnaire,
  profile: DemoProfile,
  name: string,
  gathering: Gathering,
  slot: number,
): Response {
  const role = profile.roles[slot] ?? 'other';
  const respondentId = `demo-${profile.number}-p${slot + 1}`;
  const id = `demo-${profile.number}-r${gathering.round}-${slot + 1}`;
  // The same person leans the same way in both rounds.
  const personal = (mulberry32(seedOf(respondentId))() - 0.5) * 0.7;
  const rand = mulberry32(seedOf(id));
  const days = ANSWER_DAYS[gathering.round] ?? [gathering.date];
  const day = days[slot % days.length] ?? gathering.date;
  const hour = String(8 + slot).padStart(2, '0');
  const createdAt = `${day}T${hour}:05:00.000Z`;
  const updatedAt = `${day}T${hour}:41:00.000Z`;

  const areaLevel = (areaId: string): number =>
    (profile.levels[areaId] ?? 3) +
    ROLE_BIAS[role] +
    (profile.gaps?.[role]?.[areaId] ?? 0) +
    personal +
    (profile.focus.includes(areaId) ? FOCUS_GAIN * (FOCUS_PROGRESS[gathering.round] ?? 0) : 0);
  // A person's view of a statement is mostly the same at every gathering: what they know and
  // most of the noise are seeded by respondent and statement, a little noise by the round.
  const personFor = (statementId: string) => mulberry32(seedOf(`${respondentId}/${statementId}`));

  const answers: Record<string, Answer> = {};
  for (const s of statementsForRole(q, role)) {
    const person = personFor(s.id);
    const draw = person();
    const dk = dontKnowChance(role, s.area);
    const level = clampLevel(areaLevel(s.area) + noise(person, 0.55) + noise(rand, 0.25));
    let value: AnswerValue | undefined = level;
    if (draw < UNANSWERED_CHANCE) value = undefined;
    else if (draw < UNANSWERED_CHANCE + NOT_RELEVANT_CHANCE) value = 'notRelevant';
    else if (draw < UNANSWERED_CHANCE + NOT_RELEVANT_CHANCE + dk) value = 'dontKnow';
    if (value !== undefined) answers[s.id] = { value, updatedAt };
  }
  // Comments draw from their own sequence, so the answers stay what they were without them.
  const commentDraw = mulberry32(seedOf(`${id}/comments`));
  const texts = DEMO_COMMENTS[demoForm(profile.number)];
  for (const s of statementsForRole(q, role)) {
    const answer = answers[s.id];
    const pair = texts[s.area];
    if (commentDraw() >= COMMENT_CHANCE || pair === undefined) continue;
    if (answer === undefined || typeof answer.value !== 'number' || answer.value === 3) continue;
    answer.comment = answer.value >= 4 ? pair.high : pair.low;
  }

  const importance: Record<string, Level> = {};
  for (const area of q.areas) {
    const skip = rand() < IMPORTANCE_SKIP_CHANCE;
    const businessNeed =
      role === 'business' && (area.id === 'services' || area.id === 'land-planning') ? 0.5 : 0;
    const value = clampLevel(
      (profile.importance[area.id] ?? 3.5) + businessNeed + noise(rand, 0.5),
    );
    if (!skip) importance[area.id] = value;
  }

  return {
    id,
    questionnaire: { id: q.id, version: q.version },
    municipality: { number: profile.number, name },
    respondent: { id: respondentId, role },
    gathering: { round: gathering.round, date: gathering.date },
    answers,
    importance,
    createdAt,
    updatedAt,
    ...(gathering.round === 4 &&
    STILL_ANSWERING.has(profile.number) &&
    slot === (profile.respondents[3] ?? 0) - 1
      ? {}
      : { submittedAt: updatedAt }),
    demo: true,
  };
}

/**
 * Made-up responses for the seven municipalities over four gatherings (DEMO_GATHERINGS), 3–7
 * respondents each time. Ids look like `demo-1580-r1-3`
 * (municipality, round, respondent slot); respondent ids like `demo-1580-p3` are the same person
 * in every round. Sorted by municipality number, round and slot.
 */
export function createDemoNetwork(q: Questionnaire): Response[] {
  const out: Response[] = [];
  const profiles = [...DEMO_PROFILES].sort((a, b) => (a.number < b.number ? -1 : 1));
  for (const profile of profiles) {
    const name =
      NETWORK_MUNICIPALITIES.find((m) => m.number === profile.number)?.name ?? profile.number;
    DEMO_GATHERINGS.forEach((gathering, i) => {
      const count = profile.respondents[i] ?? 0;
      for (let slot = 0; slot < count; slot += 1) {
        out.push(demoResponse(q, profile, name, gathering, slot));
      }
    });
  }
  return out;
}
