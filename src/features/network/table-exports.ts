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
import { latestQuestionnaire } from '../../lib/questionnaires';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { alignVersions } from '../../domain/comparison/versions';

/**
 * Downloads the loaded responses as a spreadsheet-friendly table: one row per respondent ×
 * statement ("responses") or per municipality × gathering × area ("scores"). CSV follows the
 * active language: semicolons, a decimal comma and a BOM for Norwegian Excel in nb and nn.
 * `known` are the questionnaires the app knows (the store's selectKnownQuestionnaires).
 */
export function downloadTable(
  kind: ExportKind,
  format: 'csv' | 'json',
  responses: readonly Response[],
  known: readonly Questionnaire[],
  locale: Locale,
  anonymise: ExportOptions['anonymise'],
  now = new Date(),
): void {
  const options: ExportOptions = anonymise ? { anonymise } : {};
  const table =
    kind === 'responses'
      ? exportResponses(known, responses, options)
      : exportScores(
          latestQuestionnaire(known),
          alignVersions(latestQuestionnaire(known), responses, known).responses,
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
