import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { ChartCanvas, ChartFrame } from './chart-frame';

interface Props {
  /** Always in questionnaire order: a radar changes shape with the axis order. */
  data: readonly { key: string; label: string; value: number | null; median: number | null }[];
  label: string;
  names: { own: string; median: string };
  /** Names the chart in its download buttons and files. */
  downloadName: string;
}

export default function ProfileRadar({ data, label, names, downloadName }: Props) {
  const rows = data.map((d) => ({ ...d, value: d.value ?? 0, median: d.median ?? 0 }));
  return (
    <ChartFrame name={downloadName}>
      <ChartCanvas label={label} className="chart-radar">
        <RadarChart data={rows} outerRadius="70%" accessibilityLayer={false}>
          <PolarGrid />
          <PolarAngleAxis dataKey="label" tick={{ fill: '#1e2b3c', fontSize: 12 }} />
          <PolarRadiusAxis domain={[0, 100]} tickCount={5} angle={90} />
          <Radar
            name={names.median}
            dataKey="median"
            stroke="#1e2b3c"
            strokeDasharray="6 4"
            fill="none"
            isAnimationActive={false}
          />
          <Radar
            name={names.own}
            dataKey="value"
            stroke="#c2410c"
            fill="#c2410c"
            fillOpacity={0.2}
            isAnimationActive={false}
          />
          <Legend />
        </RadarChart>
      </ChartCanvas>
    </ChartFrame>
  );
}
