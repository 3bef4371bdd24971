import type { ImportOptions, KnownQuestionnaire } from '../domain/files/import';
import { readResultsFile } from './read-results-file';
import {
  resultOf,
  type CheckedFile,
  type FileCheckReply,
  type FileCheckRequest,
} from './import-messages';

/**
 * Checks results files in Web Workers (import-file.worker.ts), so that reading, parsing and
 * validating national-scale imports never blocks the page: the page only receives each checked
 * file. Where workers are missing or fail to start (a test DOM, a strict browser setting), a file
 * is checked in the page instead (readResultsFile), with the same result.
 */

/** What the pool needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: FileCheckRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FileCheckReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface FileChecker {
  /**
   * Checks one file; resolves with what importResultsFile says of it (and, from a worker, the
   * text of its lists: import-messages.ts). Never rejects.
   */
  check(file: Blob, options: ImportOptions): Promise<CheckedFile>;
  /** Stops the workers; files still waiting are checked in the page. */
  close(): void;
}

/** Two workers on a two-core machine (the page waits for them most of the time), at most four. */
export function workerCount(cores: number | undefined): number {
  return Math.max(2, Math.min(4, (cores ?? 2) - 1));
}

const makeWorker = (): WorkerLike =>
  new Worker(new URL('./import-file.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

/** Only the ids of a questionnaire travel to a worker: all the import chain reads of it. */
function slim(options: ImportOptions): ImportOptions {
  const knownQuestionnaires: KnownQuestionnaire[] = options.knownQuestionnaires.map((q) => ({
    id: q.id,
    version: q.version,
    areas: q.areas.map((a) => ({ id: a.id })),
    statements: q.statements.map((s) => ({ id: s.id })),
  }));
  return { ...options, knownQuestionnaires };
}

interface Job {
  id: number;
  file: Blob;
  options: ImportOptions;
  resolve: (result: CheckedFile) => void;
}

/**
 * Files a worker holds at once. More than one, so that it reads the next file (the browser does
 * that outside the worker) while it checks this one, and never waits for the page to send more.
 */
export const FILES_PER_WORKER = 3;

/**
 * A pool of `count` workers made by `make` (by default real ones, where the browser has them).
 * Each worker holds up to FILES_PER_WORKER files; the others wait in order.
 */
export function createFileChecker(
  count: number = workerCount(globalThis.navigator?.hardwareConcurrency),
  make: (() => WorkerLike) | null = typeof Worker === 'undefined' ? null : makeWorker,
): FileChecker {
  const queue: Job[] = [];
  const workers: { worker: WorkerLike; held: Map<number, Job> }[] = [];
  let nextId = 0;
  let broken = make === null;
  let lastOptions: ImportOptions | null = null;
  let lastSlim: ImportOptions | null = null;

  const inPage = (job: Job) => void readResultsFile(job.file, job.options).then(job.resolve);

  /** Workers cannot be used: everything waiting or under way is checked in the page. */
  const fallBack = () => {
    broken = true;
    for (const { worker, held } of workers.splice(0)) {
      worker.terminate();
      for (const job of held.values()) inPage(job);
    }
    for (const job of queue.splice(0)) inPage(job);
  };

  /** Gives waiting files to the workers holding the fewest. */
  const pump = () => {
    while (!broken && queue.length > 0) {
      let least = workers[0];
      for (const w of workers) if (least === undefined || w.held.size < least.held.size) least = w;
      if (least === undefined || least.held.size >= FILES_PER_WORKER) return;
      const job = queue.shift()!;
      least.held.set(job.id, job);
      if (job.options !== lastOptions) {
        lastOptions = job.options;
        lastSlim = slim(job.options);
      }
      least.worker.postMessage({ id: job.id, file: job.file, options: lastSlim! });
    }
  };

  const start = (worker: WorkerLike) => {
    const held = new Map<number, Job>();
    worker.onmessage = (event) => {
      const job = held.get(event.data.id);
      if (job === undefined) return;
      held.delete(job.id);
      job.resolve(resultOf(event.data));
      pump();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    workers.push({ worker, held });
  };

  if (make !== null) {
    try {
      for (let i = 0; i < count; i += 1) start(make());
    } catch {
      fallBack();
    }
  }

  return {
    check(file, options) {
      return new Promise((resolve) => {
        const job = { id: nextId++, file, options, resolve };
        if (broken) inPage(job);
        else {
          queue.push(job);
          pump();
        }
      });
    },
    close: fallBack,
  };
}
