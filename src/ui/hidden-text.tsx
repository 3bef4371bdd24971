import { useNetworkTranslation } from '../i18n/network-namespace';
import {
  visibleAction,
  type FreeTextView,
  type FreeTextVisibility,
} from '../domain/priorities/comments';
import type { Action } from '../domain/core/types';
import './hidden-text.css';

/** Why a free text is not shown, in words (network screens, presentation mode and reports). */
export function HiddenText({ reason }: { reason: Exclude<FreeTextVisibility, 'shown'> }) {
  const { t } = useNetworkTranslation();
  return <span className="hidden-text">{t(`comments.hidden.${reason}`)}</span>;
}

/**
 * One line for another municipality's action, "Name: title (status)", its title as the free-text
 * rule allows (the area view's "what the others are doing" and presentation mode).
 */
export function ActionLine({
  action,
  view,
  name,
}: {
  action: Action;
  view: FreeTextView;
  /** The municipality's shown name (or letter). */
  name: string;
}) {
  const { t } = useNetworkTranslation();
  const { action: a, text } = visibleAction(action, view);
  return (
    <li>
      <strong>{name}</strong>: {text === 'shown' ? a.title : <HiddenText reason={text} />} (
      {t(`actions.status.${a.status}`)})
    </li>
  );
}
