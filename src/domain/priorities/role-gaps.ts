import { median } from '../core/statistics';
import { ROLES, type Role } from '../core/types';

/**
 * Role gaps: the roles' mean scores for one area side by side, and the gap between the highest
 * and the lowest. See docs/priorities.md.
 *
 * Privacy rule: a role's mean is shown only when at least MIN_ROLE_N respondents hold the role.
 * With one respondent the "mean" would be that person's own answer.
 */

/** Fewest respondents a role must have before its mean is shown or used in a gap. */
export const MIN_ROLE_N = 2;

/** One role's mean score (0–100) for an area, and how many respondents hold the role. */
export interface RoleMean {
  /** Null when nobody in the role answered any statement of the area with a level. */
  mean: number | null;
  /** Respondents in the role (at this municipality and gathering). */
  n: number;
}

/** Role means for one area, as the comparison aggregates provide them. Missing role = nobody. */
export type RoleMeans = Readonly<Partial<Record<Role, RoleMean>>>;

/**
 * Why a role is hidden:
 * - `none`: nobody in the role answered;
 * - `tooFew`: fewer than MIN_ROLE_N respondents, hidden to protect individuals;
 * - `noScore`: enough respondents, but none answered the area with a level.
 */
export type HiddenRoleReason = 'none' | 'tooFew' | 'noScore';

export type RoleCell =
  | { role: Role; shown: true; mean: number; n: number }
  /** A hidden role never carries its mean, so it cannot leak into the UI by mistake. */
  | { role: Role; shown: false; reason: HiddenRoleReason; n: number };

export interface RoleGap {
  /** The role with the highest mean among the shown roles. */
  high: Role;
  /** The role with the lowest mean among the shown roles. */
  low: Role;
  /** high mean − low mean, in score points (0–100 scale). */
  points: number;
}

export interface AreaRoleGap {
  areaId: string;
  /** Every role, in the fixed order of ROLES, shown or hidden. */
  roles: RoleCell[];
  /** Null when fewer than two roles are shown. */
  gap: RoleGap | null;
}

/**
 * THE privacy rule for anything shown per role (a role's mean, the role beside a comment): a role
 * is shown only when at least `minN` respondents hold it. With one, it names a person.
 */
export function roleIsShown(n: number, minN: number = MIN_ROLE_N): boolean {
  return validN(n) >= minN;
}

function validN(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Every role in ROLES order, shown when n ≥ minN and it has a mean, otherwise hidden with why. */
export function roleCells(roleMeans: RoleMeans, minN: number = MIN_ROLE_N): RoleCell[] {
  return ROLES.map((role): RoleCell => {
    const entry = roleMeans[role];
    const n = entry === undefined ? 0 : validN(entry.n);
    if (n === 0) return { role, shown: false, reason: 'none', n };
    if (!roleIsShown(n, minN)) return { role, shown: false, reason: 'tooFew', n };
    const mean = entry?.mean;
    if (mean === null || mean === undefined || !Number.isFinite(mean)) {
      return { role, shown: false, reason: 'noScore', n };
    }
    return { role, shown: true, mean, n };
  });
}

/**
 * The gap between the highest and the lowest shown role mean, or null with fewer than two shown
 * roles. Ties are broken by ROLES order: the first of the tied roles is named.
 */
export function roleGap(roleMeans: RoleMeans, minN: number = MIN_ROLE_N): RoleGap | null {
  return gapOf(roleCells(roleMeans, minN));
}

function gapOf(cells: readonly RoleCell[]): RoleGap | null {
  let high: { role: Role; mean: number } | null = null;
  let low: { role: Role; mean: number } | null = null;
  let shown = 0;
  for (const cell of cells) {
    if (!cell.shown) continue;
    shown += 1;
    if (high === null || cell.mean > high.mean) high = cell;
    if (low === null || cell.mean < low.mean) low = cell;
  }
  if (shown < 2 || high === null || low === null) return null;
  return { high: high.role, low: low.role, points: high.mean - low.mean };
}

/** The role means of one area side by side, with the gap between the shown roles. */
export function areaRoleGap(
  areaId: string,
  roleMeans: RoleMeans,
  minN: number = MIN_ROLE_N,
): AreaRoleGap {
  const roles = roleCells(roleMeans, minN);
  return { areaId, roles, gap: gapOf(roles) };
}

/** The gap points per area, for typicalNetworkGap: `{ [areaId]: points | null }`. */
export function gapPointsByArea(areas: readonly AreaRoleGap[]): Record<string, number | null> {
  return Object.fromEntries(areas.map((a) => [a.areaId, a.gap?.points ?? null]));
}

export interface TypicalGap {
  /** Median of the municipalities' gaps for the area, or null when none has a gap. */
  median: number | null;
  /** Municipalities with a gap for the area (two or more shown roles). */
  municipalities: number;
}

/**
 * The network's typical role gap per area: the median, across municipalities, of each
 * municipality's gap. Input: one map per municipality, area id → gap points (null or missing
 * when the municipality has fewer than two shown roles in that area). With n = 7 the median is
 * steadier than the mean against one municipality with a very large gap.
 */
export function typicalNetworkGap(
  perMunicipalityGaps: readonly Readonly<Record<string, number | null | undefined>>[],
): Record<string, TypicalGap> {
  const byArea = new Map<string, number[]>();
  for (const gaps of perMunicipalityGaps) {
    for (const [areaId, points] of Object.entries(gaps)) {
      const list = byArea.get(areaId) ?? [];
      if (points !== null && points !== undefined && Number.isFinite(points)) list.push(points);
      byArea.set(areaId, list);
    }
  }
  return Object.fromEntries(
    [...byArea].map(([areaId, list]) => [
      areaId,
      { median: median(list), municipalities: list.length },
    ]),
  );
}
