import { describe, expect, it } from 'vitest';
import { importTasks } from './national-browser';

describe('importTasks', () => {
  it('counts the import’s own tasks and its storing, and puts the first render apart', () => {
    // Times since the change: hand-over at 1000, summary painted at 1400, all stored at 2000.
    const tasks = importTasks(
      [
        [100, 60], // reading and checking
        [950, 300], // the hand-over and the dashboard it renders
        [1300, 80], // the summary
        [1500, 55], // storing
        [2500, 90], // after the last save: not the import's
      ],
      1000,
      1400,
      2000,
    );
    expect(tasks).toEqual({
      longestMs: 60,
      longCount: 2,
      savedMs: 2000,
      firstRenderMs: 400,
      firstRenderLongestMs: 300,
    });
  });

  it('says 0 when no task was long', () => {
    expect(importTasks([], 10, 20, 30)).toMatchObject({ longestMs: 0, longCount: 0 });
  });
});
