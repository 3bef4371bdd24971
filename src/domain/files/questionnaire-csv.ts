import { LOCALES, type Locale } from '../core/types';
import { detectSeparator, writeCsv, type CsvSeparator } from './csv';
import { parseCsvDetailed } from './csv-parse';
import {
  parseQuestionnaire,
  type LocalizedText,
  type Questionnaire,
} from '../questionnaire/schema';

/**
 * A questionnaire as a spreadsheet, and back, losslessly. Pure.
 *
 * One row per text, one column per language, so translators can work in Excel:
 *
 *   kind;id;area;field;roles;traits;nb;nn;en
 *
 * | kind          | id               | field                                        | other columns  |
 * |---------------|------------------|----------------------------------------------|----------------|
 * | meta          | questionnaire id | version (the number in nb)                   |                |
 * | meta          | questionnaire id | $schema (the reference in nb; only if any)    |                |
 * | questionnaire | (empty)          | title, intro                                 | nb, nn, en     |
 * | scale         | (empty)          | level-1 … level-5                            | nb, nn, en     |
 * | area          | area id          | title, short (optional), description,        | nb, nn, en     |
 * |               |                  | level-1 … level-5                            |                |
 * | area          | area id          | source-1, source-2, … (the source in nb)     |                |
 * | statement     | statement id     | text                                         | area, roles,   |
 * |               |                  |                                              | traits, nb–en  |
 *
 * - Language-neutral values (version, $schema, sources) go in the nb column; nn and en stay
 *   empty. One row per source keeps a source with any character in it intact.
 * - roles and traits are lists separated by commas (", " when written); empty means absent.
 * - The order of areas is the order in which their ids first appear; the order of statements
 *   is the order of their rows. When the statements come area by area (the normal case), each
 *   area's statements are written right after the area's rows; otherwise all areas come first.
 * - `$schema` is kept: a meta row carries it, so export → import reproduces the JSON file.
 * - Columns may come in any order; header names are matched without regard to case and
 *   surrounding space. Every column must be there, and no other (a misspelt column would
 *   otherwise lose its data without a word). Fully empty rows are skipped.
 * - Text cells that a spreadsheet would run as a formula are guarded with an apostrophe on
 *   export, reversibly (files/csv.ts guardFormula); import takes the guard off again.
 *
 * Import checks the sheet (row/column issues), assembles a questionnaire and passes it through
 * parseQuestionnaire; each of its path-named issues is mapped back to the row and column it
 * came from. Row numbers count as a spreadsheet does: the header is row 1.
 */

export const QUESTIONNAIRE_CSV_COLUMNS = [
  'kind',
  'id',
  'area',
  'field',
  'roles',
  'traits',
  ...LOCALES,
] as const;
export type QuestionnaireCsvColumn = (typeof QUESTIONNAIRE_CSV_COLUMNS)[number];

export const QUESTIONNAIRE_CSV_KINDS = [
  'meta',
  'questionnaire',
  'scale',
  'area',
  'statement',
] as const;
export type QuestionnaireCsvKind = (typeof QUESTIONNAIRE_CSV_KINDS)[number];

export interface QuestionnaireCsvIssue {
  /** Spreadsheet row number (the header is row 1); null when no row is to blame. */
  row: number | null;
  /** Column name, e.g. "nn"; null when the whole row (or file) is to blame. */
  column: QuestionnaireCsvColumn | null;
  /** The questionnaire path (as parseQuestionnaire names it), when there is one. */
  path: string | null;
  message: string;
}

export type QuestionnaireFromCsvResult =
  { ok: true; questionnaire: Questionnaire } | { ok: false; issues: QuestionnaireCsvIssue[] };

export interface QuestionnaireToCsvOptions {
  /** Default ';', what Norwegian Excel opens directly. */
  separator?: CsvSeparator;
  /** Start with the UTF-8 BOM, which Excel needs to read æ, ø and å. Default true. */
  bom?: boolean;
}

const LEVEL_FIELDS = ['level-1', 'level-2', 'level-3', 'level-4', 'level-5'] as const;

type Row = Record<QuestionnaireCsvColumn, string>;

function row(
  kind: QuestionnaireCsvKind,
  id: string,
  field: string,
  values: Partial<Omit<Row, 'kind' | 'id' | 'field'>>,
): string[] {
  const r: Row = {
    kind,
    id,
    area: '',
    field,
    roles: '',
    traits: '',
    nb: '',
    nn: '',
    en: '',
    ...values,
  };
  return QUESTIONNAIRE_CSV_COLUMNS.map((c) => r[c]);
}

const texts = (t: LocalizedText) => ({ nb: t.nb, nn: t.nn, en: t.en });

/** The questionnaire as CSV text, one row per text. Lossless: see questionnaireFromCsv. */
export function questionnaireToCsv(
  q: Questionnaire,
  options: QuestionnaireToCsvOptions = {},
): string {
  const { separator = ';', bom = true } = options;
  const rows: string[][] = [[...QUESTIONNAIRE_CSV_COLUMNS]];
  rows.push(row('meta', q.id, 'version', { nb: String(q.version) }));
  if (q.$schema !== undefined) rows.push(row('meta', q.id, '$schema', { nb: q.$schema }));
  rows.push(row('questionnaire', '', 'title', texts(q.title)));
  rows.push(row('questionnaire', '', 'intro', texts(q.intro)));
  q.scale.forEach((t, i) => rows.push(row('scale', '', `level-${i + 1}`, texts(t))));

  const areaRows = (area: Questionnaire['areas'][number]) => {
    rows.push(row('area', area.id, 'title', texts(area.title)));
    if (area.short !== undefined) rows.push(row('area', area.id, 'short', texts(area.short)));
    rows.push(row('area', area.id, 'description', texts(area.description)));
    area.levels.forEach((t, i) => rows.push(row('area', area.id, `level-${i + 1}`, texts(t))));
    area.sources.forEach((s, i) => rows.push(row('area', area.id, `source-${i + 1}`, { nb: s })));
  };
  const statementRow = (s: Questionnaire['statements'][number]) =>
    rows.push(
      row('statement', s.id, 'text', {
        area: s.area,
        roles: s.roles?.join(', ') ?? '',
        traits: s.traits?.map(String).join(', ') ?? '',
        ...texts(s.text),
      }),
    );

  const areaIndex = new Map(q.areas.map((a, i) => [a.id, i]));
  const indices = q.statements.map((s) => areaIndex.get(s.area) ?? Number.POSITIVE_INFINITY);
  const groupedByArea = indices.every((v, i) => i === 0 || indices[i - 1]! <= v);
  if (groupedByArea) {
    let next = 0;
    for (const area of q.areas) {
      areaRows(area);
      while (next < q.statements.length && q.statements[next]!.area === area.id) {
        statementRow(q.statements[next]!);
        next += 1;
      }
    }
    // statements whose area does not exist (not in a valid questionnaire)
    q.statements.slice(next).forEach(statementRow);
  } else {
    q.areas.forEach(areaRows);
    q.statements.forEach(statementRow);
  }
  return writeCsv(rows, { separator, bom, guardFormulas: true });
}

// ---------------------------------------------------------------------------------------------
// Import, in named steps:
//   readCells → readHeader → readRows (readRow for each) → assemble → checkWithSchema.
// Each step adds what it finds to one IssueList; a step that cannot go on says so.

interface Located {
  row: number;
  column: QuestionnaireCsvColumn | null;
}

type Localized = Record<Locale, string>;

interface PlacedText {
  row: number;
  text: Localized;
}

interface AreaDraft {
  id: string;
  firstRow: number;
  texts: Map<string, PlacedText>;
  sources: Map<number, { row: number; text: string }>;
}

/** What the rows hold, sorted by kind, each with the row it came from. */
interface SheetContent {
  meta: { id: string; row: number } | undefined;
  metaRows: Map<string, Located & { value: string }>;
  questionnaireTexts: Map<string, PlacedText>;
  scaleTexts: Map<string, PlacedText>;
  areas: Map<string, AreaDraft>;
  statements: { row: number; cells: Row }[];
  /** kind, id and field → the row that first had them (statements excepted). */
  seen: Map<string, number>;
}

const FIELDS_OF: Record<Exclude<QuestionnaireCsvKind, 'area'>, readonly string[]> = {
  meta: ['version', '$schema'],
  questionnaire: ['title', 'intro'],
  scale: LEVEL_FIELDS,
  statement: ['text'],
};
const AREA_TEXT_FIELDS = ['title', 'short', 'description', ...LEVEL_FIELDS] as const;
const SOURCE_FIELD = /^source-([1-9]\d*)$/;
/** Columns whose cells are trimmed; the language columns keep their text as it stands. */
const TRIMMED_COLUMNS = ['kind', 'id', 'area', 'field', 'roles', 'traits'] as const;

const isKind = (value: string): value is QuestionnaireCsvKind =>
  (QUESTIONNAIRE_CSV_KINDS as readonly string[]).includes(value);

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** "1, 3" → [1, 3]; a token that is not a number stays a string, for the schema to name. */
function listOf(cell: string, numbers: boolean): (string | number)[] | undefined {
  const tokens = cell.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  return numbers ? tokens.map((t) => (/^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : t)) : tokens;
}

function pathStartsWith(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/** The issues found so far, in the order found; `sorted()` puts them in row order. */
class IssueList {
  readonly items: QuestionnaireCsvIssue[] = [];

  add(
    row: number | null,
    column: QuestionnaireCsvColumn | null,
    message: string,
    path: string | null = null,
  ): void {
    this.items.push({ row, column, path, message });
  }

  inRow(row: number): boolean {
    return this.items.some((i) => i.row === row);
  }

  sorted(): QuestionnaireCsvIssue[] {
    return sortIssues(this.items);
  }
}

/** Step 1: the text as rows of cells (the formula guard taken off), and malformed quotes. */
function readCells(text: string, separator: CsvSeparator, issues: IssueList): string[][] {
  const parsed = parseCsvDetailed(text, { separator, unguardFormulas: true });
  if (parsed.unterminatedQuoteRow !== null) {
    issues.add(
      parsed.unterminatedQuoteRow,
      null,
      'A quoted cell is never closed: a double quote (") is missing',
    );
  }
  for (const row of parsed.strayQuoteRows) {
    issues.add(
      row,
      null,
      'A quoted cell has text after its closing quote: inside a quoted cell, write a double quote as two ("")',
    );
  }
  return parsed.rows;
}

/** Step 2: where each column is. Undefined when the header is wrong (the issues say how). */
function readHeader(
  header: readonly string[] | undefined,
  separator: CsvSeparator,
  issues: IssueList,
): Map<QuestionnaireCsvColumn, number> | undefined {
  if (header === undefined || isBlank(header)) {
    issues.add(
      null,
      null,
      `The file is empty; the first row must name the columns: ${QUESTIONNAIRE_CSV_COLUMNS.join(separator)}`,
    );
    return undefined;
  }
  const columnIndex = new Map<QuestionnaireCsvColumn, number>();
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    if (!(QUESTIONNAIRE_CSV_COLUMNS as readonly string[]).includes(name)) {
      issues.add(
        1,
        null,
        `Unknown column "${raw.trim()}"; the columns are ${QUESTIONNAIRE_CSV_COLUMNS.join(', ')}`,
      );
      return;
    }
    const column = name as QuestionnaireCsvColumn;
    if (columnIndex.has(column)) issues.add(1, column, `Column "${column}" appears twice`);
    else columnIndex.set(column, i);
  });
  for (const column of QUESTIONNAIRE_CSV_COLUMNS) {
    if (!columnIndex.has(column)) issues.add(1, column, `Missing column "${column}"`);
  }
  return issues.inRow(1) ? undefined : columnIndex;
}

/** Step 3: every row after the header, sorted by kind. Fully empty rows are skipped. */
function readRows(
  rows: readonly string[][],
  columnIndex: ReadonlyMap<QuestionnaireCsvColumn, number>,
  issues: IssueList,
): SheetContent {
  const content: SheetContent = {
    meta: undefined,
    metaRows: new Map(),
    questionnaireTexts: new Map(),
    scaleTexts: new Map(),
    areas: new Map(),
    statements: [],
    seen: new Map(),
  };
  const sheet: Sheet = { columnIndex, content, issues };
  rows.slice(1).forEach((cells, i) => {
    if (!isBlank(cells)) readRow(cells, i + 2, sheet);
  });
  return content;
}

/** What every row is read against: the header's columns, what is filed so far, the issues. */
interface Sheet {
  readonly columnIndex: ReadonlyMap<QuestionnaireCsvColumn, number>;
  readonly content: SheetContent;
  readonly issues: IssueList;
}

/** The row's cells by column name, trimmed where text does not matter; stray cells reported. */
function cellsByColumn(raw: readonly string[], rowNumber: number, sheet: Sheet): Row {
  const { columnIndex, issues } = sheet;
  const known = new Set(columnIndex.values());
  raw.forEach((c, j) => {
    if (!known.has(j) && c.trim() !== '') {
      issues.add(
        rowNumber,
        null,
        `Cell ${j + 1} is outside the named columns: "${c.slice(0, 40)}"`,
      );
    }
  });
  const cells = Object.fromEntries(
    QUESTIONNAIRE_CSV_COLUMNS.map((c) => [c, raw[columnIndex.get(c)!] ?? '']),
  ) as Row;
  for (const c of TRIMMED_COLUMNS) cells[c] = cells[c].trim();
  return cells;
}

/** The field's source number for an area's `source-N` row, or undefined when it is a text. */
function checkField(
  kind: QuestionnaireCsvKind,
  cells: Row,
  rowNumber: number,
  issues: IssueList,
): { ok: boolean; source: number | undefined } {
  const field = cells.field.toLowerCase();
  const sourceMatch = kind === 'area' ? SOURCE_FIELD.exec(field) : null;
  const ok =
    kind === 'area'
      ? (AREA_TEXT_FIELDS as readonly string[]).includes(field) || sourceMatch !== null
      : FIELDS_OF[kind].includes(field);
  if (!ok) {
    const expected =
      kind === 'area'
        ? [...AREA_TEXT_FIELDS, 'source-1', 'source-2', '…'].join(', ')
        : FIELDS_OF[kind].join(', ');
    issues.add(
      rowNumber,
      'field',
      cells.field === ''
        ? `The field is missing; a ${kind} row has one of: ${expected}`
        : `Unknown field "${cells.field}" for a ${kind} row; expected one of: ${expected}`,
    );
  }
  return { ok, source: sourceMatch ? Number(sourceMatch[1]) : undefined };
}

/** Cells that this kind of row leaves empty: statement-only columns, translations, ids. */
function checkUnusedCells(
  kind: QuestionnaireCsvKind,
  cells: Row,
  isSource: boolean,
  rowNumber: number,
  issues: IssueList,
): void {
  if (kind !== 'statement') {
    for (const c of ['area', 'roles', 'traits'] as const) {
      if (cells[c] !== '')
        issues.add(rowNumber, c, `Only statement rows have ${c}; leave it empty`);
    }
  }
  if (kind === 'meta' || isSource) {
    const what = kind === 'meta' ? `The ${cells.field.toLowerCase()}` : 'A source';
    for (const c of ['nn', 'en'] as const) {
      if (cells[c].trim() !== '') {
        issues.add(rowNumber, c, `${what} is not translated: put it in nb and leave ${c} empty`);
      }
    }
  }
  if ((kind === 'questionnaire' || kind === 'scale') && cells.id !== '') {
    issues.add(rowNumber, 'id', `A ${kind} row has no id; leave it empty`);
  }
}

/** False (with an issue) when an earlier row had the same kind, id and field. */
function checkNotRepeated(
  kind: QuestionnaireCsvKind,
  cells: Row,
  rowNumber: number,
  seen: Map<string, number>,
  issues: IssueList,
): boolean {
  // Statements are told apart by the schema's duplicate-id check.
  if (kind === 'statement') return true;
  const field = cells.field.toLowerCase();
  const key = `${kind}\u0000${kind === 'area' ? cells.id : ''}\u0000${field}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    const what = [kind, cells.id, field].filter((w) => w !== '').join(' ');
    issues.add(rowNumber, 'field', `Repeats row ${earlier} (${what})`);
    return false;
  }
  seen.set(key, rowNumber);
  return true;
}

/** Step 3, one row: checks it, then files it under its kind in `content`. */
function readRow(raw: readonly string[], rowNumber: number, sheet: Sheet): void {
  const { content, issues } = sheet;
  const cells = cellsByColumn(raw, rowNumber, sheet);
  const kind = cells.kind.toLowerCase();
  if (!isKind(kind)) {
    issues.add(
      rowNumber,
      'kind',
      cells.kind === ''
        ? `The kind is missing; expected one of ${QUESTIONNAIRE_CSV_KINDS.join(', ')}`
        : `Unknown kind "${cells.kind}"; expected one of ${QUESTIONNAIRE_CSV_KINDS.join(', ')}`,
    );
    return;
  }
  const field = checkField(kind, cells, rowNumber, issues);
  if (!field.ok) return;
  checkUnusedCells(kind, cells, field.source !== undefined, rowNumber, issues);
  if (!checkNotRepeated(kind, cells, rowNumber, content.seen, issues)) return;
  fileRow(kind, cells, field.source, rowNumber, content, issues);
}

/** Puts a checked row's values where the assembly looks for them. */
function fileRow(
  kind: QuestionnaireCsvKind,
  cells: Row,
  source: number | undefined,
  rowNumber: number,
  content: SheetContent,
  issues: IssueList,
): void {
  const field = cells.field.toLowerCase();
  const localized: Localized = { nb: cells.nb, nn: cells.nn, en: cells.en };
  switch (kind) {
    case 'meta': {
      if (content.meta === undefined) content.meta = { id: cells.id, row: rowNumber };
      else if (cells.id !== content.meta.id) {
        issues.add(
          rowNumber,
          'id',
          `The questionnaire id "${cells.id}" differs from "${content.meta.id}" in row ${content.meta.row}`,
        );
      }
      content.metaRows.set(field, { row: rowNumber, column: 'nb', value: cells.nb.trim() });
      break;
    }
    case 'questionnaire':
      content.questionnaireTexts.set(field, { row: rowNumber, text: localized });
      break;
    case 'scale':
      content.scaleTexts.set(field, { row: rowNumber, text: localized });
      break;
    case 'area': {
      let area = content.areas.get(cells.id);
      if (area === undefined) {
        area = { id: cells.id, firstRow: rowNumber, texts: new Map(), sources: new Map() };
        content.areas.set(cells.id, area);
      }
      if (source !== undefined) area.sources.set(source, { row: rowNumber, text: cells.nb });
      else area.texts.set(field, { row: rowNumber, text: localized });
      break;
    }
    case 'statement':
      content.statements.push({ row: rowNumber, cells });
      break;
  }
}

/**
 * Step 4's bookkeeping: where each questionnaire path came from (for the schema's issues), and
 * the paths already reported as missing (so the schema does not report them again).
 */
class Assembly {
  readonly where = new Map<string, Located>();
  readonly reported: string[] = [];

  constructor(private readonly issues: IssueList) {}

  place(path: string, row: number, column: QuestionnaireCsvColumn | null = null): void {
    this.where.set(path, { row, column });
  }

  /** A localized text's path, and each language's column under it. */
  placeText(path: string, row: number): void {
    this.place(path, row);
    for (const locale of LOCALES) this.place(`${path}.${locale}`, row, locale);
  }

  missing(
    path: string,
    row: number | null,
    column: QuestionnaireCsvColumn | null,
    message: string,
  ): void {
    this.issues.add(row, column, message, path);
    this.reported.push(path);
  }
}

/** Step 4: the questionnaire as the rows describe it, in the JSON file's key order. */
function assemble(content: SheetContent, a: Assembly): Record<string, unknown> {
  const schemaRow = content.metaRows.get('$schema');
  if (schemaRow) a.place('$schema', schemaRow.row, 'nb');
  return {
    ...(schemaRow ? { $schema: schemaRow.value } : {}),
    ...assembleMeta(content, a),
    ...assembleTexts(content, a),
    scale: assembleScale(content, a),
    areas: [...content.areas.values()].map((area, i) => assembleArea(area, `areas.${i}`, a)),
    statements: content.statements.map((s, i) => assembleStatement(s, `statements.${i}`, a)),
  };
}

function assembleMeta(content: SheetContent, a: Assembly): { id: unknown; version: unknown } {
  const { meta } = content;
  if (meta === undefined) {
    a.missing(
      'id',
      null,
      null,
      'There is no meta row; the first row after the header names the questionnaire and its version: meta, <id>, field "version", the version in nb',
    );
    a.reported.push('version');
    return { id: undefined, version: undefined };
  }
  a.place('id', meta.row, 'id');
  const versionRow = content.metaRows.get('version');
  if (versionRow === undefined) {
    a.missing('version', meta.row, 'field', 'There is no meta row with field "version"');
    return { id: meta.id, version: undefined };
  }
  a.place('version', versionRow.row, 'nb');
  const version = /^\d+$/.test(versionRow.value) ? Number(versionRow.value) : versionRow.value;
  return { id: meta.id, version };
}

function assembleTexts(
  content: SheetContent,
  a: Assembly,
): { title: Localized | undefined; intro: Localized | undefined } {
  const text = (field: 'title' | 'intro') => {
    const t = content.questionnaireTexts.get(field);
    if (t === undefined) {
      a.missing(field, null, null, `There is no questionnaire row with field "${field}"`);
      return undefined;
    }
    a.placeText(field, t.row);
    return t.text;
  };
  const title = text('title');
  return { title, intro: text('intro') };
}

function assembleScale(content: SheetContent, a: Assembly): (Localized | undefined)[] {
  return LEVEL_FIELDS.map((field, i) => {
    const t = content.scaleTexts.get(field);
    if (t === undefined) {
      a.missing(`scale.${i}`, null, null, `There is no scale row with field "${field}"`);
      return undefined;
    }
    a.placeText(`scale.${i}`, t.row);
    return t.text;
  });
}

function assembleArea(area: AreaDraft, base: string, a: Assembly): Record<string, unknown> {
  a.place(base, area.firstRow);
  a.place(`${base}.id`, area.firstRow, 'id');
  a.place(`${base}.levels`, area.firstRow);
  a.place(`${base}.sources`, area.firstRow);
  const textOf = (field: string, path: string, required: boolean) => {
    const t = area.texts.get(field);
    if (t === undefined) {
      if (required)
        a.missing(path, area.firstRow, 'field', `Area "${area.id}" has no "${field}" row`);
      return undefined;
    }
    a.placeText(path, t.row);
    return t.text;
  };
  const out: Record<string, unknown> = { id: area.id };
  out.title = textOf('title', `${base}.title`, true);
  const short = textOf('short', `${base}.short`, false);
  if (short !== undefined) out.short = short;
  out.description = textOf('description', `${base}.description`, true);
  out.sources = assembleSources(area, base, a);
  out.levels = LEVEL_FIELDS.map((field, j) => textOf(field, `${base}.levels.${j}`, true));
  return out;
}

/** source-1 … source-N, where N is the highest there; a gap is reported. */
function assembleSources(area: AreaDraft, base: string, a: Assembly): (string | undefined)[] {
  const count = Math.max(0, ...area.sources.keys());
  if (count === 0) {
    a.missing(
      `${base}.sources`,
      area.firstRow,
      'field',
      `Area "${area.id}" has no source rows (source-1, …)`,
    );
  }
  return Array.from({ length: count }, (_, j) => {
    const s = area.sources.get(j + 1);
    if (s === undefined) {
      a.missing(
        `${base}.sources.${j}`,
        area.firstRow,
        'field',
        `Area "${area.id}" has no "source-${j + 1}" row, but has a higher one`,
      );
      return undefined;
    }
    a.place(`${base}.sources.${j}`, s.row, 'nb');
    return s.text;
  });
}

function assembleStatement(
  { row, cells }: { row: number; cells: Row },
  base: string,
  a: Assembly,
): Record<string, unknown> {
  a.place(base, row);
  for (const c of ['id', 'area', 'traits', 'roles'] as const) a.place(`${base}.${c}`, row, c);
  a.placeText(`${base}.text`, row);
  const out: Record<string, unknown> = {
    id: cells.id,
    area: cells.area,
    text: { nb: cells.nb, nn: cells.nn, en: cells.en },
  };
  const traits = listOf(cells.traits, true);
  if (traits !== undefined) out.traits = traits;
  const roles = listOf(cells.roles, false);
  if (roles !== undefined) out.roles = roles;
  return out;
}

/** Step 5: the same validation as a JSON file, each issue placed at the row it came from. */
function checkWithSchema(
  draft: Record<string, unknown>,
  a: Assembly,
  issues: IssueList,
): QuestionnaireFromCsvResult {
  const result = parseQuestionnaire(draft);
  if (result.ok && issues.items.length === 0) {
    return { ok: true, questionnaire: result.questionnaire };
  }
  if (!result.ok) {
    for (const schemaIssue of result.issues) {
      if (a.reported.some((p) => pathStartsWith(schemaIssue.path, p))) continue;
      const located = locate(schemaIssue.path, a.where);
      issues.add(
        located?.row ?? null,
        located?.column ?? null,
        schemaIssue.message,
        schemaIssue.path,
      );
    }
  }
  return { ok: false, issues: issues.sorted() };
}

/**
 * Reads a questionnaire from CSV text (as questionnaireToCsv writes it, or as Excel saves it
 * again). The separator is detected from the header unless given. Never throws.
 */
export function questionnaireFromCsv(
  text: string,
  options: { separator?: CsvSeparator } = {},
): QuestionnaireFromCsvResult {
  const separator = options.separator ?? detectSeparator(text);
  const issues = new IssueList();
  const rows = readCells(text, separator, issues);
  const columnIndex = readHeader(rows[0], separator, issues);
  if (columnIndex === undefined) return { ok: false, issues: issues.sorted() };
  const content = readRows(rows, columnIndex, issues);
  const assembly = new Assembly(issues);
  return checkWithSchema(assemble(content, assembly), assembly, issues);
}

/** The row and column of the longest known prefix of a dotted path. */
function locate(path: string, where: ReadonlyMap<string, Located>): Located | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const hit = where.get(parts.slice(0, n).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

/** By row (issues without a row last), keeping the order within a row. */
function sortIssues(issues: QuestionnaireCsvIssue[]): QuestionnaireCsvIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (a.issue.row ?? Number.POSITIVE_INFINITY) - (b.issue.row ?? Number.POSITIVE_INFINITY) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}

/** "row 12, column nn (statements.3.text.nn): Text must not be empty" */
export function formatQuestionnaireCsvIssue(issue: QuestionnaireCsvIssue): string {
  const place = [
    issue.row === null ? null : `row ${issue.row}`,
    issue.column === null ? null : `column ${issue.column}`,
  ]
    .filter((p) => p !== null)
    .join(', ');
  const path = issue.path === null ? '' : issue.path;
  const label = place && path ? `${place} (${path})` : place || path || '(file)';
  return `${label}: ${issue.message}`;
}
