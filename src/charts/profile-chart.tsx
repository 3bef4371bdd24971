import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './chart-frame';
import { useWidth } from './use-width';

export interface ProfileDatum {
  key: string;
  label: string;
  value: number | null;
  min: number | null;
  median: number | null;
  max: number | null;
}

interface Props {
  data: readonly ProfileDatum[];
  label: string;
  names: { own: string; median: string; band: string };
  /** Names the chart in its download buttons and files. */
  downloadName: string;
}

function MedianTick(props: { cx?: number; cy?: number }) {
  const { cx = 0, cy = 0 } = props;
  return <rect x={cx - 2} y={cy - 11} width={4} height={22} fill="#1e2b3c" />;
}

function OwnDot(props: { cx?: number; cy?: number }) {
  const { cx = 0, cy = 0 } = props;
  // A diamond, not only a colour, marks the municipality's own score.
  return (
    <path
      d={`M${cx} ${cy - 9} L${cx + 9} ${cy} L${cx} ${cy + 9} L${cx - 9} ${cy} Z`}
      fill="#c2410c"
      stroke="#fff"
      strokeWidth={1.5}
    />
  );
}

/** Own score as a marker on the network's min–max band, with the median. Loaded lazily. */
export default function ProfileChart({ data, label, names, downloadName }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const narrow = width < 560;
  const labelWidth = Math.round(Math.min(240, Math.max(110, width * 0.4)));
  const rows = data.map((d) => ({
    ...d,
    band: d.min !== null && d.max !== null ? [d.min, Math.max(d.max, d.min + 0.5)] : null,
  }));
  const height = Math.max(240, data.length * (narrow ? 56 : 48) + 80);
  return (
    <ChartFrame name={downloadName}>
      <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
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
            <Bar
              dataKey="band"
              name={names.band}
              fill="#bdd7e7"
              barSize={14}
              isAnimationActive={false}
            />
            <Scatter
              dataKey="median"
              name={names.median}
              shape={<MedianTick />}
              fill="#1e2b3c"
              isAnimationActive={false}
            />
            <Scatter
              dataKey="value"
              name={names.own}
              shape={<OwnDot />}
              fill="#c2410c"
              isAnimationActive={false}
            />
            <Legend
              verticalAlign="top"
              height={32}
              formatter={(value: string) => <span style={{ color: '#1e2b3c' }}>{value}</span>}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
