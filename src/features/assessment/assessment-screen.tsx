import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Disclosure, RadioOption } from '../../ui/fields';
import { navigate } from '../../lib/router';
import { localize } from '../../domain/questionnaire/localize';
import { areaStatements } from '../../domain/questionnaire/model';
import { LEVELS, type AnswerValue } from '../../domain/types';
import { useAppStore } from '../../store/store-context';
import { useActiveResponse, useResponseScore } from '../../store/selectors';
import { StatementQuestion } from './statement-question';
import { NoActiveResponse } from './no-active-response';

export function AssessmentScreen({ areaId }: { areaId: string | null }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setAnswer = useAppStore((s) => s.setAnswer);
  const setComment = useAppStore((s) => s.setComment);
  const setImportance = useAppStore((s) => s.setImportance);
  const setLastArea = useAppStore((s) => s.setLastArea);
  const lastArea = useAppStore((s) =>
    s.activeResponseId ? s.lastAreaByResponse[s.activeResponseId] : undefined,
  );
  const active = useActiveResponse();
  const score = useResponseScore(active);

  const q = active?.questionnaire;
  const index = q ? q.areas.findIndex((a) => a.id === areaId) : -1;
  const area = q?.areas[index];

  useEffect(() => {
    if (!q) return;
    if (!area) {
      // "#/assessment" alone resumes where the user was.
      const resume = q.areas.find((a) => a.id === lastArea) ?? q.areas[0]!;
      window.location.replace(`#/assessment/${resume.id}`);
    } else {
      setLastArea(area.id);
    }
  }, [q, area, lastArea, setLastArea]);

  const onAnswer = useCallback(
    (id: string, value: AnswerValue) => setAnswer(id, value),
    [setAnswer],
  );
  const onComment = useCallback((id: string, c: string) => setComment(id, c), [setComment]);

  if (!active || !q || !score) return <NoActiveResponse />;
  if (!area) return null;

  const { response } = active;
  const statements = areaStatements(q, area.id, response.respondent.role);
  const firstNumber =
    q.areas
      .slice(0, index)
      .reduce((n, a) => n + areaStatements(q, a.id, response.respondent.role).length, 0) + 1;
  const prev = q.areas[index - 1];
  const next = q.areas[index + 1];
  const importance = response.importance[area.id];

  return (
    <div className="assessment-layout">
      <section className="page assessment-page" aria-labelledby="area-heading">
        <p className="eyebrow">
          {response.municipality.name} · {t(`roles.${response.respondent.role}`)} ·{' '}
          {t('start.gatheringRound', { round: response.gathering.round })}
        </p>
        <Heading level={1} data-size="lg" id="area-heading">
          <span className="area-counter">
            {t('assessment.areaOf', { current: index + 1, total: q.areas.length })}
          </span>{' '}
          {localize(area.title, language)}
        </Heading>
        <div className="progress">
          <label htmlFor="answer-progress">
            {t('assessment.progress', { answered: score.answered, total: score.total })}
          </label>
          <progress id="answer-progress" max={score.total} value={score.answered} />
        </div>
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
              key={`${response.id}-${s.id}`}
              statement={s}
              number={firstNumber + i}
              answer={response.answers[s.id]}
              scale={q.scale}
              language={language}
              onAnswer={onAnswer}
              onComment={onComment}
            />
          ))}
        </div>

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
            <Button onClick={() => navigate({ name: 'assessment', areaId: next.id })}>
              {t('assessment.next')} →
            </Button>
          ) : (
            <Button onClick={() => navigate({ name: 'review' })}>
              {t('assessment.toReview')} →
            </Button>
          )}
        </nav>
      </section>

      <nav className="area-nav" aria-label={t('assessment.areas')}>
        <Heading level={2} data-size="xs">
          {t('assessment.areas')}
        </Heading>
        <ol>
          {q.areas.map((a, i) => {
            const s = score.areas[i]!;
            const done = s.total - s.unanswered;
            return (
              <li key={a.id}>
                <a
                  href={`#/assessment/${a.id}`}
                  aria-current={a.id === area.id ? 'step' : undefined}
                >
                  <span>{localize(a.title, language)}</span>
                  <span className="area-nav-count">
                    {t('assessment.areaAnswered', { answered: done, total: s.total })}
                  </span>
                </a>
              </li>
            );
          })}
          <li>
            <a href="#/review">{t('assessment.toReview')}</a>
          </li>
        </ol>
      </nav>
    </div>
  );
}
