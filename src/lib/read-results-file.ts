import {
  DEFAULT_MAX_BYTES,
  importResultsFile,
  type ImportOptions,
  type ImportResult,
} from '../domain/files/import';
import { readFileBytes } from './read-file';

/**
 * Reads a results file and runs the import chain on its bytes (importResultsFile). A file over
 * the size limit is refused before it is read into memory. Never throws. The import's workers
 * run this (import-file.worker.ts), and the page itself where there are none. A module of its
 * own: the import chain must not come with read-file.ts, which the start screen uses.
 */
export async function readResultsFile(file: Blob, options: ImportOptions): Promise<ImportResult> {
  if (file.size > DEFAULT_MAX_BYTES) {
    return { ok: false, error: { code: 'tooLarge' } };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch {
    return { ok: false, error: { code: 'notText' } };
  }
  return importResultsFile(bytes, options);
}
