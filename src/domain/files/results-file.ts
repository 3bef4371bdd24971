import type { Action, AgreedResponse, QuestionnaireRef, Response } from '../core/types';
import type { ResultsFileV1 } from './results-file-schema';

export const RESULTS_FORMAT = 'naeringsspeilet-results';
export const RESULTS_FORMAT_VERSION = 1;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Builds a results file. Output is deterministic for the same input: responses sorted by
 * municipality, gathering and id, and answer maps with sorted keys.
 */
export function createResultsFile(
  responses: readonly Response[],
  meta: { appVersion: string; exportedAt: string; questionnaire: QuestionnaireRef },
  actions: readonly Action[] = [],
  agreements: readonly AgreedResponse[] = [],
): ResultsFileV1 {
  const sorted = [...responses]
    .sort(
      (a, b) =>
        a.municipality.number.localeCompare(b.municipality.number) ||
        a.gathering.round - b.gathering.round ||
        a.id.localeCompare(b.id),
    )
    .map((r) => ({
      ...r,
      answers: sortKeys(r.answers) as Response['answers'],
      importance: sortKeys(r.importance) as Response['importance'],
    }));
  const file: ResultsFileV1 = {
    format: RESULTS_FORMAT,
    formatVersion: RESULTS_FORMAT_VERSION,
    app: { name: 'naeringsspeilet', version: meta.appVersion },
    exportedAt: meta.exportedAt,
    questionnaire: meta.questionnaire,
    responses: sorted,
    actions: [...actions].sort(
      (a, b) =>
        a.municipality.number.localeCompare(b.municipality.number) ||
        a.round - b.round ||
        a.id.localeCompare(b.id),
    ),
  };
  if (agreements.length > 0) {
    file.agreements = [...agreements]
      .sort(
        (a, b) =>
          a.municipality.number.localeCompare(b.municipality.number) ||
          a.round - b.round ||
          a.id.localeCompare(b.id),
      )
      .map((a) => ({ ...a, agreed: sortKeys(a.agreed) as AgreedResponse['agreed'] }));
  }
  return file;
}

export function serializeResultsFile(file: ResultsFileV1): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "Tingvoll" -> "tingvoll", "Ålesund" -> "aalesund". */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** naeringsspeilet-haram-samling-2-2024-05-03.json */
export function resultsFileName(parts: {
  municipality?: string;
  round?: number;
  date: string;
}): string {
  const segments = ['naeringsspeilet'];
  if (parts.municipality) segments.push(slug(parts.municipality));
  if (parts.round !== undefined) segments.push(`samling-${parts.round}`);
  segments.push(parts.date.slice(0, 10));
  return `${segments.join('-')}.json`;
}
