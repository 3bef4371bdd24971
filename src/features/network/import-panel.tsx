import { useNetworkTranslation } from '../../i18n/network-namespace';
import { useGatheringText } from '../../i18n/gathering-text';
import { keyOfGathering, showsPeriod } from '../../domain/core/gatherings';
import { useId, useRef, useState, type DragEvent } from 'react';
import type { TFunction } from 'i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ImportError } from '../../domain/files/import';
import type { Locale, Role } from '../../domain/core/types';
import { formatCount, formatDate } from '../../i18n/format';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { importFiles, type FileReport } from './import-files';
import { loadDemoNetwork } from './demo';
import { LinkImport } from './link-import';

export function ImportPanel() {
  const { t } = useNetworkTranslation();
  const store = useAppStoreApi();
  const ready = useAppStore((s) => s.networkReady);
  const ownResponses = useAppStore((s) => Object.keys(s.responses).length);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const setLastImport = useAppStore((s) => s.setLastImport);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(files: File[]) {
    if (files.length === 0) return;
    setLastImport(null);
    setNotice(null);
    setProgress({ done: 0, total: files.length });
    const result = await importFiles(files, store, (done, total) => setProgress({ done, total }));
    setProgress(null);
    setLastImport(result);
    if (inputRef.current) inputRef.current.value = '';
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void run([...event.dataTransfer.files]);
  }

  const addOwn = () => {
    const responses = Object.values(store.getState().responses);
    const counts = store
      .getState()
      .addImport({ fileName: t('import.deviceSource'), kind: 'device' }, responses, []);
    setNotice(t('import.ownAdded', { count: responses.length, updated: counts.responses.updated }));
  };

  const busy = progress !== null || !ready;

  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <Heading level={2} data-size="sm" id="import-heading">
        {t('import.title')}
      </Heading>
      <Paragraph>{t('import.help')}</Paragraph>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId} className="file-label">
          {t('import.choose')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          data-testid="network-files"
          accept=".json,application/json"
          multiple
          disabled={busy}
          onChange={(e) => void run([...(e.target.files ?? [])])}
        />
        <p className="drop-hint">{t('import.dropHint')}</p>
      </div>
      <div className="button-row">
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() =>
            void loadDemoNetwork(store).then((n) => setNotice(t('import.demoLoaded', { count: n })))
          }
        >
          {t('import.loadDemo')}
        </Button>
        {ownResponses > 0 && (
          <Button variant="secondary" disabled={busy} onClick={addOwn}>
            {t('import.addOwn', { count: ownResponses })}
          </Button>
        )}
      </div>

      <LinkImport disabled={busy} />

      <div aria-live="polite" className="import-status">
        {progress && (
          <div className="progress">
            <label htmlFor={`${inputId}-progress`}>
              {t('import.progress', { done: progress.done, total: progress.total })}
            </label>
            <progress id={`${inputId}-progress`} max={progress.total} value={progress.done} />
          </div>
        )}
        {notice && <Paragraph>{notice}</Paragraph>}
      </div>
    </section>
  );
}

/** The latest import's result, per file. Shown on every network view until dismissed. */
export function ImportReports() {
  const { t } = useNetworkTranslation();
  const reports = useAppStore((s) => s.lastImport);
  const setLastImport = useAppStore((s) => s.setLastImport);
  if (!reports || reports.length === 0) return null;
  const okCount = reports.filter((r) => r.ok).length;
  return (
    <section
      className="import-results"
      aria-labelledby="import-results-heading"
      data-testid="import-summary"
      data-ok={okCount}
      data-failed={reports.length - okCount}
    >
      <Heading level={2} data-size="xs" id="import-results-heading">
        {t('import.summary', { count: okCount, failed: reports.length - okCount })}
      </Heading>
      <ul className="import-reports" aria-label={t('import.reportsLabel')}>
        {reports.map((r, i) => (
          <li key={`${r.fileName}-${i}`}>
            <ImportReportItem report={r} />
          </li>
        ))}
      </ul>
      <Button variant="tertiary" data-size="sm" onClick={() => setLastImport(null)}>
        {t('import.dismiss')}
      </Button>
    </section>
  );
}

/**
 * The error in words that name the response (or action) at fault, for the rules beyond the
 * schema; null for the other errors, which have one text per code.
 */
function namedError(error: ImportError, t: TFunction, language: Locale): string | null {
  const s = error.subject;
  if (s === undefined) return null;
  const vars = {
    municipality: s.municipality.name,
    round: s.round,
    role: s.role === undefined ? '' : t(`import.role.${s.role}`),
    title: s.title ?? '',
    version: s.version ?? '',
    id: s.value,
  };
  switch (error.code) {
    case 'futureTimestamp': {
      const date = formatDate(s.value, language);
      if (s.kind === 'response') return t('import.named.futureResponse', { ...vars, date });
      if (s.kind === 'action') return t('import.named.futureAction', { ...vars, date });
      return t('import.named.futureAgreement', { ...vars, date });
    }
    case 'unknownStatement':
      return s.kind === 'agreement'
        ? t('import.named.unknownStatementAgreement', vars)
        : t('import.named.unknownStatement', vars);
    case 'unknownArea':
      return t('import.named.unknownArea', vars);
    default:
      return null;
  }
}

function ImportReportItem({ report }: { report: FileReport }) {
  const { t } = useNetworkTranslation();
  const roundText = useGatheringText(report.ok && showsPeriod(report.counts.setAside));
  const language = useAppStore((s) => s.language);
  const roleText = (role: Role) => t(`import.role.${role}`);
  if (report.ok) {
    const { added, updated, unchanged, keptNewer } = report.counts.responses;
    const setAside = report.counts.setAside;
    const setAsideTotal = setAside.reduce((n, s) => n + s.responses, 0);
    return (
      <Alert data-color={setAside.length > 0 ? 'warning' : 'success'} data-size="sm">
        <strong>{report.fileName}</strong>:{' '}
        {t('import.ok', {
          count: report.responses,
          formatted: formatCount(report.responses, language),
        })}
        {report.municipalities.length > 0 && ` (${report.municipalities.join(', ')})`}
        {report.actions > 0 && ` ${t('import.okActions', { count: report.actions })}`}
        {(updated > 0 || unchanged > 0 || keptNewer > 0) && (
          <span className="import-dupes">
            {' '}
            {t('import.duplicates', { added, updated, unchanged, keptNewer })}
          </span>
        )}
        {setAside.length > 0 && (
          <>
            <Paragraph data-size="sm" className="import-set-aside">
              {t('import.setAside', {
                count: setAsideTotal,
                formatted: formatCount(setAsideTotal, language),
              })}
            </Paragraph>
            <ul aria-label={t('import.setAsideLabel')}>
              {setAside.map((s) => (
                <li key={`${s.municipality.number}-${keyOfGathering(s)}-${s.role}`}>
                  {t('import.setAsideItem', {
                    municipality: s.municipality.name,
                    role: roleText(s.role),
                    round: roundText(s),
                    count: s.responses,
                    formatted: formatCount(s.responses, language),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </Alert>
    );
  }
  const error = report.error;
  const issues = 'issues' in error ? error.issues : undefined;
  return (
    <Alert data-color="danger" data-size="sm">
      <strong>{report.fileName}</strong>:{' '}
      {('subject' in error ? namedError(error, t, language) : null) ??
        t(`import.errors.${error.code}`)}
      {issues && issues.length > 0 && (
        <details className="ds-details import-issues">
          <summary>{t('import.issues', { count: issues.length })}</summary>
          <ul>
            {issues.slice(0, 20).map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Alert>
  );
}
