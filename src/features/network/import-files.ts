import { importResultsFile } from '../../domain/files/import';
import type { AppStore } from '../../store/app-store';
import type { ImportReport } from '../../store/network-slice';
import { BUNDLED_QUESTIONNAIRES } from '../../lib/questionnaires';
import { readFileBytes } from '../../lib/read-file';

export type FileReport = ImportReport;

export const KNOWN_QUESTIONNAIRES = BUNDLED_QUESTIONNAIRES.map((q) => ({
  id: q.id,
  version: q.version,
}));

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Imports files one at a time. Each file is checked as a whole and either changes nothing
 * (an error, reported for that file) or adds all it holds. Progress goes to `onProgress`.
 */
export async function importFiles(
  files: readonly File[],
  store: AppStore,
  onProgress: (done: number, total: number) => void,
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index, files.length);
    await nextFrame();
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file);
    } catch {
      reports.push({ fileName: file.name, ok: false, error: { code: 'notText' } });
      continue;
    }
    const result = importResultsFile(bytes, { knownQuestionnaires: KNOWN_QUESTIONNAIRES });
    if (!result.ok) {
      reports.push({ fileName: file.name, ok: false, error: result.error });
      continue;
    }
    const counts = store
      .getState()
      .addImport(
        { fileName: file.name, kind: 'file' },
        result.responses,
        result.actions,
        result.agreements,
      );
    reports.push({
      fileName: file.name,
      ok: true,
      responses: result.responses.length,
      actions: result.actions.length,
      municipalities: [...new Set(result.responses.map((r) => r.municipality.name))].sort(),
      counts,
    });
  }
  onProgress(files.length, files.length);
  return reports;
}
