/**
 * The Node half of the national-scale bench, run by run.ts in a child process (for a heap of its
 * own and --expose-gc):
 *
 *   node --expose-gc --import tsx scripts/bench/national-node.ts --dir DIR --out FILE \
 *     [--sizes 7,50,357] [--runs 5]
 *
 * 1. Generates the synthetic data (synthetic-network.ts) and writes one results file per
 *    municipality into DIR/single, in the app's own export format (createResultsFile), and the
 *    same responses as "bundles" of BUNDLE_SIZE municipalities into DIR/bundles (under the
 *    import's 20 MB limit; the Chromium part falls back on them if importing 357 single files
 *    does not finish within its time limit). Nothing generated is kept in memory.
 * 2. For each size N, reads the first N files back through the import chain alone
 *    (importResultsFile on each file's bytes: decode, nesting check, JSON.parse, zod, then
 *    Aggregator.prepare as the app's import does), timed, for comparison with the browser's import.
 * 3. Times domain aggregation alone on exactly those imported responses, as the app holds them:
 *    one Aggregator over every response, then networkStats and networkOverall for every
 *    round present. One cold run, then at least `runs` warm runs back to back (more for the small
 *    sizes, see timeAggregation); the median is reported. Then, with warm code, the median of
 *    three first aggregations of new objects: just imported (tallied file by file, as in the
 *    app), and never tallied (as after a reload). The heap holds only that size's data.
 *
 * Writes the figures as JSON to FILE; progress goes to stderr.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAggregator } from '../../src/domain/scoring/aggregate';
import {
  aggregatesAt,
  networkOverall,
  networkStats,
  gatheringsPresent,
} from '../../src/domain/comparison/network-statistics';
import { DEFAULT_MAX_BYTES, importResultsFile } from '../../src/domain/files/import';
import { createResultsFile, serializeResultsFile, slug } from '../../src/domain/files/results-file';
import type { Questionnaire } from '../../src/domain/questionnaire/schema';
import type { Response } from '../../src/domain/core/types';
import {
  MUNICIPALITY_COUNT,
  municipalityResponses,
  syntheticMunicipalities,
} from './synthetic-network';
import { loadBundledQuestionnaire } from './questionnaire';
import { median } from './util';

/** Municipalities per bundle file: 40 × ~0.47 MB ≈ 18.9 MB, under the import's 20 MB limit. */
const BUNDLE_SIZE = 40;

interface GeneratedFile {
  number: string;
  path: string;
  bytes: number;
  responses: number;
}

/** One size's figures, as run.ts reads them from the --out file. */
export interface NodeSize {
  municipalities: number;
  responses: number;
  bytes: number;
  aggregation: ReturnType<typeof timeAggregation>;
  importChain: ReturnType<typeof importFiles>['timing'];
}

/** The --out file. */
export interface NodeNationalOutput {
  node: string;
  runs: number;
  generateMs: number;
  files: { number: string; path: string; bytes: number }[];
  bundles: string[];
  bundleSize: number;
  totalBytes: number;
  totalResponses: number;
  sizes: NodeSize[];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The median of samples that are never empty. */
const median2 = (values: readonly number[]) => round2(median(values) ?? Number.NaN);

function resultsFileText(q: Questionnaire, responses: readonly Response[]): string {
  return serializeResultsFile(
    createResultsFile(responses, {
      appVersion: 'bench',
      exportedAt: '2024-12-01T12:00:00.000Z',
      questionnaire: { id: q.id, version: q.version },
    }),
  );
}

/** Writes one file per municipality and, BUNDLE_SIZE municipalities at a time, the bundles. */
function generateFiles(q: Questionnaire, dir: string, count: number) {
  mkdirSync(join(dir, 'single'), { recursive: true });
  mkdirSync(join(dir, 'bundles'), { recursive: true });
  const files: GeneratedFile[] = [];
  const bundles: string[] = [];
  let pending: Response[] = [];
  const flushBundle = () => {
    const path = join(
      dir,
      'bundles',
      `naeringsspeilet-bundle-${String(bundles.length + 1).padStart(2, '0')}.json`,
    );
    const text = resultsFileText(q, pending);
    if (Buffer.byteLength(text) > DEFAULT_MAX_BYTES) {
      throw new Error(`${path} is over the import's size limit`);
    }
    writeFileSync(path, text);
    bundles.push(path);
    pending = [];
  };
  syntheticMunicipalities(count).forEach((m, i) => {
    const responses = municipalityResponses(q, m);
    const text = resultsFileText(q, responses);
    const path = join(dir, 'single', `naeringsspeilet-${slug(m.name)}-${m.number}.json`);
    writeFileSync(path, text);
    files.push({
      number: m.number,
      path,
      bytes: Buffer.byteLength(text),
      responses: responses.length,
    });
    pending.push(...responses);
    if ((i + 1) % BUNDLE_SIZE === 0) flushBundle();
  });
  if (pending.length > 0) flushBundle();
  return { files, bundles };
}

/** One aggregator for the whole run, as the app's store holds one for its whole life. */
const aggregator = createAggregator();

/** What the network screens compute: every aggregate, then the statistics of every round. */
function aggregateAll(q: Questionnaire, responses: readonly Response[]): number {
  const all = aggregator.aggregate(q, responses);
  for (const gathering of gatheringsPresent(all)) {
    const current = aggregatesAt(all, gathering);
    networkStats(q, current);
    networkOverall(current);
  }
  return all.length;
}

/**
 * One cold run, then warm runs back to back until there are at least `runs` of them and they
 * have taken MIN_SAMPLING_MS in all (at most MAX_RUNS): small sizes get many samples, so a burst
 * of load from other processes moves the median less. No forced GC between runs: measured here,
 * a forced full GC before each run made the next one several times slower, which is not what
 * the app sees; garbage collection during a run is part of its cost.
 */
const MIN_SAMPLING_MS = 3000;
const MAX_RUNS = 30;

function timeAggregation(
  q: Questionnaire,
  files: readonly GeneratedFile[],
  responses: readonly Response[],
  runs: number,
) {
  gc();
  let t = performance.now();
  const aggregates = aggregateAll(q, responses);
  const coldMs = performance.now() - t;
  const samples: number[] = [];
  let total = 0;
  while (samples.length < runs || (total < MIN_SAMPLING_MS && samples.length < MAX_RUNS)) {
    t = performance.now();
    aggregateAll(q, responses);
    const ms = performance.now() - t;
    samples.push(ms);
    total += ms;
  }
  // Warm code, new response objects. The warm runs above re-aggregate the same objects, whose
  // per-area tallies are cached by object (the Aggregator), so they mostly read that cache.
  // - After an import: the files are imported again, as the app imports them (each file's
  //   responses tallied as it is read, see importFiles), before the clock starts.
  // - Never tallied (copies made before the clock): what the app does after a reload, when the
  //   responses come back from IndexedDB.
  const afterImport: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    let imported: Response[] | null = importFiles(q, files).responses;
    t = performance.now();
    aggregateAll(q, imported);
    afterImport.push(performance.now() - t);
    imported = null;
    const copies = structuredClone(responses) as Response[];
    t = performance.now();
    aggregateAll(q, copies);
    fresh.push(performance.now() - t);
  }
  return {
    aggregates,
    coldMs: round2(coldMs),
    afterImportMs: median2(afterImport),
    freshMs: median2(fresh),
    medianMs: median2(samples),
    minMs: round2(Math.min(...samples)),
    samplesMs: samples.map(round2),
  };
}

/**
 * The import chain alone on each file's bytes (read before the clock starts), with each file's
 * responses tallied for aggregation as the app's import does.
 */
function importFiles(q: Questionnaire, files: readonly GeneratedFile[]) {
  const known = [q];
  const now = new Date().toISOString();
  const bytes = files.map((f) => new Uint8Array(readFileSync(f.path)));
  gc();
  const t = performance.now();
  const responses: Response[] = [];
  for (const b of bytes) {
    const result = importResultsFile(b, { knownQuestionnaires: known, now });
    if (!result.ok) {
      throw new Error(`import failed: ${result.error.code} ${result.error.detail ?? ''}`);
    }
    // As the app's import does (features/network/import-files.ts), file by file.
    aggregator.prepare(q, result.responses);
    responses.push(...result.responses);
  }
  const ms = performance.now() - t;
  return {
    responses,
    timing: { ms: round2(ms), responses: responses.length, msPerFile: round2(ms / files.length) },
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      out: { type: 'string' },
      sizes: { type: 'string', default: '7,50,357' },
      runs: { type: 'string', default: '5' },
    },
  });
  if (!values.dir || !values.out) throw new Error('--dir and --out are required');
  const sizes = values.sizes.split(',').map(Number);
  const runs = Math.max(1, Number(values.runs));
  const q = loadBundledQuestionnaire();
  const count = Math.max(MUNICIPALITY_COUNT, ...sizes);

  const t = performance.now();
  const { files, bundles } = generateFiles(q, values.dir, count);
  const generateMs = performance.now() - t;
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  const totalResponses = files.reduce((n, f) => n + f.responses, 0);
  process.stderr.write(
    `  generated ${files.length} files, ${totalResponses} responses, ` +
      `${(totalBytes / 1048576).toFixed(1)} MB in ${(generateMs / 1000).toFixed(1)} s\n`,
  );

  const results = sizes.map((n): NodeSize => {
    const subset = files.slice(0, n);
    const imported = importFiles(q, subset);
    const aggregation = timeAggregation(q, subset, imported.responses, runs);
    process.stderr.write(
      `  node ${n}: aggregation median ${aggregation.medianMs} ms (cold ${aggregation.coldMs}, after import ${aggregation.afterImportMs}, never tallied ${aggregation.freshMs}), ` +
        `import chain ${imported.timing.ms} ms\n`,
    );
    return {
      municipalities: n,
      responses: imported.responses.length,
      bytes: subset.reduce((s, f) => s + f.bytes, 0),
      aggregation,
      importChain: imported.timing,
    };
  });

  const output: NodeNationalOutput = {
    node: process.version,
    runs,
    generateMs: round2(generateMs),
    files: files.map((f) => ({ number: f.number, path: f.path, bytes: f.bytes })),
    bundles,
    bundleSize: BUNDLE_SIZE,
    totalBytes,
    totalResponses,
    sizes: results,
  };
  writeFileSync(values.out, JSON.stringify(output, null, 2));
}

main();
