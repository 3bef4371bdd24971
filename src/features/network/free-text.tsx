import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import type { StatementComment } from '../../domain/priorities/comments';
import { HiddenText } from '../../ui/hidden-text';
import { useAppStore } from '../../store/store-context';

export { HiddenText };

/** The facilitator's switch that keeps one free text off the projector, or lets it back. */
export function HideTextButton({
  textKey,
  hidden,
  context,
}: {
  textKey: string;
  hidden: boolean;
  /** What the text is about, in the button's accessible name after its word. */
  context: string;
}) {
  const { t } = useNetworkTranslation();
  const setHidden = useAppStore((s) => s.setFreeTextHidden);
  const word = hidden ? t('comments.showAgain') : t('comments.hide');
  // The visible word starts the accessible name (WCAG 2.5.3), and the context tells the buttons
  // apart for a screen reader.
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      aria-label={`${word} ${context}`}
      onClick={() => setHidden(textKey, !hidden)}
    >
      {word}
    </Button>
  );
}

/** A statement's comments: role (where shown) and text, or why the text is hidden. */
export function CommentList({
  comments,
  label,
  context,
}: {
  comments: readonly StatementComment[];
  label: string;
  /** What the comments are about, for the hide buttons' names. */
  context: string;
}) {
  const { t } = useNetworkTranslation();
  if (comments.length === 0) return null;
  return (
    <ul className="comment-list" aria-label={label}>
      {comments.map((c) => (
        <li key={c.key}>
          {c.role !== null && <strong>{t(`roles.${c.role}`)}: </strong>}
          {c.shown ? <q>{c.text}</q> : <HiddenText reason={c.reason} />}{' '}
          {(c.shown || c.reason === 'hiddenByFacilitator') && (
            <HideTextButton textKey={c.key} hidden={!c.shown} context={context} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** One line that says there are no comments. */
export function NoComments() {
  const { t } = useNetworkTranslation();
  return <Paragraph data-size="sm">{t('comments.none')}</Paragraph>;
}
