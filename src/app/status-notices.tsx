import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../store/store-context';
import { readBackup } from '../lib/storage';
import { downloadText } from '../lib/download';
import { exportAllResponses } from '../features/assessment/export';

/** Storage problems and recovered state, with a way out for the user's data. */
export function StatusNotices() {
  const { t } = useTranslation();
  const storageStatus = useAppStore((s) => s.storageStatus);
  const recovery = useAppStore((s) => s.recovery);
  const dismissRecovery = useAppStore((s) => s.dismissRecovery);
  const store = useAppStoreApi();

  return (
    <>
      {storageStatus !== 'ok' && (
        <Alert data-color="warning" className="notice">
          <Paragraph>{t(`storage.${storageStatus}`)}</Paragraph>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => exportAllResponses(store.getState())}
          >
            {t('storage.exportNow')}
          </Button>
        </Alert>
      )}
      {recovery !== null && (
        <Alert data-color="danger" className="notice">
          <Paragraph>{t(`recovery.${recovery}`)}</Paragraph>
          <div className="button-row">
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                const raw = readBackup();
                if (raw !== null) downloadText('naeringsspeilet-sikkerhetskopi.json', raw);
              }}
            >
              {t('recovery.downloadBackup')}
            </Button>
            <Button variant="tertiary" data-size="sm" onClick={dismissRecovery}>
              {t('recovery.dismiss')}
            </Button>
          </div>
        </Alert>
      )}
    </>
  );
}
