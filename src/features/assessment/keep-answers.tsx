import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { deletesAfterAWeek } from '../../lib/browser-storage';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { InstallOffer } from '../../ui/install-offer';
import { exportResponses } from './export';

/**
 * On browsers that delete a site's data after a few days (Safari, unless the app was added to
 * the Home Screen), once the delegate has given a first answer: add the app to the Home Screen,
 * or keep a safety copy of the answers as a results file. Shown until put away, once per visit.
 */
export function KeepAnswersSuggestion({
  deletesData = deletesAfterAWeek,
}: {
  /** Whether this browser deletes data after a few days; tests pass their own. */
  deletesData?: () => boolean;
}) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const answered = useAppStore((s) => {
    const r = s.activeResponseId === null ? undefined : s.responses[s.activeResponseId];
    return r !== undefined && Object.keys(r.answers).length > 0;
  });
  const dismissed = useAppStore((s) => s.keepAnswersDismissed);
  const dismiss = useAppStore((s) => s.dismissKeepAnswers);
  if (!answered || dismissed || !deletesData()) return null;
  const saveCopy = () => {
    const { activeResponseId, responses, actions } = store.getState();
    const r = activeResponseId === null ? undefined : responses[activeResponseId];
    if (r) exportResponses([r], Object.values(actions));
  };
  return (
    <Alert data-color="info" data-size="sm" className="keep-answers">
      <Paragraph>{t('keepSafe.keepAnswers')}</Paragraph>
      <InstallOffer notice={false} />
      <div className="button-row">
        <Button data-size="sm" variant="secondary" onClick={saveCopy}>
          {t('keepSafe.saveCopy')}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={dismiss}>
          {t('keepSafe.notNow')}
        </Button>
      </div>
    </Alert>
  );
}
