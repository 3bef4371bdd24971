import { useEffect, useState } from 'react';
import { parseInvite } from '../../domain/files/invite';
import { findNetworkMunicipality } from '../../domain/core/municipalities';
import { saveInvite } from '../../lib/invite-storage';
import { useAppStore } from '../../store/store-context';
import { StartScreen } from './start-screen';

/**
 * The start screen opened from a room invite (#/invite?…): filled in with the gathering, the
 * questionnaire and the municipality, and in nynorsk for a nynorsk municipality; the
 * facilitator's address is kept for sending the result. Its code loads with the delegation's
 * other screens (src/app/app.tsx), not with the first screen.
 */
export default function InvitedStart({ query }: { query: string }) {
  const [invite] = useState(() => parseInvite(query));
  const setLanguage = useAppStore((s) => s.setLanguage);
  // `invite` comes from state: once, when the invite is opened.
  useEffect(() => {
    if (!invite.ok) return;
    saveInvite(invite.invite);
    const m = invite.invite.municipality;
    if (m && findNetworkMunicipality(m.number)?.writtenForm === 'nynorsk') setLanguage('nn');
  }, [invite, setLanguage]);
  return <StartScreen invite={invite} />;
}
