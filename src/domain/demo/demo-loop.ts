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
import { statementDistribution } from '../priorities/consensus';
import { agreementId } from '../priorities/agreed-response';
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

/** One row per action: kommunenummer, area, round agreed, title, owner, follow-ups. */
type DemoActionRow = readonly [
  string,
  string,
  GatheringRound,
  string,
  string,
  readonly FollowUpRow[],
];

// prettier-ignore
const DEMO_ACTION_ROWS: readonly DemoActionRow[] = [
  ['1580', 'anchoring', 1, 'Fast månadsmøte mellom ordførar, kommunedirektør og næringssjef', 'Ordførar', [[2, 'inProgress', 'Tre møte er haldne.'], [3, 'done', 'Fast post i møteplanen frå hausten.']]],
  ['1580', 'regional', 1, 'Felles næringsmøte med nabokommunane', 'Næringssjef', [[2, 'planned', 'Dato er ikkje sett.'], [3, 'inProgress', 'Første møte i august.']]],
  ['1516', 'land-planning', 1, 'Kartleggje areal for maritim industri', 'Plansjef', [[2, 'inProgress', 'Kartlegginga er i gang.'], [3, 'inProgress', 'Utkast til arealdel på høyring.'], [4, 'done', 'Areal er sett av i arealdelen.']]],
  ['1516', 'dialogue', 2, 'Bedriftsbesøk kvar månad', 'Ordførar', [[3, 'done', 'Seks besøk er gjennomførte.']]],
  ['1528', 'strategy', 1, 'Rullere næringsplanen', 'Kommunedirektør', [[2, 'inProgress', 'Arbeidsgruppa er sett ned.'], [3, 'inProgress', 'Utkastet er klart.'], [4, 'done', 'Vedteken i kommunestyret.']]],
  ['1528', 'founders', 1, 'Éi dør inn for gründerar', 'Næringssjef', [[2, 'dropped', 'Blir løyst i regionen i staden.']]],
  ['1576', 'community', 1, 'Bygge utleieboliger for nye arbeidstakere', 'Kommunedirektør', [[2, 'inProgress', 'Tomt er avklart.'], [3, 'inProgress', 'Anbudet er ute.']]],
  ['1576', 'services', 3, 'Forhåndskonferanse i byggesaker innen to uker', 'Byggesaksleder', []],
  ['1506', 'business-base', 1, 'Kartlegge kompetansebehovet i de største bedriftene', 'Næringssjef', [[2, 'inProgress', 'Intervjuer med tolv bedrifter.'], [3, 'done', 'Rapporten er lagt fram for formannskapet.']]],
  ['1506', 'land-planning', 2, 'Oversikt over ledig næringsareal på nett', 'Plansjef', [[3, 'inProgress', 'Kartløsningen er under arbeid.'], [4, 'done', 'Publisert på kommunens nettsider.']]],
  ['1563', 'founders', 1, 'Egen kontaktperson for små bedrifter', 'Næringssjef', [[2, 'done', 'Kontaktpersonen er på plass.']]],
  ['1563', 'regional', 1, 'Felles næringsfond med nabokommunene', 'Ordfører', [[2, 'planned', 'Venter på regionrådet.'], [3, 'planned', 'Ikke prioritert i år.']]],
  ['1560', 'land-planning', 1, 'Starte rulleringen av arealdelen', 'Plansjef', [[2, 'inProgress', 'Planprogrammet er vedtatt.'], [3, 'inProgress', 'Innspillsmøter med næringslivet.'], [4, 'inProgress', 'Høring i desember.']]],
  ['1560', 'services', 2, 'Fast kontaktperson i byggesaker', 'Byggesaksleder', [[3, 'done', 'Innført fra 1. september.']]],
];

export const DEMO_ACTIONS: readonly DemoAction[] = DEMO_ACTION_ROWS.map(
  ([number, areaId, round, title, owner, followUps]) => ({
    number,
    areaId,
    round,
    title,
    owner,
    followUps,
  }),
);

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
