import { LOCALES, type Locale } from '../core/types';
import { detectSeparator, parseCsvDetailed, writeCsv, type CsvSeparator } from './csv';
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
// Import

interface Located {
  row: number;
  column: QuestionnaireCsvColumn | null;
}

interface AreaDraft {
  id: string;
  firstRow: number;
  texts: Map<string, { row: number; text: Record<Locale, string> }>;
  sources: Map<number, { row: number; text: string }>;
}

const FIELDS_OF: Record<Exclude<QuestionnaireCsvKind, 'area'>, readonly string[]> = {
  meta: ['version', '$schema'],
  questionnaire: ['title', 'intro'],
  scale: LEVEL_FIELDS,
  statement: ['text'],
};
const AREA_TEXT_FIELDS = ['title', 'short', 'description', ...LEVEL_FIELDS] as const;
const SOURCE_FIELD = /^source-([1-9]\d*)$/;

const isKind = (value: string): value is QuestionnaireCsvKind =>
  (QUESTIONNAIRE_CSV_KINDS as readonly string[]).includes(value);

/** "1, 3" → [1, 3]; a token that is not a number stays a string, for the schema to name. */
function listOf(cell: string, numbers: boolean): (string | number)[] | undefined {
  const tokens = cell.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  return numbers ? tokens.map((t) => (/^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : t)) : tokens;
}

function pathStartsWith(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
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
  const parsed = parseCsvDetailed(text, { separator, unguardFormulas: true });
  const issues: QuestionnaireCsvIssue[] = [];
  const issue = (
    r: number | null,
    column: QuestionnaireCsvColumn | null,
    message: string,
    path: string | null = null,
  ) => issues.push({ row: r, column, path, message });

  if (parsed.unterminatedQuoteRow !== null) {
    issue(
      parsed.unterminatedQuoteRow,
      null,
      'A quoted cell is never closed: a double quote (") is missing',
    );
  }

  // Header
  const header = parsed.rows[0];
  if (header === undefined || header.every((c) => c.trim() === '')) {
    issue(
      null,
      null,
      `The file is empty; the first row must name the columns: ${QUESTIONNAIRE_CSV_COLUMNS.join(separator)}`,
    );
    return { ok: false, issues };
  }
  const columnIndex = new Map<QuestionnaireCsvColumn, number>();
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    if (!(QUESTIONNAIRE_CSV_COLUMNS as readonly string[]).includes(name)) {
      issue(
        1,
        null,
        `Unknown column "${raw.trim()}"; the columns are ${QUESTIONNAIRE_CSV_COLUMNS.join(', ')}`,
      );
      return;
    }
    const column = name as QuestionnaireCsvColumn;
    if (columnIndex.has(column)) issue(1, column, `Column "${column}" appears twice`);
    else columnIndex.set(column, i);
  });
  for (const column of QUESTIONNAIRE_CSV_COLUMNS) {
    if (!columnIndex.has(column)) issue(1, column, `Missing column "${column}"`);
  }
  if (issues.some((i) => i.row === 1)) return { ok: false, issues: sortIssues(issues) };
  const known = new Set(columnIndex.values());

  // Rows
  let meta: { id: string; row: number } | undefined;
  const metaRows = new Map<string, Located & { value: string }>();
  const qTexts = new Map<string, { row: number; text: Record<Locale, string> }>();
  const scaleTexts = new Map<string, { row: number; text: Record<Locale, string> }>();
  const areas = new Map<string, AreaDraft>();
  const statements: { row: number; cells: Row }[] = [];
  const seen = new Map<string, number>();

  parsed.rows.slice(1).forEach((cellsRaw, i) => {
    const rowNumber = i + 2;
    if (cellsRaw.every((c) => c.trim() === '')) return;
    const cell = (c: QuestionnaireCsvColumn) => cellsRaw[columnIndex.get(c)!] ?? '';
    cellsRaw.forEach((c, j) => {
      if (!known.has(j) && c.trim() !== '') {
        issue(rowNumber, null, `Cell ${j + 1} is outside the named columns: "${c.slice(0, 40)}"`);
      }
    });
    const cells = Object.fromEntries(QUESTIONNAIRE_CSV_COLUMNS.map((c) => [c, cell(c)])) as Row;
    for (const c of ['kind', 'id', 'area', 'field', 'roles', 'traits'] as const) {
      cells[c] = cells[c].trim();
    }
    const kind = cells.kind.toLowerCase();
    const field = cells.field.toLowerCase();
    const localized = { nb: cells.nb, nn: cells.nn, en: cells.en };

    if (!isKind(kind)) {
      issue(
        rowNumber,
        'kind',
        cells.kind === ''
          ? `The kind is missing; expected one of ${QUESTIONNAIRE_CSV_KINDS.join(', ')}`
          : `Unknown kind "${cells.kind}"; expected one of ${QUESTIONNAIRE_CSV_KINDS.join(', ')}`,
      );
      return;
    }

    // field
    const sourceMatch = kind === 'area' ? SOURCE_FIELD.exec(field) : null;
    const fieldOk =
      kind === 'area'
        ? (AREA_TEXT_FIELDS as readonly string[]).includes(field) || sourceMatch !== null
        : FIELDS_OF[kind].includes(field);
    if (!fieldOk) {
      const expected =
        kind === 'area'
          ? [...AREA_TEXT_FIELDS, 'source-1', 'source-2', '…'].join(', ')
          : FIELDS_OF[kind].join(', ');
      issue(
        rowNumber,
        'field',
        cells.field === ''
          ? `The field is missing; a ${kind} row has one of: ${expected}`
          : `Unknown field "${cells.field}" for a ${kind} row; expected one of: ${expected}`,
      );
      return;
    }

    // columns that only some kinds use
    if (kind !== 'statement') {
      for (const c of ['area', 'roles', 'traits'] as const) {
        if (cells[c] !== '') issue(rowNumber, c, `Only statement rows have ${c}; leave it empty`);
      }
    }
    const neutral = kind === 'meta' || sourceMatch !== null;
    if (neutral) {
      for (const c of ['nn', 'en'] as const) {
        if (cells[c].trim() !== '') {
          issue(
            rowNumber,
            c,
            `${kind === 'meta' ? `The ${field}` : 'A source'} is not translated: put it in nb and leave ${c} empty`,
          );
        }
      }
    }
    if ((kind === 'questionnaire' || kind === 'scale') && cells.id !== '') {
      issue(rowNumber, 'id', `A ${kind} row has no id; leave it empty`);
    }

    // duplicates (statements are told apart by the schema's duplicate-id check)
    if (kind !== 'statement') {
      const key = `${kind}\u0000${kind === 'area' ? cells.id : ''}\u0000${field}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const what = [kind, cells.id, field].filter((w) => w !== '').join(' ');
        issue(rowNumber, 'field', `Repeats row ${earlier} (${what})`);
        return;
      }
      seen.set(key, rowNumber);
    }

    switch (kind) {
      case 'meta': {
        if (meta === undefined) meta = { id: cells.id, row: rowNumber };
        else if (cells.id !== meta.id) {
          issue(
            rowNumber,
            'id',
            `The questionnaire id "${cells.id}" differs from "${meta.id}" in row ${meta.row}`,
          );
        }
        metaRows.set(field, { row: rowNumber, column: 'nb', value: cells.nb.trim() });
        break;
      }
      case 'questionnaire':
        qTexts.set(field, { row: rowNumber, text: localized });
        break;
      case 'scale':
        scaleTexts.set(field, { row: rowNumber, text: localized });
        break;
      case 'area': {
        let area = areas.get(cells.id);
        if (area === undefined) {
          area = { id: cells.id, firstRow: rowNumber, texts: new Map(), sources: new Map() };
          areas.set(cells.id, area);
        }
        if (sourceMatch)
          area.sources.set(Number(sourceMatch[1]), { row: rowNumber, text: cells.nb });
        else area.texts.set(field, { row: rowNumber, text: localized });
        break;
      }
      case 'statement':
        statements.push({ row: rowNumber, cells });
        break;
    }
  });

  // Assemble, remembering where each path came from.
  const where = new Map<string, Located>();
  const reported: string[] = [];
  const missing = (
    path: string,
    r: number | null,
    column: QuestionnaireCsvColumn | null,
    message: string,
  ) => {
    issue(r, column, message, path);
    reported.push(path);
  };
  const placeText = (path: string, r: number) => {
    where.set(path, { row: r, column: null });
    for (const locale of LOCALES) where.set(`${path}.${locale}`, { row: r, column: locale });
  };

  const draft: Record<string, unknown> = {};
  const schemaRow = metaRows.get('$schema');
  if (schemaRow) {
    draft.$schema = schemaRow.value;
    where.set('$schema', { row: schemaRow.row, column: 'nb' });
  }
  const versionRow = metaRows.get('version');
  if (meta === undefined) {
    missing(
      'id',
      null,
      null,
      'There is no meta row; the first row after the header names the questionnaire and its version: meta, <id>, field "version", the version in nb',
    );
    reported.push('version');
  } else {
    draft.id = meta.id;
    where.set('id', { row: meta.row, column: 'id' });
    if (versionRow === undefined) {
      missing('version', meta.row, 'field', 'There is no meta row with field "version"');
    } else {
      draft.version = /^\d+$/.test(versionRow.value) ? Number(versionRow.value) : versionRow.value;
      where.set('version', { row: versionRow.row, column: 'nb' });
    }
  }
  for (const field of ['title', 'intro'] as const) {
    const t = qTexts.get(field);
    if (t === undefined)
      missing(field, null, null, `There is no questionnaire row with field "${field}"`);
    else {
      draft[field] = t.text;
      placeText(field, t.row);
    }
  }
  draft.scale = LEVEL_FIELDS.map((field, i) => {
    const t = scaleTexts.get(field);
    if (t === undefined) {
      missing(`scale.${i}`, null, null, `There is no scale row with field "${field}"`);
      return undefined;
    }
    placeText(`scale.${i}`, t.row);
    return t.text;
  });

  draft.areas = [...areas.values()].map((area, i) => {
    const base = `areas.${i}`;
    where.set(base, { row: area.firstRow, column: null });
    where.set(`${base}.id`, { row: area.firstRow, column: 'id' });
    where.set(`${base}.levels`, { row: area.firstRow, column: null });
    where.set(`${base}.sources`, { row: area.firstRow, column: null });
    const out: Record<string, unknown> = { id: area.id };
    const textOf = (field: string, path: string, required: boolean) => {
      const t = area.texts.get(field);
      if (t === undefined) {
        if (required)
          missing(path, area.firstRow, 'field', `Area "${area.id}" has no "${field}" row`);
        return undefined;
      }
      placeText(path, t.row);
      return t.text;
    };
    out.title = textOf('title', `${base}.title`, true);
    const short = textOf('short', `${base}.short`, false);
    if (short !== undefined) out.short = short;
    out.description = textOf('description', `${base}.description`, true);
    const count = Math.max(0, ...area.sources.keys());
    if (count === 0) {
      missing(
        `${base}.sources`,
        area.firstRow,
        'field',
        `Area "${area.id}" has no source rows (source-1, …)`,
      );
    }
    out.sources = Array.from({ length: count }, (_, j) => {
      const s = area.sources.get(j + 1);
      if (s === undefined) {
        missing(
          `${base}.sources.${j}`,
          area.firstRow,
          'field',
          `Area "${area.id}" has no "source-${j + 1}" row, but has a higher one`,
        );
        return undefined;
      }
      where.set(`${base}.sources.${j}`, { row: s.row, column: 'nb' });
      return s.text;
    });
    out.levels = LEVEL_FIELDS.map((field, j) => textOf(field, `${base}.levels.${j}`, true));
    return out;
  });

  draft.statements = statements.map(({ row: r, cells }, i) => {
    const base = `statements.${i}`;
    where.set(base, { row: r, column: null });
    for (const c of ['id', 'area', 'traits', 'roles'] as const)
      where.set(`${base}.${c}`, { row: r, column: c });
    placeText(`${base}.text`, r);
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
  });

  const ordered = {
    ...('$schema' in draft ? { $schema: draft.$schema } : {}),
    id: draft.id,
    version: draft.version,
    title: draft.title,
    intro: draft.intro,
    scale: draft.scale,
    areas: draft.areas,
    statements: draft.statements,
  };
  const result = parseQuestionnaire(ordered);
  if (result.ok && issues.length === 0) return { ok: true, questionnaire: result.questionnaire };
  if (!result.ok) {
    for (const schemaIssue of result.issues) {
      if (reported.some((p) => pathStartsWith(schemaIssue.path, p))) continue;
      const located = locate(schemaIssue.path, where);
      issue(located?.row ?? null, located?.column ?? null, schemaIssue.message, schemaIssue.path);
    }
  }
  return { ok: false, issues: sortIssues(issues) };
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
