import { useDelegateTranslation } from '../../i18n/delegate-namespace';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { navigate } from '../../lib/router';
import { localize } from '../../domain/questionnaire/localize';
import { areaStatements } from '../../domain/questionnaire/model';
import { useAppStore } from '../../store/store-context';
import { useActiveResponse } from '../../store/selectors';
import { useResponseScore } from '../../store/score-selectors';
import { NoActiveResponse } from './no-active-response';
import './assessment.css';

/** Shows what is unanswered, area by area. Submitting with gaps is allowed. */
export function ReviewScreen() {
  const { t } = useDelegateTranslation();
  const language = useAppStore((s) => s.language);
  const submitResponse = useAppStore((s) => s.submitResponse);
  const active = useActiveResponse();
  const score = useResponseScore(active);
  if (!active || !score) return <NoActiveResponse />;
  const { response, questionnaire: q } = active;
  const missing = score.total - score.answered;
  const missingImportance = q.areas.filter((a) => response.importance[a.id] === undefined).length;

  return (
    <section className="page review-page">
      <Heading level={1} data-size="lg">
        {t('review.title')}
      </Heading>
      <Paragraph>
        {missing === 0
          ? t('review.allAnswered', { total: score.total })
          : t('review.missing', { count: missing, total: score.total })}
      </Paragraph>
      {missingImportance > 0 && (
        <Paragraph>{t('review.missingImportance', { count: missingImportance })}</Paragraph>
      )}
      {response.submittedAt && (
        <Alert data-color="success" className="notice">
          <Paragraph>{t('review.alreadySubmitted')}</Paragraph>
        </Alert>
      )}

      <ol className="review-list">
        {q.areas.map((area, i) => {
          const s = score.areas[i]!;
          const unanswered = areaStatements(q, area.id, response.respondent.role).filter(
            (st) => response.answers[st.id]?.value === undefined,
          );
          const title = localize(area.title, language);
          return (
            <li key={area.id} className="review-area">
              <Heading level={2} data-size="xs">
                {title}
              </Heading>
              <p>
                {t('review.areaStatus', { answered: s.total - s.unanswered, total: s.total })}
                {response.importance[area.id] === undefined ? ` · ${t('review.noImportance')}` : ''}
              </p>
              {unanswered.length > 0 && (
                <ul>
                  {unanswered.map((st) => (
                    <li key={st.id}>{localize(st.text, language)}</li>
                  ))}
                </ul>
              )}
              {(unanswered.length > 0 || response.importance[area.id] === undefined) && (
                <a href={`#/assessment/${area.id}`}>{t('review.goToArea', { area: title })}</a>
              )}
            </li>
          );
        })}
      </ol>

      <div className="button-row">
        <Button
          onClick={() => {
            submitResponse();
            navigate({ name: 'results' });
          }}
        >
          {missing > 0 ? t('review.submitWithGaps') : t('review.submit')}
        </Button>
      </div>
    </section>
  );
}
