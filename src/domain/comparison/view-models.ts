import type { Municipality } from '../core/types';
import type { Questionnaire } from '../questionnaire/schema';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import { heatmapRows, type NetworkAreaStats } from './network-statistics';

/**
 * View models: what the network screens, the presentation mode and the printed report show,
 * built once here, so the three never build it three ways. Pure data; the caller passes the
 * words (a municipality's shown name, the median row's label) and formats the numbers.
 */

/** The parts of the network model a view model reads (store/network-model.ts has them all). */
export interface NetworkRound {
  questionnaire: Questionnaire;
  /** The chosen round's aggregates. */
  current: readonly MunicipalityAggregate[];
  /** networkStats of `current`. */
  stats: readonly NetworkAreaStats[];
}

/** The key of the heatmap's last row, the network's median. */
export const MEDIAN_ROW_KEY = 'median';

export interface HeatmapViewCell {
  /** The area id. */
  key: string;
  value: number | null;
  /** The respondents disagree strongly (aggregate.ts, DISAGREEMENT_SD); never on the median. */
  flagged: boolean;
}

export interface HeatmapViewRow {
  /** Kommunenummer, or MEDIAN_ROW_KEY. */
  key: string;
  label: string;
  /** The row's municipality; null on the median row. */
  municipality: Municipality | null;
  /** Respondents counted; null on the median row. */
  respondents: number | null;
  /** In questionnaire order. */
  cells: HeatmapViewCell[];
}

/**
 * The heatmap of one round: a row per municipality (sorted by kommunenummer, named by `name`),
 * then the network's median row (labelled `medianLabel`), one cell per area.
 */
export function heatmapView(
  network: NetworkRound,
  name: (m: Municipality) => string,
  medianLabel: string,
): HeatmapViewRow[] {
  const rows: HeatmapViewRow[] = heatmapRows(network.questionnaire, network.current).map((row) => ({
    key: row.municipality.number,
    label: name(row.municipality),
    municipality: row.municipality,
    respondents: row.respondents,
    cells: row.cells.map((c) => ({ key: c.areaId, value: c.value, flagged: c.disagreement })),
  }));
  rows.push({
    key: MEDIAN_ROW_KEY,
    label: medianLabel,
    municipality: null,
    respondents: null,
    cells: network.stats.map((s) => ({ key: s.areaId, value: s.median, flagged: false })),
  });
  return rows;
}
