import { DEFAULT_MAX_BYTES, importResultsFile } from '../../domain/files/import';
import type { AppStore } from '../../store/app-store';
import type { ImportReport } from '../../store/network-slice';
import { networkAggregation } from '../../store/network-model';
import { latestQuestionnaire } from '../../lib/questionnaires';
import { selectKnownQuestionnaires } from '../../store/selectors';
import { readFileBytes } from '../../lib/read-file';

export type FileReport = ImportReport;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Checks files one at a time, then adds every good file in one step. Each file is checked as
 * a whole and either changes nothing (an error, reported for that file) or adds all it holds.
 * Progress goes to `onProgress`.
 */
export async function importFiles(
  files: readonly File[],
  store: AppStore,
  onProgress: (done: number, total: number) => void,
): Promise<FileReport[]> {
  // One moment for the whole import: a file dated more than a day after it is refused.
  const now = new Date().toISOString();
  const known = selectKnownQuestionnaires(store.getState());
  const latest = latestQuestionnaire(known);
  const { aggregator, align } = networkAggregation(store);
  const reports: (FileReport | null)[] = [];
  const good: {
    index: number;
    fileName: string;
    result: Extract<ReturnType<typeof importResultsFile>, { ok: true }>;
  }[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index, files.length);
    await nextFrame();
    // Refuse an oversized file before reading it into memory.
    if (file.size > DEFAULT_MAX_BYTES) {
      reports.push({ fileName: file.name, ok: false, error: { code: 'tooLarge' } });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file);
    } catch {
      reports.push({ fileName: file.name, ok: false, error: { code: 'notText' } });
      continue;
    }
    const result = importResultsFile(bytes, { knownQuestionnaires: known, now });
    if (!result.ok) {
      reports.push({ fileName: file.name, ok: false, error: result.error });
      continue;
    }
    // The network view compares on the latest questionnaire; aggregating this file's responses
    // for it now, between progress steps, spares the dashboard a long task after the import.
    // Responses to an older version are aligned first: the network view gets the same copies.
    aggregator.prepare(latest, align(latest, result.responses, known).responses);
    good.push({ index: reports.length, fileName: file.name, result });
    reports.push(null);
  }
  const counts = store.getState().addImports(
    good.map(({ fileName, result }) => ({
      source: { fileName, kind: 'file' as const },
      responses: result.responses,
      actions: result.actions,
      agreements: result.agreements,
    })),
  );
  good.forEach(({ index, fileName, result }, i) => {
    reports[index] = {
      fileName,
      ok: true,
      responses: result.responses.length,
      actions: result.actions.length,
      municipalities: [...new Set(result.responses.map((r) => r.municipality.name))].sort(),
      counts: counts[i]!,
    };
  });
  onProgress(files.length, files.length);
  return reports.filter((r): r is FileReport => r !== null);
}
