import {
  CartesianGrid,
  LabelList,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './chart-frame';

interface Props {
  data: readonly { key: string; label: string; importance: number; score: number }[];
  label: string;
  axes: { importance: string; score: string };
  quadrants: {
    concentrateHere: string;
    keepUpGoodWork: string;
    lowPriority: string;
    possibleOverkill: string;
  };
  importanceSplit?: number;
  scoreSplit?: number;
  /** Names the chart in its download buttons and files. */
  downloadName: string;
}

/** Importance × score with the four Martilla & James quadrants named. Loaded lazily. */
export default function QuadrantChart({
  data,
  label,
  axes,
  quadrants,
  importanceSplit = 3.5,
  scoreSplit = 50,
  downloadName,
}: Props) {
  const text = { fill: '#1e2b3c', fontSize: 13, fontWeight: 600 };
  return (
    <ChartFrame name={downloadName}>
      <div role="img" aria-label={label} className="chart chart-quadrant">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart
            margin={{ top: 16, right: 24, bottom: 32, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e3e7ec" />
            <ReferenceArea
              x1={importanceSplit}
              x2={5}
              y1={0}
              y2={scoreSplit}
              fill="#fde7d9"
              fillOpacity={0.8}
              label={{ value: quadrants.concentrateHere, position: 'insideBottomRight', ...text }}
            />
            <ReferenceArea
              x1={importanceSplit}
              x2={5}
              y1={scoreSplit}
              y2={100}
              fill="#e6f0fa"
              fillOpacity={0.8}
              label={{ value: quadrants.keepUpGoodWork, position: 'insideTopRight', ...text }}
            />
            <ReferenceArea
              x1={1}
              x2={importanceSplit}
              y1={0}
              y2={scoreSplit}
              fill="#f3f5f8"
              fillOpacity={0.8}
              label={{ value: quadrants.lowPriority, position: 'insideBottomLeft', ...text }}
            />
            <ReferenceArea
              x1={1}
              x2={importanceSplit}
              y1={scoreSplit}
              y2={100}
              fill="#f3f5f8"
              fillOpacity={0.8}
              label={{ value: quadrants.possibleOverkill, position: 'insideTopLeft', ...text }}
            />
            <ReferenceLine x={importanceSplit} stroke="#1e2b3c" strokeDasharray="4 4" />
            <ReferenceLine y={scoreSplit} stroke="#1e2b3c" strokeDasharray="4 4" />
            <XAxis
              type="number"
              dataKey="importance"
              domain={[1, 5]}
              ticks={[1, 2, 3, 4, 5]}
              name={axes.importance}
              label={{ value: axes.importance, position: 'bottom', fill: '#1e2b3c' }}
              tick={{ fill: '#1e2b3c' }}
            />
            <YAxis
              type="number"
              dataKey="score"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              name={axes.score}
              label={{ value: axes.score, angle: -90, position: 'insideLeft', fill: '#1e2b3c' }}
              tick={{ fill: '#1e2b3c' }}
            />
            <Scatter data={[...data]} fill="#1f5f8b" isAnimationActive={false}>
              <LabelList dataKey="label" position="right" fill="#1e2b3c" fontSize={12} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
