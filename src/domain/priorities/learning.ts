import { compareGatherings, type GatheringId } from '../core/gatherings';
import { actionGathering } from './actions';
import { compareText } from '../core/records';
import type { Action } from '../core/types';
import { RANK_TOLERANCE } from '../comparison/network-statistics';
import type { Questionnaire } from '../questionnaire/schema';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import { levelToScore } from '../scoring/tally';
import {
  delegationComments,
  visibleAction,
  type CommentSource,
  type FreeTextView,
  type StatementComment,
  type VisibleAction,
} from './comments';
import { statementDistribution } from './consensus';
import { DEFAULT_PRIORITY_OPTIONS } from './priorities';
import { MIN_ROLE_N } from './role-gaps';

/**
 * Learning from the network ("stealing good ideas"): for each improvement area of a
 * municipality, the peers that score highest on it, the statements where they are furthest
 * ahead, what they wrote there and what they do about the area. The rule and a worked example
 * that a test checks are in docs/learning.md; keep them in step.
 */

export interface LearningRules {
  /** Peers shown per area. */
  maxPeers: number;
  /** Statements shown per peer. */
  maxStatements: number;
  /** Suggested pairs per municipality. */
  maxPairs: number;
  /** Least coverage (0–1) a peer must have on the area to be a peer for it. */
  minCoverage: number;
  /** Least respondents who answered a statement with a level before its mean is compared. */
  minRespondents: number;
}

export const LEARNING_RULES: Readonly<LearningRules> = Object.freeze({
  maxPeers: 3,
  maxStatements: 3,
  maxPairs: 3,
  // The share below which an area is flagged for low coverage: a peer's score must rest on
  // more than that.
  minCoverage: DEFAULT_PRIORITY_OPTIONS.lowCoverage,
  // One person's answer is that person's view, visible to the room: the role-gap privacy rule.
  minRespondents: MIN_ROLE_N,
});

export interface LearningInput {
  questionnaire: Questionnaire;
  /** The municipality that learns (kommunenummer). */
  municipality: string;
  /** The chosen gathering. */
  gathering: GatheringId;
  /** Every municipality's aggregate at the chosen gathering. */
  current: readonly MunicipalityAggregate[];
  /** The municipality's improvement areas, in rank order (improvementAreas). */
  improvementAreas: readonly string[];
  /** Counted responses at the chosen gathering, per kommunenummer (countedResponses). */
  delegations: ReadonlyMap<string, readonly CommentSource[]>;
  actions: readonly Action[];
  /** What may be shown of free text (comments.ts). */
  view: FreeTextView;
}

export interface PeerStatement {
  statementId: string;
  /** Our score on the statement, 0–100 (levelToScore of the delegation's mean level). */
  ours: number;
  theirs: number;
  /** theirs − ours, > 0. */
  gap: number;
  /** The peer's comments on the statement, as freeTextVisibility allows. */
  comments: StatementComment[];
}

export interface PeerLesson {
  /** The peer's kommunenummer; the screen turns it into a name or a letter. */
  municipality: string;
  score: number;
  coverage: number;
  /** Up to maxStatements, largest gap first. */
  statements: PeerStatement[];
  /** The peer's actions on the area agreed up to the chosen gathering, texts as allowed. */
  actions: VisibleAction[];
}

export interface AreaLesson {
  areaId: string;
  ownScore: number | null;
  /** Up to maxPeers, highest score first; empty when nobody qualifies. */
  peers: PeerLesson[];
}

/** «Tingvoll kan spørje Sunndal om areal og planar: 67 mot 38». */
export interface LearningPair {
  areaId: string;
  peer: string;
  peerScore: number;
  ownScore: number | null;
}

export interface Learning {
  /** One per improvement area, in rank order. */
  areas: AreaLesson[];
  /** The top peer of the first improvement areas that have one, at most maxPairs. */
  pairs: LearningPair[];
}

/** A statement's score for a delegation, or null with fewer than minRespondents levels. */
function statementScore(
  statementId: string,
  delegation: readonly CommentSource[],
  minRespondents: number,
): number | null {
  const d = statementDistribution(statementId, delegation);
  return d.mean === null || d.rated < minRespondents ? null : levelToScore(d.mean);
}

/**
 * The peers for one area: every other municipality with a score on the area, coverage at least
 * minCoverage and a score above ours (any score, when we have none). Highest score first; ties
 * (within RANK_TOLERANCE) go to higher coverage, then more respondents, then the lower
 * kommunenummer.
 */
export function peersForArea(
  current: readonly MunicipalityAggregate[],
  municipality: string,
  areaId: string,
  rules: LearningRules = LEARNING_RULES,
): {
  ownScore: number | null;
  peers: { municipality: string; score: number; coverage: number; respondents: number }[];
} {
  const areaOf = (a: MunicipalityAggregate) => a.areas.find((x) => x.areaId === areaId);
  const own = current.find((a) => a.municipality.number === municipality);
  const ownScore = own === undefined ? null : (areaOf(own)?.mean ?? null);
  const peers = current.flatMap((a) => {
    if (a.municipality.number === municipality) return [];
    const area = areaOf(a);
    if (area === undefined || area.mean === null || area.coverage === null) return [];
    if (area.coverage < rules.minCoverage - RANK_TOLERANCE) return [];
    if (ownScore !== null && area.mean <= ownScore + RANK_TOLERANCE) return [];
    return [
      {
        municipality: a.municipality.number,
        score: area.mean,
        coverage: area.coverage,
        respondents: a.respondents,
      },
    ];
  });
  peers.sort(
    (a, b) =>
      (Math.abs(a.score - b.score) > RANK_TOLERANCE ? b.score - a.score : 0) ||
      (Math.abs(a.coverage - b.coverage) > RANK_TOLERANCE ? b.coverage - a.coverage : 0) ||
      b.respondents - a.respondents ||
      compareText(a.municipality, b.municipality),
  );
  return { ownScore, peers: peers.slice(0, rules.maxPeers) };
}

/**
 * The statements of an area where the peer is furthest ahead: both delegations have at least
 * minRespondents answers with a level, and the peer's score is higher. Largest gap first; ties in
 * questionnaire order.
 */
export function statementGaps(
  q: Questionnaire,
  areaId: string,
  ours: readonly CommentSource[],
  theirs: readonly CommentSource[],
  rules: LearningRules = LEARNING_RULES,
): { statementId: string; ours: number; theirs: number; gap: number }[] {
  const gaps = q.statements.flatMap((s, index) => {
    if (s.area !== areaId) return [];
    const o = statementScore(s.id, ours, rules.minRespondents);
    const t = statementScore(s.id, theirs, rules.minRespondents);
    if (o === null || t === null || t - o <= RANK_TOLERANCE) return [];
    return [{ statementId: s.id, ours: o, theirs: t, gap: t - o, index }];
  });
  gaps.sort(
    (a, b) => (Math.abs(a.gap - b.gap) > RANK_TOLERANCE ? b.gap - a.gap : 0) || a.index - b.index,
  );
  return gaps.slice(0, rules.maxStatements).map(({ index: _index, ...rest }) => rest);
}

/** What the municipality can learn from its peers, area by area. */
export function learnFromPeers(
  input: LearningInput,
  rules: LearningRules = LEARNING_RULES,
): Learning {
  const q = input.questionnaire;
  const ours = input.delegations.get(input.municipality) ?? [];
  const areas = input.improvementAreas.map((areaId): AreaLesson => {
    const { ownScore, peers } = peersForArea(input.current, input.municipality, areaId, rules);
    return {
      areaId,
      ownScore,
      peers: peers.map((peer): PeerLesson => {
        const theirs = input.delegations.get(peer.municipality) ?? [];
        const gaps = statementGaps(q, areaId, ours, theirs, rules);
        const comments = delegationComments(
          theirs,
          gaps.map((g) => g.statementId),
          input.view,
        );
        return {
          municipality: peer.municipality,
          score: peer.score,
          coverage: peer.coverage,
          statements: gaps.map((g) => ({ ...g, comments: comments.get(g.statementId) ?? [] })),
          actions: input.actions
            .filter(
              (a) =>
                a.municipality.number === peer.municipality &&
                a.areaId === areaId &&
                compareGatherings(actionGathering(a), input.gathering) <= 0,
            )
            .sort(
              (a, b) =>
                compareGatherings(actionGathering(a), actionGathering(b)) ||
                compareText(a.id, b.id),
            )
            .map((a) => visibleAction(a, input.view)),
        };
      }),
    };
  });
  const pairs = areas
    .flatMap((a): LearningPair[] => {
      const top = a.peers[0];
      return top === undefined
        ? []
        : [
            {
              areaId: a.areaId,
              peer: top.municipality,
              peerScore: top.score,
              ownScore: a.ownScore,
            },
          ];
    })
    .slice(0, rules.maxPairs);
  return { areas, pairs };
}
