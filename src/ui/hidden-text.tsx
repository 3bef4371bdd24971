import { useNetworkTranslation } from '../i18n/network-namespace';
import type { FreeTextVisibility } from '../domain/priorities/comments';

/** Why a free text is not shown, in words (network screens, presentation mode and reports). */
export function HiddenText({ reason }: { reason: Exclude<FreeTextVisibility, 'shown'> }) {
  const { t } = useNetworkTranslation();
  return <span className="hidden-text">{t(`comments.hidden.${reason}`)}</span>;
}
