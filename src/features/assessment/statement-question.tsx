import { memo, useEffect, useRef, useState } from 'react';
import { useDelegateTranslation } from '../../i18n/delegate-namespace';
import { Button, Fieldset } from '@digdir/designsystemet-react';
import { RadioOption, TextAreaField } from '../../ui/fields';
import type { LocalizedText, Statement } from '../../domain/questionnaire/schema';
import { localize } from '../../domain/questionnaire/localize';
import { type AnswerValue, LEVELS, type Locale } from '../../domain/core/types';
import { useAnswer } from '../../store/selectors';

interface Props {
  responseId: string;
  statement: Statement;
  number: number;
  scale: readonly LocalizedText[];
  language: Locale;
  onAnswer: (statementId: string, value: AnswerValue) => void;
  onComment: (statementId: string, comment: string) => void;
}

const OTHER_OPTIONS = ['dontKnow', 'notRelevant'] as const;

/**
 * One statement as a radio group: 1–5 with labels, "don't know" and "not relevant". It reads
 * its own answer from the store, so an answer renders this statement again and no other.
 */
export const StatementQuestion = memo(function StatementQuestion({
  responseId,
  statement,
  number,
  scale,
  language,
  onAnswer,
  onComment,
}: Props) {
  const { t } = useDelegateTranslation();
  const answer = useAnswer(responseId, statement.id);
  const [showComment, setShowComment] = useState(Boolean(answer?.comment));
  const openedByUser = useRef(false);
  // When the user opens the comment field, focus moves into it (the button is gone).
  useEffect(() => {
    if (showComment && openedByUser.current)
      document.getElementById(`comment-${statement.id}`)?.focus();
  }, [showComment, statement.id]);
  const name = `statement-${statement.id}`;
  const commentId = `comment-${statement.id}`;
  const label = (value: AnswerValue) =>
    typeof value === 'number'
      ? `${value} ${localize(scale[value - 1]!, language)}`
      : t(`answer.${value}`);

  return (
    <div className="statement">
      <Fieldset data-testid={`statement-${statement.id}`}>
        <Fieldset.Legend className="statement-legend">
          <span className="statement-number">{number}.</span> {localize(statement.text, language)}
        </Fieldset.Legend>
        <div className="scale">
          {LEVELS.map((value) => (
            <RadioOption
              key={value}
              name={name}
              value={String(value)}
              label={label(value)}
              checked={answer?.value === value}
              onChange={() => onAnswer(statement.id, value)}
              className="scale-level"
            />
          ))}
        </div>
        <div className="scale-other">
          {OTHER_OPTIONS.map((value) => (
            <RadioOption
              key={value}
              name={name}
              value={value}
              label={label(value)}
              checked={answer?.value === value}
              onChange={() => onAnswer(statement.id, value)}
            />
          ))}
        </div>
        {showComment ? (
          <TextAreaField
            id={commentId}
            rows={2}
            label={t('assessment.comment')}
            description={t('assessment.commentHelp')}
            value={answer?.comment ?? ''}
            maxLength={2000}
            onChange={(e) => onComment(statement.id, e.target.value)}
          />
        ) : (
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => {
              openedByUser.current = true;
              setShowComment(true);
            }}
            aria-label={t('assessment.addCommentTo', { number })}
          >
            {t('assessment.addComment')}
          </Button>
        )}
      </Fieldset>
    </div>
  );
});
