import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Response, Role } from '../core/types';
import { makeResponse } from '../testing/fixtures';
import { createAction, addFollowUp } from './actions';
import {
  actionTextKey,
  commentKey,
  delegationComments,
  freeTextVisibility,
  shownComments,
  visibleAction,
  type FreeTextView,
} from './comments';

const haram = { number: '1580', name: 'Haram' };
const open: FreeTextView = { anonymised: false, viewer: null, hidden: new Set() };

function person(id: string, role: Role, comment?: string, value: 1 | 3 | 'dontKnow' = 3): Response {
  const r = makeResponse({
    id,
    municipality: haram,
    respondent: { id: `p-${id}`, role, initials: 'KN' },
    answers: { 'a-1': value },
  });
  if (comment !== undefined) r.answers['a-1'] = { ...r.answers['a-1']!, comment };
  return r;
}

describe('freeTextVisibility', () => {
  it('is the one rule: facilitator’s hide, then hidden names, then the viewer’s own', () => {
    const key = 'comment:r:s';
    expect(freeTextVisibility('1580', key, open)).toBe('shown');
    expect(freeTextVisibility('1580', key, { ...open, anonymised: true })).toBe('namesHidden');
    expect(
      freeTextVisibility('1580', key, { anonymised: true, viewer: '1580', hidden: new Set() }),
    ).toBe('shown');
    expect(
      freeTextVisibility('1580', key, { anonymised: true, viewer: '1580', hidden: new Set([key]) }),
    ).toBe('hiddenByFacilitator');
    expect(freeTextVisibility('1580', key, { ...open, hidden: new Set([key]) })).toBe(
      'hiddenByFacilitator',
    );
  });
});

describe('delegationComments', () => {
  it('gives a role only where two of it answered, never initials, in role then text order', () => {
    const delegation = [
      person('1', 'politician', 'Vi har ein plan.'),
      person('2', 'politician', '  ', 'dontKnow'),
      person('3', 'business', 'Ingen ringjer oss.', 1),
      person('4', 'administration', 'Avklart i formannskapet.'),
      person('5', 'administration', 'Arealdelen er gammal.'),
    ];
    const comments = delegationComments(delegation, ['a-1', 'a-2'], open);
    expect([...comments.keys()]).toEqual(['a-1']);
    expect(comments.get('a-1')).toEqual([
      { key: commentKey('1', 'a-1'), role: 'politician', shown: true, text: 'Vi har ein plan.' },
      {
        key: commentKey('5', 'a-1'),
        role: 'administration',
        shown: true,
        text: 'Arealdelen er gammal.',
      },
      {
        key: commentKey('4', 'a-1'),
        role: 'administration',
        shown: true,
        text: 'Avklart i formannskapet.',
      },
      { key: commentKey('3', 'a-1'), role: null, shown: true, text: 'Ingen ringjer oss.' },
    ]);
    expect(JSON.stringify([...comments])).not.toMatch(/KN|p-\d/);
  });

  it('hides others’ text when names are hidden, and one comment the facilitator hid', () => {
    const delegation = [person('1', 'politician', 'Namn: Ola'), person('2', 'politician', 'Bra')];
    const anon = delegationComments(delegation, ['a-1'], { ...open, anonymised: true });
    expect(anon.get('a-1')!.every((c) => !c.shown && c.reason === 'namesHidden')).toBe(true);
    expect(JSON.stringify([...anon])).not.toContain('Ola');
    const own = delegationComments(delegation, ['a-1'], {
      anonymised: true,
      viewer: '1580',
      hidden: new Set([commentKey('1', 'a-1')]),
    });
    expect(own.get('a-1')).toEqual([
      { key: commentKey('2', 'a-1'), role: 'politician', shown: true, text: 'Bra' },
      {
        key: commentKey('1', 'a-1'),
        role: 'politician',
        shown: false,
        reason: 'hiddenByFacilitator',
      },
    ]);
  });

  it('the order does not depend on the order of the responses', () => {
    const delegation = [
      person('1', 'politician', 'b'),
      person('2', 'politician', 'a'),
      person('3', 'other', 'c'),
      person('4', 'business', 'd'),
    ];
    const expected = delegationComments(delegation, ['a-1'], open);
    fc.assert(
      fc.property(fc.shuffledSubarray(delegation, { minLength: delegation.length }), (order) => {
        expect(delegationComments(order, ['a-1'], open)).toEqual(expected);
      }),
    );
  });
});

describe('shownComments', () => {
  it('keeps the shown comments in order and only counts the others', () => {
    const delegation = [
      person('1', 'politician', 'Vi har ein plan.'),
      person('2', 'politician', 'Namn: Ola'),
      person('3', 'business', 'Ingen ringjer oss.'),
    ];
    const view = { ...open, hidden: new Set([commentKey('2', 'a-1')]) };
    const list = delegationComments(delegation, ['a-1'], view).get('a-1')!;
    const { shown, notShown } = shownComments(list);
    expect(shown.map((c) => c.text)).toEqual(['Vi har ein plan.', 'Ingen ringjer oss.']);
    expect(notShown).toBe(1);
    expect(JSON.stringify(shown)).not.toContain('Ola');
    expect(shownComments([])).toEqual({ shown: [], notShown: 0 });
  });
});

describe('visibleAction', () => {
  const action = addFollowUp(
    createAction(
      {
        municipality: haram,
        areaId: 'dialogue',
        title: 'Frukost',
        description: 'Med Ola',
        owner: 'Ola',
        round: 1,
      },
      '2024-02-15T10:00:00.000Z',
      'act-1',
    ),
    { round: 2, date: '2024-05-03', status: 'inProgress', note: 'Ola har starta' },
    '2024-05-03T10:00:00.000Z',
  );

  it('blanks every text when hidden, and keeps area, status and rounds', () => {
    const hidden = visibleAction(action, { ...open, anonymised: true });
    expect(hidden.text).toBe('namesHidden');
    expect(JSON.stringify(hidden.action)).not.toContain('Ola');
    expect(hidden.action).toMatchObject({ areaId: 'dialogue', status: 'inProgress', round: 1 });
    expect(hidden.action.followUps).toEqual([
      { round: 2, date: '2024-05-03', status: 'inProgress', note: '' },
    ]);
    expect(visibleAction(action, { ...open, hidden: new Set([actionTextKey('act-1')]) }).text).toBe(
      'hiddenByFacilitator',
    );
    expect(visibleAction(action, open)).toEqual({ action, text: 'shown' });
  });
});
