import { describe, expect, it } from 'vitest';
import type { Response } from '../core/types';
import { makeResponse } from '../testing/fixtures';
import { mergeResponseMaps } from './merge-answers';

/** One response as two tabs hold it: the same id, different answers and edit times. */
function twoTabs(): { mine: Response; theirs: Response } {
  const mine = makeResponse({ id: 'r', updatedAt: '2024-05-03T12:00:00+02:00' }); // 10:00Z
  mine.answers = {
    'a-1': { value: 2, updatedAt: '2024-05-03T12:00:00+02:00' }, // 10:00Z
    'a-2': { value: 4, updatedAt: '2024-05-03T09:00:00Z' },
  };
  mine.importance = { a: 2 };
  const theirs = makeResponse({ id: 'r', updatedAt: '2024-05-03T11:00:00Z' });
  theirs.answers = {
    'a-1': { value: 5, updatedAt: '2024-05-03T11:00:00Z' },
    'a-3': { value: 'dontKnow', updatedAt: '2024-05-03T08:00:00Z' },
  };
  theirs.importance = { b: 5 };
  return { mine, theirs };
}

describe('mergeResponseMaps (between browser tabs: answer by answer)', () => {
  it('keeps the newest edit of each answer, comparing instants (+02:00 against Z)', () => {
    const { mine, theirs } = twoTabs();
    const merged = mergeResponseMaps({ r: mine }, { r: theirs }).r!;
    // 11:00Z is later than 12:00+02:00 (10:00Z), although the text sorts lower.
    expect(merged.answers['a-1']!.value).toBe(5);
    expect(merged.answers['a-2']!.value).toBe(4);
    expect(merged.answers['a-3']!.value).toBe('dontKnow');
  });

  it('takes the header of the copy edited last, and importance from both', () => {
    const { mine, theirs } = twoTabs();
    const merged = mergeResponseMaps({ r: mine }, { r: theirs }).r!;
    expect(merged.updatedAt).toBe('2024-05-03T11:00:00Z');
    expect(merged.importance).toEqual({ a: 2, b: 5 });
  });

  it('is the same whichever tab merges', () => {
    const { mine, theirs } = twoTabs();
    expect(mergeResponseMaps({ r: theirs }, { r: mine }).r!.answers).toEqual(
      mergeResponseMaps({ r: mine }, { r: theirs }).r!.answers,
    );
  });

  it('keeps a submission made in either tab, and responses only one tab has', () => {
    const { mine, theirs } = twoTabs();
    const submitted = { ...mine, submittedAt: '2024-05-03T09:30:00Z' };
    const other = makeResponse({ id: 'x' });
    const merged = mergeResponseMaps({ r: submitted }, { r: theirs, x: other });
    expect(merged.r!.submittedAt).toBe('2024-05-03T09:30:00Z');
    expect(merged.x).toBe(other);
  });
});
