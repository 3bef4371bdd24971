// Turns the bench's measurements into rows (target, measured, pass/fail) and prints them.
// A row with `pass: null` is information only.
import { round } from './util.mjs';

const kb = (x) => `${x.toFixed(1)} KB`;
const ms = (x) =>
  x === null || x === undefined
    ? 'n/a'
    : x >= 10_000
      ? `${(x / 1000).toFixed(1)} s`
      : `${Math.round(x)} ms`;
const msFine = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);

/** Growth exponent k in time ∝ size^k between two sizes: 1 is linear, 2 quadratic. */
export function growthExponent(sizeA, timeA, sizeB, timeB) {
  if (!timeA || !timeB || sizeA === sizeB) return null;
  return round(Math.log(timeB / timeA) / Math.log(sizeB / sizeA), 2);
}

/** Exponent at or below which growth from 50 to 357 municipalities counts as near-linear. */
export const NEAR_LINEAR_MAX_EXPONENT = 1.2;

function scalingRows(section, label, sizes, pick) {
  const rows = [];
  const points = sizes
    .map((s) => ({ n: s.municipalities, t: pick(s) }))
    .filter((p) => p.t !== null);
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    const k = growthExponent(a.n, a.t, b.n, b.t);
    const isLast = i === points.length - 1;
    rows.push({
      section,
      id: `${label}-growth-${a.n}-${b.n}`,
      label: `${label}: growth ${a.n} → ${b.n} (size ×${(b.n / a.n).toFixed(1)})`,
      target: isLast ? `exponent ≤ ${NEAR_LINEAR_MAX_EXPONENT}` : 'near-linear',
      measured: `time ×${(b.t / a.t).toFixed(1)}, exponent ${k ?? 'n/a'}`,
      pass: isLast && k !== null ? k <= NEAR_LINEAR_MAX_EXPONENT : null,
    });
  }
  return rows;
}

/**
 * Growth of the UI import between consecutive sizes. A size whose import hit its time limit
 * gives a lower bound: the time limit stands in for the unknown total.
 */
function importGrowthRows(section, sizes) {
  const rows = [];
  for (let i = 1; i < sizes.length; i += 1) {
    const a = sizes[i - 1];
    const b = sizes[i];
    if (a.importPaintMs === null) continue;
    const tb = b.timedOut ? b.timedOut.limitMs : b.importPaintMs;
    if (tb === null) continue;
    const k = growthExponent(a.municipalities, a.importPaintMs, b.municipalities, tb);
    const isLast = i === sizes.length - 1;
    const bound = b.timedOut ? '≥ ' : '';
    rows.push({
      section,
      id: `Import-growth-${a.municipalities}-${b.municipalities}`,
      label: `Import: growth ${a.municipalities} → ${b.municipalities} (size ×${(b.municipalities / a.municipalities).toFixed(1)})`,
      target: isLast ? `exponent ≤ ${NEAR_LINEAR_MAX_EXPONENT}` : 'near-linear',
      measured: `time ×${bound}${(tb / a.importPaintMs).toFixed(1)}, exponent ${bound}${k ?? 'n/a'}`,
      pass:
        isLast && k !== null
          ? b.timedOut
            ? k > NEAR_LINEAR_MAX_EXPONENT
              ? false
              : null
            : k <= NEAR_LINEAR_MAX_EXPONENT
          : null,
    });
  }
  return rows;
}

export function buildRows(result) {
  const rows = [];
  const { sizes, lighthouse, nodeNational, browserNational, answers } = result;

  if (sizes) {
    rows.push({
      section: 'Sizes',
      id: 'first-screen-kb',
      label: 'First screen JS + CSS, gzip',
      target: `≤ ${sizes.budgetKB} KB`,
      measured: kb(sizes.firstScreenKB),
      value: sizes.firstScreenKB,
      pass: sizes.pass,
    });
    rows.push({
      section: 'Sizes',
      id: 'ratio-surveyjs',
      label: `Ratio to a minimal SurveyJS form (${sizes.surveyJsKB} KB, constant)`,
      target: '',
      measured: `${sizes.ratioToSurveyJs.toFixed(2)} (×${(1 / sizes.ratioToSurveyJs).toFixed(1)} smaller)`,
      value: sizes.ratioToSurveyJs,
      pass: null,
    });
    for (const f of sizes.lazy) {
      rows.push({
        section: 'Sizes',
        id: `lazy:${f.file}`,
        label: `Lazy chunk ${f.file.replace(/^assets\//, '')}`,
        target: '',
        measured: kb(f.gzipKB),
        value: f.gzipKB,
        pass: null,
      });
    }
  }

  if (lighthouse) {
    for (const [id, t] of Object.entries(lighthouse.targets)) {
      const perRun = lighthouse.runs.map((r) => r.scores[id]).join(' / ');
      rows.push({
        section: 'Lighthouse (mobile)',
        id: `lighthouse-${id}`,
        label: `${id}, median of ${lighthouse.runs.length} (runs ${perRun})`,
        target: t.target === 100 ? '100' : `≥ ${t.target}`,
        measured: String(t.median),
        value: t.median,
        pass: t.pass,
      });
    }
  }

  if (nodeNational) {
    const last = nodeNational.sizes.at(-1);
    for (const s of nodeNational.sizes) {
      const isLast = s === last;
      rows.push({
        section: 'National scale, Node',
        id: `node-aggregation-${s.municipalities}`,
        label: `Aggregation again of the same responses (warm), ${s.municipalities} municipalities (${s.responses} responses), median of ${s.aggregation.samplesMs.length}`,
        target: isLast ? '< 200 ms' : '',
        measured:
          `${msFine(s.aggregation.medianMs)} (${(s.aggregation.medianMs / s.municipalities).toFixed(2)} ms/municipality; ` +
          `cold ${msFine(s.aggregation.coldMs)})`,
        value: s.aggregation.medianMs,
        pass: isLast ? s.aggregation.medianMs < 200 : null,
      });
      if (s.aggregation.afterImportMs !== undefined) {
        rows.push({
          section: 'National scale, Node',
          id: `node-aggregation-after-import-${s.municipalities}`,
          label: `First aggregation after an import (prepared file by file as they are read), ${s.municipalities} municipalities, median of 3`,
          target: isLast ? '< 200 ms' : '',
          measured: `${msFine(s.aggregation.afterImportMs)} (${(s.aggregation.afterImportMs / s.municipalities).toFixed(2)} ms/municipality)`,
          value: s.aggregation.afterImportMs,
          pass: isLast ? s.aggregation.afterImportMs < 200 : null,
        });
      }
      if (s.aggregation.freshMs !== undefined) {
        rows.push({
          section: 'National scale, Node',
          id: `node-aggregation-untallied-${s.municipalities}`,
          label: `First aggregation of responses never tallied (as after a reload), ${s.municipalities} municipalities, median of 3`,
          target: '',
          measured: `${msFine(s.aggregation.freshMs)} (${(s.aggregation.freshMs / s.municipalities).toFixed(2)} ms/municipality)`,
          value: s.aggregation.freshMs,
          pass: null,
        });
      }
    }
    rows.push(
      ...scalingRows(
        'National scale, Node',
        'Aggregation',
        nodeNational.sizes,
        (s) => s.aggregation.medianMs,
      ),
    );
    for (const s of nodeNational.sizes) {
      rows.push({
        section: 'National scale, Node',
        id: `node-import-chain-${s.municipalities}`,
        label: `Import chain alone (decode, parse, zod, prepare aggregation), ${s.municipalities} files`,
        target: '',
        measured: `${ms(s.importChain.ms)} (${s.importChain.msPerFile.toFixed(1)} ms/file)`,
        value: s.importChain.ms,
        pass: null,
      });
    }
  }

  if (browserNational) {
    const section = 'National scale, Chromium';
    for (const s of browserNational) {
      const rate = s.rates?.lastTenthMsPerFile;
      const measured = s.timedOut
        ? `> ${ms(s.timedOut.limitMs)}: ${s.timedOut.filesDone} of ${s.municipalities} files done` +
          (rate ? `, last files ${ms(rate)}/file` : '')
        : `${ms(s.importPaintMs)} (${Math.round(s.importPaintMs / s.municipalities)} ms/file)`;
      rows.push({
        section,
        id: `browser-import-${s.municipalities}`,
        label: `Import ${s.municipalities} single files through the UI, ${s.timedOut ? `${s.runs} run(s)` : `median of ${s.completedRuns}`}`,
        target: s.timedOut ? 'finishes' : '',
        measured,
        value: s.timedOut ? null : s.importPaintMs,
        pass: s.timedOut ? false : null,
      });
    }
    rows.push(...importGrowthRows(section, browserNational));
    const largest = browserNational.at(-1);
    for (const s of browserNational) {
      if (s.aggregationAfterImportMs === undefined || s.aggregationAfterImportMs === null) continue;
      const isLast = s === largest;
      const via = s.renderVia === 'single files' ? '' : `, after ${s.renderVia}`;
      rows.push({
        section,
        id: `browser-aggregation-${s.municipalities}`,
        label: `Aggregation in the app after the import (its User Timing measure), ${s.municipalities} municipalities${via}`,
        target: isLast ? '< 200 ms' : '',
        measured: msFine(s.aggregationAfterImportMs),
        value: s.aggregationAfterImportMs,
        pass: isLast ? s.aggregationAfterImportMs < 200 : null,
      });
      if (s.aggregationAfterReopenMs !== null) {
        rows.push({
          section,
          id: `browser-aggregation-reopen-${s.municipalities}`,
          label: `Aggregation in the app after a reload (never tallied), ${s.municipalities} municipalities`,
          target: '',
          measured: msFine(s.aggregationAfterReopenMs),
          value: s.aggregationAfterReopenMs,
          pass: null,
        });
      }
    }
    for (const s of browserNational) {
      const via = s.renderVia === 'single files' ? '' : `, after ${s.renderVia}`;
      rows.push({
        section,
        id: `browser-render-${s.municipalities}`,
        label: `Dashboard render, ${s.municipalities} municipalities (heatmap ${s.municipalities + 1} rows), median of ${s.renderSamples}${via}`,
        target: '< 1 s',
        measured: ms(s.renderMs),
        value: s.renderMs,
        pass: s.renderMs !== null ? s.renderMs < 1000 : false,
      });
    }
    rows.push(...scalingRows(section, 'Render', browserNational, (s) => s.renderMs));
    for (const s of browserNational) {
      if (s.reopenMs === null) continue;
      rows.push({
        section,
        id: `browser-reopen-${s.municipalities}`,
        label: `Reopen: reload to full heatmap, ${s.municipalities} municipalities`,
        target: '',
        measured: ms(s.reopenMs),
        value: s.reopenMs,
        pass: null,
      });
    }
  }

  if (answers) {
    rows.push({
      section: 'Answer latency',
      id: 'answer-ui-median',
      label: `Click → radio checked, after next paint: median of ${answers.clicks} clicks`,
      target: '≤ 16 ms',
      measured: msFine(answers.uiMedianMs),
      value: answers.uiMedianMs,
      pass: answers.uiMedianMs !== null && answers.uiMedianMs <= 16 && answers.notChecked === 0,
    });
    rows.push({
      section: 'Answer latency',
      id: 'answer-ui-p95',
      label: 'Click → radio checked, after next paint: p95',
      target: '',
      measured: msFine(answers.uiP95Ms),
      value: answers.uiP95Ms,
      pass: null,
    });
    rows.push({
      section: 'Answer latency',
      id: 'answer-saved-median',
      label: `Click → answer in localStorage: median (p95 ${msFine(answers.savedP95Ms)})`,
      target: '≤ 16 ms',
      measured: msFine(answers.savedMedianMs),
      value: answers.savedMedianMs,
      pass: answers.savedMedianMs !== null && answers.savedMedianMs <= 16 && answers.notSaved === 0,
    });
    rows.push({
      section: 'Answer latency',
      id: 'answer-handled-median',
      label: `Click → handlers and commit done: median (p95 ${msFine(answers.handledP95Ms)})`,
      target: '',
      measured: msFine(answers.handledMedianMs),
      value: answers.handledMedianMs,
      pass: null,
    });
    rows.push({
      section: 'Answer latency',
      id: 'answer-floor',
      label: 'Floor: same probe on plain HTML radios (no app), median',
      target: '',
      measured: `${msFine(answers.floor.medianMs)} (p95 ${msFine(answers.floor.p95Ms)})`,
      value: answers.floor.medianMs,
      pass: null,
    });
    rows.push({
      section: 'Answer latency',
      id: 'answer-event-timing',
      label: 'Event Timing: radio clicks ≥ 16 ms from input to next paint',
      target: '',
      measured:
        `${answers.eventTiming.interactionsOver16ms} of ${answers.clicks}` +
        (answers.eventTiming.interactionsOver16ms > 0
          ? `; median delay/handlers/presentation ${Math.round(answers.eventTiming.medianInputDelayMs)}/` +
            `${Math.round(answers.eventTiming.medianProcessingMs)}/${Math.round(answers.eventTiming.medianPresentationMs)} ms`
          : ''),
      value: answers.eventTiming.interactionsOver16ms,
      pass: null,
    });
  }
  return rows;
}

const verdict = (pass) => (pass === null ? 'info' : pass ? 'PASS' : 'FAIL');

/** A plain-text table, one block per section. */
export function formatTable(rows) {
  const widths = { label: 10, target: 6, measured: 8 };
  for (const r of rows) {
    widths.label = Math.max(widths.label, r.label.length);
    widths.target = Math.max(widths.target, r.target.length);
    widths.measured = Math.max(widths.measured, r.measured.length);
  }
  const line = (a, b, c, d) =>
    `| ${a.padEnd(widths.label)} | ${b.padEnd(widths.target)} | ${c.padEnd(widths.measured)} | ${d.padEnd(4)} |`;
  const out = [
    line('Measure', 'Target', 'Measured', 'Pass'),
    line('-'.repeat(widths.label), '-'.repeat(widths.target), '-'.repeat(widths.measured), '----'),
  ];
  let section = null;
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(line(`**${section}**`, '', '', ''));
    }
    out.push(line(r.label, r.target, r.measured, verdict(r.pass)));
  }
  return out.join('\n');
}
