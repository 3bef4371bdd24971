import { useEffect, useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useShareTranslation } from '../i18n/share-namespace';
import { QrCode } from './qr-code';
import './qr.css';

/** Long enough for a laptop camera to read a code (it needs well under a second), short enough
 * that five codes go round in about six seconds. */
export const QR_SEQUENCE_INTERVAL_MS = 1200;

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION).matches;
}

export interface QrSequenceProps {
  /** The Base45 texts of the codes, in order. */
  parts: readonly string[];
  /** The accessible name of the whole, e.g. “Your response as QR codes”. */
  label: string;
  intervalMs?: number;
}

/**
 * Shows QR codes one after another, looping, with “3 of 5” as text. It moves on by itself,
 * unless the user prefers reduced motion: then it starts paused and the user steps with the
 * buttons. Pause, Previous and Next are ordinary buttons (WCAG 2.2.2). The position is announced
 * politely when it changes by the user's hand (paused or stepped), not at every automatic step,
 * which would talk over everything else.
 */
export function QrSequence({
  parts,
  label,
  intervalMs = QR_SEQUENCE_INTERVAL_MS,
}: QrSequenceProps) {
  const { t } = useShareTranslation();
  const total = parts.length;
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(() => !prefersReducedMotion());
  const current = total === 0 ? 0 : index % total;

  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(REDUCED_MOTION);
    const onChange = () => {
      if (query.matches) setPlaying(false);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    if (!playing || total < 2) return;
    // A new timer at every step, so a code stepped to by hand also stays a whole interval.
    const timer = setTimeout(() => setIndex((current + 1) % total), intervalMs);
    return () => clearTimeout(timer);
  }, [playing, current, total, intervalMs]);

  if (total === 0) return null;
  const text = parts[current]!;
  const position = { index: current + 1, total };

  if (total === 1) {
    return (
      <div className="qr-sequence" role="group" aria-label={label}>
        <QrCode text={text} label={t('share.sequence.codeLabel', position)} />
      </div>
    );
  }

  return (
    <div className="qr-sequence" role="group" aria-label={label}>
      <QrCode text={text} label={t('share.sequence.codeLabel', position)} />
      <p className="qr-sequence-position" aria-live={playing ? 'off' : 'polite'}>
        {t('share.sequence.position', position)}
      </p>
      <p>{playing ? t('share.sequence.help') : t('share.sequence.manualHelp')}</p>
      <div className="qr-sequence-controls" role="group" aria-label={t('share.sequence.controls')}>
        <Button variant="secondary" onClick={() => setIndex((current - 1 + total) % total)}>
          {t('share.sequence.previous')}
        </Button>
        <Button variant="primary" onClick={() => setPlaying((p) => !p)}>
          {playing ? t('share.sequence.pause') : t('share.sequence.play')}
        </Button>
        <Button variant="secondary" onClick={() => setIndex((current + 1) % total)}>
          {t('share.sequence.next')}
        </Button>
      </div>
    </div>
  );
}

export default QrSequence;
