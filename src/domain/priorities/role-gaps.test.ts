import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES } from '../core/types';
import {
  MIN_ROLE_N,
  areaRoleGap,
  gapPointsByArea,
  roleCells,
  roleGap,
  typicalNetworkGap,
} from './role-gaps';

describe('roleCells', () => {
  it('lists every role in fixed order, hiding those with too few respondents', () => {
    expect(MIN_ROLE_N).toBe(2);
    expect(
      roleCells({
        business: { mean: 30, n: 1 },
        politician: { mean: 70, n: 3 },
        other: { mean: null, n: 2 },
      }),
    ).toEqual([
      { role: 'politician', shown: true, mean: 70, n: 3 },
      { role: 'administration', shown: false, reason: 'none', n: 0 },
      { role: 'business', shown: false, reason: 'tooFew', n: 1 },
      { role: 'other', shown: false, reason: 'noScore', n: 2 },
    ]);
  });

  it('never carries the mean of a hidden role', () => {
    const cells = roleCells({ business: { mean: 12.5, n: 1 } });
    const business = cells.find((c) => c.role === 'business')!;
    expect(business.shown).toBe(false);
    expect('mean' in business).toBe(false);
    expect(JSON.stringify(cells)).not.toContain('12.5');
  });

  it('shows a role at exactly 2 respondents and treats a bad n as nobody', () => {
    expect(roleCells({ administration: { mean: 40, n: 2 } })[1]).toEqual({
      role: 'administration',
      shown: true,
      mean: 40,
      n: 2,
    });
    expect(roleCells({ administration: { mean: 40, n: Number.NaN } })[1]).toEqual({
      role: 'administration',
      shown: false,
      reason: 'none',
      n: 0,
    });
  });

  it('accepts a stricter minimum', () => {
    expect(roleCells({ politician: { mean: 70, n: 2 } }, 3)[0]).toEqual({
      role: 'politician',
      shown: false,
      reason: 'tooFew',
      n: 2,
    });
  });
});

describe('roleGap and areaRoleGap', () => {
  it('is the highest minus the lowest shown mean', () => {
    // shown: politician 72.5, administration 55, business 41.25 → 72.5 − 41.25 = 31.25
    // hidden: other (n = 1, mean 5) would have made the gap 67.5
    const means = {
      politician: { mean: 72.5, n: 4 },
      administration: { mean: 55, n: 3 },
      business: { mean: 41.25, n: 2 },
      other: { mean: 5, n: 1 },
    };
    expect(roleGap(means)).toEqual({ high: 'politician', low: 'business', points: 31.25 });
    const area = areaRoleGap('dialogue', means);
    expect(area.areaId).toBe('dialogue');
    expect(area.roles.map((r) => r.shown)).toEqual([true, true, true, false]);
    expect(area.gap).toEqual({ high: 'politician', low: 'business', points: 31.25 });
  });

  it('is null with fewer than two shown roles', () => {
    expect(roleGap({})).toBeNull();
    expect(roleGap({ politician: { mean: 70, n: 5 }, business: { mean: 20, n: 1 } })).toBeNull();
  });

  it('names the first role in ROLES order on a tie, and can be 0', () => {
    expect(roleGap({ business: { mean: 50, n: 2 }, administration: { mean: 50, n: 2 } })).toEqual({
      high: 'administration',
      low: 'administration',
      points: 0,
    });
  });

  it('business higher than politicians is a gap too', () => {
    expect(roleGap({ politician: { mean: 40, n: 2 }, business: { mean: 65, n: 2 } })).toEqual({
      high: 'business',
      low: 'politician',
      points: 25,
    });
  });

  it('property: the gap is non-negative and ignores roles below the minimum', () => {
    const cell = fc.record({
      mean: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      n: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 4, maxLength: 4 }), (cells) => {
        const means = Object.fromEntries(ROLES.map((r, i) => [r, cells[i]!]));
        const gap = roleGap(means);
        const shown = cells.filter(
          (c): c is { mean: number; n: number } => c.n >= 2 && c.mean !== null,
        );
        if (shown.length < 2) expect(gap).toBeNull();
        else {
          const values = shown.map((c) => c.mean);
          expect(gap!.points).toBe(Math.max(...values) - Math.min(...values));
          expect(gap!.points).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe('typicalNetworkGap', () => {
  it('is the median gap per area across municipalities', () => {
    const result = typicalNetworkGap([
      { strategy: 10, dialogue: 30 },
      { strategy: 25, dialogue: null },
      { strategy: 5, dialogue: 12 },
      { strategy: 40 },
    ]);
    // strategy: 5, 10, 25, 40 → (10 + 25) / 2 = 17.5; dialogue: 12, 30 → 21
    expect(result).toEqual({
      strategy: { median: 17.5, municipalities: 4 },
      dialogue: { median: 21, municipalities: 2 },
    });
  });

  it('reports an area with no gap anywhere as null', () => {
    expect(typicalNetworkGap([{ regional: null }, { regional: undefined }])).toEqual({
      regional: { median: null, municipalities: 0 },
    });
    expect(typicalNetworkGap([])).toEqual({});
  });

  it('handles an area id that is also an Object.prototype key', () => {
    const result = typicalNetworkGap([{ constructor: 10 }, { constructor: 20 }]);
    expect(Object.keys(result)).toEqual(['constructor']);
    expect(result.constructor).toEqual({ median: 15, municipalities: 2 });
  });

  it('takes the output of areaRoleGap through gapPointsByArea', () => {
    const haram = [
      areaRoleGap('strategy', { politician: { mean: 80, n: 2 }, business: { mean: 50, n: 2 } }),
      areaRoleGap('dialogue', { politician: { mean: 80, n: 2 } }),
    ];
    const molde = [
      areaRoleGap('strategy', {
        politician: { mean: 60, n: 3 },
        administration: { mean: 50, n: 3 },
      }),
      areaRoleGap('dialogue', {
        administration: { mean: 70, n: 2 },
        business: { mean: 55, n: 2 },
      }),
    ];
    expect(gapPointsByArea(haram)).toEqual({ strategy: 30, dialogue: null });
    // strategy: 30 and 10 → 20; dialogue: only Molde's 15
    expect(typicalNetworkGap([gapPointsByArea(haram), gapPointsByArea(molde)])).toEqual({
      strategy: { median: 20, municipalities: 2 },
      dialogue: { median: 15, municipalities: 1 },
    });
  });
});
