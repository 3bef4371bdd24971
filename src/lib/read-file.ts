import {
  DEFAULT_MAX_BYTES,
  importResultsFile,
  type ImportOptions,
  type ImportResult,
} from '../domain/files/import';

/** Reads a user-chosen file as bytes. Decoding and checks happen in the domain's import chain. */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Reads a results file and runs the import chain on its bytes (importResultsFile). A file over
 * the size limit is refused before it is read into memory. Never throws. The import's workers
 * run this (import-file.worker.ts), and the page itself where there are none.
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
