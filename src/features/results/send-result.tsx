import { Suspense, useEffect, useId, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { Response } from '../../domain/core/types';
import { splitForQr } from '../../domain/files/qr-parts';
import {
  createResultsFile,
  resultsFileName,
  serializeResultsFile,
} from '../../domain/files/results-file';
import { useShareTranslation } from '../../i18n/share-namespace';
import { downloadText } from '../../lib/download';
import { savedFacilitatorEmail } from '../../lib/invite-storage';
import { createResultLink, type ResultLinkResult } from '../../lib/result-links';
import { LazyQrSequence } from '../../ui/qr-lazy';
import '../../ui/links.css';

interface ShareNavigator {
  share?: (data: { title?: string; text?: string; url?: string }) => Promise<void>;
  canShare?: (data: { url?: string }) => boolean;
}

/**
 * Sends a submitted response to the facilitator as a link: through the Web Share API where the
 * device has it (mail, Teams, SMS on a phone), else a prepared email; always with "copy link"
 * and the QR codes beside it. The link is built as soon as the panel shows, before any tap, since
 * iOS shares only from within the tap itself. A link too long for mail gives a file instead.
 */
export default function SendResult({ response }: { response: Response }) {
  const { t } = useShareTranslation();
  const headingId = useId();
  const linkId = useId();
  const [built, setBuilt] = useState<{ of: Response; result: ResultLinkResult } | null>(null);
  const made = built?.of === response ? built.result : null;
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  const [showQr, setShowQr] = useState(false);
  const [shareFailed, setShareFailed] = useState(false);
  const email = savedFacilitatorEmail();
  const nav = navigator as ShareNavigator;
  const canShare = typeof nav.share === 'function';

  useEffect(() => {
    let current = true;
    void createResultLink({ kind: 'response', record: response }).then(
      (result) => current && setBuilt({ of: response, result }),
    );
    return () => {
      current = false;
    };
  }, [response]);

  const vars = {
    municipality: response.municipality.name,
    role: t(`roles.${response.respondent.role}`),
    round: response.gathering.round,
  };
  const subject = t('share.send.subject', vars);

  function downloadFile() {
    const now = new Date().toISOString();
    const file = createResultsFile([response], {
      appVersion: __APP_VERSION__,
      exportedAt: now,
      questionnaire: response.questionnaire,
    });
    const name = resultsFileName({
      municipality: response.municipality.name,
      round: response.gathering.round,
      date: now,
    });
    downloadText(name, serializeResultsFile(file));
  }

  if (made === null) {
    return <Spinner aria-label={t('share.send.preparing')} />;
  }

  if (!made.ok) {
    return (
      <section className="send-result" aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('share.send.title')}
        </Heading>
        <Alert data-color="warning">
          <Paragraph>{t(`share.send.errors.${made.error}`)}</Paragraph>
        </Alert>
        <Button variant="primary" onClick={downloadFile}>
          {t('share.send.downloadFile')}
        </Button>
      </section>
    );
  }

  const { link } = made;
  const body = t('share.send.body', { ...vars, link });
  const mailto = `mailto:${email ? encodeURIComponent(email).replace(/%40/g, '@') : ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  const qr = splitForQr(made.bytes);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('copyFailed');
      const field = document.getElementById(linkId) as HTMLTextAreaElement | null;
      field?.focus();
      field?.select();
    }
  }

  function share() {
    setShareFailed(false);
    // Called straight from the tap, with the link made before it.
    nav.share!({ title: subject, text: t('share.send.shareText', vars), url: link }).catch(
      (error: unknown) => {
        // The user closing the share sheet is no failure.
        if ((error as { name?: string } | null)?.name !== 'AbortError') setShareFailed(true);
      },
    );
  }

  return (
    <section className="send-result" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('share.send.title')}
      </Heading>
      <Paragraph>
        {email ? t('share.send.introTo', { email }) : t('share.send.intro')}{' '}
        {t('share.send.contents')}
      </Paragraph>
      <div className="button-row">
        {canShare ? (
          <Button variant="primary" onClick={share}>
            {t('share.send.share')}
          </Button>
        ) : (
          <Button asChild variant="primary">
            <a href={mailto}>{t('share.send.mail')}</a>
          </Button>
        )}
        <Button variant="secondary" onClick={() => void copy()}>
          {t('share.send.copy')}
        </Button>
        {qr.ok && (
          <Button
            variant="secondary"
            aria-expanded={showQr}
            onClick={() => setShowQr((shown) => !shown)}
          >
            {showQr ? t('share.send.hideQr') : t('share.send.showQr')}
          </Button>
        )}
      </div>
      <p role="status" className="send-status">
        {copied && t(`share.send.${copied}`)}
        {shareFailed && t('share.send.shareFailed')}
      </p>
      <label htmlFor={linkId} className="send-link-label">
        {t('share.send.linkLabel', { count: link.length })}
      </label>
      <textarea id={linkId} className="send-link" readOnly rows={3} value={link} />
      {showQr && qr.ok && (
        <Suspense fallback={<Spinner aria-label={t('share.send.preparing')} />}>
          <Paragraph>{t('share.send.qrHelp', { count: qr.parts.length })}</Paragraph>
          <LazyQrSequence parts={qr.parts} label={t('share.send.qrLabel')} />
        </Suspense>
      )}
    </section>
  );
}
