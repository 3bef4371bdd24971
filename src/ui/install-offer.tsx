import { useEffect, useState } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { deletesAfterAWeek, isInstalled } from '../lib/browser-storage';

/** Chromium's install prompt (beforeinstallprompt); other browsers have none. */
interface InstallPromptEvent extends Event {
  prompt: () => Promise<void>;
}

/**
 * Offers to install the app (it is a PWA): the browser's own prompt where it has one, and in
 * Safari, which has none, how to add it to the Home Screen. Says, where it applies, that Safari
 * deletes data after seven days unless the app was added. Renders nothing once installed.
 */
export function InstallOffer({ notice = true }: { notice?: boolean }) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);
  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPromptEvent);
    };
    window.addEventListener('beforeinstallprompt', onPrompt);
    return () => window.removeEventListener('beforeinstallprompt', onPrompt);
  }, []);
  if (isInstalled()) return null;
  const safari = deletesAfterAWeek();
  if (!safari && prompt === null) return null;
  return (
    <div className="install-offer">
      {safari && notice && <Paragraph>{t('keepSafe.safari')}</Paragraph>}
      {prompt !== null ? (
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => {
            void prompt.prompt().finally(() => setPrompt(null));
          }}
        >
          {t('keepSafe.install')}
        </Button>
      ) : (
        <Paragraph>{t('keepSafe.installSafari')}</Paragraph>
      )}
    </div>
  );
}
