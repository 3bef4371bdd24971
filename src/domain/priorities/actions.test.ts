import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTION_STATUSES, GATHERING_ROUNDS, type Action, type GatheringRound } from '../core/types';
import {
  actionsForArea,
  addFollowUp,
  createAction,
  followUpAt,
  isOpen,
  needsFollowUp,
  updateActionStatus,
  type ActionInput,
} from './actions';
import { checkAction } from './check-action';

const T1 = '2024-02-15T12:00:00.000Z';
const T2 = '2024-04-18T09:30:00.000Z';
const T3 = '2024-06-13T09:30:00.000Z';
const haram = { number: '1580', name: 'Haram' };

const input: ActionInput = {
  municipality: haram,
  areaId: 'dialogue',
  title: '  Quarterly business breakfast  ',
  description: ' Mayor and head of planning meet local firms. ',
  owner: ' Mayor ',
  dueDate: '2024-06-01',
  round: 1,
};

function action(overrides: Partial<Action> = {}): Action {
  return { ...createAction(input, T1, 'act-1'), ...overrides };
}

describe('createAction', () => {
  it('builds a planned action with trimmed texts and no follow-ups', () => {
    expect(createAction(input, T1, 'act-1')).toEqual({
      id: 'act-1',
      municipality: { number: '1580', name: 'Haram' },
      areaId: 'dialogue',
      title: 'Quarterly business breakfast',
      description: 'Mayor and head of planning meet local firms.',
      owner: 'Mayor',
      dueDate: '2024-06-01',
      status: 'planned',
      round: 1,
      followUps: [],
      createdAt: T1,
      updatedAt: T1,
    });
  });

  it('drops empty optional fields instead of storing empty strings', () => {
    const a = createAction(
      {
        municipality: haram,
        areaId: 'strategy',
        title: 'Plan',
        statementId: ' ',
        dueDate: '',
        round: 2,
      },
      T1,
      'act-2',
    );
    expect('statementId' in a).toBe(false);
    expect('dueDate' in a).toBe(false);
    expect(a.description).toBe('');
    expect(a.owner).toBe('');
    expect(checkAction(a)).toEqual([]);
  });

  it('keeps a statement link, a status and the demo flag when given', () => {
    const a = createAction(
      { ...input, statementId: 'dialogue-2', status: 'inProgress', demo: true },
      T1,
      'act-3',
    );
    expect(a).toMatchObject({ statementId: 'dialogue-2', status: 'inProgress', demo: true });
  });

  it('does not share the municipality object with the input', () => {
    const a = createAction(input, T1, 'act-1');
    expect(a.municipality).toEqual(haram);
    expect(a.municipality).not.toBe(input.municipality);
  });
});

describe('checkAction', () => {
  it('accepts a created action', () => {
    expect(checkAction(createAction(input, T1, 'act-1'))).toEqual([]);
  });

  it('reports an empty title, a bad due date and a reserved id by path', () => {
    const bad = createAction({ ...input, title: '   ', dueDate: '1 June' }, T1, '__proto__');
    const paths = checkAction(bad).map((i) => i.path);
    expect(paths).toContain('title');
    expect(paths).toContain('dueDate');
    expect(paths).toContain('id');
  });

  it('reports a bad follow-up', () => {
    const bad = action({ followUps: [{ round: 2, date: 'soon', status: 'done', note: '' }] });
    expect(checkAction(bad).map((i) => i.path)).toEqual(['followUps.0.date']);
  });
});

describe('updateActionStatus', () => {
  it('returns a new action with the status and the time of the change', () => {
    const a = action();
    const b = updateActionStatus(a, 'inProgress', T2);
    expect(b).toMatchObject({ status: 'inProgress', updatedAt: T2 });
    expect(a).toMatchObject({ status: 'planned', updatedAt: T1 });
  });

  it('returns the same object when nothing changes', () => {
    const a = action();
    expect(updateActionStatus(a, 'planned', T2)).toBe(a);
  });
});

describe('addFollowUp', () => {
  const second = {
    round: 2 as const,
    date: '2024-04-18',
    status: 'inProgress' as const,
    note: ' Two breakfasts held ',
  };
  const third = {
    round: 3 as const,
    date: '2024-06-13',
    status: 'done' as const,
    note: 'Now a fixed routine',
  };

  it('appends a follow-up, takes its status and trims the note', () => {
    const a = action();
    const b = addFollowUp(a, second, T2);
    expect(b.followUps).toEqual([
      { round: 2, date: '2024-04-18', status: 'inProgress', note: 'Two breakfasts held' },
    ]);
    expect(b.status).toBe('inProgress');
    expect(b.updatedAt).toBe(T2);
    expect(a.followUps).toEqual([]);
    expect(checkAction(b)).toEqual([]);
  });

  it('replaces a follow-up for the same gathering and keeps round order', () => {
    const b = addFollowUp(addFollowUp(action(), third, T3), second, T3);
    expect(b.followUps.map((f) => f.round)).toEqual([2, 3]);
    // the round 2 note is older than the round 3 one, so the status stays 'done'
    expect(b.status).toBe('done');
    const c = addFollowUp(b, { ...third, status: 'dropped', note: 'Stopped' }, T3);
    expect(c.followUps.map((f) => [f.round, f.status])).toEqual([
      [2, 'inProgress'],
      [3, 'dropped'],
    ]);
    expect(c.status).toBe('dropped');
  });
});

describe('isOpen and actionsForArea', () => {
  const list = [
    action({ id: '1', status: 'planned', areaId: 'dialogue' }),
    action({ id: '2', status: 'inProgress', areaId: 'strategy' }),
    action({ id: '3', status: 'done', areaId: 'dialogue' }),
    action({ id: '4', status: 'dropped', areaId: 'dialogue' }),
  ];

  it('open means planned or in progress', () => {
    expect(list.filter(isOpen).map((a) => a.id)).toEqual(['1', '2']);
    expect(ACTION_STATUSES.filter((status) => isOpen({ status }))).toEqual([
      'planned',
      'inProgress',
    ]);
  });

  it('filters by area, keeping order', () => {
    expect(actionsForArea(list, 'dialogue').map((a) => a.id)).toEqual(['1', '3', '4']);
    expect(actionsForArea(list, 'regional')).toEqual([]);
  });
});

describe('needsFollowUp', () => {
  it.each<[string, Partial<Action>, GatheringRound, boolean]>([
    ['not at the gathering where it was agreed', { round: 1 }, 1, false],
    ['at the next gathering', { round: 1 }, 2, true],
    ['a missed follow-up is still due later', { round: 1 }, 3, true],
    [
      'not once followed up at this gathering',
      { round: 1, followUps: [{ round: 2, date: '2024-04-18', status: 'inProgress', note: '' }] },
      2,
      false,
    ],
    [
      'again at each later gathering while open',
      {
        round: 1,
        status: 'inProgress',
        followUps: [{ round: 2, date: '2024-04-18', status: 'inProgress', note: '' }],
      },
      3,
      true,
    ],
    ['not when done', { round: 1, status: 'done' }, 3, false],
    ['not when dropped', { round: 1, status: 'dropped' }, 2, false],
    ['not before it was agreed', { round: 3 }, 2, false],
  ])('%s', (_name, overrides, current, expected) => {
    expect(needsFollowUp(action(overrides), { period: '2024', round: current })).toBe(expected);
  });

  it('follows an action up into the next period, where round 1 comes after last year’s 4', () => {
    const agreed = action({ round: 4, period: '2024', status: 'inProgress' });
    expect(needsFollowUp(agreed, { period: '2025', round: 1 })).toBe(true);
    expect(needsFollowUp(agreed, { period: '2024', round: 3 })).toBe(false);
    const followed = addFollowUp(
      agreed,
      { period: '2025', round: 1, date: '2025-02-13', status: 'inProgress', note: '' },
      T3,
    );
    expect(needsFollowUp(followed, { period: '2025', round: 1 })).toBe(false);
    // Round 1 of 2025 is not round 1 of 2024: both are kept, in order.
    const both = addFollowUp(
      followed,
      { period: '2024', round: 1, date: '2024-02-15', status: 'planned', note: '' },
      T3,
    );
    expect(both.followUps.map((f) => f.period)).toEqual(['2024', '2025']);
    expect(both.status).toBe('inProgress');
  });

  it('property: following up at the current gathering always clears the need', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GATHERING_ROUNDS),
        fc.constantFrom(...GATHERING_ROUNDS),
        fc.constantFrom(...ACTION_STATUSES),
        (agreedAt, current, status) => {
          const a = action({ round: agreedAt });
          const after = addFollowUp(
            a,
            { round: current, date: '2024-06-13', status, note: '' },
            T3,
          );
          const at = { period: '2024', round: current };
          expect(needsFollowUp(after, at)).toBe(false);
          expect(followUpAt(after, at)?.status).toBe(status);
        },
      ),
    );
  });
});
