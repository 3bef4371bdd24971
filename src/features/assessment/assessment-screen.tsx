import { memo, useCallback, useEffect } from 'react';
import { useDelegateTranslation } from '../../i18n/delegate-namespace';
import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Disclosure, RadioOption } from '../../ui/fields';
import { navigate } from '../../lib/router';
import { localize } from '../../domain/questionnaire/localize';
import { areaStatements } from '../../domain/questionnaire/model';
import type { Area, Questionnaire } from '../../domain/questionnaire/schema';
import { LEVELS, type AnswerValue, type Locale } from '../../domain/core/types';
import { useAppStore } from '../../store/store-context';
import { useActiveResponseHeader, useImportance } from '../../store/selectors';
import { useActiveScore } from '../../store/score-selectors';
import { StatementQuestion } from './statement-question';
import { NoActiveResponse } from './no-active-response';
import { KeepAnswersSuggestion } from './keep-answers';
import './assessment.css';

/*
 * An answer changes the store on every click. This page is split so that only what shows
 * the answer renders again: the statement (it reads its own answer), the progress line and
 * the area's count in the area list. The page itself reads only the parts of the response
 * that answering leaves unchanged.
 */
export function AssessmentScreen({ areaId }: { areaId: string | null }) {
  const { t } = useDelegateTranslation();
  const language = useAppStore((s) => s.language);
  const setAnswer = useAppStore((s) => s.setAnswer);
  const setComment = useAppStore((s) => s.setComment);
  const setLastArea = useAppStore((s) => s.setLastArea);
  const lastArea = useAppStore((s) =>
    s.activeResponseId ? s.lastAreaByResponse[s.activeResponseId] : undefined,
  );
  const active = useActiveResponseHeader();

  const q = active?.questionnaire;
  const index = q ? q.areas.findIndex((a) => a.id === areaId) : -1;
  const area = q?.areas[index];

  useEffect(() => {
    if (!q) return;
    if (!area) {
      // "#/assessment" alone resumes where the user was.
      const resume = q.areas.find((a) => a.id === lastArea) ?? q.areas[0]!;
      navigate({ name: 'assessment', areaId: resume.id }, { replace: true });
    } else {
      setLastArea(area.id);
    }
  }, [q, area, lastArea, setLastArea]);

  const onAnswer = useCallback(
    (id: string, value: AnswerValue) => setAnswer(id, value),
    [setAnswer],
  );
  const onComment = useCallback((id: string, c: string) => setComment(id, c), [setComment]);

  if (!active || !q) return <NoActiveResponse />;
  if (!area) return null;

  const { header } = active;
  const role = header.respondent.role;
  const statements = areaStatements(q, area.id, role);
  const firstNumber =
    q.areas.slice(0, index).reduce((n, a) => n + areaStatements(q, a.id, role).length, 0) + 1;
  const prev = q.areas[index - 1];
  const next = q.areas[index + 1];

  return (
    <div className="assessment-layout">
      <section className="page assessment-page" aria-labelledby="area-heading">
        <p className="eyebrow">
          {header.municipality.name} · {t(`roles.${role}`)} ·{' '}
          {t('start.gatheringRound', { round: header.gathering.round })}
        </p>
        <Heading level={1} data-size="lg" id="area-heading">
          <span className="area-counter">
            {t('assessment.areaOf', { current: index + 1, total: q.areas.length })}
          </span>{' '}
          {localize(area.title, language)}
        </Heading>
        <AnswerProgress />
        <KeepAnswersSuggestion />
        <Paragraph>{localize(area.description, language)}</Paragraph>

        <Disclosure summary={t('assessment.levelsSummary')}>
          <dl className="level-list">
            {area.levels.map((text, i) => (
              <div key={i}>
                <dt>{t('assessment.levelN', { level: i + 1 })}</dt>
                <dd>{localize(text, language)}</dd>
              </div>
            ))}
          </dl>
        </Disclosure>

        <div className="statements">
          {statements.map((s, i) => (
            <StatementQuestion
              key={`${header.id}-${s.id}`}
              responseId={header.id}
              statement={s}
              number={firstNumber + i}
              scale={q.scale}
              language={language}
              onAnswer={onAnswer}
              onComment={onComment}
            />
          ))}
        </div>

        <ImportanceQuestion responseId={header.id} area={area} language={language} />

        <nav className="pager" aria-label={t('assessment.pager')}>
          {prev ? (
            <Button
              variant="secondary"
              onClick={() => navigate({ name: 'assessment', areaId: prev.id })}
            >
              ← {t('assessment.previous')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => navigate({ name: 'start' })}>
              ← {t('assessment.backToStart')}
            </Button>
          )}
          {next ? (
            <Button
              data-testid="next-area"
              onClick={() => navigate({ name: 'assessment', areaId: next.id })}
            >
              {t('assessment.next')} →
            </Button>
          ) : (
            <Button onClick={() => navigate({ name: 'review' })}>
              {t('assessment.toReview')} →
            </Button>
          )}
        </nav>
      </section>

      <AreaNav questionnaire={q} currentAreaId={area.id} language={language} />
    </div>
  );
}

/** "n of N statements answered" and its progress bar. */
function AnswerProgress() {
  const { t } = useDelegateTranslation();
  const score = useActiveScore();
  if (!score) return null;
  return (
    <div className="progress">
      <label htmlFor="answer-progress">
        {t('assessment.progress', { answered: score.answered, total: score.total })}
      </label>
      <progress id="answer-progress" max={score.total} value={score.answered} />
    </div>
  );
}

const ImportanceQuestion = memo(function ImportanceQuestion({
  responseId,
  area,
  language,
}: {
  responseId: string;
  area: Area;
  language: Locale;
}) {
  const { t } = useDelegateTranslation();
  const setImportance = useAppStore((s) => s.setImportance);
  const importance = useImportance(responseId, area.id);
  return (
    <div className="importance">
      <Fieldset>
        <Fieldset.Legend>
          {t('assessment.importance', { area: localize(area.title, language) })}
        </Fieldset.Legend>
        <Fieldset.Description>{t('assessment.importanceHelp')}</Fieldset.Description>
        <div className="scale scale-importance">
          {LEVELS.map((level) => (
            <RadioOption
              key={level}
              name={`importance-${area.id}`}
              value={String(level)}
              label={`${level} ${t(`importance.${level}`)}`}
              checked={importance === level}
              onChange={() => setImportance(area.id, level)}
            />
          ))}
        </div>
      </Fieldset>
    </div>
  );
});

/** The list of areas with how many statements of each are answered. */
const AreaNav = memo(function AreaNav({
  questionnaire,
  currentAreaId,
  language,
}: {
  questionnaire: Questionnaire;
  currentAreaId: string;
  language: Locale;
}) {
  const { t } = useDelegateTranslation();
  const score = useActiveScore();
  if (!score) return null;
  return (
    <nav className="area-nav" aria-label={t('assessment.areas')} data-testid="area-nav">
      <Heading level={2} data-size="xs">
        {t('assessment.areas')}
      </Heading>
      <ol>
        {questionnaire.areas.map((a, i) => {
          const s = score.areas[i]!;
          return (
            <AreaNavItem
              key={a.id}
              areaId={a.id}
              title={localize(a.title, language)}
              current={a.id === currentAreaId}
              answered={s.total - s.unanswered}
              total={s.total}
            />
          );
        })}
        <li>
          <a href="#/review">{t('assessment.toReview')}</a>
        </li>
      </ol>
    </nav>
  );
});

/** One area in the list; renders again only when its own count changes. */
const AreaNavItem = memo(function AreaNavItem({
  areaId,
  title,
  current,
  answered,
  total,
}: {
  areaId: string;
  title: string;
  current: boolean;
  answered: number;
  total: number;
}) {
  const { t } = useDelegateTranslation();
  return (
    <li>
      <a href={`#/assessment/${areaId}`} aria-current={current ? 'step' : undefined}>
        <span>{title}</span>
        <span className="area-nav-count">{t('assessment.areaAnswered', { answered, total })}</span>
      </a>
    </li>
  );
});
