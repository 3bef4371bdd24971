import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import type { NetworkRecovery } from '../store/status-slice';
import { downloadText } from '../lib/download';
import { KeptCopyNotice, RecoveryAlert } from './kept-copy';

/** What a load of the network's saved data could not use, one sentence per kind of problem. */
function networkRecoveryTexts(
  recovery: NetworkRecovery,
  t: ReturnType<typeof useTranslation>['t'],
): string[] {
  return [
    recovery.migrationFailed ? t('networkRecovery.migrationFailed') : null,
    recovery.unreadable > 0
      ? t('networkRecovery.unreadable', { count: recovery.unreadable })
      : null,
    recovery.invalidEntries > 0
      ? t('networkRecovery.invalidEntries', { count: recovery.invalidEntries })
      : null,
  ].filter((text) => text !== null);
}

/**
 * The network's saved data (IndexedDB) could not be saved or read as it was: what happened, and
 * a kept copy to download or delete. Part of StatusNotices, loaded when there is something to say.
 */
export default function NetworkNotices() {
  const { t } = useTranslation();
  const network = useAppStore(
    useShallow((s) => ({
      status: s.networkStorageStatus,
      recovery: s.networkRecovery,
      kept: s.networkKept,
      dismiss: s.dismissNetworkRecovery,
      deleteKept: s.deleteNetworkKept,
    })),
  );
  const [networkKeptDismissed, setNetworkKeptDismissed] = useState(false);
  const downloadNetworkKept = () =>
    downloadText(t('networkRecovery.fileName'), JSON.stringify(network.kept, null, 2));
  return (
    <>
      {network.status !== 'ok' && (
        <Alert data-color="warning" className="notice">
          <Paragraph>{t(`networkStorage.${network.status}`)}</Paragraph>
        </Alert>
      )}
      {network.recovery !== null && (
        <RecoveryAlert
          texts={networkRecoveryTexts(network.recovery, t)}
          onDownload={downloadNetworkKept}
          onDismiss={() => {
            network.dismiss();
            setNetworkKeptDismissed(true);
          }}
        />
      )}
      {network.recovery === null &&
        Object.keys(network.kept).length > 0 &&
        !networkKeptDismissed && (
          <KeptCopyNotice
            text={t('networkRecovery.backupKept')}
            onDownload={downloadNetworkKept}
            onDelete={network.deleteKept}
            onDismiss={() => setNetworkKeptDismissed(true)}
          />
        )}
    </>
  );
}
