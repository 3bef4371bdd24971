/** The colours and axes that every chart shares, so that they look alike and change together. */

/** Text and lines: the theme's darkest neutral (contrast well above 4.5:1 on white). */
export const INK = '#1e2b3c';
/** Grid lines. */
export const GRID = '#c9ced6';

/** A score axis: 0–100 in quarters. */
export const SCORE_AXIS = {
  type: 'number',
  domain: [0, 100],
  ticks: [0, 25, 50, 75, 100],
  tick: { fill: INK },
} as const;

/** The axis that names the areas of a horizontal bar chart. */
export function areaAxis(labelWidth: number, narrow: boolean) {
  return {
    type: 'category',
    dataKey: 'label',
    width: labelWidth,
    tick: { fill: INK, fontSize: narrow ? 12 : 13 },
    interval: 0,
  } as const;
}
