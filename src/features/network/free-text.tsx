import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import type { StatementComment } from '../../domain/priorities/comments';
import { HiddenText } from '../../ui/hidden-text';
import { useAppStore } from '../../store/store-context';
import { Disclosure } from '../../ui/fields';
import { Section } from '../../ui/section';

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

/** Comments under a line that says whose they are, or what they are about. */
export interface CommentEntry {
  key: string;
  heading: string;
  comments: readonly StatementComment[];
  /** The list's name, and what the comments are about (CommentList). */
  label: string;
  context: string;
}

/**
 * Comments folded in groups (one per statement, or per area), in a section with its heading;
 * "no comments" when there are no groups.
 */
export function CommentGroups({
  id,
  title,
  groups,
}: {
  id: string;
  title: string;
  groups: readonly { key: string; summary: string; entries: readonly CommentEntry[] }[];
}) {
  const { t } = useNetworkTranslation();
  return (
    <Section
      id={id}
      level={3}
      size="sm"
      className="municipality-comments"
      title={title}
      empty={groups.length === 0 && t('comments.none')}
    >
      {groups.map((g) => (
        <Disclosure key={g.key} summary={g.summary}>
          {g.entries.map((e) => (
            <div key={e.key} className="statement-comments">
              <p className="consensus-statement">{e.heading}</p>
              <CommentList comments={e.comments} label={e.label} context={e.context} />
            </div>
          ))}
        </Disclosure>
      ))}
    </Section>
  );
}

/** One line that says there are no comments. */
export function NoComments() {
  const { t } = useNetworkTranslation();
  return <Paragraph data-size="sm">{t('comments.none')}</Paragraph>;
}
