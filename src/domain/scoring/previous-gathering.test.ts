import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GATHERING_ROUNDS, type GatheringRound } from '../core/types';
import { compareGatherings, gatheringOf } from '../core/gatherings';
import { previousGathering } from './counted';

const g = (round: GatheringRound) => ({ gathering: { round, date: '2024-02-15' } });

describe('previousGathering', () => {
  it('is the latest gathering before the current one, skipping those not held', () => {
    expect(previousGathering([g(1), g(2), g(3)], g(3))).toEqual(g(2));
    expect(previousGathering([g(4), g(1)], g(4))).toEqual(g(1));
    expect(previousGathering([g(2), g(3)], g(2))).toBeNull();
    expect(previousGathering([], g(2))).toBeNull();
  });

  it('puts a later period after an earlier one, whatever the rounds', () => {
    const at = (period: string, round: GatheringRound) => ({
      gathering: { period, round, date: `${period.slice(0, 4)}-02-15` },
    });
    expect(previousGathering([at('2024', 4), at('2025', 3)], at('2025', 1))).toEqual(at('2024', 4));
    expect(previousGathering([at('2024', 4), at('2025', 1)], at('2025', 2))).toEqual(at('2025', 1));
  });

  it('comes before the current one by compareGatherings, whatever the order given', () => {
    const round = fc.constantFrom(...GATHERING_ROUNDS);
    fc.assert(
      fc.property(fc.array(round), round, (rounds, current) => {
        const found = previousGathering(rounds.map(g), g(current));
        const earlier = rounds.filter((r) => r < current);
        if (earlier.length === 0) expect(found).toBeNull();
        else {
          expect(compareGatherings(gatheringOf(found!), gatheringOf(g(current)))).toBeLessThan(0);
          expect(found!.gathering.round).toBe(Math.max(...earlier));
        }
      }),
    );
  });
});
