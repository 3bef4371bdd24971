import { useId, useMemo } from 'react';
import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
  ZIndexLayer,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import { ChartCanvas, ChartFrame } from './chart-frame';
import {
  badgeSize,
  estimateWidth,
  layoutQuadrantNames,
  placeBadges,
  type Corner,
  type Measure,
} from './quadrant-layout';
import { INK, SCORE_AXIS } from './axes';

export interface QuadrantDatum {
  key: string;
  /** Shown on the point and in the list beside the chart (see numberPoints). */
  number: number;
  /** The area's name, in the list. */
  name: string;
  /** Said after the name in the list, such as «viktighet 3,6, skår 63». */
  detail: string;
  importance: number;
  score: number;
}

interface Quadrants {
  concentrateHere: string;
  keepUpGoodWork: string;
  lowPriority: string;
  possibleOverkill: string;
}

interface Props {
  data: readonly QuadrantDatum[];
  label: string;
  axes: { importance: string; score: string };
  quadrants: Quadrants;
  /** Names the list of numbered areas beside the chart. */
  keyTitle: string;
  importanceSplit?: number;
  scoreSplit?: number;
  /** Names the chart in its download buttons and files. */
  downloadName: string;
}

/** The dots' radius: recharts' default scatter symbol (area 64) is about 4.5 px across. */
const MARKER_RADIUS = 5;

let canvas: CanvasRenderingContext2D | null | undefined;

/** Text widths as the browser draws them (a canvas with the page's font), else an estimate. */
function browserMeasure(weight: number): Measure {
  if (canvas === undefined) {
    try {
      canvas = document.createElement('canvas').getContext('2d');
    } catch {
      canvas = null;
    }
  }
  const context = canvas;
  if (!context) return estimateWidth;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text, size) => {
    context.font = `${weight} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

/**
 * The quadrant names, leader lines and numbered badges, laid out by quadrant-layout.ts so that
 * none lies on another. Drawn inside the chart's <svg> in recharts' layers: names above the
 * quadrant fills, leaders under the dots, badges above everything.
 */
function Labels({
  data,
  quadrants,
  importanceSplit,
  scoreSplit,
}: {
  data: readonly QuadrantDatum[];
  quadrants: Quadrants;
  importanceSplit: number;
  scoreSplit: number;
}) {
  const plot = usePlotArea();
  const x = useXAxisScale();
  const y = useYAxisScale();
  const layout = useMemo(() => {
    if (!plot || !x || !y || plot.width <= 0 || plot.height <= 0) return null;
    const splitX = x(importanceSplit);
    const splitY = y(scoreSplit);
    if (splitX === undefined || splitY === undefined) return null;
    const names: Record<Corner, string> = {
      topLeft: quadrants.possibleOverkill,
      topRight: quadrants.keepUpGoodWork,
      bottomLeft: quadrants.lowPriority,
      bottomRight: quadrants.concentrateHere,
    };
    const placedNames = layoutQuadrantNames(
      names,
      plot,
      { x: splitX, y: splitY },
      browserMeasure(600),
    );
    const points = data.flatMap((d) => {
      const px = x(d.importance);
      const py = y(d.score);
      if (px === undefined || py === undefined) return [];
      return [{ key: d.key, x: px, y: py, ...badgeSize(String(d.number)), number: d.number }];
    });
    const badges = placeBadges(points, {
      bounds: plot,
      markerRadius: MARKER_RADIUS,
      obstacles: placedNames.map((n) => n.box),
    });
    return {
      names: placedNames,
      badges: badges.map((b, i) => ({ ...b, number: points[i]!.number })),
    };
  }, [plot, x, y, data, quadrants, importanceSplit, scoreSplit]);
  if (!layout) return null;
  return (
    <>
      <ZIndexLayer zIndex={150}>
        <g className="quadrant-names">
          {layout.names.map((n) => (
            <text
              key={n.corner}
              className="quadrant-name"
              x={n.x}
              y={n.y}
              textAnchor={n.anchor}
              fontSize={n.fontSize}
              fontWeight={600}
              fill={INK}
            >
              {n.lines.map((line, i) => (
                <tspan key={i} x={n.x} dy={i === 0 ? 0 : n.lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
        </g>
      </ZIndexLayer>
      <ZIndexLayer zIndex={590}>
        <g className="quadrant-leaders">
          {layout.badges.map((b) =>
            b.leader ? (
              <line
                key={b.key}
                x1={b.leader.x1}
                y1={b.leader.y1}
                x2={b.leader.x2}
                y2={b.leader.y2}
                stroke="#4a5565"
                strokeWidth={1}
              />
            ) : null,
          )}
        </g>
      </ZIndexLayer>
      <ZIndexLayer zIndex={700}>
        <g className="quadrant-badges">
          {layout.badges.map((b) => (
            <g key={b.key} className="quadrant-badge" data-number={b.number}>
              <rect
                x={b.box.x}
                y={b.box.y}
                width={b.box.width}
                height={b.box.height}
                rx={b.box.height / 2}
                fill="#ffffff"
                stroke={INK}
                strokeWidth={1.5}
              />
              {/* Baseline from the middle, not dominant-baseline: file viewers ignore that. */}
              <text
                x={b.box.x + b.box.width / 2}
                y={b.box.y + b.box.height / 2 + 12 * 0.35}
                textAnchor="middle"
                fontSize={12}
                fontWeight={700}
                fill={INK}
              >
                {b.number}
              </text>
            </g>
          ))}
        </g>
      </ZIndexLayer>
    </>
  );
}

/**
 * Importance × score with the four Martilla & James quadrants named. Each point carries its
 * area's number, and the list beside the chart (below it on a narrow screen) names the areas:
 * names drawn in the plot would lie on top of each other where points are close. Loaded lazily.
 */
export default function QuadrantChart({
  data,
  label,
  axes,
  quadrants,
  keyTitle,
  importanceSplit = 3.5,
  scoreSplit = 50,
  downloadName,
}: Props) {
  const keyId = useId();
  const sorted = [...data].sort((a, b) => a.number - b.number);
  const fileKey = [keyTitle, ...sorted.map((d) => `${d.number}  ${d.name}: ${d.detail}`)];
  return (
    <ChartFrame name={downloadName} fileKey={fileKey}>
      <div className="quadrant-figure">
        <ChartCanvas label={label} className="chart-quadrant">
          <ScatterChart
            margin={{ top: 16, right: 16, bottom: 32, left: 8 }}
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
            />
            <ReferenceArea
              x1={importanceSplit}
              x2={5}
              y1={scoreSplit}
              y2={100}
              fill="#e6f0fa"
              fillOpacity={0.8}
            />
            <ReferenceArea
              x1={1}
              x2={importanceSplit}
              y1={0}
              y2={scoreSplit}
              fill="#f3f5f8"
              fillOpacity={0.8}
            />
            <ReferenceArea
              x1={1}
              x2={importanceSplit}
              y1={scoreSplit}
              y2={100}
              fill="#f3f5f8"
              fillOpacity={0.8}
            />
            <ReferenceLine x={importanceSplit} stroke={INK} strokeDasharray="4 4" />
            <ReferenceLine y={scoreSplit} stroke={INK} strokeDasharray="4 4" />
            <XAxis
              type="number"
              dataKey="importance"
              domain={[1, 5]}
              ticks={[1, 2, 3, 4, 5]}
              name={axes.importance}
              label={{ value: axes.importance, position: 'bottom', fill: INK }}
              tick={{ fill: INK }}
            />
            <YAxis
              {...SCORE_AXIS}
              dataKey="score"
              name={axes.score}
              label={{ value: axes.score, angle: -90, position: 'insideLeft', fill: INK }}
            />
            <Scatter data={[...data]} fill="#1f5f8b" isAnimationActive={false} />
            <Labels
              data={data}
              quadrants={quadrants}
              importanceSplit={importanceSplit}
              scoreSplit={scoreSplit}
            />
          </ScatterChart>
        </ChartCanvas>
        <div className="quadrant-key">
          <p id={keyId} className="quadrant-key-title">
            {keyTitle}
          </p>
          <ul aria-labelledby={keyId}>
            {sorted.map((d) => (
              <li key={d.key}>
                <span className="quadrant-key-number">{d.number}</span>{' '}
                <span>
                  <span className="quadrant-key-name">{d.name}</span>: {d.detail}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </ChartFrame>
  );
}
