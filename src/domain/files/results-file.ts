import type { Action, AgreedResponse, QuestionnaireRef, Response } from '../core/types';
import {
  compareGatherings,
  gatheringOf,
  gatheringOfRecord,
  periodOf,
  periodOfRecord,
} from '../core/gatherings';
import type { ResultsFile } from './results-file-schema';

export const RESULTS_FORMAT = 'naeringsspeilet-results';
/** 2: every gathering names its period (migrations.ts has the step from 1). */
export const RESULTS_FORMAT_VERSION = 2;

/** A copy of a JSON value with every object's keys sorted, so the same data gives the same text. */
export function sortKeys(value: unknown): unknown {
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

/** The action with its period and its follow-ups' periods written out (core/gatherings.ts). */
function withPeriods(a: Action): Action {
  return {
    ...a,
    period: periodOfRecord(a, a.createdAt),
    followUps: a.followUps.map((f) => ({ ...f, period: periodOfRecord(f, f.date) })),
  };
}

/**
 * Builds a results file. Output is deterministic for the same input: responses sorted by
 * municipality, gathering (period, round) and id, and answer maps with sorted keys. Every
 * gathering's period is written out, also where the record leaves it to its date.
 */
export function createResultsFile(
  responses: readonly Response[],
  meta: { appVersion: string; exportedAt: string; questionnaire: QuestionnaireRef },
  actions: readonly Action[] = [],
  agreements: readonly AgreedResponse[] = [],
): ResultsFile {
  const sorted = [...responses]
    .sort(
      (a, b) =>
        a.municipality.number.localeCompare(b.municipality.number) ||
        compareGatherings(gatheringOf(a), gatheringOf(b)) ||
        a.id.localeCompare(b.id),
    )
    .map((r) => ({
      ...r,
      gathering: {
        period: periodOf(r.gathering),
        round: r.gathering.round,
        date: r.gathering.date,
      },
      answers: sortKeys(r.answers) as Response['answers'],
      importance: sortKeys(r.importance) as Response['importance'],
    }));
  const file: ResultsFile = {
    format: RESULTS_FORMAT,
    formatVersion: RESULTS_FORMAT_VERSION,
    app: { name: 'naeringsspeilet', version: meta.appVersion },
    exportedAt: meta.exportedAt,
    questionnaire: meta.questionnaire,
    responses: sorted,
    actions: actions
      .map(withPeriods)
      .sort(
        (a, b) =>
          a.municipality.number.localeCompare(b.municipality.number) ||
          compareGatherings(gatheringOfRecord(a, a.createdAt), gatheringOfRecord(b, b.createdAt)) ||
          a.id.localeCompare(b.id),
      ),
  };
  if (agreements.length > 0) {
    file.agreements = agreements
      .map((a) => ({
        ...a,
        period: periodOfRecord(a, a.updatedAt),
        agreed: sortKeys(a.agreed) as AgreedResponse['agreed'],
      }))
      .sort(
        (a, b) =>
          a.municipality.number.localeCompare(b.municipality.number) ||
          compareGatherings(gatheringOfRecord(a, a.updatedAt), gatheringOfRecord(b, b.updatedAt)) ||
          a.id.localeCompare(b.id),
      );
  }
  return file;
}

export function serializeResultsFile(file: ResultsFile): string {
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
