import { describe, expect, it } from 'vitest';
import {
  compareGatherings,
  distinctGatherings,
  gatheringKey,
  gatheringOf,
  gatheringOfRecord,
  keyOfGathering,
  parseGatheringKey,
  PERIOD_PATTERN,
  periodOf,
  sameResponseGathering,
  showsPeriod,
} from './gatherings';

describe('a gathering: its period and round', () => {
  it('takes the year of its date as its period unless one is named', () => {
    expect(periodOf({ date: '2024-11-20' })).toBe('2024');
    expect(periodOf({ period: '2024–2025', date: '2025-02-13' })).toBe('2024–2025');
    expect(gatheringOf({ gathering: { round: 3, date: '2025-02-13' } })).toEqual({
      period: '2025',
      round: 3,
    });
    expect(gatheringOfRecord({ round: 2 }, '2023-05-01T10:00:00.000Z')).toEqual({
      period: '2023',
      round: 2,
    });
    expect(gatheringOfRecord({ period: '2022', round: 2 }, '2023-05-01')).toEqual({
      period: '2022',
      round: 2,
    });
  });

  it('keys the same round of two periods apart, and reads its key back', () => {
    const a = gatheringKey({ gathering: { round: 1, date: '2024-02-15' } });
    const b = gatheringKey({ gathering: { round: 1, date: '2025-02-13' } });
    expect(a).not.toBe(b);
    expect(parseGatheringKey(a)).toEqual({ period: '2024', round: 1 });
    const named = { period: '2024–2025', round: 4 as const };
    expect(parseGatheringKey(keyOfGathering(named))).toEqual(named);
    for (const bad of ['2024', '2024#5', '#1', 'x#1', '2024#'])
      expect(parseGatheringKey(bad)).toBeNull();
  });

  it('says two responses share a gathering exactly when their keys are equal', () => {
    const gatherings = [
      { round: 1 as const, date: '2024-02-15' },
      { round: 1 as const, date: '2024-09-01' },
      { round: 2 as const, date: '2024-02-15' },
      { round: 1 as const, date: '2025-02-13' },
      { period: '2024', round: 1 as const, date: '2025-02-13' },
      { period: '2024–2025', round: 1 as const, date: '2025-02-13' },
    ];
    for (const a of gatherings)
      for (const b of gatherings)
        expect(sameResponseGathering(a, b)).toBe(
          gatheringKey({ gathering: a }) === gatheringKey({ gathering: b }),
        );
  });

  it('orders by period, then round', () => {
    const list = [
      { period: '2025', round: 1 as const },
      { period: '2024', round: 4 as const },
      { period: '2024–2025', round: 2 as const },
      { period: '2024', round: 1 as const },
      { period: '2025', round: 1 as const },
    ];
    expect(distinctGatherings(list).map(keyOfGathering)).toEqual([
      '2024#1',
      '2024#4',
      '2024–2025#2',
      '2025#1',
    ]);
    expect(compareGatherings(list[1]!, list[0]!)).toBeLessThan(0);
  });

  it('names the period only where more than one exists', () => {
    expect(showsPeriod([])).toBe(false);
    expect(
      showsPeriod([
        { period: '2024', round: 1 },
        { period: '2024', round: 3 },
      ]),
    ).toBe(false);
    expect(
      showsPeriod([
        { period: '2024', round: 1 },
        { period: '2025', round: 1 },
      ]),
    ).toBe(true);
  });

  it('accepts a period that starts with its year, and nothing else', () => {
    for (const ok of ['2024', '2024–2025', '2024-2025', '2024/25', '2024 haust'])
      expect(PERIOD_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '24', 'Vår 2025', '2024#1', '2024<script>', `2024${'x'.repeat(17)}`])
      expect(PERIOD_PATTERN.test(bad)).toBe(false);
  });
});
