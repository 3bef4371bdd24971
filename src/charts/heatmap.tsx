import type { ReactNode } from 'react';
import './heatmap.css';

export interface HeatmapColumn {
  key: string;
  label: string;
}

export interface HeatmapCellData {
  key: string;
  value: number | null;
  /** Shown as a mark beside the number, with a legend: never colour alone. */
  flagged?: boolean;
}

export interface HeatmapRowData {
  key: string;
  label: ReactNode;
  cells: HeatmapCellData[];
  extra?: ReactNode;
  emphasis?: boolean;
}

/**
 * Five bins of a single-hue blue scale (ColorBrewer Blues), readable for colour-blind viewers
 * and in greyscale. The number is always printed in the cell; colour only repeats it.
 */
export const HEAT_BINS = [
  { upTo: 20, bg: '#eff3ff', fg: '#0b1f33' },
  { upTo: 40, bg: '#bdd7e7', fg: '#0b1f33' },
  { upTo: 60, bg: '#6baed6', fg: '#0b1f33' },
  { upTo: 80, bg: '#2171b5', fg: '#ffffff' },
  { upTo: 100, bg: '#08306b', fg: '#ffffff' },
] as const;

export function heatColour(value: number): { bg: string; fg: string } {
  return HEAT_BINS.find((b) => value <= b.upTo) ?? HEAT_BINS[4];
}

interface Props {
  caption: ReactNode;
  rowHeader: string;
  extraHeader?: string;
  columns: readonly HeatmapColumn[];
  rows: readonly HeatmapRowData[];
  formatValue: (value: number) => string;
  emptyLabel: string;
  flagLabel: string;
}

/** A heatmap that is a real table: every cell carries its number. */
export function Heatmap({
  caption,
  rowHeader,
  extraHeader,
  columns,
  rows,
  formatValue,
  emptyLabel,
  flagLabel,
}: Props) {
  return (
    <div
      className="table-scroll heatmap-scroll"
      tabIndex={0}
      role="region"
      aria-label={typeof caption === 'string' ? caption : undefined}
    >
      <table className="heatmap" data-testid="heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {extraHeader !== undefined && (
              <th scope="col" className="num">
                {extraHeader}
              </th>
            )}
            {columns.map((c) => (
              <th key={c.key} scope="col" className="heatmap-col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.emphasis ? 'heatmap-emphasis' : undefined}>
              <th scope="row">{row.label}</th>
              {extraHeader !== undefined && <td className="num">{row.extra}</td>}
              {row.cells.map((cell) => {
                if (cell.value === null) {
                  return (
                    <td key={cell.key} className="heatmap-cell heatmap-empty">
                      <span aria-label={emptyLabel}>–</span>
                    </td>
                  );
                }
                const { bg, fg } = heatColour(cell.value);
                return (
                  <td key={cell.key} className="heatmap-cell" style={{ background: bg, color: fg }}>
                    {formatValue(cell.value)}
                    {cell.flagged && (
                      <span className="heatmap-flag" title={flagLabel}>
                        {' '}
                        ≠<span className="visually-hidden"> {flagLabel}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatLegend({
  label,
  formatValue,
}: {
  label: string;
  formatValue: (v: number) => string;
}) {
  return (
    <div className="heat-legend">
      <span>{label}</span>
      <ul aria-label={label}>
        {HEAT_BINS.map((b, i) => {
          const from = i === 0 ? 0 : HEAT_BINS[i - 1]!.upTo;
          const text = `${formatValue(from)}–${formatValue(b.upTo)}`;
          return (
            <li key={b.upTo}>
              <span className="heat-swatch" style={{ background: b.bg }} aria-hidden="true" />
              {text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
