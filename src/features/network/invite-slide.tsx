import { Suspense, useEffect, useRef } from 'react';
import { Spinner } from '@digdir/designsystemet-react';
import { inviteLink, parseInvite } from '../../domain/files/invite';
import { formatDate } from '../../i18n/format';
import { useShareTranslation } from '../../i18n/share-namespace';
import { appAddress } from '../../lib/result-links';
import { navigate } from '../../lib/router';
import { useAppStore } from '../../store/store-context';
import { LazyQrCode } from '../../ui/qr-lazy';

/** The room invite as a slide for the projector: a large QR code and the link. Esc leaves. */
export default function InviteSlide({ query }: { query: string }) {
  const { t } = useShareTranslation();
  const language = useAppStore((s) => s.language);
  const rootRef = useRef<HTMLElement>(null);
  const parsed = parseInvite(query);

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('h1')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') navigate({ name: 'network', view: 'data', param: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <main className="present invite-slide" ref={rootRef}>
      <h1 tabIndex={-1}>{t('share.invite.slideTitle')}</h1>
      {parsed.ok ? (
        <>
          <p className="invite-slide-gathering">
            {t('start.gatheringRound', { round: parsed.invite.round })},{' '}
            {formatDate(parsed.invite.date, language)}
          </p>
          <Suspense fallback={<Spinner aria-label={t('share.send.preparing')} />}>
            <div className="invite-slide-qr">
              <LazyQrCode
                text={inviteLink(appAddress(), parsed.invite)}
                label={t('share.invite.qrLabel')}
              />
            </div>
          </Suspense>
          <p className="invite-slide-help">{t('share.invite.slideHelp')}</p>
          <p className="invite-slide-link">{inviteLink(appAddress(), parsed.invite)}</p>
        </>
      ) : (
        <p>{t(`share.invite.errors.${parsed.error}`)}</p>
      )}
      <p className="present-hint">
        <a href="#/network/data">{t('share.invite.back')}</a>
      </p>
    </main>
  );
}
