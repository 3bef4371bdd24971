import { useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import type { NetworkView } from '../../lib/router';
import type { NetworkModel } from '../../store/network-model';
import { useGatheringText } from '../../i18n/gathering-text';
import { NetworkControls } from './network-controls';

/** A place a step leads to: a view of the network screen, or another screen. */
type Stop =
  { view: NetworkView; key: string } | { href: (municipality: string) => string; key: string };

/**
 * The steps of one gathering (docs: "The loop of one gathering"), each with its views in the
 * order the facilitator uses them. The first view is where the step's own link leads.
 */
export const JOURNEY: readonly { id: string; stops: readonly Stop[] }[] = [
  {
    id: 'collect',
    stops: [
      { view: 'data', key: 'network.tabs.data' },
      { view: 'answered', key: 'network.tabs.answered' },
    ],
  },
  {
    id: 'compare',
    stops: [
      { view: 'overview', key: 'network.tabs.overview' },
      { view: 'profile', key: 'network.tabs.profile' },
      { view: 'area', key: 'network.tabs.area' },
      { view: 'trends', key: 'network.tabs.trends' },
    ],
  },
  {
    id: 'learn',
    stops: [
      { view: 'priorities', key: 'network.tabs.priorities' },
      { view: 'learn', key: 'network.tabs.learn' },
    ],
  },
  {
    id: 'agree',
    stops: [
      { view: 'consensus', key: 'network.tabs.consensus' },
      { view: 'actions', key: 'network.tabs.actions' },
    ],
  },
  {
    id: 'share',
    stops: [
      { view: 'share', key: 'network.tabs.share' },
      { href: (m) => `#/report${m}`, key: 'network.tabs.report' },
      { href: () => '#/report/network', key: 'network.tabs.networkReport' },
      { view: 'data', key: 'network.tabs.exports' },
      { href: () => '#/present/1', key: 'network.tabs.present' },
    ],
  },
];

/**
 * Views that show one municipality: the chosen one follows the user between them. The overview
 * keeps it in its address too, so it carries on through a step whose first view is the overview.
 */
const MUNICIPALITY_VIEWS = new Set<NetworkView>([
  'overview',
  'profile',
  'priorities',
  'trends',
  'actions',
  'consensus',
  'learn',
  'share',
]);

/** The step a view belongs to: the first step that holds it. */
export function stepOf(view: NetworkView): number {
  return Math.max(
    0,
    JOURNEY.findIndex((step) => step.stops.some((s) => 'view' in s && s.view === view)),
  );
}

/**
 * The steps as a numbered navigation, and the current step's views as a second, smaller level.
 */
export function JourneyNav({ view, param }: { view: NetworkView; param: string | null }) {
  const { t } = useNetworkTranslation();
  const current = stepOf(view);
  const carried =
    param !== null && MUNICIPALITY_VIEWS.has(view) ? `/${encodeURIComponent(param)}` : '';
  const hrefOf = (stop: Stop) =>
    'view' in stop
      ? `#/network/${stop.view}${MUNICIPALITY_VIEWS.has(stop.view) ? carried : ''}`
      : stop.href(carried);
  const step = JOURNEY[current]!;
  return (
    <div className="journey">
      <nav aria-label={t('network.journey.label')} className="journey-steps">
        <ol>
          {JOURNEY.map((s, i) => (
            <li key={s.id}>
              <a href={hrefOf(s.stops[0]!)} aria-current={i === current ? 'step' : undefined}>
                <span className="journey-number">{i + 1}</span>{' '}
                <span>{t(`network.journey.${s.id}`)}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <nav
        aria-label={t('network.journey.views', { step: t(`network.journey.${step.id}`) })}
        className="journey-views"
      >
        <ul>
          {step.stops.map((stop) => (
            <li key={stop.key}>
              <a
                href={hrefOf(stop)}
                aria-current={'view' in stop && stop.view === view ? 'page' : undefined}
              >
                {t(stop.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

const WIDE = '(min-width: 48em)';

/**
 * The context every view works in, set once above the step's content: the gathering, your
 * municipality, whether names are shown. Open on a wide screen; on a phone it folds into one line.
 */
export function ContextBar({ model }: { model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const roundText = useGatheringText(model.showPeriod);
  const [open, setOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia(WIDE).matches,
  );
  const viewer = model.municipalities.find((m) => m.number === model.viewer);
  const parts = [
    model.gathering === null
      ? null
      : t('start.gatheringRound', { round: roundText(model.gathering) }),
    viewer ? name(viewer) : t('network.context.noViewer'),
    model.anonymised ? t('network.context.namesHidden') : t('network.context.namesShown'),
    model.source === 'agreed' ? t('network.source.agreed') : null,
  ].filter((p): p is string => p !== null);
  return (
    <details className="context-bar" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('network.context.summary', { parts: parts.join(' · ') })}</summary>
      <NetworkControls model={model} />
    </details>
  );
}

/** The share step's own page: what each way of sharing is for, with its link. */
export function ShareView({ municipality }: { municipality: string | null }) {
  const { t } = useNetworkTranslation();
  const carried = municipality === null ? '' : `/${encodeURIComponent(municipality)}`;
  const ways = [
    { href: `#/report${carried}`, key: 'report' },
    { href: '#/report/network', key: 'networkReport' },
    { href: '#/network/data', key: 'exports' },
    { href: '#/present/1', key: 'present' },
  ];
  return (
    <section className="network-section">
      <Heading level={2} data-size="md">
        {t('network.shareStep.title')}
      </Heading>
      <ul className="share-list">
        {ways.map((w) => (
          <li key={w.key}>
            <a href={w.href}>{t(`network.tabs.${w.key}`)}</a>
            <Paragraph data-size="sm">{t(`network.shareStep.${w.key}`)}</Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}
