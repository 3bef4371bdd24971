import { describe, expect, it } from 'vitest';
import type { GatheringRound, Role } from '../core/types';
import { makeResponse } from '../testing/fixtures';
import { expectedKey, whoHasAnswered } from './answered';

const haram = { number: '1580', name: 'Haram' };
const molde = { number: '1506', name: 'Molde' };

let n = 0;
function r(m: typeof haram, round: GatheringRound, role: Role, submitted = true, person?: string) {
  n += 1;
  return makeResponse({
    id: `r${n}`,
    municipality: m,
    respondent: { id: person ?? `p${n}`, role },
    gathering: { round, date: '2024-02-15' },
    ...(submitted ? { submittedAt: '2024-02-15T12:00:00.000Z' } : {}),
  });
}

describe('whoHasAnswered', () => {
  const responses = [
    r(haram, 1, 'politician'),
    r(haram, 1, 'politician'),
    r(haram, 1, 'business'),
    r(haram, 2, 'politician'),
    r(haram, 2, 'business', false),
    r(molde, 1, 'administration'),
    r(haram, 3, 'politician'),
    // the same person twice at one gathering counts once
    r(haram, 2, 'administration', true, 'same'),
    r(haram, 2, 'administration', true, 'same'),
  ];

  it('counts per municipality and role, against the previous gathering', () => {
    const { previous, rows } = whoHasAnswered(
      responses,
      { gathering: { round: 2, date: '2024-05-03' } },
      {},
    );
    expect(previous?.gathering.round).toBe(1);
    expect(rows.map((x) => x.municipality.name)).toEqual(['Molde', 'Haram']);
    const haramRow = rows[1]!;
    expect(haramRow.roles.find((c) => c.role === 'politician')).toMatchObject({
      responses: 1,
      submitted: 1,
      inProgress: 0,
      previous: 2,
      expected: 2,
      typed: false,
      missing: 1,
    });
    expect(haramRow.roles.find((c) => c.role === 'business')).toMatchObject({
      responses: 1,
      submitted: 0,
      inProgress: 1,
      missing: 0,
    });
    expect(haramRow.roles.find((c) => c.role === 'administration')!.responses).toBe(1);
    // Molde has not answered at all at gathering 2: one missing, as last time.
    expect(rows[0]).toMatchObject({ responses: 0, previous: 1, expected: 1, missing: 1 });
  });

  it('takes a typed expected number over the previous count', () => {
    const { rows } = whoHasAnswered(
      responses,
      { gathering: { round: 2, date: '2024-05-03' } },
      {
        [expectedKey('1580', '2024#2', 'politician')]: 4,
        [expectedKey('1580', '2024#2', 'business')]: 0,
      },
    );
    const haramRow = rows.find((x) => x.municipality.number === '1580')!;
    expect(haramRow.roles.find((c) => c.role === 'politician')).toMatchObject({
      expected: 4,
      typed: true,
      missing: 3,
    });
    expect(haramRow.roles.find((c) => c.role === 'business')).toMatchObject({
      expected: 0,
      missing: 0,
    });
  });

  it('has no previous figures at the first gathering, and expects none there', () => {
    const { previous, rows } = whoHasAnswered(
      responses,
      { gathering: { round: 1, date: '2024-02-15' } },
      {},
    );
    expect(previous).toBeNull();
    expect(rows.every((x) => x.previous === null && x.missing === 0)).toBe(true);
  });

  it('skips a gathering the data does not hold', () => {
    const { previous } = whoHasAnswered(
      responses.filter((x) => x.gathering.round !== 2),
      { gathering: { round: 3, date: '2024-09-12' } },
      {},
    );
    expect(previous?.gathering.round).toBe(1);
  });
});
