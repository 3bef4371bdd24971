import { Suspense, useId, useState } from 'react';
import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { NETWORK_MUNICIPALITIES } from '../../domain/core/municipalities';
import { GATHERING_ROUNDS, type GatheringRound } from '../../domain/core/types';
import { inviteLink, inviteQuery, isEmailAddress, type Invite } from '../../domain/files/invite';
import { todayIso } from '../../i18n/format';
import { useShareTranslation } from '../../i18n/share-namespace';
import { latestQuestionnaire } from '../../lib/questionnaires';
import { appAddress } from '../../lib/result-links';
import { selectKnownQuestionnaires } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { SelectField, TextField } from '../../ui/fields';
import { municipalityChoices } from './choices';
import { LazyQrCode } from '../../ui/qr-lazy';
import '../../ui/links.css';

/**
 * The facilitator's room invite: the gathering's round and date, the questionnaire version, and
 * optionally a municipality and the facilitator's email, as a link, a QR code and a slide.
 */
export function InvitePanel() {
  const { t } = useShareTranslation();
  const questionnaire = latestQuestionnaire(useAppStore(selectKnownQuestionnaires));
  const roundId = useId();
  const linkId = useId();
  const [round, setRound] = useState<GatheringRound>(1);
  const [date, setDate] = useState(todayIso);
  const [municipality, setMunicipality] = useState('');
  const [email, setEmail] = useState('');
  const [copied, setCopied] = useState<string | null>(null);

  const emailError =
    email.trim() !== '' && !isEmailAddress(email.trim()) ? t('share.invite.emailError') : undefined;
  const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
  const invite: Invite = {
    round,
    date,
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    ...(municipality ? { municipality: { number: municipality } } : {}),
    ...(email.trim() && !emailError ? { email: email.trim() } : {}),
  };
  const link = dateOk ? inviteLink(appAddress(), invite) : null;

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('share.send.copied'));
    } catch {
      setCopied(t('share.send.copyFailed'));
    }
  }

  return (
    <section className="invite-panel" aria-labelledby={`${roundId}-heading`}>
      <Heading level={2} data-size="sm" id={`${roundId}-heading`}>
        {t('share.invite.title')}
      </Heading>
      <Paragraph>{t('share.invite.help')}</Paragraph>
      <div className="field-row">
        <SelectField
          id={roundId}
          className="field"
          label={t('share.invite.round')}
          value={String(round)}
          onChange={(e) => setRound(Number(e.target.value) as GatheringRound)}
          choices={GATHERING_ROUNDS.map((r) => ({
            value: String(r),
            label: t('start.gatheringRound', { round: r }),
          }))}
        />
        <TextField
          id={`${roundId}-date`}
          type="date"
          label={t('share.invite.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={dateOk ? undefined : t('share.invite.dateError')}
        />
      </div>
      <div className="field-row">
        <SelectField
          className="field"
          label={t('share.invite.municipality')}
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
          empty={t('share.invite.anyMunicipality')}
          choices={municipalityChoices(NETWORK_MUNICIPALITIES, (m) => m.name)}
        />
        <TextField
          id={`${roundId}-email`}
          type="email"
          label={t('share.invite.email')}
          description={t('share.invite.emailHelp')}
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={emailError}
        />
      </div>
      {link && (
        <>
          <label htmlFor={linkId}>{t('share.invite.link')}</label>
          <textarea id={linkId} className="send-link" readOnly rows={2} value={link} />
          <div className="button-row">
            <Button variant="secondary" onClick={() => void copy()}>
              {t('share.send.copy')}
            </Button>
            <Button asChild variant="secondary">
              <a href={`#/invite-slide?${inviteQuery(invite)}`}>{t('share.invite.slide')}</a>
            </Button>
          </div>
          <p role="status">{copied}</p>
          <Suspense fallback={<Spinner aria-label={t('share.send.preparing')} />}>
            <div className="invite-qr">
              <LazyQrCode text={link} label={t('share.invite.qrLabel')} />
            </div>
          </Suspense>
        </>
      )}
    </section>
  );
}
