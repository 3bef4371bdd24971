import type { ImportOptions, ImportResult } from '../domain/files/import';

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
 * and the worker writes it faster too.
 */
export type FileCheckReply =
  | { id: number; result: Extract<ImportResult, { ok: false }> }
  | {
      id: number;
      file: Omit<Good['file'], 'responses' | 'actions' | 'agreements'>;
      lists: string;
    };

/** In the worker: the reply that carries `result`. */
export function replyFor(id: number, result: ImportResult): FileCheckReply {
  if (!result.ok) return { id, result };
  const { responses, actions, agreements, ...file } = result.file;
  return { id, file, lists: JSON.stringify([responses, actions, agreements]) };
}

/** In the page: the result a reply carries, as importResultsFile gave it in the worker. */
export function resultOf(reply: FileCheckReply): ImportResult {
  if ('result' in reply) return reply.result;
  const [responses, actions, agreements] = JSON.parse(reply.lists) as [
    Good['responses'],
    Good['actions'],
    Good['agreements'],
  ];
  return {
    ok: true,
    file: { ...reply.file, responses, actions, agreements },
    responses,
    actions,
    agreements,
  };
}
