import { describe, expect, it } from 'vitest';
import questionnaireJson from '../../../questionnaires/god-vertskommune/v2.json';
import { actionSchema, agreedResponseSchema } from '../core/schemas';
import { needsFollowUp } from '../priorities/actions';
import { parseQuestionnaire } from '../questionnaire/schema';
import { miniQuestionnaire } from '../testing/fixtures';
import { createDemoBundle } from './demo-loop';

const parsed = parseQuestionnaire(questionnaireJson);
if (!parsed.ok) throw new Error('The bundled questionnaire is invalid');
const q = parsed.questionnaire;
const bundle = createDemoBundle(q);

describe('createDemoBundle', () => {
  it('is deterministic', () => {
    expect(createDemoBundle(q)).toEqual(bundle);
  });

  it('holds valid actions, marked demo, in every municipality, followed up across rounds', () => {
    expect(new Set(bundle.actions.map((a) => a.municipality.number)).size).toBe(7);
    for (const a of bundle.actions) {
      expect(actionSchema().safeParse(a).success).toBe(true);
      expect(a.demo).toBe(true);
      expect(q.areas.some((x) => x.id === a.areaId)).toBe(true);
      for (const f of a.followUps) expect(f.round).toBeGreaterThan(a.round);
    }
    expect(new Set(bundle.actions.map((a) => a.id)).size).toBe(bundle.actions.length);
    const statuses = new Set(bundle.actions.map((a) => a.status));
    expect(statuses).toEqual(new Set(['planned', 'inProgress', 'done', 'dropped']));
    // Some open actions wait for their follow-up at round 4: the follow-up step has work to show.
    expect(
      bundle.actions.filter((a) => needsFollowUp(a, { period: '2024', round: 4 })).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('holds agreed answers for some municipalities, valid and marked demo', () => {
    expect(bundle.agreements.map((a) => a.id)).toEqual([
      'agreed-1580-2024-r3',
      'agreed-1506-2024-r3',
      'agreed-1560-2024-r3',
    ]);
    for (const a of bundle.agreements) {
      expect(agreedResponseSchema().safeParse(a).success).toBe(true);
      expect(a.demo).toBe(true);
      expect(Object.keys(a.agreed).length).toBe(12);
    }
    expect(
      bundle.agreements[0]!.agreed[Object.keys(bundle.agreements[0]!.agreed)[0]!]!.rationale,
    ).toMatch(/samde/);
  });

  it('leaves out actions on areas another questionnaire does not have', () => {
    expect(createDemoBundle(miniQuestionnaire).actions).toEqual([]);
  });
});
