import { yearOf } from '../core/gatherings';
import { NETWORK_MUNICIPALITIES } from '../core/municipalities';
import type {
  Action,
  ActionStatus,
  AgreedAnswer,
  AgreedResponse,
  GatheringRound,
  Level,
  Response,
} from '../core/types';
import { agreementId, statementDistribution } from '../priorities/consensus';
import type { Questionnaire } from '../questionnaire/schema';
import { countedResponses } from '../scoring/counted';
import { createDemoNetwork, DEMO_GATHERINGS } from './demo-network';
import { DEMO_RATIONALE, demoForm } from './demo-texts';

/**
 * The rest of the gathering's loop in the demo network: actions agreed at the gatherings and
 * followed up at the next ones, and agreed (consensus) answers for some municipalities. Made up,
 * marked `demo: true`, deterministic (fixed ids and times). Titles and notes are in the
 * municipality's written form. Some actions are left without a follow-up at round 4, so the
 * follow-up step has something to chase.
 */

type FollowUpRow = readonly [GatheringRound, ActionStatus, string];

interface DemoAction {
  number: string;
  areaId: string;
  round: GatheringRound;
  title: string;
  owner: string;
  followUps: readonly FollowUpRow[];
}

export const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    number: '1580',
    areaId: 'anchoring',
    round: 1,
    title: 'Fast månadsmøte mellom ordførar, kommunedirektør og næringssjef',
    owner: 'Ordførar',
    followUps: [
      [2, 'inProgress', 'Tre møte er haldne.'],
      [3, 'done', 'Fast post i møteplanen frå hausten.'],
    ],
  },
  {
    number: '1580',
    areaId: 'regional',
    round: 1,
    title: 'Felles næringsmøte med nabokommunane',
    owner: 'Næringssjef',
    followUps: [
      [2, 'planned', 'Dato er ikkje sett.'],
      [3, 'inProgress', 'Første møte i august.'],
    ],
  },
  {
    number: '1516',
    areaId: 'land-planning',
    round: 1,
    title: 'Kartleggje areal for maritim industri',
    owner: 'Plansjef',
    followUps: [
      [2, 'inProgress', 'Kartlegginga er i gang.'],
      [3, 'inProgress', 'Utkast til arealdel på høyring.'],
      [4, 'done', 'Areal er sett av i arealdelen.'],
    ],
  },
  {
    number: '1516',
    areaId: 'dialogue',
    round: 2,
    title: 'Bedriftsbesøk kvar månad',
    owner: 'Ordførar',
    followUps: [[3, 'done', 'Seks besøk er gjennomførte.']],
  },
  {
    number: '1528',
    areaId: 'strategy',
    round: 1,
    title: 'Rullere næringsplanen',
    owner: 'Kommunedirektør',
    followUps: [
      [2, 'inProgress', 'Arbeidsgruppa er sett ned.'],
      [3, 'inProgress', 'Utkastet er klart.'],
      [4, 'done', 'Vedteken i kommunestyret.'],
    ],
  },
  {
    number: '1528',
    areaId: 'founders',
    round: 1,
    title: 'Éi dør inn for gründerar',
    owner: 'Næringssjef',
    followUps: [[2, 'dropped', 'Blir løyst i regionen i staden.']],
  },
  {
    number: '1576',
    areaId: 'community',
    round: 1,
    title: 'Bygge utleieboliger for nye arbeidstakere',
    owner: 'Kommunedirektør',
    followUps: [
      [2, 'inProgress', 'Tomt er avklart.'],
      [3, 'inProgress', 'Anbudet er ute.'],
    ],
  },
  {
    number: '1576',
    areaId: 'services',
    round: 3,
    title: 'Forhåndskonferanse i byggesaker innen to uker',
    owner: 'Byggesaksleder',
    followUps: [],
  },
  {
    number: '1506',
    areaId: 'business-base',
    round: 1,
    title: 'Kartlegge kompetansebehovet i de største bedriftene',
    owner: 'Næringssjef',
    followUps: [
      [2, 'inProgress', 'Intervjuer med tolv bedrifter.'],
      [3, 'done', 'Rapporten er lagt fram for formannskapet.'],
    ],
  },
  {
    number: '1506',
    areaId: 'land-planning',
    round: 2,
    title: 'Oversikt over ledig næringsareal på nett',
    owner: 'Plansjef',
    followUps: [
      [3, 'inProgress', 'Kartløsningen er under arbeid.'],
      [4, 'done', 'Publisert på kommunens nettsider.'],
    ],
  },
  {
    number: '1563',
    areaId: 'founders',
    round: 1,
    title: 'Egen kontaktperson for små bedrifter',
    owner: 'Næringssjef',
    followUps: [[2, 'done', 'Kontaktpersonen er på plass.']],
  },
  {
    number: '1563',
    areaId: 'regional',
    round: 1,
    title: 'Felles næringsfond med nabokommunene',
    owner: 'Ordfører',
    followUps: [
      [2, 'planned', 'Venter på regionrådet.'],
      [3, 'planned', 'Ikke prioritert i år.'],
    ],
  },
  {
    number: '1560',
    areaId: 'land-planning',
    round: 1,
    title: 'Starte rulleringen av arealdelen',
    owner: 'Plansjef',
    followUps: [
      [2, 'inProgress', 'Planprogrammet er vedtatt.'],
      [3, 'inProgress', 'Innspillsmøter med næringslivet.'],
      [4, 'inProgress', 'Høring i desember.'],
    ],
  },
  {
    number: '1560',
    areaId: 'services',
    round: 2,
    title: 'Fast kontaktperson i byggesaker',
    owner: 'Byggesaksleder',
    followUps: [[3, 'done', 'Innført fra 1. september.']],
  },
];

/** Municipalities whose delegation recorded agreed answers, and at which gathering. */
export const DEMO_AGREED: readonly { number: string; round: GatheringRound }[] = [
  { number: '1580', round: 3 },
  { number: '1506', round: 3 },
  { number: '1560', round: 3 },
];

function dateOf(round: GatheringRound): string {
  return DEMO_GATHERINGS.find((g) => g.round === round)?.date ?? '2024-02-15';
}

const nameOf = (number: string) =>
  NETWORK_MUNICIPALITIES.find((m) => m.number === number)?.name ?? number;

/** The demo's actions, with ids like `demo-act-1580-1`, sorted by id. */
export function createDemoActions(q: Questionnaire): Action[] {
  const areas = new Set(q.areas.map((a) => a.id));
  const count = new Map<string, number>();
  return DEMO_ACTIONS.filter((a) => areas.has(a.areaId)).map((a): Action => {
    const k = (count.get(a.number) ?? 0) + 1;
    count.set(a.number, k);
    const created = `${dateOf(a.round)}T13:00:00.000Z`;
    const last = a.followUps.at(-1);
    return {
      id: `demo-act-${a.number}-${k}`,
      municipality: { number: a.number, name: nameOf(a.number) },
      areaId: a.areaId,
      title: a.title,
      description: '',
      owner: a.owner,
      status: last?.[1] ?? 'planned',
      round: a.round,
      followUps: a.followUps.map(([round, status, note]) => ({
        round,
        date: dateOf(round),
        status,
        note,
      })),
      createdAt: created,
      updatedAt: last === undefined ? created : `${dateOf(last[0])}T13:00:00.000Z`,
      demo: true,
    };
  });
}

/**
 * Agreed answers for the municipalities in DEMO_AGREED: for the first twelve statements (in
 * questionnaire order) that the delegation answered with a level, its mean level rounded; the
 * first with a rationale.
 */
export function createDemoAgreements(
  q: Questionnaire,
  responses: readonly Response[],
): AgreedResponse[] {
  const counted = countedResponses(responses);
  return DEMO_AGREED.map(({ number, round }): AgreedResponse => {
    const delegation = counted.filter(
      (r) => r.municipality.number === number && r.gathering.round === round,
    );
    const stamp = `${dateOf(round)}T14:00:00.000Z`;
    const agreed: Record<string, AgreedAnswer> = {};
    for (const s of q.statements) {
      const d = statementDistribution(s.id, delegation);
      if (d.mean === null) continue;
      agreed[s.id] = {
        level: Math.round(d.mean) as Level,
        rationale: Object.keys(agreed).length === 0 ? DEMO_RATIONALE[demoForm(number)] : '',
        updatedAt: stamp,
      };
      if (Object.keys(agreed).length >= 12) break;
    }
    return {
      id: agreementId(number, { period: yearOf(dateOf(round)), round }),
      municipality: { number, name: nameOf(number) },
      round,
      questionnaire: { id: q.id, version: q.version },
      agreed,
      updatedAt: stamp,
      demo: true,
    };
  });
}

export interface DemoBundle {
  responses: Response[];
  actions: Action[];
  agreements: AgreedResponse[];
}

/** Everything the demo network holds: responses, actions and agreed answers. */
export function createDemoBundle(q: Questionnaire): DemoBundle {
  const responses = createDemoNetwork(q);
  return {
    responses,
    actions: createDemoActions(q),
    agreements: createDemoAgreements(q, responses),
  };
}
