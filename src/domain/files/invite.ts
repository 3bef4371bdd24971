import { GATHERING_ROUNDS, type GatheringRound, type QuestionnaireRef } from '../core/types';
import { isValidMunicipalityNumber } from '../core/municipalities';
import { PERIOD_PATTERN } from '../core/gatherings';

/**
 * A room invite: what the facilitator hands the delegates (as a QR code, a link, a slide) so the
 * start screen opens filled in. It travels as plain, readable query parameters after `#/invite`:
 *
 *   #/invite?v=1&round=2&date=2024-05-03&q=god-vertskommune&qv=2&m=1580&to=kari%40haram.kommune.no
 *
 * v      invite version (INVITE_VERSION)
 * round  the gathering's round, 1–4
 * date   the gathering's date, YYYY-MM-DD
 * p      optional: the period the facilitator named (../core/gatherings.ts), e.g. «2024–2025»
 * q, qv  the questionnaire's id and version
 * m      optional: the municipality's kommunenummer
 * name   optional: its name, for a municipality outside the network
 * to     optional: the facilitator's email, where results are sent
 *
 * Nothing in it is personal but the facilitator's work address. Pure: data and error codes only.
 */

export const INVITE_VERSION = 1;
export const INVITE_FRAGMENT = '#/invite';

export interface Invite {
  round: GatheringRound;
  date: string;
  /** A period the facilitator named; absent: the year of `date`. */
  period?: string;
  questionnaire: QuestionnaireRef;
  municipality?: { number: string; name?: string };
  email?: string;
}

export type InviteErrorCode = 'newerInvite' | 'invalidInvite';

export type InviteResult = { ok: true; invite: Invite } | { ok: false; error: InviteErrorCode };

/** A plain email address: one «@», no spaces, a dot in the domain, at most 254 characters. */
export function isEmailAddress(text: string): boolean {
  return (
    text.length <= 254 && /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(text)
  );
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The query after `#/invite?` (without the «?»). */
export function inviteQuery(invite: Invite): string {
  const params = new URLSearchParams({
    v: String(INVITE_VERSION),
    round: String(invite.round),
    date: invite.date,
    q: invite.questionnaire.id,
    qv: String(invite.questionnaire.version),
  });
  if (invite.period !== undefined) params.set('p', invite.period);
  if (invite.municipality) {
    params.set('m', invite.municipality.number);
    if (invite.municipality.name) params.set('name', invite.municipality.name);
  }
  if (invite.email) params.set('to', invite.email);
  return params.toString();
}

/** The whole invite link on the app's address (without its fragment). */
export function inviteLink(address: string, invite: Invite): string {
  return `${address}${INVITE_FRAGMENT}?${inviteQuery(invite)}`;
}

/** Reads an invite's query. Unknown parameters are passed over; a bad value refuses it all. */
export function parseInvite(query: string): InviteResult {
  const fail = (error: InviteErrorCode): InviteResult => ({ ok: false, error });
  if (query.length > 2000) return fail('invalidInvite');
  const params = new URLSearchParams(query);
  const version = Number(params.get('v'));
  if (!Number.isInteger(version) || version < 1) return fail('invalidInvite');
  if (version > INVITE_VERSION) return fail('newerInvite');
  const round = Number(params.get('round'));
  if (!(GATHERING_ROUNDS as readonly number[]).includes(round)) return fail('invalidInvite');
  const date = params.get('date') ?? '';
  if (!isIsoDate(date)) return fail('invalidInvite');
  const id = params.get('q') ?? '';
  const qv = Number(params.get('qv'));
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(id) || !Number.isInteger(qv) || qv < 1) {
    return fail('invalidInvite');
  }
  const invite: Invite = {
    round: round as GatheringRound,
    date,
    questionnaire: { id, version: qv },
  };
  const period = params.get('p');
  if (period !== null) {
    if (!PERIOD_PATTERN.test(period)) return fail('invalidInvite');
    invite.period = period;
  }
  const number = params.get('m');
  if (number !== null) {
    if (!isValidMunicipalityNumber(number)) return fail('invalidInvite');
    const name = params.get('name')?.trim();
    if (name !== undefined && (name === '' || name.length > 100)) return fail('invalidInvite');
    invite.municipality = name ? { number, name } : { number };
  }
  const email = params.get('to');
  if (email !== null) {
    if (!isEmailAddress(email)) return fail('invalidInvite');
    invite.email = email;
  }
  return { ok: true, invite };
}
