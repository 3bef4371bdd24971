/**
 * Where the importance × score chart puts its labels, so that no label lies on another.
 *
 * Each point is drawn as a dot with a small numbered badge beside it; the list beside the chart
 * says which area each number is. Area names are never drawn in the plot: nine of them do not
 * fit at 320 px, and close points (Molde at gathering 2 has four within a few pixels) would pile
 * their names up. The four quadrant names sit in their corners, wrapped to fit.
 *
 * Pure geometry in the chart's pixel space, no DOM: jsdom cannot measure SVG, so this is
 * unit-tested on its own, and e2e/priorities.spec.ts measures the drawn boxes in Chromium.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when the boxes share any area, or come closer than `gap`. Touching edges do not overlap. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** True when the segment passes through the box's inside (Liang–Barsky clipping). */
export function segmentCrossesBox(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.width - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.height - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 >= t1) return false;
    }
  }
  return true;
}

/**
 * Numbers for the chart's points: the area's place in the questionnaire, from 1, so a number
 * means the same area on every municipality's chart (and matches «Område 3 av 9»). Keys that are
 * not in `order` follow it, in the order given.
 */
export function numberPoints<T extends { key: string }>(
  points: readonly T[],
  order: readonly string[],
): (T & { number: number })[] {
  let next = order.length;
  return points.map((p) => {
    const at = order.indexOf(p.key);
    return { ...p, number: at >= 0 ? at + 1 : ++next };
  });
}

/** The badge's size for a number: a circle for one digit, a pill for more. */
export function badgeSize(label: string): { width: number; height: number } {
  return { width: 20 + 7 * Math.max(0, label.length - 1), height: 20 };
}

export interface BadgeInput {
  key: string;
  /** The point's centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedBadge {
  key: string;
  box: Box;
  /** From the dot's edge to the badge's edge, when the badge had to move away from its dot. */
  leader: Segment | null;
  /**
   * No free place was left (a plot far too small for its points): the badge is placed beside
   * its dot anyway and may overlap. Never the case at the chart's sizes; tests check that.
   */
  crowded: boolean;
}

export interface BadgeOptions {
  /** Badges stay inside this box (the plot area). */
  bounds: Box;
  /** The dots' radius: no badge covers any dot, its own included. */
  markerRadius: number;
  /** Boxes no badge may cover, such as the quadrant names. */
  obstacles?: readonly Box[];
  /** Free space kept around badges, dots and obstacles. */
  gap?: number;
}

/** Eight directions beside a dot, the first tried first: right of the dot reads most naturally. */
const DIRECTIONS: readonly [number, number][] = [
  [1, 0],
  [1, -1],
  [0, -1],
  [-1, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
];
/** Rings further out than beside the dot, each this many pixels further, before the grid. */
const RINGS = 8;
const RING_STEP = 7;
const GRID_STEP = 4;
/** How much nearer its own dot than any other a badge without a leader must be, in pixels. */
const NEAREST_MARGIN = 4;
/** Dots this close (pixels) are one spot: their badges gather round it, each without a leader. */
const SAME_SPOT = 1;

function centred(cx: number, cy: number, width: number, height: number): Box {
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** The segment from the dot's edge to the edge of the badge box, along the line between them. */
function leaderTo(p: BadgeInput, box: Box, markerRadius: number): Segment | null {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = cx - p.x;
  const dy = cy - p.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  // From the badge's centre back to its edge along the same line.
  const toEdge = Math.min(
    ux === 0 ? Infinity : box.width / 2 / Math.abs(ux),
    uy === 0 ? Infinity : box.height / 2 / Math.abs(uy),
  );
  const start = markerRadius + 1;
  const end = length - toEdge;
  if (end <= start) return null;
  return { x1: p.x + ux * start, y1: p.y + uy * start, x2: p.x + ux * end, y2: p.y + uy * end };
}

/**
 * Places one numbered badge per point so that no badge overlaps another badge, a dot or an
 * obstacle, all inside the bounds. Greedy, in the order given: each badge takes the first free
 * place beside its dot (right, upper right, above, …) that is nearer its own dot than any
 * other, so that it cannot be read as another's; where there is none, rings further
 * out, with a leader line back to the dot that crosses no badge; then any free place in the
 * bounds, nearest first. Only when dots crowd a corner so that every way out is blocked may a
 * leader cross a badge; badges never overlap. Deterministic: the same input, the same layout.
 */
export function placeBadges(
  points: readonly BadgeInput[],
  { bounds, markerRadius, obstacles = [], gap = 2 }: BadgeOptions,
): PlacedBadge[] {
  const r = markerRadius;
  const dots = points.map((p) => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r }));
  const taken: Box[] = [...obstacles];
  const badges: Box[] = [];
  const leaders: Segment[] = [];
  const placed: PlacedBadge[] = [];

  points.forEach((p, index) => {
    /** The badge's leader (or null) if `box` is free, else false. */
    const free = (box: Box, clean: boolean): Segment | null | false => {
      if (!contains(bounds, box)) return false;
      if (taken.some((t) => overlaps(box, t, gap))) return false;
      if (dots.some((d) => overlaps(box, d, gap))) return false;
      const leader = leaderTo(p, box, r);
      if (!clean) return leader;
      // A leader shows whose badge it is: none may run under a badge.
      if (leaders.some((l) => segmentCrossesBox(l, box))) return false;
      if (leader && badges.some((b) => segmentCrossesBox(leader, b))) return false;
      return leader;
    };

    const beside = DIRECTIONS.map(([dx, dy]) =>
      centred(
        p.x + dx * (r + gap + 0.5 + p.width / 2),
        p.y + dy * (r + gap + 0.5 + p.height / 2),
        p.width,
        p.height,
      ),
    );
    // Further out: sixteen directions a ring, so that leaders can pass between badges.
    const further: Box[] = [];
    const clear = r + gap + 0.5 + Math.hypot(p.width, p.height) / 2;
    for (let ring = 1; ring <= RINGS; ring += 1) {
      for (let k = 0; k < 16; k += 1) {
        // 0°, 45°, … first, then the directions between them.
        const angle = ((k < 8 ? k * 2 : (k - 8) * 2 + 1) * Math.PI) / 8;
        const distance = clear + (ring - 1) * RING_STEP;
        further.push(
          centred(
            p.x + Math.cos(angle) * distance,
            p.y - Math.sin(angle) * distance,
            p.width,
            p.height,
          ),
        );
      }
    }
    /** Every place in the bounds, nearest the dot first: made only when the rings are full. */
    const grid = (): Box[] => {
      const boxes: { box: Box; distance: number }[] = [];
      for (let y = bounds.y; y + p.height <= bounds.y + bounds.height; y += GRID_STEP) {
        for (let x = bounds.x; x + p.width <= bounds.x + bounds.width; x += GRID_STEP) {
          const distance = Math.hypot(x + p.width / 2 - p.x, y + p.height / 2 - p.y);
          boxes.push({ box: { x, y, width: p.width, height: p.height }, distance });
        }
      }
      return boxes.sort((a, b) => a.distance - b.distance).map((b) => b.box);
    };

    /**
     * A badge with no leader must be nearer its own dot than any other, or a reader would give
     * it to the other dot.
     */
    const nearestOwn = (box: Box) => {
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const own = Math.hypot(cx - p.x, cy - p.y);
      return points.every(
        (q, other) =>
          other === index ||
          // A dot on the same spot is the same place: its badge may sit beside this one.
          Math.hypot(q.x - p.x, q.y - p.y) <= SAME_SPOT ||
          Math.hypot(cx - q.x, cy - q.y) > own + NEAREST_MARGIN,
      );
    };
    const search = (boxes: readonly Box[], clean: boolean, withLeader: boolean) => {
      for (const box of boxes) {
        const leader = free(box, clean);
        if (leader === false) continue;
        const drawn = withLeader ? leader : null;
        if (drawn === null && !nearestOwn(box)) continue;
        return { box, leader: drawn };
      }
      return null;
    };
    // Beside the dot (no leader needed), then further out with a leader that crosses no badge,
    // then anywhere in the bounds the same way, and last anywhere at all.
    let found = search(beside, true, false) ?? search(further, true, true);
    if (!found) {
      const all = grid();
      found = search(all, true, true) ?? search(all, false, true);
    }
    const box = found?.box ?? beside[0]!;
    const leader = found?.leader ?? null;
    taken.push(box);
    badges.push(box);
    if (leader) leaders.push(leader);
    placed.push({ key: p.key, box, leader, crowded: found === null });
  });
  return placed;
}

export type Corner = 'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight';

/** Text width in pixels at a font size. The chart measures with a canvas; tests estimate. */
export type Measure = (text: string, fontSize: number) => number;

/** A rough width for tests and where nothing can measure: 0.6 em per character. */
export const estimateWidth: Measure = (text, fontSize) => text.length * fontSize * 0.6;

/** Breaks text into lines no wider than `maxWidth`, between words only. */
export function wrapWords(
  text: string,
  maxWidth: number,
  measure: Measure,
  fontSize: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (line && measure(tried, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = tried;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface PlacedName {
  corner: Corner;
  lines: string[];
  fontSize: number;
  /** Distance between baselines. */
  lineHeight: number;
  /** Left or right edge of the text, by `anchor`. */
  x: number;
  anchor: 'start' | 'end';
  /** Baseline of the first line. */
  y: number;
  /** The space the text takes. */
  box: Box;
}

export interface NameOptions {
  /** Tried largest first: the first at which every word of every name fits its quadrant. */
  fontSizes?: readonly number[];
  /** Space between a name and its quadrant's edges. */
  padding?: number;
  lineHeight?: number;
}

/**
 * The four quadrant names in the corners of their quadrants, each wrapped to its quadrant's
 * width, all in one font size: the largest at which every word fits. If a word is wider than its
 * quadrant even at the smallest size, its line runs over, and a name that would then touch the
 * name beside it moves down (top row) or up (bottom row), clear of it.
 */
export function layoutQuadrantNames(
  names: Readonly<Record<Corner, string>>,
  plot: Box,
  split: { x: number; y: number },
  measure: Measure,
  { fontSizes = [13, 12, 11], padding = 6, lineHeight = 1.25 }: NameOptions = {},
): PlacedName[] {
  const left = split.x - plot.x - 2 * padding;
  const right = plot.x + plot.width - split.x - 2 * padding;
  const widthOf = (corner: Corner) => (corner.endsWith('Left') ? left : right);
  const corners = Object.keys(names) as Corner[];
  const fits = (size: number) =>
    corners.every((c) =>
      names[c].split(/\s+/).every((word) => measure(word, size) <= Math.max(0, widthOf(c))),
    );
  const fontSize = fontSizes.find(fits) ?? fontSizes.at(-1) ?? 11;
  const step = fontSize * lineHeight;

  const place = (corner: Corner): PlacedName => {
    const lines = wrapWords(names[corner], Math.max(0, widthOf(corner)), measure, fontSize);
    const width = Math.max(0, ...lines.map((l) => measure(l, fontSize)));
    const height = lines.length * step;
    const atLeft = corner.endsWith('Left');
    const atTop = corner.startsWith('top');
    const x = atLeft ? plot.x + padding : plot.x + plot.width - padding;
    const top = atTop ? plot.y + padding : plot.y + plot.height - padding - height;
    return {
      corner,
      lines,
      fontSize,
      lineHeight: step,
      x,
      anchor: atLeft ? 'start' : 'end',
      // The first baseline sits where a line of `step` height centres its glyphs.
      y: top + (step - fontSize) / 2 + fontSize * 0.8,
      box: { x: atLeft ? x : x - width, y: top, width, height },
    };
  };
  const placed = new Map(corners.map((c) => [c, place(c)] as const));
  const move = (name: PlacedName, dy: number): PlacedName => ({
    ...name,
    y: name.y + dy,
    box: { ...name.box, y: name.box.y + dy },
  });
  for (const [first, second, down] of [
    ['topLeft', 'topRight', true],
    ['bottomLeft', 'bottomRight', false],
  ] as const) {
    const a = placed.get(first);
    const b = placed.get(second);
    if (!a || !b || !overlaps(a.box, b.box, padding)) continue;
    const dy = down
      ? a.box.y + a.box.height + padding - b.box.y
      : a.box.y - padding - (b.box.y + b.box.height);
    placed.set(second, move(b, dy));
  }
  return corners.map((c) => placed.get(c)!);
}
