import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { ChartCanvas, ChartFrame } from './chart-frame';
import type { BarDatum } from './types';
import { useWidth } from './use-width';
import { INK, GRID, SCORE_AXIS, areaAxis } from './axes';

interface Props {
  data: readonly BarDatum[];
  /** Text alternative for the whole chart; the table twin carries the numbers. */
  label: string;
  formatValue: (value: number) => string;
  /** Names the chart in its download buttons and files. */
  downloadName: string;
}

/** Horizontal bars, one per area, on a fixed 0–100 axis. Loaded lazily with recharts. */
export default function AreaScoreChart({ data, label, formatValue, downloadName }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const narrow = width < 560;
  const labelWidth = Math.round(Math.min(240, Math.max(110, width * 0.4)));
  const height = Math.max(220, data.length * (narrow ? 60 : 52) + 48);
  const rows = data.map((d) => ({ ...d, plotted: d.value ?? 0 }));
  return (
    <ChartFrame name={downloadName}>
      <ChartCanvas boxRef={ref} label={label} height={height}>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: narrow ? 32 : 48, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis {...SCORE_AXIS} />
          <YAxis {...areaAxis(labelWidth, narrow)} />
          <Bar dataKey="plotted" fill="#1f5f8b" isAnimationActive={false}>
            <LabelList
              dataKey="value"
              position="right"
              fill={INK}
              formatter={(v: unknown) => (typeof v === 'number' ? formatValue(v) : '–')}
            />
          </Bar>
        </BarChart>
      </ChartCanvas>
    </ChartFrame>
  );
}
