import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  badgeSize,
  contains,
  estimateWidth,
  layoutQuadrantNames,
  numberPoints,
  overlaps,
  placeBadges,
  segmentCrossesBox,
  wrapWords,
  type BadgeInput,
  type Box,
  type Corner,
} from './quadrant-layout';

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });

describe('geometry', () => {
  it.each<[string, Box, Box, number, boolean]>([
    ['apart', box(0, 0, 10, 10), box(20, 0, 10, 10), 0, false],
    ['touching edges', box(0, 0, 10, 10), box(10, 0, 10, 10), 0, false],
    ['touching, with a gap wanted', box(0, 0, 10, 10), box(10, 0, 10, 10), 1, true],
    ['sharing a corner area', box(0, 0, 10, 10), box(9, 9, 10, 10), 0, true],
    ['one inside the other', box(0, 0, 10, 10), box(2, 2, 2, 2), 0, true],
  ])('overlaps: %s', (_name, a, b, gap, expected) => {
    expect(overlaps(a, b, gap)).toBe(expected);
    expect(overlaps(b, a, gap)).toBe(expected);
  });

  it.each([
    ['through the middle', { x1: -5, y1: 5, x2: 15, y2: 5 }, true],
    ['ending inside', { x1: -5, y1: 5, x2: 5, y2: 5 }, true],
    ['passing above', { x1: -5, y1: -1, x2: 15, y2: -1 }, false],
    ['stopping short', { x1: -5, y1: 5, x2: -1, y2: 5 }, false],
    ['diagonal past a corner', { x1: 11, y1: -5, x2: 20, y2: 4 }, false],
  ])('segmentCrossesBox: %s', (_name, segment, expected) => {
    expect(segmentCrossesBox(segment, box(0, 0, 10, 10))).toBe(expected);
  });

  it('contains', () => {
    expect(contains(box(0, 0, 100, 100), box(80, 80, 20, 20))).toBe(true);
    expect(contains(box(0, 0, 100, 100), box(81, 80, 20, 20))).toBe(false);
  });
});

describe('numberPoints', () => {
  it('numbers each point by its area’s place in the questionnaire, gaps and all', () => {
    const order = ['strategy', 'anchoring', 'dialogue', 'business-base'];
    const numbered = numberPoints(
      [{ key: 'dialogue' }, { key: 'strategy' }, { key: 'business-base' }, { key: 'unknown' }],
      order,
    );
    expect(numbered.map((p) => [p.key, p.number])).toEqual([
      ['dialogue', 3],
      ['strategy', 1],
      ['business-base', 4],
      ['unknown', 5],
    ]);
  });

  it('gives badges for two digits more room', () => {
    expect(badgeSize('7')).toEqual({ width: 20, height: 20 });
    expect(badgeSize('12').width).toBeGreaterThan(20);
  });
});

/**
 * Every pair of placed badges, and each badge against every dot and obstacle; with `leaders`,
 * also any leader that runs under a badge.
 */
function problems(
  points: readonly BadgeInput[],
  placed: ReturnType<typeof placeBadges>,
  bounds: Box,
  radius: number,
  obstacles: readonly Box[] = [],
  leaders = true,
): string[] {
  const found: string[] = [];
  placed.forEach((a, i) => {
    if (!contains(bounds, a.box)) found.push(`${a.key} outside`);
    placed.slice(i + 1).forEach((b) => {
      if (overlaps(a.box, b.box)) found.push(`${a.key} on ${b.key}`);
    });
    for (const p of points) {
      const dot = box(p.x - radius, p.y - radius, 2 * radius, 2 * radius);
      if (overlaps(a.box, dot)) found.push(`${a.key} on the dot of ${p.key}`);
    }
    obstacles.forEach((o, k) => {
      if (overlaps(a.box, o)) found.push(`${a.key} on obstacle ${k}`);
    });
    if (!a.leader) {
      // Without a leader, a badge must be nearest its own dot.
      const cx = a.box.x + a.box.width / 2;
      const cy = a.box.y + a.box.height / 2;
      const own = points[i]!;
      const d = Math.hypot(cx - own.x, cy - own.y);
      for (const [j, q] of points.entries()) {
        const sameSpot = Math.hypot(q.x - own.x, q.y - own.y) <= 1;
        if (j !== i && !sameSpot && Math.hypot(cx - q.x, cy - q.y) <= d) {
          found.push(`${a.key} nearer the dot of ${q.key}`);
        }
      }
    }
    for (const other of leaders ? placed : []) {
      if (other !== a && other.leader && segmentCrossesBox(other.leader, a.box)) {
        found.push(`leader of ${other.key} under ${a.key}`);
      }
    }
  });
  return found;
}

const badge = (key: string, x: number, y: number): BadgeInput => ({
  key,
  x,
  y,
  ...badgeSize(key),
});

describe('placeBadges', () => {
  it('puts a lone badge right beside its dot, with no leader', () => {
    const [placed] = placeBadges([badge('1', 100, 100)], {
      bounds: box(0, 0, 300, 300),
      markerRadius: 5,
    });
    expect(placed!.leader).toBeNull();
    expect(placed!.box.x).toBeGreaterThan(105);
    expect(placed!.box.x).toBeLessThan(110);
    expect(placed!.box.y + placed!.box.height / 2).toBe(100);
  });

  it('keeps a badge at the right edge inside the plot, to the left of its dot', () => {
    const [placed] = placeBadges([badge('9', 300, 150)], {
      bounds: box(0, 0, 300, 300),
      markerRadius: 5,
    });
    expect(contains(box(0, 0, 300, 300), placed!.box)).toBe(true);
    expect(placed!.box.x + placed!.box.width).toBeLessThan(295);
  });

  it('Molde at gathering 2, 320 px wide: four dots within a few pixels get four clear badges', () => {
    // Importance 3.33–3.60 and score 62.8–67.1 on a 230 × 340 plot: the four dots that piled
    // their names up in issue 11, plus the other five.
    const bounds = box(50, 16, 230, 340);
    const at = (importance: number, score: number) => ({
      x: bounds.x + ((importance - 1) / 4) * bounds.width,
      y: bounds.y + (1 - score / 100) * bounds.height,
    });
    const molde: [string, number, number][] = [
      ['1', 3.6, 62.8],
      ['2', 3.33, 62.8],
      ['3', 3.0, 59.8],
      ['4', 3.83, 69.4],
      ['5', 3.4, 67.0],
      ['6', 4.6, 75.1],
      ['7', 3.33, 56.9],
      ['8', 3.33, 67.1],
      ['9', 4.83, 76.9],
    ];
    const points = molde.map(([key, i, s]) => ({ key, ...at(i, s), ...badgeSize(key) }));
    const obstacles = [box(56, 22, 110, 32), box(200, 22, 74, 48)];
    const placed = placeBadges(points, { bounds, markerRadius: 5, obstacles });
    expect(problems(points, placed, bounds, 5, obstacles)).toEqual([]);
    expect(placed.every((p) => !p.crowded)).toBe(true);
    // Badges stay near their dots: none further than 60 px.
    for (const p of placed) {
      const dot = points.find((q) => q.key === p.key)!;
      const distance = Math.hypot(p.box.x + p.box.width / 2 - dot.x, p.box.y + 10 - dot.y);
      expect(distance, p.key).toBeLessThan(60);
    }
  });

  it('two areas on the same spot get their badges side by side beside it, with no leader', () => {
    const points = [badge('4', 150, 150), badge('7', 150, 150)];
    const bounds = box(0, 0, 300, 300);
    const placed = placeBadges(points, { bounds, markerRadius: 5 });
    expect(problems(points, placed, bounds, 5)).toEqual([]);
    expect(placed.map((p) => p.leader)).toEqual([null, null]);
  });

  it('nine dots on one spot still get nine clear badges, with leaders', () => {
    const points = Array.from({ length: 9 }, (_, i) => badge(String(i + 1), 150, 150));
    const bounds = box(0, 0, 300, 300);
    const placed = placeBadges(points, { bounds, markerRadius: 5 });
    expect(problems(points, placed, bounds, 5)).toEqual([]);
    expect(placed.filter((p) => p.leader !== null).length).toBeGreaterThan(0);
  });

  it('never leaves a badge without a leader nearer another dot than its own', () => {
    // Dot 2 lies 14 px under dot 1: a badge up and to the left of dot 2 would be read as 1’s.
    const points = [badge('1', 100, 86), badge('2', 100, 100), badge('3', 110, 86)];
    const bounds = box(0, 0, 300, 300);
    const placed = placeBadges(points, { bounds, markerRadius: 5 });
    expect(problems(points, placed, bounds, 5)).toEqual([]);
  });

  it('is the same every time', () => {
    const points = [badge('1', 40, 40), badge('2', 44, 42), badge('3', 41, 47)];
    const options = { bounds: box(0, 0, 200, 200), markerRadius: 5 };
    expect(placeBadges(points, options)).toEqual(placeBadges(points, options));
  });

  it('never lets two badges, a badge and a dot, or a badge and an obstacle overlap', () => {
    const bounds = box(40, 10, 240, 320);
    const obstacles = [box(46, 16, 100, 34), box(190, 16, 84, 50), box(46, 290, 90, 34)];
    const point = fc.record({
      x: fc.double({ min: bounds.x, max: bounds.x + bounds.width, noNaN: true }),
      y: fc.double({ min: bounds.y, max: bounds.y + bounds.height, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), (xy) => {
        const points = xy.map((p, i) => badge(String(i + 1), p.x, p.y));
        const placed = placeBadges(points, { bounds, markerRadius: 5, obstacles });
        expect(placed.map((p) => p.key)).toEqual(points.map((p) => p.key));
        expect(placed.filter((p) => p.crowded)).toEqual([]);
        // Leaders may cross a badge where dots crowd a corner; labels never overlap.
        expect(problems(points, placed, bounds, 5, obstacles, false)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('wrapWords', () => {
  it('breaks between words to fit, and gives a long word a line of its own', () => {
    // 0.6 em per character at 10 px: 6 px a character.
    expect(wrapWords('Konsentrer innsatsen her', 60, estimateWidth, 10)).toEqual([
      'Konsentrer',
      'innsatsen',
      'her',
    ]);
    expect(wrapWords('Konsentrer innsatsen her', 90, estimateWidth, 10)).toEqual([
      'Konsentrer',
      'innsatsen her',
    ]);
    expect(wrapWords('Lav prioritet', 300, estimateWidth, 10)).toEqual(['Lav prioritet']);
    expect(wrapWords('Omstillingsevne', 30, estimateWidth, 10)).toEqual(['Omstillingsevne']);
  });
});

describe('layoutQuadrantNames', () => {
  const names: Record<Corner, string> = {
    topLeft: 'Kanskje mer enn nok',
    topRight: 'Hold fram det gode arbeidet',
    bottomLeft: 'Lav prioritet',
    bottomRight: 'Konsentrer innsatsen her',
  };

  function check(plot: Box, split: { x: number; y: number }) {
    const placed = layoutQuadrantNames(names, plot, split, estimateWidth);
    placed.forEach((a, i) => {
      expect(contains(plot, a.box), a.corner).toBe(true);
      placed.slice(i + 1).forEach((b) => {
        expect(overlaps(a.box, b.box), `${a.corner} and ${b.corner}`).toBe(false);
      });
    });
    return placed;
  }

  it('keeps each name on one line in a wide chart, in its own corner', () => {
    const plot = box(60, 16, 676, 340);
    const placed = check(plot, { x: 60 + 676 * 0.625, y: 16 + 170 });
    expect(placed.map((p) => p.lines.length)).toEqual([1, 1, 1, 1]);
    expect(placed.every((p) => p.fontSize === 13)).toBe(true);
    const byCorner = new Map(placed.map((p) => [p.corner, p]));
    expect(byCorner.get('topRight')!.anchor).toBe('end');
    expect(byCorner.get('topRight')!.box.x + byCorner.get('topRight')!.box.width).toBe(730);
    expect(byCorner.get('bottomLeft')!.box.y + byCorner.get('bottomLeft')!.box.height).toBe(350);
  });

  it('wraps names in a 320 px chart so the right-hand ones fit their narrow quadrants', () => {
    // The right quadrants are 1.5 / 4 of a 230 px plot: about 86 px.
    const plot = box(50, 16, 230, 340);
    const placed = check(plot, { x: 50 + 230 * 0.625, y: 16 + 170 });
    const right = placed.filter((p) => p.corner.endsWith('Right'));
    for (const p of right) {
      expect(p.lines.length).toBeGreaterThan(1);
      expect(p.box.width).toBeLessThanOrEqual(230 * 0.375 - 12);
    }
  });

  it('moves a name that would still touch its neighbour clear of it', () => {
    // Far too narrow for any word: lines run over, and the right-hand names move away.
    const plot = box(0, 0, 90, 400);
    const placed = check(plot, { x: 45, y: 200 });
    const byCorner = new Map(placed.map((p) => [p.corner, p]));
    expect(byCorner.get('topRight')!.box.y).toBeGreaterThan(byCorner.get('topLeft')!.box.y);
    expect(byCorner.get('bottomRight')!.box.y).toBeLessThan(byCorner.get('bottomLeft')!.box.y);
  });
});
