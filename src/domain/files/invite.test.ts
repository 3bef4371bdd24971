import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inviteLink, inviteQuery, isEmailAddress, parseInvite, type Invite } from './invite';
import { GATHERING_ROUNDS } from '../core/types';

const INVITE: Invite = {
  round: 2,
  date: '2024-05-03',
  questionnaire: { id: 'god-vertskommune', version: 2 },
  municipality: { number: '1580' },
  email: 'kari.nordmann@haram.kommune.no',
};

describe('room invites', () => {
  it('reads back what it wrote, as a readable link', () => {
    const link = inviteLink('https://x.no/app/', INVITE);
    expect(link).toBe(
      'https://x.no/app/#/invite?v=1&round=2&date=2024-05-03&q=god-vertskommune&qv=2&m=1580&to=kari.nordmann%40haram.kommune.no',
    );
    expect(parseInvite(inviteQuery(INVITE))).toEqual({ ok: true, invite: INVITE });
  });

  it('carries a period the facilitator named', () => {
    const named: Invite = { ...INVITE, period: '2024–2025' };
    expect(inviteQuery(named)).toContain('&p=2024%E2%80%932025');
    expect(parseInvite(inviteQuery(named))).toEqual({ ok: true, invite: named });
  });

  it('round trip (fast-check)', () => {
    const invite = fc.record(
      {
        round: fc.constantFrom(...GATHERING_ROUNDS),
        date: fc
          .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') })
          .filter((d) => !Number.isNaN(d.getTime()))
          .map((d) => d.toISOString().slice(0, 10)),
        questionnaire: fc.record({
          id: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,30}$/),
          version: fc.integer({ min: 1, max: 99 }),
        }),
        municipality: fc.record(
          {
            number: fc.stringMatching(/^\d{4}$/).filter((n) => n !== '0000'),
            name: fc
              .string({ minLength: 1, maxLength: 40 })
              .filter((s) => s.trim() === s && s !== ''),
          },
          { requiredKeys: ['number'] },
        ),
        email: fc.emailAddress().filter(isEmailAddress),
        period: fc.constantFrom('2024', '2024–2025', '2025 vår'),
      },
      { requiredKeys: ['round', 'date', 'questionnaire'] },
    );
    fc.assert(
      fc.property(invite, (i) => {
        expect(parseInvite(inviteQuery(i))).toEqual({ ok: true, invite: i });
      }),
    );
  });

  it('refuses what it cannot trust, and says when the invite is newer', () => {
    const good = new URLSearchParams(inviteQuery(INVITE));
    const with_ = (key: string, value: string | null) => {
      const p = new URLSearchParams(good);
      if (value === null) p.delete(key);
      else p.set(key, value);
      return parseInvite(p.toString());
    };
    expect(with_('v', '2')).toEqual({ ok: false, error: 'newerInvite' });
    for (const [key, value] of [
      ['v', null],
      ['round', '5'],
      ['round', null],
      ['date', '2024-02-31'],
      ['date', 'i morgon'],
      ['q', '__x y'],
      ['qv', '0'],
      ['m', '123'],
      ['m', '0000'],
      ['to', 'not an address'],
      ['to', 'a@b'],
      ['name', ' '],
      ['p', 'vår 2025'],
      ['p', ''],
    ] as const) {
      expect(with_(key, value)).toEqual({ ok: false, error: 'invalidInvite' });
    }
    expect(parseInvite('')).toEqual({ ok: false, error: 'invalidInvite' });
    // Extra parameters from a newer app are passed over.
    expect(with_('period', '2024')).toEqual({ ok: true, invite: INVITE });
  });
});
