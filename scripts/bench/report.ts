/**
 * The bench's report: what each row shows, as data. REPORT is a list of row groups; a group
 * takes a list of items from the run's result (sizes, municipality counts, pairs of counts for
 * growth) and turns each item into one row per row definition. Each definition says how to name
 * the row, its target, what was measured, the number kept in the JSON and whether it passed
 * (`pass` left out: information only).
 */
import { FIRST_SCREEN_BUDGET_KB, PRECACHE_BUDGET_KB } from '../first-screen';
import type { AnswerLatency } from './answer-latency';
import type { LighthouseCategory, LighthouseResult } from './lighthouse';
import type { NodeSize } from './national-node';
import type { BrowserSize } from './national-browser';
import type { BenchResult, Row } from './result';
import { round } from './util';

/** The targets the rows hold the figures to. */
export const TARGETS = {
  firstScreenKB: FIRST_SCREEN_BUDGET_KB,
  /** Aggregating the network, in Node and in the app, at the largest size. */
  aggregationMs: 200,
  dashboardRenderMs: 1000,
  /** Click to the next paint, and click to saved, median. */
  answerMs: 16,
  /** First input ÷ the floor's, with 4× CPU slowdown. */
  firstInputRatio: 2,
  /** Growth exponent k in time ∝ size^k between the two largest sizes: near-linear. */
  growthExponent: 1.2,
  /** Importing the single files of the largest size through the UI (a quiet machine). */
  importMs: 3000,
  /** The longest main-thread task while an import runs, until its last file is stored. */
  importLongTaskMs: 50,
  /** Reload to the full heatmap at the largest size (a quiet machine). */
  reopenMs: 1500,
} as const;

interface RowDef<I> {
  id: (item: I) => string;
  label: (item: I) => string;
  target?: (item: I) => string;
  measured: (item: I) => string;
  value: (item: I) => number | null;
  pass?: (item: I) => boolean | null;
  /** Leaves the row out for this item. */
  skip?: (item: I) => boolean;
}

interface RowGroup<I> {
  section: string;
  items: (result: BenchResult) => readonly I[] | undefined;
  rows: readonly RowDef<I>[];
}

type Group = (result: BenchResult) => Row[];

/** A group of row definitions, typed by its items. */
function group<I>({ section, items, rows }: RowGroup<I>): Group {
  return (result) =>
    (items(result) ?? []).flatMap((item) =>
      rows
        .filter((def) => !def.skip?.(item))
        .map((def) => ({
          section,
          id: def.id(item),
          label: def.label(item),
          target: def.target?.(item) ?? '',
          measured: def.measured(item),
          value: def.value(item),
          pass: def.pass?.(item) ?? null,
        })),
    );
}

// Formatting

const kb = (x: number) => `${x.toFixed(1)} KB`;
const ms = (x: number | null | undefined) =>
  x === null || x === undefined
    ? 'n/a'
    : x >= 10_000
      ? `${(x / 1000).toFixed(1)} s`
      : `${Math.round(x)} ms`;
const msFine = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} ms`;
const perMunicipality = (x: number | null, n: number) =>
  x === null ? 'n/a' : `${(x / n).toFixed(2)} ms/municipality`;
const lastTarget = (isLast: boolean, target: string) => (isLast ? target : '');
const under = (limit: number) => `< ${limit < 1000 ? `${limit} ms` : `${limit / 1000} s`}`;

// Items

type Last<T> = T & { isLast: boolean };
const withLast = <T>(list: readonly T[]): Last<T>[] =>
  list.map((item, i) => ({ ...item, isLast: i === list.length - 1 }));
const single = <T>(item: T | undefined): T[] | undefined =>
  item === undefined ? undefined : [item];

/** Growth exponent k in time ∝ size^k between two sizes: 1 is linear, 2 quadratic. */
export function growthExponent(
  sizeA: number,
  timeA: number | null,
  sizeB: number,
  timeB: number | null,
): number | null {
  if (!timeA || !timeB || sizeA === sizeB) return null;
  return round(Math.log(timeB / timeA) / Math.log(sizeB / sizeA), 2);
}

interface Growth {
  a: number;
  b: number;
  ta: number;
  tb: number;
  k: number | null;
  /** tb is a lower bound (the import hit its time limit). */
  bound: boolean;
  isLast: boolean;
}

/** Consecutive sizes that both have a time, with the growth between them. */
function growth<S extends { municipalities: number }>(
  sizes: readonly S[] | undefined,
  pick: (s: S) => number | null,
): Growth[] | undefined {
  if (sizes === undefined) return undefined;
  const points = sizes
    .map((s) => ({ n: s.municipalities, t: pick(s) }))
    .filter((p): p is { n: number; t: number } => p.t !== null);
  return withLast(
    points.slice(1).map((b, i) => {
      const a = points[i]!;
      return {
        a: a.n,
        b: b.n,
        ta: a.t,
        tb: b.t,
        k: growthExponent(a.n, a.t, b.n, b.t),
        bound: false,
      };
    }),
  );
}

/**
 * Growth of the UI import between consecutive sizes. A size whose import hit its time limit
 * gives a lower bound: the time limit stands in for the unknown total.
 */
function importGrowth(sizes: readonly BrowserSize[] | undefined): Growth[] | undefined {
  if (sizes === undefined) return undefined;
  const pairs: Omit<Growth, 'isLast'>[] = [];
  let lastIndex = -1;
  sizes.forEach((b, i) => {
    const a = sizes[i - 1];
    if (a === undefined || a.importPaintMs === null) return;
    const tb = b.timedOut ? b.timedOut.limitMs : b.importPaintMs;
    if (tb === null) return;
    const k = growthExponent(a.municipalities, a.importPaintMs, b.municipalities, tb);
    pairs.push({
      a: a.municipalities,
      b: b.municipalities,
      ta: a.importPaintMs,
      tb,
      k,
      bound: b.timedOut !== null,
    });
    if (i === sizes.length - 1) lastIndex = pairs.length - 1;
  });
  return pairs.map((p, i) => ({ ...p, isLast: i === lastIndex }));
}

const growthRow = (prefix: string): RowDef<Growth> => ({
  id: (g) => `${prefix}-growth-${g.a}-${g.b}`,
  label: (g) => `${prefix}: growth ${g.a} → ${g.b} (size ×${(g.b / g.a).toFixed(1)})`,
  target: (g) => (g.isLast ? `exponent ≤ ${TARGETS.growthExponent}` : 'near-linear'),
  measured: (g) => {
    const bound = g.bound ? '≥ ' : '';
    return `time ×${bound}${(g.tb / g.ta).toFixed(1)}, exponent ${bound}${g.k ?? 'n/a'}`;
  },
  value: (g) => g.k,
  // A lower bound can only fail the target, never pass it.
  pass: (g) =>
    !g.isLast || g.k === null
      ? null
      : g.bound
        ? g.k > TARGETS.growthExponent
          ? false
          : null
        : g.k <= TARGETS.growthExponent,
});

/**
 * A row of answer latency held to the target: a median over the clicks, which passes when it is
 * within TARGETS.answerMs and no click was `missed` (left unchecked, or not saved).
 */
const answerTargetRow = (
  id: string,
  label: (a: AnswerLatency) => string,
  median: (a: AnswerLatency) => number | null,
  missed: (a: AnswerLatency) => number,
): RowDef<AnswerLatency> => ({
  id: () => id,
  label,
  target: () => `≤ ${TARGETS.answerMs} ms`,
  measured: (a) => msFine(median(a)),
  value: median,
  pass: (a) => {
    const m = median(a);
    return m !== null && m <= TARGETS.answerMs && missed(a) === 0;
  },
});

/** "", or ", after 9 bundle files of 40 municipalities" when the dashboard was not from single files. */
const via = (s: BrowserSize) => (s.renderVia === 'single files' ? '' : `, after ${s.renderVia}`);

const SIZES = 'Sizes';
const LIGHTHOUSE = 'Lighthouse (mobile)';
const LIGHTHOUSE_LOADED = 'Lighthouse (mobile), one core busy';
const NODE = 'National scale, Node';
const CHROMIUM = 'National scale, Chromium';
const ANSWERS = 'Answer latency';
const FIRST_INPUT = 'First input (4× CPU slowdown)';

/** Rows for each size imported in Chromium. */
const perBrowserSize = (rows: readonly RowDef<BrowserSize>[]): Group =>
  group({ section: CHROMIUM, items: (r) => r.browserNational, rows });

/** The same, knowing which size is the largest (its targets). */
const perLastBrowserSize = (rows: readonly RowDef<Last<BrowserSize>>[]): Group =>
  group({
    section: CHROMIUM,
    items: (r) => r.browserNational && withLast(r.browserNational),
    rows,
  });

/** The rows of one set of Lighthouse runs: a median per category against its target. */
function lighthouseGroup(
  section: string,
  of: (r: BenchResult) => LighthouseResult | undefined,
  idPrefix: string,
): Group {
  return group<{
    id: string;
    target: number;
    median: number | null;
    pass: boolean;
    perRun: (number | null)[];
  }>({
    section,
    items: (r) => {
      const lh = of(r);
      return (
        lh &&
        Object.entries(lh.targets).map(([id, t]) => ({
          id,
          ...t,
          perRun: lh.runs.map((run) => run.scores[id as LighthouseCategory]),
        }))
      );
    },
    rows: [
      {
        id: (c) => `lighthouse-${idPrefix}${c.id}`,
        label: (c) => `${c.id}, median of ${c.perRun.length} (runs ${c.perRun.join(' / ')})`,
        target: (c) => (c.target === 100 ? '100' : `≥ ${c.target}`),
        measured: (c) => String(c.median),
        value: (c) => c.median,
        pass: (c) => c.pass,
      },
    ],
  });
}

/** Every row of the report, in order. */
export const REPORT: readonly Group[] = [
  group({
    section: SIZES,
    items: (r) => single(r.sizes),
    rows: [
      {
        id: () => 'first-screen-kb',
        label: () => 'First screen JS + CSS, gzip',
        target: (s) => `≤ ${s.budgetKB} KB`,
        measured: (s) => kb(s.firstScreenKB),
        value: (s) => s.firstScreenKB,
        pass: (s) => s.pass,
      },
      {
        id: () => 'precache-kb',
        label: (s) =>
          `Service worker precache, gzip (${s.precache?.files.length ?? '?'} files: a delegate's app, three languages)`,
        target: () => `≤ ${PRECACHE_BUDGET_KB} KB`,
        measured: (s) => (s.precache ? kb(s.precache.totalKB) : 'not measured'),
        value: (s) => s.precache?.totalKB ?? null,
        pass: (s) => (s.precache ? s.precache.pass : null),
      },
      {
        id: () => 'ratio-surveyjs',
        label: (s) => `Ratio to a minimal SurveyJS form (${s.surveyJsKB} KB, constant)`,
        measured: (s) =>
          `${s.ratioToSurveyJs.toFixed(2)} (×${(1 / s.ratioToSurveyJs).toFixed(1)} smaller)`,
        value: (s) => s.ratioToSurveyJs,
      },
    ],
  }),
  group({
    section: SIZES,
    items: (r) => r.sizes?.lazy,
    rows: [
      {
        id: (f) => `lazy:${f.file}`,
        label: (f) => `Lazy chunk ${f.file.replace(/^assets\//, '')}`,
        measured: (f) => kb(f.gzipKB),
        value: (f) => f.gzipKB,
      },
    ],
  }),
  lighthouseGroup(LIGHTHOUSE, (r) => r.lighthouse, ''),
  lighthouseGroup(LIGHTHOUSE_LOADED, (r) => r.lighthouseLoaded, 'loaded-'),
  group({
    section: FIRST_INPUT,
    items: (r) => single(r.firstInput),
    rows: [
      {
        id: () => 'first-input-floor',
        label: (f) =>
          `Floor: the same form as static HTML with no script, navigation → operable control, median of ${f.runs}`,
        measured: (f) => ms(f.floorMedianMs),
        value: (f) => f.floorMedianMs,
      },
      {
        id: () => 'first-input-app',
        label: (f) => `The app's #/, navigation → operable control, median of ${f.runs}`,
        measured: (f) => ms(f.appMedianMs),
        value: (f) => f.appMedianMs,
      },
      {
        id: () => 'first-input-ratio',
        label: () => 'First input, app ÷ floor',
        target: () => `≤ ${TARGETS.firstInputRatio} ×`,
        measured: (f) => (f.ratio === null ? 'n/a' : `${f.ratio.toFixed(2)} ×`),
        value: (f) => f.ratio,
        pass: (f) => f.ratio !== null && f.ratio <= TARGETS.firstInputRatio,
      },
      {
        id: () => 'first-input-hydrated',
        label: (f) =>
          `The app's #/, navigation → hydrated (choices reach the store), median of ${f.runs}`,
        measured: (f) => ms(f.hydratedMedianMs),
        value: (f) => f.hydratedMedianMs,
      },
    ],
  }),
  group<Last<NodeSize>>({
    section: NODE,
    items: (r) => r.nodeNational && withLast(r.nodeNational.sizes),
    rows: [
      {
        id: (s) => `node-aggregation-${s.municipalities}`,
        label: (s) =>
          `Aggregation again of the same responses (warm), ${s.municipalities} municipalities (${s.responses} responses), median of ${s.aggregation.samplesMs.length}`,
        target: (s) => lastTarget(s.isLast, under(TARGETS.aggregationMs)),
        measured: (s) =>
          `${msFine(s.aggregation.medianMs)} (${perMunicipality(s.aggregation.medianMs, s.municipalities)}; cold ${msFine(s.aggregation.coldMs)})`,
        value: (s) => s.aggregation.medianMs,
        pass: (s) => (s.isLast ? s.aggregation.medianMs < TARGETS.aggregationMs : null),
      },
      {
        id: (s) => `node-aggregation-after-import-${s.municipalities}`,
        label: (s) =>
          `First aggregation after an import (prepared file by file as they are read), ${s.municipalities} municipalities, median of 3`,
        target: (s) => lastTarget(s.isLast, under(TARGETS.aggregationMs)),
        measured: (s) =>
          `${msFine(s.aggregation.afterImportMs)} (${perMunicipality(s.aggregation.afterImportMs, s.municipalities)})`,
        value: (s) => s.aggregation.afterImportMs,
        pass: (s) => (s.isLast ? s.aggregation.afterImportMs < TARGETS.aggregationMs : null),
      },
      {
        id: (s) => `node-aggregation-untallied-${s.municipalities}`,
        label: (s) =>
          `First aggregation of responses never tallied (as after a reload), ${s.municipalities} municipalities, median of 3`,
        measured: (s) =>
          `${msFine(s.aggregation.freshMs)} (${perMunicipality(s.aggregation.freshMs, s.municipalities)})`,
        value: (s) => s.aggregation.freshMs,
      },
    ],
  }),
  group({
    section: NODE,
    items: (r) => growth(r.nodeNational?.sizes, (s) => s.aggregation.medianMs),
    rows: [growthRow('Aggregation')],
  }),
  group({
    section: NODE,
    items: (r) => r.nodeNational?.sizes,
    rows: [
      {
        id: (s) => `node-import-chain-${s.municipalities}`,
        label: (s) =>
          `Import chain alone (decode, parse, zod, prepare aggregation), ${s.municipalities} files`,
        measured: (s) => `${ms(s.importChain.ms)} (${s.importChain.msPerFile.toFixed(1)} ms/file)`,
        value: (s) => s.importChain.ms,
      },
    ],
  }),
  perLastBrowserSize([
    {
      id: (s) => `browser-import-${s.municipalities}`,
      label: (s) =>
        `Import ${s.municipalities} single files through the UI, ${s.timedOut ? `${s.runs} run(s)` : `median of ${s.completedRuns}`}`,
      target: (s) =>
        s.timedOut ? 'finishes' : lastTarget(s.isLast, `≤ ${TARGETS.importMs / 1000} s`),
      measured: (s) => {
        if (!s.timedOut) {
          const perFile =
            s.importPaintMs === null ? 'n/a' : Math.round(s.importPaintMs / s.municipalities);
          return `${ms(s.importPaintMs)} (${perFile} ms/file)`;
        }
        const rate = s.rates?.lastTenthMsPerFile;
        return (
          `> ${ms(s.timedOut.limitMs)}: ${s.timedOut.filesDone} of ${s.municipalities} files done` +
          (rate ? `, last files ${ms(rate)}/file` : '')
        );
      },
      value: (s) => (s.timedOut ? null : s.importPaintMs),
      pass: (s) =>
        s.timedOut
          ? false
          : s.isLast && s.importPaintMs !== null
            ? s.importPaintMs <= TARGETS.importMs
            : null,
    },
    {
      id: (s) => `browser-import-longtask-${s.municipalities}`,
      label: (s) =>
        `Longest main-thread task while importing ${s.municipalities} files, until the last is stored (Long Tasks API; the first render apart)`,
      target: (s) => lastTarget(s.isLast, `≤ ${TARGETS.importLongTaskMs} ms`),
      measured: (s) =>
        s.longestImportTaskMs === 0
          ? 'none over 50 ms'
          : `${ms(s.longestImportTaskMs)} (${s.importLongTasks ?? 'n/a'} over 50 ms; stored after ${ms(s.importSavedMs)})`,
      value: (s) => s.longestImportTaskMs,
      pass: (s) =>
        s.isLast && s.longestImportTaskMs !== null
          ? s.longestImportTaskMs <= TARGETS.importLongTaskMs
          : null,
      skip: (s) => s.longestImportTaskMs === null,
    },
    {
      id: (s) => `browser-import-first-render-${s.municipalities}`,
      label: (s) =>
        `First render after importing ${s.municipalities} files: hand-over to the store → paint after the summary`,
      measured: (s) => `${ms(s.handoverRenderMs)} (longest task ${ms(s.handoverRenderLongestMs)})`,
      value: (s) => s.handoverRenderMs,
      skip: (s) => s.handoverRenderMs === null,
    },
  ]),
  group({
    section: CHROMIUM,
    items: (r) => importGrowth(r.browserNational),
    rows: [growthRow('Import')],
  }),
  perLastBrowserSize([
    {
      id: (s) => `browser-aggregation-${s.municipalities}`,
      label: (s) =>
        `Aggregation in the app after the import (its User Timing measure), ${s.municipalities} municipalities${via(s)}`,
      target: (s) => lastTarget(s.isLast, under(TARGETS.aggregationMs)),
      measured: (s) => msFine(s.aggregationAfterImportMs),
      value: (s) => s.aggregationAfterImportMs,
      pass: (s) =>
        s.isLast && s.aggregationAfterImportMs !== null
          ? s.aggregationAfterImportMs < TARGETS.aggregationMs
          : null,
      skip: (s) => s.aggregationAfterImportMs === null,
    },
    {
      id: (s) => `browser-aggregation-reopen-${s.municipalities}`,
      label: (s) =>
        `Aggregation in the app after a reload (never tallied), ${s.municipalities} municipalities`,
      measured: (s) => msFine(s.aggregationAfterReopenMs),
      value: (s) => s.aggregationAfterReopenMs,
      skip: (s) => s.aggregationAfterImportMs === null || s.aggregationAfterReopenMs === null,
    },
  ]),
  perBrowserSize([
    {
      id: (s) => `browser-render-${s.municipalities}`,
      label: (s) =>
        `Dashboard render, ${s.municipalities} municipalities (heatmap ${s.municipalities + 1} rows), median of ${s.renderSamples}${via(s)}`,
      target: () => under(TARGETS.dashboardRenderMs),
      measured: (s) => ms(s.renderMs),
      value: (s) => s.renderMs,
      pass: (s) => (s.renderMs !== null ? s.renderMs < TARGETS.dashboardRenderMs : false),
    },
  ]),
  group({
    section: CHROMIUM,
    items: (r) => growth(r.browserNational, (s) => s.renderMs),
    rows: [growthRow('Render')],
  }),
  perLastBrowserSize([
    {
      id: (s) => `browser-reopen-${s.municipalities}`,
      label: (s) => `Reopen: reload to full heatmap, ${s.municipalities} municipalities`,
      target: (s) => lastTarget(s.isLast, `≤ ${TARGETS.reopenMs / 1000} s`),
      measured: (s) => ms(s.reopenMs),
      value: (s) => s.reopenMs,
      pass: (s) => (s.isLast && s.reopenMs !== null ? s.reopenMs <= TARGETS.reopenMs : null),
      skip: (s) => s.reopenMs === null,
    },
  ]),
  group({
    section: CHROMIUM,
    items: (r) => growth(r.browserNational, (s) => s.reopenMs),
    rows: [growthRow('Reopen')],
  }),
  group({
    section: ANSWERS,
    items: (r) => single(r.answers),
    rows: [
      answerTargetRow(
        'answer-ui-median',
        (a) => `Click → radio checked, after next paint: median of ${a.clicks} clicks`,
        (a) => a.uiMedianMs,
        (a) => a.notChecked,
      ),
      {
        id: () => 'answer-ui-p95',
        label: () => 'Click → radio checked, after next paint: p95',
        measured: (a) => msFine(a.uiP95Ms),
        value: (a) => a.uiP95Ms,
      },
      answerTargetRow(
        'answer-saved-median',
        (a) => `Click → answer in localStorage: median (p95 ${msFine(a.savedP95Ms)})`,
        (a) => a.savedMedianMs,
        (a) => a.notSaved,
      ),
      {
        id: () => 'answer-handled-median',
        label: (a) => `Click → handlers and commit done: median (p95 ${msFine(a.handledP95Ms)})`,
        measured: (a) => msFine(a.handledMedianMs),
        value: (a) => a.handledMedianMs,
      },
      {
        id: () => 'answer-floor',
        label: () => 'Floor: same probe on plain HTML radios (no app), median',
        measured: (a) => `${msFine(a.floor.medianMs)} (p95 ${msFine(a.floor.p95Ms)})`,
        value: (a) => a.floor.medianMs,
      },
      {
        id: () => 'answer-event-timing',
        label: () => 'Event Timing: radio clicks ≥ 16 ms from input to next paint',
        measured: (a) => {
          const e = a.eventTiming;
          const split =
            e.interactionsOver16ms > 0
              ? `; median delay/handlers/presentation ${Math.round(e.medianInputDelayMs ?? 0)}/` +
                `${Math.round(e.medianProcessingMs ?? 0)}/${Math.round(e.medianPresentationMs ?? 0)} ms`
              : '';
          return `${e.interactionsOver16ms} of ${a.clicks}${split}`;
        },
        value: (a) => a.eventTiming.interactionsOver16ms,
      },
    ],
  }),
];

export function buildRows(result: BenchResult): Row[] {
  return REPORT.flatMap((rows) => rows(result));
}

const verdict = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : 'FAIL');

/** A plain-text table, one block per section. */
export function formatTable(rows: readonly Row[]): string {
  const widths = { label: 10, target: 6, measured: 8 };
  for (const r of rows) {
    widths.label = Math.max(widths.label, r.label.length);
    widths.target = Math.max(widths.target, r.target.length);
    widths.measured = Math.max(widths.measured, r.measured.length);
  }
  const line = (a: string, b: string, c: string, d: string) =>
    `| ${a.padEnd(widths.label)} | ${b.padEnd(widths.target)} | ${c.padEnd(widths.measured)} | ${d.padEnd(4)} |`;
  const out = [
    line('Measure', 'Target', 'Measured', 'Pass'),
    line('-'.repeat(widths.label), '-'.repeat(widths.target), '-'.repeat(widths.measured), '----'),
  ];
  let section: string | null = null;
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(line(`**${section}**`, '', '', ''));
    }
    out.push(line(r.label, r.target, r.measured, verdict(r.pass)));
  }
  return out.join('\n');
}
