import {
  csvDialect,
  exportCsvText,
  exportFileName,
  exportJsonText,
  exportResponses,
  exportScores,
  type ExportKind,
  type ExportOptions,
} from '../../domain/files/exports';
import type { Locale, Response } from '../../domain/core/types';
import { downloadText } from '../../lib/download';
import { allQuestionnaires, latestQuestionnaire } from '../../lib/questionnaires';
import { alignVersions } from '../../domain/comparison/versions';

/**
 * Downloads the loaded responses as a spreadsheet-friendly table: one row per respondent ×
 * statement ("responses") or per municipality × gathering × area ("scores"). CSV follows the
 * active language: semicolons, a decimal comma and a BOM for Norwegian Excel in nb and nn.
 */
export function downloadTable(
  kind: ExportKind,
  format: 'csv' | 'json',
  responses: readonly Response[],
  locale: Locale,
  anonymise: ExportOptions['anonymise'],
  now = new Date(),
): void {
  const options: ExportOptions = anonymise ? { anonymise } : {};
  const table =
    kind === 'responses'
      ? exportResponses(allQuestionnaires(), responses, options)
      : exportScores(
          latestQuestionnaire(),
          alignVersions(latestQuestionnaire(), responses, allQuestionnaires()).responses,
          options,
        );
  const name = exportFileName({ kind, extension: format, date: now.toISOString() });
  if (format === 'csv') {
    downloadText(name, exportCsvText(table.rows, csvDialect(locale)), 'text/csv');
  } else {
    downloadText(
      name,
      exportJsonText<object>(
        kind,
        { columns: table.columns, records: table.records },
        {
          appVersion: __APP_VERSION__,
          exportedAt: now.toISOString(),
          anonymised: Boolean(anonymise),
        },
      ),
    );
  }
}
