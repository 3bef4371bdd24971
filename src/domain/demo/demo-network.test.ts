import { describe, expect, it } from 'vitest';
import questionnaireJson from '../../../questionnaires/god-vertskommune/v2.json';
import { aggregateResponses, type MunicipalityAggregate } from '../scoring/aggregate';
import { networkStats } from '../comparison/network-statistics';
import { importResultsFile } from '../files/import';
import { responseSchema } from '../core/schemas';
import { createResultsFile, serializeResultsFile } from '../files/results-file';
import { NETWORK_MUNICIPALITIES } from '../core/municipalities';
import { statementsForRole } from '../questionnaire/model';
import { parseQuestionnaire, type Questionnaire } from '../questionnaire/schema';
import { miniQuestionnaire } from '../testing/fixtures';
import type { GatheringRound, Response } from '../core/types';
import { DEMO_PROFILES, createDemoNetwork, mulberry32 } from './demo-network';

function load(): Questionnaire {
  const parsed = parseQuestionnaire(questionnaireJson);
  if (!parsed.ok) throw new Error('The bundled questionnaire is invalid');
  return parsed.questionnaire;
}

const q = load();
const responses = createDemoNetwork(q);
const aggregates = aggregateResponses(q, responses);
const inRound = (round: GatheringRound) => aggregates.filter((a) => a.round === round);
const areaMean = (agg: MunicipalityAggregate | undefined, areaId: string) =>
  agg?.areas.find((a) => a.areaId === areaId)?.mean ?? null;
const find = (number: string, round: GatheringRound) =>
  aggregates.find((a) => a.municipality.number === number && a.round === round);

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
    // roughly uniform: the mean of 1000 draws is near 0.5
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});

describe('createDemoNetwork', () => {
  it('is deterministic: two calls give deep-equal data', () => {
    expect(createDemoNetwork(q)).toEqual(responses);
  });

  it('covers the seven municipalities over four gatherings, 3–7 respondents each', () => {
    expect(aggregates).toHaveLength(28);
    expect(new Set(aggregates.map((a) => a.municipality.number))).toEqual(
      new Set(NETWORK_MUNICIPALITIES.map((m) => m.number)),
    );
    for (const a of aggregates) {
      expect(a.respondents).toBeGreaterThanOrEqual(a.round === 4 ? 3 : 4);
      expect(a.respondents).toBeLessThanOrEqual(7);
      expect(a.demo).toBe(true);
      expect(a.municipality.name).toBe(
        NETWORK_MUNICIPALITIES.find((m) => m.number === a.municipality.number)?.name,
      );
    }
    const dates = new Set(responses.map((r) => `${r.gathering.round}:${r.gathering.date}`));
    expect(dates).toEqual(
      new Set(['1:2024-02-15', '2:2024-05-03', '3:2024-09-12', '4:2024-11-21']),
    );
  });

  it('every response is valid, marked demo, with a stable id and a fixed timestamp', () => {
    for (const r of responses) {
      const parsed = responseSchema().safeParse(r);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(r.demo).toBe(true);
      expect(r.id).toMatch(
        new RegExp(`^demo-${r.municipality.number}-r${r.gathering.round}-[1-7]$`),
      );
      expect(r.updatedAt).toMatch(/^2024-(0[2-9]|1[01])-\d\dT\d\d:\d\d:00\.000Z$/);
      expect(r.updatedAt < `${r.gathering.date}T00:00:00.000Z`).toBe(true);
    }
    expect(new Set(responses.map((r) => r.id)).size).toBe(responses.length);
    expect(responses[0]!.id).toBe('demo-1506-r1-1');
  });

  it('exports and imports as a results file', () => {
    const text = serializeResultsFile(
      createResultsFile(responses, {
        appVersion: 'test',
        exportedAt: '2024-11-21T12:00:00.000Z',
        questionnaire: { id: q.id, version: q.version },
      }),
    );
    const result = importResultsFile(text, {
      knownQuestionnaires: [q],
      now: '2024-11-21T12:00:00.000Z',
    });
    expect(result.ok && result.responses.length).toBe(responses.length);
  });

  it('asks each respondent only the statements for their role', () => {
    for (const r of responses) {
      const allowed = new Set(statementsForRole(q, r.respondent.role).map((s) => s.id));
      for (const id of Object.keys(r.answers)) expect(allowed.has(id)).toBe(true);
    }
    // and a business respondent does get the business-only statements
    const business = responses.filter((r) => r.respondent.role === 'business');
    expect(business.some((r) => r.answers['dialogue-6'] !== undefined)).toBe(true);
    expect(responses.some((r) => r.respondent.role !== 'business' && r.answers['dialogue-6'])).toBe(
      false,
    );
  });

  it('mixes roles: politicians and administration everywhere, business in most', () => {
    for (const a of aggregates) {
      expect(a.respondentsByRole.politician).toBeGreaterThanOrEqual(1);
      expect(a.respondentsByRole.administration).toBeGreaterThanOrEqual(1);
    }
    const withBusiness = aggregates.filter((a) => a.respondentsByRole.business >= 1).length;
    expect(withBusiness).toBeGreaterThanOrEqual(24);
    expect(withBusiness).toBeLessThan(28); // Aure sent no business respondent to round 1
  });

  it('keeps scores within 0–100 and shows clear differences between municipalities', () => {
    for (const a of aggregates) {
      expect(a.overall).not.toBeNull();
      for (const area of a.areas) {
        expect(area.mean).not.toBeNull();
        expect(area.mean!).toBeGreaterThanOrEqual(0);
        expect(area.mean!).toBeLessThanOrEqual(100);
      }
    }
    for (const round of [1, 2, 3, 4] as const) {
      const overall = inRound(round).map((a) => a.overall!);
      expect(Math.max(...overall) - Math.min(...overall)).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives municipalities the strengths domain.md suggests', () => {
    for (const round of [1, 2, 3, 4] as const) {
      const bb = networkStats(q, inRound(round)).find((s) => s.areaId === 'business-base')!;
      // Sunndal and Aure (one big industrial employer) know their business base better than the median.
      expect(areaMean(find('1563', round), 'business-base')!).toBeGreaterThan(bb.median!);
      expect(areaMean(find('1576', round), 'business-base')!).toBeGreaterThan(bb.median!);
      // Molde is in the top two on services and on regional cooperation.
      const stats = networkStats(q, inRound(round));
      expect(stats.find((s) => s.areaId === 'services')!.ranks['1506']).toBeLessThanOrEqual(2);
      expect(stats.find((s) => s.areaId === 'regional')!.ranks['1506']).toBeLessThanOrEqual(2);
      // Tingvoll is weakest on land, planning and infrastructure, until its work there shows.
      if (round <= 2)
        expect(stats.find((s) => s.areaId === 'land-planning')!.ranks['1560']).toBe(7);
    }
    const tingvoll = [1, 2, 3, 4].map((round) =>
      areaMean(find('1560', round as GatheringRound), 'land-planning'),
    );
    expect(tingvoll[3]! - tingvoll[0]!).toBeGreaterThan(10);
  });

  it('has politicians rating higher than business, on average over the network', () => {
    const roleMean = (role: 'politician' | 'business') => {
      const values = aggregates.flatMap((a) =>
        a.areas.flatMap((x) => {
          const m = x.byRole[role].mean;
          return m === null ? [] : [m];
        }),
      );
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    expect(roleMean('politician') - roleMean('business')).toBeGreaterThan(10);
  });

  it('keeps rounds 1 and 2 apart from rounds 3 and 4: every later round is better on focus areas', () => {
    for (const round of [3, 4] as const) {
      const gains = DEMO_PROFILES.map((p) => {
        const diffs = p.focus.map(
          (areaId) =>
            areaMean(find(p.number, round), areaId)! - areaMean(find(p.number, 1), areaId)!,
        );
        return diffs.reduce((s, d) => s + d, 0) / diffs.length;
      });
      expect(gains.every((g) => g > 0)).toBe(true);
    }
  });

  it('has comments in each municipality’s written form, and a few responses still in progress', () => {
    const nynorsk = new Set(['1580', '1516', '1528']);
    const commented = responses.filter((r) => Object.values(r.answers).some((a) => a.comment));
    expect(new Set(commented.map((r) => r.municipality.number)).size).toBe(7);
    for (const r of commented) {
      const text = Object.values(r.answers)
        .flatMap((a) => (a.comment ? [a.comment] : []))
        .join(' ');
      // «ikkje», «kvar», «ein» are nynorsk; «ikke», «hver», «en » bokmål.
      if (nynorsk.has(r.municipality.number)) expect(text).not.toMatch(/\b(ikke|hver|hvor)\b/);
      else expect(text).not.toMatch(/\b(ikkje|kvar|ein|frå)\b/);
    }
    const open = responses.filter((r) => r.submittedAt === undefined);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.gathering.round === 4)).toBe(true);
  });

  it('improves from round 1 to round 2 in the areas each municipality worked on', () => {
    const gains = DEMO_PROFILES.map((p) => {
      const diffs = p.focus.map(
        (areaId) => areaMean(find(p.number, 2), areaId)! - areaMean(find(p.number, 1), areaId)!,
      );
      return diffs.reduce((s, d) => s + d, 0) / diffs.length;
    });
    expect(gains.every((g) => g > 0)).toBe(true);
  });

  it('has some "don\'t know" (more on the business base from politicians) and a few "not relevant"', () => {
    const share = (
      list: readonly Response[],
      prefix: string,
      value: 'dontKnow' | 'notRelevant',
    ) => {
      const answers = list.flatMap((r) =>
        Object.entries(r.answers).filter(([id]) => id.startsWith(prefix)),
      );
      return answers.filter(([, a]) => a.value === value).length / answers.length;
    };
    const politicians = responses.filter((r) => r.respondent.role === 'politician');
    const others = responses.filter((r) => r.respondent.role !== 'politician');
    expect(share(politicians, 'business-base-', 'dontKnow')).toBeGreaterThan(
      2 * share(others, 'business-base-', 'dontKnow'),
    );
    expect(share(responses, '', 'dontKnow')).toBeGreaterThan(0.02);
    const notRelevant = share(responses, '', 'notRelevant');
    expect(notRelevant).toBeGreaterThan(0);
    expect(notRelevant).toBeLessThan(0.06);
  });

  it('rates importance 1–5 for most areas', () => {
    const ratings = responses.flatMap((r) => Object.values(r.importance));
    expect(ratings.length).toBeGreaterThan(0.85 * responses.length * q.areas.length);
    expect(new Set(ratings).size).toBeGreaterThanOrEqual(3);
  });

  it('flags strong disagreement somewhere, but not everywhere', () => {
    const flagged = aggregates.flatMap((a) => a.areas.filter((x) => x.disagreement));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThan(10);
  });

  it('works for another questionnaire too (areas it does not know get a neutral profile)', () => {
    const mini = createDemoNetwork(miniQuestionnaire);
    expect(aggregateResponses(miniQuestionnaire, mini)).toHaveLength(28);
    for (const r of mini) expect(responseSchema().safeParse(r).success).toBe(true);
  });
});
