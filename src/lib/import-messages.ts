import type { ImportOptions, ImportResult } from '../domain/files/import';
import { checksumOf } from '../domain/core/hash';

/** The messages between the import's worker pool (import-workers.ts) and its workers. */

export interface FileCheckRequest {
  id: number;
  file: Blob;
  options: ImportOptions;
}

type Good = Extract<ImportResult, { ok: true }>;

/**
 * A worker's answer for one file. A good file's responses, actions and agreed answers travel as
 * JSON text: the page takes that in faster than a structured copy of thousands of small objects,
 * and the worker writes it faster too. The text is also what the file's saved record holds
 * (store/network-records.ts), so the worker sends its checksum along, and the page need not
 * write the text again to store it.
 */
export type FileCheckReply =
  | { id: number; result: Extract<ImportResult, { ok: false }> }
  | {
      id: number;
      file: Omit<Good['file'], 'responses' | 'actions' | 'agreements'>;
      lists: string;
      checksum: string;
    };

/**
 * A good file's lists as one JSON text of [responses, actions, agreements], its checksum
 * (checksumOf) and the lists the page read from it: what a source record holds
 * (store/network-records.ts, sourceRecord), made in the worker.
 */
export interface PackedEntries {
  entries: string;
  checksum: string;
  lists: readonly [readonly unknown[], readonly unknown[], readonly unknown[]];
}

/** A file's result in the page, with its lists' text when a worker sent it. */
export type CheckedFile = ImportResult & { packed?: PackedEntries };

/** In the worker: the reply that carries `result`. */
export function replyFor(id: number, result: ImportResult): FileCheckReply {
  if (!result.ok) return { id, result };
  const { responses, actions, agreements, ...file } = result.file;
  const lists = JSON.stringify([responses, actions, agreements]);
  return { id, file, lists, checksum: checksumOf(lists) };
}

/** In the page: the result a reply carries, as importResultsFile gave it in the worker. */
export function resultOf(reply: FileCheckReply): CheckedFile {
  if ('result' in reply) return reply.result;
  const lists = JSON.parse(reply.lists) as [Good['responses'], Good['actions'], Good['agreements']];
  const [responses, actions, agreements] = lists;
  return {
    ok: true,
    file: { ...reply.file, responses, actions, agreements },
    responses,
    actions,
    agreements,
    packed: { entries: reply.lists, checksum: reply.checksum, lists },
  };
}
