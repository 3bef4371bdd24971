import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useChosenGatheringText } from '../../i18n/gathering-text';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { areaRanking } from '../../domain/comparison/network-statistics';
import { heatmapView } from '../../domain/comparison/view-models';
import { actionsForArea } from '../../domain/priorities/actions';
import { shownComments } from '../../domain/priorities/comments';
import { localize, shortTitle } from '../../domain/questionnaire/localize';
import { formatScore } from '../../i18n/format';
import { currentRoute, navigate } from '../../lib/router';
import { Heatmap, type HeatmapRowData } from '../../charts/heatmap';
import { useNetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { useFreeTextView } from '../../store/free-text';
import { useAreaComments, type AreaStatementComments } from '../../store/area-comments';
import { ActionLine } from '../../ui/hidden-text';
import './present.css';

/**
 * Presentation mode for the projector: one slide for the overview and one per area.
 * ←/→ and Page Up/Page Down step (as presenter remotes send), Esc leaves. Results stay
 * hidden until revealed, and so are the comments on an area's statements (each slide has its own
 * "show comments"). Free text goes through the one rule (domain/priorities/comments.ts): hidden
 * with the names, and never what the facilitator has hidden.
 */
export default function PresentScreen({ slide }: { slide: number }) {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  const model = useNetworkModel();
  const roundText = useChosenGatheringText(model);
  const [revealed, setRevealed] = useState<Set<number>>(new Set());
  const [commentsShown, setCommentsShown] = useState<Set<number>>(new Set());
  const commentsId = useId();
  const view = useFreeTextView(model);
  const rootRef = useRef<HTMLDivElement>(null);
  const q = model.questionnaire;
  const total = q.areas.length + 1;
  const index = Math.min(Math.max(slide, 1), total);
  const isRevealed = revealed.has(index);

  useEffect(() => {
    // Step from the address as it is now, not from this render's slide: two quick presses
    // come before the hashchange re-renders, and each must move one slide.
    const go = (step: number) => {
      const now = currentRoute();
      const from = now.name === 'present' ? Math.min(now.slide, total) : index;
      navigate({ name: 'present', slide: Math.min(Math.max(from + step, 1), total) });
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        go(1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        go(-1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        navigate({ name: 'network', view: 'overview', param: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, total]);

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [index]);

  const fmt = (v: number) => formatScore(v, language);
  const name = useMunicipalityName(model.letters);
  const area = index > 1 ? q.areas[index - 2] : undefined;
  const comments = useAreaComments(model, area?.id ?? '', name);
  const showComments = commentsShown.has(index);
  const title = area
    ? localize(area.title, language)
    : t('present.overviewTitle', { round: roundText });

  let body: ReactNode = null;
  if (model.current.length === 0) {
    body = <p className="present-empty">{t('present.noData')}</p>;
  } else if (!isRevealed) {
    body = (
      <div className="present-hidden">
        <p>{t('present.hidden')}</p>
        <button
          type="button"
          className="present-reveal"
          onClick={() => setRevealed(new Set(revealed).add(index))}
        >
          {t('present.reveal')}
        </button>
      </div>
    );
  } else if (!area) {
    const rows: HeatmapRowData[] = heatmapView(model, name, t('network.median'));
    body = (
      <Heatmap
        caption={t('network.heatmapCaption', { round: roundText })}
        rowHeader={t('network.municipality')}
        columns={q.areas.map((a, i) => ({
          key: a.id,
          label: `${i + 1}. ${shortTitle(a, language)}`,
        }))}
        rows={rows}
        formatValue={fmt}
        emptyLabel={t('network.noScore')}
        flagLabel={t('network.disagreement')}
      />
    );
  } else {
    const ranking = areaRanking(area.id, model.current);
    const median = model.stats.find((s) => s.areaId === area.id)?.median ?? null;
    body = (
      <ol className="present-ranking" aria-label={t('present.rankingLabel', { area: title })}>
        {ranking.map((r) => (
          <li key={r.municipality.number}>
            <span className="present-name">{name(r.municipality)}</span>
            <span className="present-bar" aria-hidden="true">
              <span style={{ width: `${r.mean ?? 0}%` }} />
              {median !== null && (
                <span className="present-median" style={{ left: `${median}%` }} />
              )}
            </span>
            <span className="present-value">{r.mean === null ? '–' : fmt(r.mean)}</span>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <main className="present" ref={rootRef}>
      <header className="present-header">
        <h1 tabIndex={-1}>{title}</h1>
        <p className="present-counter">{t('present.slideOf', { current: index, total })}</p>
      </header>
      {model.hasDemo && <p className="present-demo">{t('network.demoBanner')}</p>}
      <div className="present-body">{body}</div>
      {area && isRevealed && actionsForArea(model.actions, area.id).length > 0 && (
        <div className="present-actions">
          <h2>{t('actions.othersTitle', { area: title })}</h2>
          <ul>
            {actionsForArea(model.actions, area.id)
              .slice(0, 4)
              .map((a) => (
                <ActionLine key={a.id} action={a} view={view} name={name(a.municipality)} />
              ))}
          </ul>
        </div>
      )}
      {area && model.current.length > 0 && (
        <PresentComments
          id={commentsId}
          title={title}
          comments={comments}
          shown={showComments}
          onToggle={() => {
            const next = new Set(commentsShown);
            if (showComments) next.delete(index);
            else next.add(index);
            setCommentsShown(next);
          }}
        />
      )}
      {area && isRevealed && (
        <p className="present-footnote">
          {t('present.medianNote', {
            median: fmt(model.stats.find((s) => s.areaId === area.id)?.median ?? 0),
          })}
        </p>
      )}
      <nav className="present-nav" aria-label={t('present.navLabel')}>
        <button
          type="button"
          onClick={() => navigate({ name: 'present', slide: index - 1 })}
          disabled={index === 1}
        >
          ← {t('present.previous')}
        </button>
        <button
          type="button"
          onClick={() => navigate({ name: 'network', view: 'overview', param: null })}
        >
          {t('present.exit')}
        </button>
        {document.fullscreenEnabled && (
          <button
            type="button"
            onClick={() =>
              void (document.fullscreenElement
                ? document.exitFullscreen()
                : document.documentElement.requestFullscreen())
            }
          >
            {t('present.fullscreen')}
          </button>
        )}
        <button
          type="button"
          onClick={() => navigate({ name: 'present', slide: index + 1 })}
          disabled={index === total}
        >
          {t('present.next')} →
        </button>
      </nav>
    </main>
  );
}

/**
 * An area slide's comments, behind the facilitator's "show comments": only the texts the rule
 * shows, with the municipality's shown name (or letter) and the role where it may show; how many
 * are not shown is said in one line, without saying whose.
 */
function PresentComments({
  id,
  title,
  comments,
  shown,
  onToggle,
}: {
  id: string;
  title: string;
  comments: AreaStatementComments[];
  shown: boolean;
  onToggle: () => void;
}) {
  const { t } = useNetworkTranslation();
  const split = comments.map((s) => ({
    ...s,
    municipalities: s.municipalities.map((m) => ({ ...m, ...shownComments(m.comments) })),
  }));
  const notShown = split.flatMap((s) => s.municipalities).reduce((n, m) => n + m.notShown, 0);
  const visible = split
    .map((s) => ({ ...s, municipalities: s.municipalities.filter((m) => m.shown.length > 0) }))
    .filter((s) => s.municipalities.length > 0);
  return (
    <div className="present-comments">
      <button type="button" aria-expanded={shown} aria-controls={id} onClick={onToggle}>
        {shown ? t('present.hideComments') : t('present.showComments')}
      </button>
      {/* Scrolls when the comments are many: focusable, so the keyboard can scroll it too. */}
      <div
        id={id}
        hidden={!shown}
        role="region"
        aria-labelledby={`${id}-heading`}
        tabIndex={shown ? 0 : undefined}
        className="present-comments-body"
      >
        {shown && (
          <>
            <h2 id={`${id}-heading`}>{t('comments.areaTitle', { area: title })}</h2>
            {visible.length === 0 && <p>{t('comments.none')}</p>}
            {visible.map((s) => (
              <section key={s.statementId} aria-label={s.text}>
                <h3>{s.text}</h3>
                <ul>
                  {s.municipalities.flatMap((m) =>
                    m.shown.map((c) => (
                      <li key={c.key}>
                        <strong>
                          {m.label}
                          {c.role !== null && `, ${t(`roles.${c.role}`)}`}:
                        </strong>{' '}
                        <q>{c.text}</q>
                      </li>
                    )),
                  )}
                </ul>
              </section>
            ))}
            {notShown > 0 && <p>{t('comments.notShown', { count: notShown })}</p>}
          </>
        )}
      </div>
    </div>
  );
}
