import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { ChartCanvas, ChartFrame } from './chart-frame';
import { SCORE_AXIS } from './axes';

interface Props {
  /** One point per gathering, named by its key. */
  data: readonly { gathering: string; municipality: number | null; networkMedian: number | null }[];
  label: string;
  names: { municipality: string; median: string };
  /** The axis label of a gathering's key. */
  gatheringLabel: (key: string) => string;
  /** Names the chart in its download buttons and files. */
  downloadName: string;
}

/** One municipality's score at each gathering against the network median. Loaded lazily. */
export default function TrendChart({ data, label, names, gatheringLabel, downloadName }: Props) {
  return (
    <ChartFrame name={downloadName}>
      <ChartCanvas label={label} className="chart-trend">
        <LineChart
          data={[...data]}
          margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e3e7ec" />
          <XAxis dataKey="gathering" tickFormatter={gatheringLabel} tick={{ fill: '#1e2b3c' }} />
          <YAxis {...SCORE_AXIS} />
          <Line
            dataKey="networkMedian"
            name={names.median}
            stroke="#1e2b3c"
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={{ r: 4 }}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="municipality"
            name={names.municipality}
            stroke="#c2410c"
            strokeWidth={3}
            dot={{ r: 6, strokeWidth: 2 }}
            isAnimationActive={false}
            connectNulls
          />
          <Legend
            formatter={(value: string) => <span style={{ color: '#1e2b3c' }}>{value}</span>}
          />
        </LineChart>
      </ChartCanvas>
    </ChartFrame>
  );
}
