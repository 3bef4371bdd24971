import { useEffect, useRef, useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useShareTranslation } from '../i18n/share-namespace';
import {
  closeCamera,
  createQrDetector,
  openCamera,
  scanFrames,
  showStream,
  type CameraErrorCode,
  type FrameLoop,
} from '../lib/camera';
import { createPartCollector, type PartRejection } from '../domain/files/qr-parts';
import './qr.css';

type Status =
  | { kind: 'starting' | 'ready' | 'stopped' | 'complete' | 'alreadyRead' | 'corrupt' }
  | { kind: 'progress' | 'otherMessage'; have: number; count: number }
  | { kind: 'rejected'; reason: PartRejection }
  | { kind: 'error'; error: CameraErrorCode | 'ended' };

const same = (a: Status, b: Status) => JSON.stringify(a) === JSON.stringify(b);

export interface QrScannerProps {
  /** Called once for every message read in full (its CRC checked), with its bytes. */
  onMessage: (message: Uint8Array) => void;
  /** Called when the user stops the camera. */
  onStop?: () => void;
}

/**
 * Reads QR codes with the camera: a preview, a polite status line (“Read 2 of 5 codes”, or why
 * the camera will not start), a count of the results read, and a button to stop (or start again).
 * Parts may come in any order; a message is handed to `onMessage` once, when it is whole. The
 * camera starts when the scanner is shown, and stops when it goes away.
 */
export function QrScanner({ onMessage, onStop }: QrScannerProps) {
  const { t } = useShareTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const collector = useRef(createPartCollector());
  const onMessageRef = useRef(onMessage);
  const [running, setRunning] = useState(true);
  const [status, setStatus] = useState<Status>({ kind: 'starting' });
  const [read, setRead] = useState(0);

  useEffect(() => {
    onMessageRef.current = onMessage;
  }, [onMessage]);

  useEffect(() => {
    if (!running) return;
    const video = videoRef.current!;
    let cancelled = false;
    let stream: MediaStream | null = null;
    let loop: FrameLoop | null = null;
    const show = (next: Status) => setStatus((prev) => (same(prev, next) ? prev : next));
    const fail = (error: CameraErrorCode | 'ended') => {
      show({ kind: 'error', error });
      setRunning(false);
    };

    const onText = (text: string) => {
      const result = collector.current.add(text);
      switch (result.kind) {
        case 'rejected':
          return show({ kind: 'rejected', reason: result.reason });
        case 'part':
          return show({
            kind: result.otherMessage ? 'otherMessage' : 'progress',
            have: result.have,
            count: result.count,
          });
        case 'complete':
          setRead((n) => n + 1);
          show({ kind: 'complete' });
          return onMessageRef.current(result.message);
        case 'alreadyComplete':
          return show({ kind: 'alreadyRead' });
        case 'corrupt':
          return show({ kind: 'corrupt' });
      }
    };

    show({ kind: 'starting' });
    void (async () => {
      const opened = await openCamera();
      if (!opened.ok) {
        if (!cancelled) fail(opened.error);
        return;
      }
      if (cancelled) return closeCamera(opened.stream);
      stream = opened.stream;
      try {
        await showStream(video, stream);
      } catch {
        if (!cancelled) fail('failed');
        return;
      }
      const detector = await createQrDetector();
      if (cancelled) return;
      stream.getVideoTracks()[0]?.addEventListener('ended', () => fail('ended'));
      loop = scanFrames(video, { detector, onText });
      show({ kind: 'ready' });
    })();

    return () => {
      cancelled = true;
      loop?.stop();
      if (stream) closeCamera(stream);
      video.srcObject = null;
    };
  }, [running]);

  function statusText(): string {
    switch (status.kind) {
      case 'progress':
        return t('share.scanner.progress', { have: status.have, count: status.count });
      case 'otherMessage':
        return `${t('share.scanner.otherMessage')} ${t('share.scanner.progress', {
          have: status.have,
          count: status.count,
        })}`;
      case 'rejected':
        return t(`share.scanner.rejected.${status.reason}`);
      case 'error':
        return t(`share.scanner.errors.${status.error}`);
      default:
        return t(`share.scanner.${status.kind}`);
    }
  }

  return (
    <div className="qr-scanner">
      {/* The picture helps aim the camera; the status line below says everything it shows. */}
      <video
        ref={videoRef}
        className="qr-scanner-video"
        aria-hidden="true"
        muted
        playsInline
        hidden={!running}
      />
      <p className="qr-scanner-status" role="status">
        {statusText()}
      </p>
      <p className="qr-scanner-count">{t('share.scanner.read', { count: read })}</p>
      <div className="qr-scanner-actions">
        {running ? (
          <Button
            variant="secondary"
            onClick={() => {
              setRunning(false);
              setStatus({ kind: 'stopped' });
              onStop?.();
            }}
          >
            {t('share.scanner.stop')}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => setRunning(true)}>
            {t('share.scanner.start')}
          </Button>
        )}
      </div>
    </div>
  );
}

export default QrScanner;
