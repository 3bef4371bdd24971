import type { ImportOptions, ImportResult } from '../../domain/files/import';
import type { LinkDecodeResult } from '../../domain/files/result-link-read';
import type { FoundLink } from '../../domain/files/link-text';
import { readResultBytes, readResultPayload } from '../../lib/result-link-read';
import type { AppStore } from '../../store/app-store';
import type { ImportReport } from '../../store/network-slice';
import { addImportsToNetwork, networkAggregation } from '../../store/network-model';
import { latestQuestionnaire } from '../../lib/questionnaires';
import { selectKnownQuestionnaires } from '../../store/selectors';
import { createFileChecker } from '../../lib/import-workers';
import type { PackedEntries } from '../../lib/import-messages';
import { unsavedEntries } from '../../store/network-records';

export type FileReport = ImportReport;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long the import works on the page's main thread before it lets the page paint. */
const SLICE_MS = 12;
/** Sources checked ahead of the one being added (in workers, for files). */
const AHEAD = 12;
/**
 * How often the progress moves at most. Each move costs the page a frame (style, layout, paint)
 * and a screen reader an update; at one per file, a national import spent more of the main
 * thread drawing its progress bar than reading its files.
 */
const PROGRESS_MS = 100;

/** One thing to import: a file, a pasted link or a scanned result, checked when its turn comes. */
export interface ImportSource {
  /** What the report names it by: the file's name, or "Link 2 (line 14)". */
  fileName: string;
  /** Its result; a file checked in a worker also brings its lists' text (import-messages.ts). */
  check: (options: ImportOptions) => Promise<LinkDecodeResult & { packed?: PackedEntries }>;
}

/**
 * Checks sources (files, links, scans), a few ahead of the one being taken in (files in Web
 * Workers, see lib/import-workers.ts), then adds every good one in one step. Each is checked as
 * a whole and either changes nothing (an error, reported for it) or adds all it holds. Progress
 * goes to `onProgress`, at most every PROGRESS_MS, and at the end. The page's own share of the
 * work is done in slices of SLICE_MS, so it stays responsive and the progress bar moves.
 */
export async function importSources(
  sources: readonly ImportSource[],
  store: AppStore,
  onProgress: (done: number, total: number) => void,
): Promise<FileReport[]> {
  // One moment for the whole import: a file dated more than a day after it is refused.
  const now = new Date().toISOString();
  const known = selectKnownQuestionnaires(store.getState());
  const latest = latestQuestionnaire(known);
  const { aggregator, align } = networkAggregation(store);
  const options: ImportOptions = { knownQuestionnaires: known, now };
  const reports: (FileReport | null)[] = [];
  const good: {
    index: number;
    fileName: string;
    result: Extract<ImportResult, { ok: true }> & { packed?: PackedEntries };
  }[] = [];
  const checks: ReturnType<ImportSource['check']>[] = [];
  const startUpTo = (end: number) => {
    for (let i = checks.length; i < Math.min(end, sources.length); i += 1)
      checks.push(sources[i]!.check(options));
  };
  let sliceStart = performance.now();
  let shownAt = -Infinity;
  for (const [index, source] of sources.entries()) {
    if (performance.now() - shownAt >= PROGRESS_MS) {
      onProgress(index, sources.length);
      shownAt = performance.now();
    }
    startUpTo(index + AHEAD);
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
    const result = await checks[index]!;
    if (!result.ok) {
      reports.push({ fileName: source.fileName, ok: false, error: result.error });
      continue;
    }
    // The network view compares on the latest questionnaire; aggregating this file's responses
    // for it now, between progress steps, spares the dashboard a long task after the import.
    // Responses to an older version are aligned first: the network view gets the same copies.
    aggregator.prepare(latest, align(latest, result.responses, known).responses);
    good.push({ index: reports.length, fileName: source.fileName, result });
    reports.push(null);
  }
  const counts = addImportsToNetwork(
    store,
    good.map(({ fileName, result }) => ({
      source: { fileName, kind: 'file' as const },
      responses: result.responses,
      actions: result.actions,
      agreements: result.agreements,
    })),
  );
  // addImports appends a source per file, in order. A worker's text of a file's lists is what
  // its saved record holds: the first save takes it (network-records.ts, sourceRecord).
  const held = store.getState().network.sources;
  const unsaved = store.own(unsavedEntries);
  good.forEach(({ index, fileName, result }, i) => {
    const source = held[held.length - good.length + i];
    if (result.packed !== undefined && source !== undefined) unsaved.set(source, result.packed);
    reports[index] = {
      fileName,
      ok: true,
      responses: result.responses.length,
      actions: result.actions.length,
      municipalities: [...new Set(result.responses.map((r) => r.municipality.name))].sort(),
      counts: counts[i]!,
    };
  });
  onProgress(sources.length, sources.length);
  return reports.filter((r): r is FileReport => r !== null);
}

/**
 * Asks the browser for each file's size, a slice of SLICE_MS at a time. The first time the page
 * hands a file the user picked to a worker, the browser looks up its size and date with a call
 * the page waits for; while the workers are reading files, one such call was seen to hold the
 * page for 70 ms. Asked before they start it is quick (about 0.15 ms a file), and the browser
 * keeps the answer for the hand-over.
 */
async function lookUpFiles(files: readonly File[]): Promise<number> {
  let bytes = 0;
  let sliceStart = performance.now();
  for (const file of files) {
    bytes += file.size;
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  return bytes;
}

/** Files, each read and checked by the import chain in a Web Worker (see importSources). */
export async function importFiles(
  files: readonly File[],
  store: AppStore,
  onProgress: (done: number, total: number) => void,
): Promise<FileReport[]> {
  const checker = createFileChecker();
  try {
    // While the workers load.
    await lookUpFiles(files);
    const sources = files.map((file): ImportSource => ({
      fileName: file.name,
      check: (options) => checker.check(file, options),
    }));
    return await importSources(sources, store, onProgress);
  } finally {
    checker.close();
  }
}

/**
 * A link found in pasted text: its payload, then each shorter reading where it ran over a line
 * end (link-text.ts), until one passes its checksum. The first reading's verdict stands when
 * none does.
 */
export function linkSource(link: FoundLink, fileName: string): ImportSource {
  return {
    fileName,
    async check(options) {
      const first = await readResultPayload(link.payload, options);
      if (first.ok || !('link' in first)) return first;
      for (const alternative of link.alternatives) {
        const result = await readResultPayload(alternative, options);
        if (result.ok || !('link' in result)) return result;
      }
      return first;
    },
  };
}

/** A result read from QR codes. */
export function scanSource(bytes: Uint8Array, fileName: string): ImportSource {
  return { fileName, check: (options) => readResultBytes(bytes, options) };
}
