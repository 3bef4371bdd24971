import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GATHERING_ROUNDS, type GatheringRound } from '../core/types';
import { compareGatherings, previousGathering } from './counted';

const g = (round: GatheringRound) => ({ gathering: { round, date: '2024-02-15' } });

describe('previousGathering', () => {
  it('is the latest gathering before the current one, skipping those not held', () => {
    expect(previousGathering([g(1), g(2), g(3)], g(3))).toEqual(g(2));
    expect(previousGathering([g(4), g(1)], g(4))).toEqual(g(1));
    expect(previousGathering([g(2), g(3)], g(2))).toBeNull();
    expect(previousGathering([], g(2))).toBeNull();
  });

  it('comes before the current one by compareGatherings, whatever the order given', () => {
    const round = fc.constantFrom(...GATHERING_ROUNDS);
    fc.assert(
      fc.property(fc.array(round), round, (rounds, current) => {
        const found = previousGathering(rounds.map(g), g(current));
        const earlier = rounds.filter((r) => r < current);
        if (earlier.length === 0) expect(found).toBeNull();
        else {
          expect(compareGatherings(found!, g(current))).toBeLessThan(0);
          expect(found!.gathering.round).toBe(Math.max(...earlier));
        }
      }),
    );
  });
});
