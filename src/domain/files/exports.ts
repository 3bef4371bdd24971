import { compareGatherings, gatheringOf, periodOf } from '../core/gatherings';
import { aggregateResponses } from '../scoring/aggregate';
import { statementsForRole } from '../questionnaire/model';
import type { Questionnaire } from '../questionnaire/schema';
import {
  ROLES,
  isLevel,
  type AnswerValue,
  type GatheringRound,
  type Level,
  type Locale,
  type Response,
  type Role,
} from '../core/types';
import { writeCsv, type CsvCell, type CsvSeparator, type DecimalMark } from './csv';
import { slug } from './results-file';
import { uniqueResponses } from '../scoring/counted';
import { compareText } from '../core/records';

/**
 * The two table exports (issue 5): responses (one row per respondent × statement) and scores
 * (municipality × gathering × area). Pure.
 *
 * Each export comes as JSON-ready records (keys are the column ids, numbers are numbers, empty
 * is null) and as rows for CSV: a header row of the column ids, then one row per record, in the
 * same order. The column ids are stable, technical English; the UI may relabel the header.
 * A CSV row cell is a string or a number, not only a string, so that writeCsv can tell the
 * numbers we format (never guarded against formulas) from text (always guarded).
 *
 * Rounding: scores (0–100), their sd, min and max and the per-role means to 1 decimal;
 * importance (1–5) to 1 decimal; coverage (a share, 0–1) to 2 decimals. JSON and CSV carry
 * the same rounded numbers.
 *
 * Anonymising: pass `anonymise.letters` (from anonymiseNames; the caller builds it) and
 * `anonymise.label`, the translated name for a letter (the UI's "Kommune A"). A municipality in
 * the map gets the name `label(letter)` and an empty municipality number; its response ids, respondent ids and
 * initials are blanked, and so are its comments: free text may name the municipality or a
 * person, which no code can reliably catch. Anonymised municipalities are sorted by letter
 * after the named ones, so the row order does not give the kommunenummer away.
 */

export interface AnonymiseOption {
  /** Kommunenummer → letter, from anonymiseNames. Municipalities not in the map stay named. */
  letters: ReadonlyMap<string, string>;
  /** The name shown for a letter, translated by the caller (the domain holds no UI text). */
  label: (letter: string) => string;
}

export interface ExportOptions {
  anonymise?: AnonymiseOption;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Rounds half away from zero to `digits` decimals, without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, digits: number): number {
  const text = String(Math.abs(value));
  const scaled = text.includes('e')
    ? Math.round(Math.abs(value) * 10 ** digits)
    : Math.round(Number(`${text}e${digits}`));
  const rounded = Number(`${scaled}e-${digits}`);
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

const round1 = (v: number | null): number | null => (v === null ? null : roundTo(v, 1));
const round2 = (v: number | null): number | null => (v === null ? null : roundTo(v, 2));

/** Letters in anonymiseNames order: A … Z, AA, AB, … (shorter first). */
function compareLetters(a: string, b: string): number {
  return a.length - b.length || compareText(a, b);
}

interface ShownMunicipality {
  number: string;
  name: string;
  anonymised: boolean;
  /** Sort key: named municipalities by number, then anonymised ones by letter. */
  sortKey: string;
  letter: string;
}

function shownMunicipality(
  municipality: { number: string; name: string },
  options: ExportOptions,
): ShownMunicipality {
  const { anonymise } = options;
  const letter = anonymise?.letters.get(municipality.number);
  if (anonymise === undefined || letter === undefined) {
    return { ...municipality, anonymised: false, sortKey: municipality.number, letter: '' };
  }
  return { number: '', name: anonymise.label(letter), anonymised: true, sortKey: '', letter };
}

function compareShown(a: ShownMunicipality, b: ShownMunicipality): number {
  if (a.anonymised !== b.anonymised) return a.anonymised ? 1 : -1;
  return a.anonymised ? compareLetters(a.letter, b.letter) : compareText(a.sortKey, b.sortKey);
}

type JsonCell = string | number | boolean | null;

function toCsvCell(value: JsonCell): CsvCell {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** A header row of the column ids, then one row per record. */
export function recordsToRows<C extends string>(
  columns: readonly C[],
  records: readonly Readonly<Record<C, JsonCell>>[],
): CsvCell[][] {
  return [[...columns], ...records.map((r) => columns.map((c) => toCsvCell(r[c])))];
}

export interface ExportTable<C extends string, R extends Record<C, JsonCell>> {
  columns: readonly C[];
  /** JSON-ready: one object per row, keys are the column ids. */
  records: R[];
  /** For CSV: the header row of column ids, then one row per record. */
  rows: CsvCell[][];
}

// ---------------------------------------------------------------------------------------------
// Responses: one row per respondent × statement

export const RESPONSE_COLUMNS = [
  'municipality_number',
  'municipality_name',
  'gathering_period',
  'gathering_round',
  'gathering_date',
  'response_id',
  'respondent_id',
  'role',
  'initials',
  'questionnaire_id',
  'questionnaire_version',
  'area_id',
  'statement_id',
  'answer',
  'level',
  'comment',
  'answer_updated_at',
  'demo',
] as const;
export type ResponseColumn = (typeof RESPONSE_COLUMNS)[number];

/** An answer as exported: the level 1–5, dont_know, not_relevant, or null for no answer. */
export type ExportedAnswer = Level | 'dont_know' | 'not_relevant';

export interface ResponseRecord {
  municipality_number: string;
  municipality_name: string;
  /** The gathering's period (core/gatherings.ts): always written, so years never merge. */
  gathering_period: string;
  gathering_round: GatheringRound;
  gathering_date: string;
  response_id: string;
  respondent_id: string;
  role: Role;
  initials: string;
  questionnaire_id: string;
  questionnaire_version: number;
  area_id: string;
  statement_id: string;
  answer: ExportedAnswer | null;
  level: Level | null;
  comment: string;
  /** ISO timestamp of the answer's last change; empty when the statement has no answer. */
  answer_updated_at: string;
  demo: boolean;
}

function exportedAnswer(value: AnswerValue | undefined): ExportedAnswer | null {
  if (value === 'dontKnow') return 'dont_know';
  if (value === 'notRelevant') return 'not_relevant';
  return isLevel(value) ? value : null;
}

export interface ResponsesExport extends ExportTable<ResponseColumn, ResponseRecord> {
  /** Responses left out because none of the given questionnaires is theirs (id and version). */
  skipped: number;
}

/**
 * One record per respondent × statement: for each response, every statement of its own
 * questionnaire version that applies to the respondent's role, in questionnaire order, answered
 * or not. Answers to statements that do not apply (or do not exist) are left out. A response id
 * that occurs more than once counts once, the newer edit winning (uniqueResponses).
 *
 * Order: named municipalities by number, then anonymised ones by letter; then gathering (period,
 * round),
 * role (politician, administration, business, other), response id; then questionnaire order.
 */
export function exportResponses(
  questionnaires: readonly Questionnaire[],
  responses: readonly Response[],
  options: ExportOptions = {},
): ResponsesExport {
  const find = (r: Response) =>
    questionnaires.find(
      (q) => q.id === r.questionnaire.id && q.version === r.questionnaire.version,
    );
  const unique = uniqueResponses(responses);
  const known = unique
    .map((response) => ({ response, q: find(response) }))
    .filter((x): x is { response: Response; q: Questionnaire } => x.q !== undefined)
    .map((x) => ({ ...x, shown: shownMunicipality(x.response.municipality, options) }));
  known.sort(
    (a, b) =>
      compareShown(a.shown, b.shown) ||
      compareGatherings(gatheringOf(a.response), gatheringOf(b.response)) ||
      ROLES.indexOf(a.response.respondent.role) - ROLES.indexOf(b.response.respondent.role) ||
      compareText(a.response.id, b.response.id),
  );
  const records: ResponseRecord[] = [];
  for (const { response: r, q, shown } of known) {
    for (const statement of statementsForRole(q, r.respondent.role)) {
      const answer = Object.hasOwn(r.answers, statement.id) ? r.answers[statement.id] : undefined;
      const value = exportedAnswer(answer?.value);
      records.push({
        municipality_number: shown.number,
        municipality_name: shown.name,
        gathering_period: periodOf(r.gathering),
        gathering_round: r.gathering.round,
        gathering_date: r.gathering.date,
        response_id: shown.anonymised ? '' : r.id,
        respondent_id: shown.anonymised ? '' : r.respondent.id,
        role: r.respondent.role,
        initials: shown.anonymised ? '' : (r.respondent.initials ?? ''),
        questionnaire_id: q.id,
        questionnaire_version: q.version,
        area_id: statement.area,
        statement_id: statement.id,
        answer: value,
        level: typeof value === 'number' ? value : null,
        comment: shown.anonymised ? '' : (answer?.comment ?? ''),
        answer_updated_at: answer?.updatedAt ?? '',
        demo: r.demo === true,
      });
    }
  }
  return {
    columns: RESPONSE_COLUMNS,
    records,
    rows: recordsToRows(RESPONSE_COLUMNS, records),
    skipped: unique.length - known.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Scores: municipality × gathering × area

type RoleColumn = `${Role}_mean` | `${Role}_n`;

export const SCORE_COLUMNS = [
  'municipality_number',
  'municipality_name',
  'gathering_period',
  'gathering_round',
  'area_id',
  'score_mean',
  'n_respondents',
  'sd',
  'min',
  'max',
  'importance_mean',
  'coverage_mean',
  'disagreement',
  ...ROLES.flatMap((role): RoleColumn[] => [`${role}_mean`, `${role}_n`]),
  'demo',
] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

export type ScoreRecord = {
  municipality_number: string;
  municipality_name: string;
  gathering_period: string;
  gathering_round: GatheringRound;
  area_id: string;
  /** Mean of the respondents' area scores, 0–100, 1 decimal; null when nobody has a score. */
  score_mean: number | null;
  /** Respondents with a score for the area (those the mean, sd, min and max are over). */
  n_respondents: number;
  /** Sample standard deviation (n − 1), 1 decimal; null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Mean importance, 1–5, 1 decimal. */
  importance_mean: number | null;
  /** Mean coverage, a share 0–1, 2 decimals. */
  coverage_mean: number | null;
  /** sd ≥ 25 points with at least 3 respondents (aggregate.ts). */
  disagreement: boolean;
  /** Every response behind the row is made-up demo data. */
  demo: boolean;
} & { [K in `${Role}_mean`]: number | null } & { [K in `${Role}_n`]: number };

export type ScoresExport = ExportTable<ScoreColumn, ScoreRecord>;

/**
 * One record per municipality × gathering (period and round) × area, from aggregateResponses: only responses
 * to this questionnaire version count (responsesFor), each response id once. Areas in
 * questionnaire order; municipalities named by number, then anonymised by letter; then gathering.
 */
export function exportScores(
  q: Questionnaire,
  responses: readonly Response[],
  options: ExportOptions = {},
): ScoresExport {
  const groups = aggregateResponses(q, responses)
    .map((g) => ({ g, shown: shownMunicipality(g.municipality, options) }))
    .sort((a, b) => compareShown(a.shown, b.shown) || compareGatherings(a.g, b.g));
  const records: ScoreRecord[] = groups.flatMap(({ g, shown }) =>
    g.areas.map((a): ScoreRecord => {
      const byRole = Object.fromEntries(
        ROLES.flatMap((role) => [
          [`${role}_mean`, round1(a.byRole[role].mean)],
          [`${role}_n`, a.byRole[role].n],
        ]),
      ) as { [K in `${Role}_mean`]: number | null } & { [K in `${Role}_n`]: number };
      return {
        municipality_number: shown.number,
        municipality_name: shown.name,
        gathering_period: g.period,
        gathering_round: g.round,
        area_id: a.areaId,
        score_mean: round1(a.mean),
        n_respondents: a.n,
        sd: round1(a.sd),
        min: round1(a.min),
        max: round1(a.max),
        importance_mean: round1(a.importance),
        coverage_mean: round2(a.coverage),
        disagreement: a.disagreement,
        ...byRole,
        demo: g.demo,
      };
    }),
  );
  return { columns: SCORE_COLUMNS, records, rows: recordsToRows(SCORE_COLUMNS, records) };
}

// ---------------------------------------------------------------------------------------------
// Files

export interface CsvDialect {
  separator: CsvSeparator;
  decimal: DecimalMark;
  bom: boolean;
}

/**
 * How to write CSV for a locale. nb and nn: what Norwegian Excel opens directly (semicolon,
 * decimal comma). en: plain RFC 4180 (comma, decimal point). All carry the UTF-8 BOM, without
 * which Excel misreads æ, ø and å.
 */
export function csvDialect(locale: Locale): CsvDialect {
  return locale === 'en'
    ? { separator: ',', decimal: '.', bom: true }
    : { separator: ';', decimal: ',', bom: true };
}

/** CSV text for export rows, in a locale's dialect (or an explicit one). Formulas are guarded. */
export function exportCsvText(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  return writeCsv(rows, { ...dialect, guardFormulas: true });
}

export const EXPORT_FORMAT = 'naeringsspeilet-export';

export type ExportKind = 'responses' | 'scores';

/**
 * The JSON export: an envelope like the results file's, with the records. It is a report for
 * other tools, not a results file: the app does not import it.
 */
export interface ExportJsonV1<R> {
  format: typeof EXPORT_FORMAT;
  formatVersion: 1;
  kind: ExportKind;
  app: { name: 'naeringsspeilet'; version: string };
  exportedAt: string;
  anonymised: boolean;
  columns: readonly string[];
  records: R[];
}

/** Pretty JSON (2-space indent, trailing newline) of an export, deterministic for the same input. */
export function exportJsonText<R>(
  kind: ExportKind,
  table: { columns: readonly string[]; records: R[] },
  meta: { appVersion: string; exportedAt: string; anonymised: boolean },
): string {
  const file: ExportJsonV1<R> = {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    kind,
    app: { name: 'naeringsspeilet', version: meta.appVersion },
    exportedAt: meta.exportedAt,
    anonymised: meta.anonymised,
    columns: table.columns,
    records: table.records,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** naeringsspeilet-scores-haram-samling-2-2024-05-03.csv */
export function exportFileName(parts: {
  kind: ExportKind;
  extension: 'csv' | 'json';
  municipality?: string;
  round?: number;
  date: string;
}): string {
  const segments = ['naeringsspeilet', parts.kind];
  if (parts.municipality) segments.push(slug(parts.municipality));
  if (parts.round !== undefined) segments.push(`samling-${parts.round}`);
  segments.push(parts.date.slice(0, 10));
  return `${segments.join('-')}.${parts.extension}`;
}
