import { Bar, CartesianGrid, ComposedChart, Legend, Scatter, XAxis, YAxis } from 'recharts';
import { ChartCanvas, ChartFrame } from './chart-frame';
import { useWidth } from './use-width';
import { INK, GRID, SCORE_AXIS, areaAxis } from './axes';

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
  return <rect x={cx - 2} y={cy - 11} width={4} height={22} fill={INK} />;
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
      <ChartCanvas boxRef={ref} label={label} height={height}>
        <ComposedChart
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis {...SCORE_AXIS} />
          <YAxis {...areaAxis(labelWidth, narrow)} />
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
            fill={INK}
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
            formatter={(value: string) => <span style={{ color: INK }}>{value}</span>}
          />
        </ComposedChart>
      </ChartCanvas>
    </ChartFrame>
  );
}
