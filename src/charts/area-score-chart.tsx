import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './chart-frame';
import type { BarDatum } from './types';
import { useWidth } from './use-width';

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
      <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: narrow ? 32 : 48, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="#c9ced6" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tick={{ fill: '#1e2b3c' }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={labelWidth}
              tick={{ fill: '#1e2b3c', fontSize: narrow ? 12 : 13 }}
              interval={0}
            />
            <Bar dataKey="plotted" fill="#1f5f8b" isAnimationActive={false}>
              <LabelList
                dataKey="value"
                position="right"
                fill="#1e2b3c"
                formatter={(v: unknown) => (typeof v === 'number' ? formatValue(v) : '–')}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
