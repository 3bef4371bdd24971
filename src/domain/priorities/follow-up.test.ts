import { describe, expect, it } from 'vitest';
import { makeAggregate } from '../testing/fixtures';
import { addFollowUp, createAction } from './actions';
import { followUpRows, statusAt } from './follow-up';
import type { FreeTextView } from './comments';

const haram = { number: '1580', name: 'Haram' };
const molde = { number: '1506', name: 'Molde' };
const open: FreeTextView = { anonymised: false, viewer: null, hidden: new Set() };
const T = '2024-02-15T10:00:00.000Z';
const at = (round: 1 | 2 | 3 | 4) => ({ period: '2024', round });

const followed = addFollowUp(
  addFollowUp(
    createAction({ municipality: haram, areaId: 'a', title: 'Frukost', round: 1 }, T, 'act-1'),
    { round: 2, date: '2024-05-03', status: 'inProgress', note: 'Første møte' },
    T,
  ),
  { round: 3, date: '2024-09-12', status: 'done', note: 'Fast kvar månad' },
  T,
);
const forgotten = createAction(
  { municipality: molde, areaId: 'b', title: 'Plan', round: 1 },
  T,
  'act-2',
);
const later = createAction({ municipality: molde, areaId: 'a', title: 'Ny', round: 3 }, T, 'act-3');
const all = [
  makeAggregate(haram, 1, [40, 50, 50]),
  makeAggregate(haram, 2, [47.5, 50, 50]),
  makeAggregate(haram, 3, [52, 50, 50]),
  makeAggregate(molde, 1, [40, 60, 50]),
  makeAggregate(molde, 2, [40, 59.5, 50]),
];

describe('statusAt', () => {
  it('is the latest follow-up at or before the gathering, else the action’s own or planned', () => {
    expect(statusAt(followed, at(1))).toBe('planned');
    expect(statusAt(followed, at(2))).toBe('inProgress');
    expect(statusAt(followed, at(4))).toBe('done');
    expect(statusAt({ ...forgotten, status: 'dropped' }, at(2))).toBe('dropped');
  });
});

describe('followUpRows', () => {
  it('lists actions agreed earlier, the ones nobody followed up first, with the score change', () => {
    const rows = followUpRows([later, followed, forgotten], at(2), all, open);
    expect(rows.map((r) => [r.action.action.id, r.notFollowedUp, r.status])).toEqual([
      ['act-2', true, 'planned'],
      ['act-1', false, 'inProgress'],
    ]);
    expect(rows[1]).toMatchObject({ scoreThen: 40, scoreNow: 47.5, change: 7.5, direction: 'up' });
    expect(rows[1]!.history.map((f) => f.round)).toEqual([2]);
    expect(rows[0]).toMatchObject({ change: -0.5, direction: 'flat' });
  });

  it('at a later gathering shows the whole history, and keeps a done action as done', () => {
    const rows = followUpRows([followed], at(4), all, open, '1580');
    expect(rows[0]).toMatchObject({
      status: 'done',
      notFollowedUp: false,
      scoreNow: null,
      change: null,
    });
    expect(rows[0]!.history.map((f) => f.round)).toEqual([2, 3]);
    expect(followUpRows([followed], at(4), all, open, '1506')).toEqual([]);
  });

  it('hides notes with the texts when names are hidden', () => {
    const rows = followUpRows([followed], at(3), all, { ...open, anonymised: true });
    expect(rows[0]!.history.map((f) => f.note)).toEqual(['', '']);
    expect(rows[0]!.action.text).toBe('namesHidden');
  });
});
