import { useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import type { NetworkView } from '../../lib/router';
import type { NetworkModel } from '../../store/network-model';
import { useGatheringText } from '../../i18n/gathering-text';
import { NetworkControls } from './network-controls';

/**
 * A place a step leads to: a view of the network screen, or another screen. `tab` names its
 * link (`network.tabs.<tab>`) and keys it.
 */
type Stop =
  { view: NetworkView; tab: string } | { href: (municipality: string) => string; tab: string };

/** A stop at a view, its link named after the view unless `tab` says otherwise. */
const at = (view: NetworkView, tab: string = view): Stop => ({ view, tab });

/**
 * The steps of one gathering (docs: "The loop of one gathering"), each with its views in the
 * order the facilitator uses them. The first view is where the step's own link leads.
 */
export const JOURNEY: readonly { id: string; stops: readonly Stop[] }[] = [
  { id: 'collect', stops: [at('data'), at('answered')] },
  { id: 'compare', stops: [at('overview'), at('profile'), at('area'), at('trends')] },
  { id: 'learn', stops: [at('priorities'), at('learn')] },
  { id: 'agree', stops: [at('consensus'), at('actions')] },
  {
    id: 'share',
    stops: [
      at('share'),
      { href: (m) => `#/report${m}`, tab: 'report' },
      { href: () => '#/report/network', tab: 'networkReport' },
      at('data', 'exports'),
      { href: () => '#/present/1', tab: 'present' },
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

/**
 * Where a stop's link leads. `carried` is the chosen municipality as a path part ('' for none);
 * it goes only to the views that show one municipality, and to other screens' links.
 */
function stopHref(stop: Stop, carried: string): string {
  return 'view' in stop
    ? `#/network/${stop.view}${MUNICIPALITY_VIEWS.has(stop.view) ? carried : ''}`
    : stop.href(carried);
}

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
  const hrefOf = (stop: Stop) => stopHref(stop, carried);
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
            <li key={stop.tab}>
              <a
                href={hrefOf(stop)}
                aria-current={'view' in stop && stop.view === view ? 'page' : undefined}
              >
                {t(`network.tabs.${stop.tab}`)}
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

/**
 * The share step's own page: what each way of sharing is for, with its link. The ways are the
 * share step's other stops.
 */
export function ShareView({ municipality }: { municipality: string | null }) {
  const { t } = useNetworkTranslation();
  const carried = municipality === null ? '' : `/${encodeURIComponent(municipality)}`;
  const ways = JOURNEY.find((s) => s.id === 'share')!
    .stops.filter((stop) => !('view' in stop && stop.view === 'share'))
    .map((stop) => ({ href: stopHref(stop, carried), key: stop.tab }));
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
