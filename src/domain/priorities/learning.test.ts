import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnswerValue, Response, Role } from '../core/types';
import { makeAggregate, makeResponse, miniQuestionnaire as q } from '../testing/fixtures';
import { createAction } from './actions';
import type { FreeTextView } from './comments';
import {
  LEARNING_RULES,
  learnFromPeers,
  peersForArea,
  statementGaps,
  type LearningInput,
} from './learning';

const M = {
  tingvoll: { number: '1560', name: 'Tingvoll' },
  sunndal: { number: '1563', name: 'Sunndal' },
  molde: { number: '1506', name: 'Molde' },
  haram: { number: '1580', name: 'Haram' },
  ulstein: { number: '1516', name: 'Ulstein' },
  aure: { number: '1576', name: 'Aure' },
  sykkylven: { number: '1528', name: 'Sykkylven' },
};

const open: FreeTextView = { anonymised: false, viewer: null, hidden: new Set() };

/** A delegation: one response per entry, answers to area a's statements in order a-1, a-2, a-3. */
function delegation(
  m: { number: string; name: string },
  people: readonly {
    role: Role;
    a: readonly (AnswerValue | null)[];
    comment?: Record<string, string>;
  }[],
): Response[] {
  return people.map((p, i) => {
    const values: Record<string, AnswerValue> = {};
    p.a.forEach((v, k) => {
      if (v !== null) values[`a-${k + 1}`] = v;
    });
    const r = makeResponse({
      id: `${m.number}-${i}`,
      municipality: m,
      respondent: { id: `${m.number}-p${i}`, role: p.role, initials: 'XY' },
      answers: values,
    });
    for (const [id, text] of Object.entries(p.comment ?? {}))
      r.answers[id] = { ...r.answers[id]!, comment: text };
    return r;
  });
}

const agg = (
  m: { number: string; name: string },
  score: number | null,
  coverage: number | null,
  respondents: number,
) => makeAggregate(m, 1, [score, 50, 50], { coverage: [coverage, 1, 1], respondents });

// The worked example in docs/learning.md.
const current = [
  agg(M.tingvoll, 38, 0.9, 3),
  agg(M.sunndal, 67, 0.9, 4),
  agg(M.molde, 67, 0.95, 3),
  agg(M.haram, 55, 0.8, 5),
  agg(M.ulstein, 52, 0.8, 4),
  agg(M.aure, 80, 0.5, 3),
  agg(M.sykkylven, 30, 1, 5),
];
const tingvoll = delegation(M.tingvoll, [
  { role: 'politician', a: [2, 2, 4] },
  { role: 'administration', a: [2, 3, 4] },
  { role: 'administration', a: [3, 3, 4] },
]);
const sunndal = delegation(M.sunndal, [
  { role: 'administration', a: [4, 4, 5], comment: { 'a-1': 'Vi har ein ny arealplan.' } },
  { role: 'administration', a: [4, 4, 'dontKnow'] },
  { role: 'politician', a: [4, 'dontKnow', 'dontKnow'], comment: { 'a-1': 'Ordføraren ringjer.' } },
  { role: 'business', a: [4, 'dontKnow', 'dontKnow'] },
]);
const sunndalAction = createAction(
  { municipality: M.sunndal, areaId: 'a', title: 'Næringsfrukost', owner: 'Ordførar', round: 1 },
  '2024-02-15T10:00:00.000Z',
  'act-s',
);
const input = (view: FreeTextView = open): LearningInput => ({
  questionnaire: q,
  municipality: M.tingvoll.number,
  gathering: { period: '2024', round: 1 },
  current,
  improvementAreas: ['a'],
  delegations: new Map([
    [M.tingvoll.number, tingvoll],
    [M.sunndal.number, sunndal],
  ]),
  actions: [sunndalAction],
  view,
});

describe('learnFromPeers', () => {
  it('the worked example in docs/learning.md', () => {
    expect(LEARNING_RULES).toEqual({
      maxPeers: 3,
      maxStatements: 3,
      maxPairs: 3,
      minCoverage: 0.6,
      minRespondents: 2,
    });
    const learning = learnFromPeers(input());
    const area = learning.areas[0]!;
    expect(area.ownScore).toBe(38);
    expect(area.peers.map((p) => p.municipality)).toEqual(['1506', '1563', '1580']);
    expect(learning.pairs).toEqual([{ areaId: 'a', peer: '1506', peerScore: 67, ownScore: 38 }]);
    const s = area.peers[1]!;
    expect(
      s.statements.map((x) => [x.statementId, +x.ours.toFixed(1), x.theirs, +x.gap.toFixed(1)]),
    ).toEqual([
      ['a-1', 33.3, 75, 41.7],
      ['a-2', 41.7, 75, 33.3],
    ]);
    expect(s.statements[0]!.comments).toEqual([
      {
        key: 'comment:1563-0:a-1',
        role: 'administration',
        shown: true,
        text: 'Vi har ein ny arealplan.',
      },
      { key: 'comment:1563-2:a-1', role: null, shown: true, text: 'Ordføraren ringjer.' },
    ]);
    expect(s.actions.map((a) => [a.action.title, a.text])).toEqual([['Næringsfrukost', 'shown']]);
    // Molde has no responses held: a peer on its score, with no statements to show.
    expect(area.peers[0]!.statements).toEqual([]);
  });

  it('hides peers’ free text when names are hidden, but keeps area and status of actions', () => {
    const learning = learnFromPeers(input({ anonymised: true, viewer: '1560', hidden: new Set() }));
    const s = learning.areas[0]!.peers[1]!;
    expect(s.statements[0]!.comments.every((c) => !c.shown && c.reason === 'namesHidden')).toBe(
      true,
    );
    expect(JSON.stringify(s)).not.toContain('arealplan');
    expect(JSON.stringify(s)).not.toContain('Ordførar');
    expect(JSON.stringify(s)).not.toContain('XY');
    expect(s.actions[0]!.action).toMatchObject({
      title: '',
      owner: '',
      areaId: 'a',
      status: 'planned',
    });
    expect(s.actions[0]!.text).toBe('namesHidden');
  });

  it('gives a single municipality, or one nobody beats, no peers and no pairs', () => {
    const alone = learnFromPeers({ ...input(), current: [current[0]!] });
    expect(alone.areas).toEqual([{ areaId: 'a', ownScore: 38, peers: [] }]);
    expect(alone.pairs).toEqual([]);
    const top = learnFromPeers({ ...input(), municipality: M.aure.number });
    expect(top.areas[0]!.peers).toEqual([]);
  });

  it('takes any peer with enough coverage when the municipality has no score (missing data)', () => {
    const missing = [agg(M.tingvoll, null, null, 3), ...current.slice(1)];
    const { ownScore, peers } = peersForArea(missing, M.tingvoll.number, 'a');
    expect(ownScore).toBeNull();
    expect(peers.map((p) => p.municipality)).toEqual(['1506', '1563', '1580']);
    // A peer without coverage is not a peer.
    const noCoverage = [agg(M.tingvoll, 38, 0.9, 3), agg(M.molde, 90, null, 3)];
    expect(peersForArea(noCoverage, M.tingvoll.number, 'a').peers).toEqual([]);
  });

  it('breaks ties by coverage, then respondents, then kommunenummer, whatever the order', () => {
    const tied = [
      agg(M.tingvoll, 20, 0.9, 3),
      agg(M.sunndal, 70, 0.8, 4),
      agg(M.molde, 70, 0.8, 4),
      agg(M.haram, 70, 0.8, 6),
      agg(M.ulstein, 70, 0.9, 2),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(tied, { minLength: tied.length }), (order) => {
        const peers = peersForArea(order, M.tingvoll.number, 'a', {
          ...LEARNING_RULES,
          maxPeers: 9,
        }).peers;
        expect(peers.map((p) => p.municipality)).toEqual(['1516', '1580', '1506', '1563']);
      }),
    );
  });

  it('never shows more than the maximum peers, statements or pairs, and only higher scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), {
          minLength: 7,
          maxLength: 7,
        }),
        (scores) => {
          const aggs = Object.values(M).map((m, i) => agg(m, scores[i] ?? null, 0.9, 3));
          const { ownScore, peers } = peersForArea(aggs, M.tingvoll.number, 'a');
          expect(peers.length).toBeLessThanOrEqual(3);
          for (const p of peers) if (ownScore !== null) expect(p.score).toBeGreaterThan(ownScore);
          for (let i = 1; i < peers.length; i += 1)
            expect(peers[i - 1]!.score).toBeGreaterThanOrEqual(peers[i]!.score);
        },
      ),
    );
    const gaps = statementGaps(q, 'a', tingvoll, sunndal, { ...LEARNING_RULES, maxStatements: 1 });
    expect(gaps.map((g) => g.statementId)).toEqual(['a-1']);
    const learning = learnFromPeers({ ...input(), improvementAreas: ['a', 'b', 'c', 'a'] });
    expect(learning.pairs.length).toBeLessThanOrEqual(3);
  });
});
