import { Suspense, useId, useRef, useState } from 'react';
import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { findResultLinks } from '../../domain/files/link-text';
import { useShareTranslation } from '../../i18n/share-namespace';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import type { ImportReport } from '../../store/network-slice';
import { LazyQrScanner } from '../../ui/qr-lazy';
import { importSources, linkSource, scanSource } from './import-files';
import '../../ui/links.css';

/**
 * Results that come as links or QR codes: "paste links" takes any text (a whole mail thread, many
 * messages) and imports every result link in it, each with its own verdict as for files; the
 * scanner imports each result as it is read, with a running count. Both go through the same
 * checks as a file (importSources).
 */
export function LinkImport({ disabled }: { disabled: boolean }) {
  const { t } = useShareTranslation();
  const store = useAppStoreApi();
  const setLastImport = useAppStore((s) => s.setLastImport);
  const textId = useId();
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [scanned, setScanned] = useState({ imported: 0, failed: 0 });
  // Scans arrive one by one, maybe quicker than they are checked: they are imported in turn.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const scans = useRef(0);

  async function importPasted() {
    setNotice(null);
    const found = findResultLinks(text);
    if (found.links.length === 0) {
      setNotice(
        found.opaque.length > 0 ? t('share.receive.onlyOpaque') : t('share.receive.noneFound'),
      );
      return;
    }
    setBusy(true);
    setLastImport(null);
    const sources = found.links.map((link, i) =>
      linkSource(link, t('share.receive.linkName', { number: i + 1, line: link.line })),
    );
    const reports = await importSources(sources, store, () => undefined);
    setBusy(false);
    setLastImport(reports);
    const ok = reports.filter((r) => r.ok).length;
    setNotice(
      [
        t('share.receive.pasted', { count: found.links.length, ok, failed: reports.length - ok }),
        found.opaque.length > 0
          ? t('share.receive.someOpaque', { count: found.opaque.length })
          : '',
        found.limited ? t('share.receive.limited', { count: found.links.length }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    if (ok === reports.length) setText('');
  }

  function onScan(bytes: Uint8Array) {
    queue.current = queue.current.then(async () => {
      const count = ++scans.current;
      const reports = await importSources(
        [scanSource(bytes, t('share.receive.scanName', { number: count }))],
        store,
        () => undefined,
      );
      const previous: ImportReport[] = store.getState().lastImport ?? [];
      setLastImport([...previous, ...reports]);
      const ok = reports.every((r) => r.ok);
      setScanned((s) => (ok ? { ...s, imported: s.imported + 1 } : { ...s, failed: s.failed + 1 }));
    });
  }

  return (
    <div className="link-import">
      <Heading level={3} data-size="xs">
        {t('share.receive.pasteTitle')}
      </Heading>
      <div className="ds-field">
        <label htmlFor={textId}>{t('share.receive.pasteLabel')}</label>
        <Paragraph data-size="sm" id={`${textId}-help`}>
          {t('share.receive.pasteHelp')}
        </Paragraph>
        <textarea
          id={textId}
          className="ds-input paste-links"
          aria-describedby={`${textId}-help`}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="button-row">
        <Button
          variant="secondary"
          disabled={disabled || busy || text.trim() === ''}
          onClick={() => void importPasted()}
        >
          {t('share.receive.pasteImport')}
        </Button>
        <Button
          variant="secondary"
          disabled={disabled}
          aria-expanded={scanning}
          onClick={() => setScanning((s) => !s)}
        >
          {scanning ? t('share.receive.scanClose') : t('share.receive.scanOpen')}
        </Button>
      </div>
      <div aria-live="polite">{notice && <Paragraph>{notice}</Paragraph>}</div>
      {scanning && (
        <div className="scan-import">
          <Heading level={3} data-size="xs">
            {t('share.receive.scanTitle')}
          </Heading>
          <Paragraph data-size="sm">{t('share.receive.scanHelp')}</Paragraph>
          <Suspense fallback={<Spinner aria-label={t('share.receive.scanLoading')} />}>
            <LazyQrScanner onMessage={onScan} />
          </Suspense>
          <p role="status" data-testid="scan-count">
            {t('share.receive.scanCount', {
              count: scanned.imported,
              failed: scanned.failed,
            })}
          </p>
        </div>
      )}
    </div>
  );
}
