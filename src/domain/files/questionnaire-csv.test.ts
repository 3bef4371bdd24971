import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOM, writeCsv } from './csv';
import { parseCsv } from './csv-parse';
import { miniQuestionnaire } from '../testing/fixtures';
import {
  QUESTIONNAIRE_CSV_COLUMNS,
  formatQuestionnaireCsvIssue,
  questionnaireFromCsv,
  questionnaireToCsv,
  type QuestionnaireCsvIssue,
} from './questionnaire-csv';
import { parseQuestionnaire, type Questionnaire } from '../questionnaire/schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUNDLED_TEXT = readFileSync(
  path.join(ROOT, 'questionnaires/god-vertskommune/v1.json'),
  'utf8',
);

function bundled(): Questionnaire {
  const result = parseQuestionnaire(JSON.parse(BUNDLED_TEXT));
  if (!result.ok) throw new Error('The bundled questionnaire is invalid');
  return result.questionnaire;
}

function fromCsvOrThrow(text: string): Questionnaire {
  const result = questionnaireFromCsv(text);
  if (!result.ok) {
    throw new Error(result.issues.map(formatQuestionnaireCsvIssue).join('\n'));
  }
  return result.questionnaire;
}

function issuesOf(text: string): QuestionnaireCsvIssue[] {
  const result = questionnaireFromCsv(text);
  if (result.ok) throw new Error('Expected the sheet to be rejected, but it was read');
  return result.issues;
}

/** Edits the sheet as a spreadsheet user would: cell by cell, then saves it again. */
function edit(text: string, change: (rows: string[][]) => string[][] | void): string {
  const rows = parseCsv(text, { separator: ';' });
  const changed = change(rows) ?? rows;
  return writeCsv(changed, { separator: ';', bom: true, guardFormulas: false });
}

const col = (name: (typeof QUESTIONNAIRE_CSV_COLUMNS)[number]) =>
  QUESTIONNAIRE_CSV_COLUMNS.indexOf(name);

/** Index (0-based, header = 0) of the row with this kind, id and field. */
function rowIndex(rows: string[][], kind: string, id: string, field: string): number {
  const i = rows.findIndex((r) => r[0] === kind && r[1] === id && r[3] === field);
  if (i < 0) throw new Error(`No row ${kind} ${id} ${field}`);
  return i;
}

describe('questionnaireToCsv', () => {
  const text = questionnaireToCsv(bundled());
  const rows = parseCsv(text, { separator: ';' });

  it('writes a BOM, semicolons, CRLF and the header', () => {
    expect(text.startsWith(`${BOM}kind;id;area;field;roles;traits;nb;nn;en\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/);
  });

  it('has one row per text, the meta rows first', () => {
    const q = bundled();
    const textRows =
      2 + // meta: version, $schema
      2 + // title, intro
      5 + // scale
      q.areas.reduce((n, a) => n + 3 + 5 + a.sources.length, 0) + // title, short, description, levels, sources
      q.statements.length;
    expect(rows).toHaveLength(1 + textRows);
    expect(rows[1]).toEqual(['meta', 'god-vertskommune', '', 'version', '', '', '1', '', '']);
    expect(rows[2]!.slice(0, 4)).toEqual(['meta', 'god-vertskommune', '', '$schema']);
  });

  it('writes each area, then its statements, with roles and traits as lists', () => {
    const kinds = rows.slice(10, 32).map((r) => `${r[0]} ${r[1]}`);
    expect(kinds.slice(0, 2)).toEqual(['area strategy', 'area strategy']);
    const withRoles = rows.find((r) => r[0] === 'statement' && r[col('roles')] !== '')!;
    expect(withRoles[col('roles')]).toMatch(/^[a-z]+(, [a-z]+)*$/);
    const source = rows[rowIndex(rows, 'area', 'strategy', 'source-1')]!;
    expect(source.slice(col('nb'))).toEqual([bundled().areas[0]!.sources[0], '', '']);
  });
});

describe('round trip', () => {
  it('the bundled questionnaire comes back identical, $schema included', () => {
    const q = bundled();
    const back = fromCsvOrThrow(questionnaireToCsv(q));
    expect(back).toEqual(q);
    // same keys in the same order: the JSON file is reproduced byte for byte
    expect(`${JSON.stringify(back, null, 2)}\n`).toBe(BUNDLED_TEXT);
  });

  it('also with commas, without a BOM, and with LF line ends', () => {
    const q = bundled();
    const text = questionnaireToCsv(q, { separator: ',', bom: false }).replace(/\r\n/g, '\n');
    expect(fromCsvOrThrow(text)).toEqual(q);
  });

  it('a questionnaire without $schema comes back without it', () => {
    const back = fromCsvOrThrow(questionnaireToCsv(miniQuestionnaire));
    expect(back).toEqual(miniQuestionnaire);
    expect('$schema' in back).toBe(false);
  });

  it('keeps statement order when statements do not come area by area', () => {
    const q: Questionnaire = {
      ...miniQuestionnaire,
      statements: [...miniQuestionnaire.statements].reverse(),
    };
    const back = fromCsvOrThrow(questionnaireToCsv(q));
    expect(back.statements.map((s) => s.id)).toEqual(q.statements.map((s) => s.id));
    expect(back).toEqual(q);
  });

  it('survives the columns in another order, upper-case names and extra empty rows', () => {
    const q = bundled();
    const text = edit(questionnaireToCsv(q), (rows) => {
      const order = [8, 7, 6, 5, 4, 3, 2, 1, 0];
      const moved = rows.map((r) => order.map((i) => r[i]!));
      moved[0] = moved[0]!.map((h) => h.toUpperCase());
      moved.splice(5, 0, ['', '', '', '', '', '', '', '', '']);
      moved.push(['']);
      return moved;
    });
    expect(fromCsvOrThrow(text)).toEqual(q);
  });

  it('texts with separators, quotes, line breaks and formula-like starts come back (property)', () => {
    const text = fc
      .string({
        unit: fc.constantFrom(
          'a',
          'æ',
          'Å',
          ';',
          ',',
          '"',
          '\n',
          '\r\n',
          '=',
          '-',
          '+',
          '@',
          "'",
          ' ',
        ),
        minLength: 1,
        maxLength: 12,
      })
      .map((s) => `${s}x`.trim()) // schema texts are trimmed and non-empty
      .filter((s) => s.length > 0);
    const localized = fc.record({ nb: text, nn: text, en: text });
    fc.assert(
      fc.property(localized, localized, text, (title, statement, source) => {
        const q: Questionnaire = {
          ...miniQuestionnaire,
          title,
          areas: miniQuestionnaire.areas.map((a, i) =>
            i === 0 ? { ...a, short: statement, sources: [source, 's'] } : a,
          ),
          statements: miniQuestionnaire.statements.map((s, i) =>
            i === 0 ? { ...s, text: statement, traits: [8, 1], roles: ['other', 'business'] } : s,
          ),
        };
        expect(fromCsvOrThrow(questionnaireToCsv(q))).toEqual(q);
      }),
      { numRuns: 200 },
    );
  });

  it('guards a text that starts like a formula in the sheet', () => {
    const q: Questionnaire = {
      ...miniQuestionnaire,
      statements: miniQuestionnaire.statements.map((s, i) =>
        i === 0 ? { ...s, text: { nb: '=1+1', nn: '-ikkje', en: "'=x" } } : s,
      ),
    };
    const rows = parseCsv(questionnaireToCsv(q), { separator: ';' });
    const r = rows[rowIndex(rows, 'statement', 'a-1', 'text')]!;
    expect(r.slice(col('nb'))).toEqual(["'=1+1", "'-ikkje", "''=x"]);
    expect(fromCsvOrThrow(questionnaireToCsv(q))).toEqual(q);
  });
});

describe('questionnaireFromCsv: edits', () => {
  it('an edited nn text comes back', () => {
    const text = edit(questionnaireToCsv(bundled()), (rows) => {
      rows[rowIndex(rows, 'statement', 'strategy-2', 'text')]![col('nn')] =
        'Strategien byggjer på fortrinna våre; «ny» tekst med "hermeteikn"\nog ei ny linje.';
    });
    const q = fromCsvOrThrow(text);
    const s = q.statements.find((x) => x.id === 'strategy-2')!;
    expect(s.text.nn).toBe(
      'Strategien byggjer på fortrinna våre; «ny» tekst med "hermeteikn"\nog ei ny linje.',
    );
    expect(s.text.nb).toBe(bundled().statements[1]!.text.nb);
  });

  it('roles, traits and a new source can be edited', () => {
    const text = edit(questionnaireToCsv(miniQuestionnaire), (rows) => {
      const r = rows[rowIndex(rows, 'statement', 'b-1', 'text')]!;
      r[col('roles')] = 'politician,administration';
      r[col('traits')] = '4 8';
      const source = rowIndex(rows, 'area', 'b', 'source-1');
      rows.splice(source + 1, 0, ['area', 'b', '', 'source-2', '', '', 'NHO (2024)', '', '']);
    });
    const q = fromCsvOrThrow(text);
    expect(q.statements[4]).toEqual({
      id: 'b-1',
      area: 'b',
      text: { nb: 'b1', nn: 'b1', en: 'b1' },
      traits: [4, 8],
      roles: ['politician', 'administration'],
    });
    expect(q.areas[1]!.sources).toEqual(['s', 'NHO (2024)']);
  });
});

describe('questionnaireFromCsv: issues by row and column', () => {
  const base = () => questionnaireToCsv(miniQuestionnaire);

  it('a missing column', () => {
    const text = edit(base(), (rows) => rows.map((r) => r.filter((_, i) => i !== col('roles'))));
    expect(issuesOf(text)).toEqual([
      { row: 1, column: 'roles', path: null, message: 'Missing column "roles"' },
    ]);
  });

  it('an unknown column', () => {
    const text = edit(base(), (rows) => {
      rows[0]![col('roles')] = 'rolles';
    });
    expect(issuesOf(text)).toEqual([
      {
        row: 1,
        column: null,
        path: null,
        message:
          'Unknown column "rolles"; the columns are kind, id, area, field, roles, traits, nb, nn, en',
      },
      { row: 1, column: 'roles', path: null, message: 'Missing column "roles"' },
    ]);
  });

  it('an unknown kind', () => {
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'statement', 'c-1', 'text');
      rows[at]![col('kind')] = 'statment';
    });
    const areaC =
      parseCsv(text, { separator: ';' }).findIndex((r) => r[0] === 'area' && r[1] === 'c') + 1;
    // Issues come in row order. Without the statement row, area c has no statements: the
    // schema says so, at the area's first row.
    expect(issuesOf(text)).toEqual([
      { row: areaC, column: null, path: 'areas.2', message: 'Area "c" has no statements' },
      {
        row: at + 1,
        column: 'kind',
        path: null,
        message:
          'Unknown kind "statment"; expected one of meta, questionnaire, scale, area, statement',
      },
    ]);
  });

  it('a bad trait number, and a trait that is not a number', () => {
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'statement', 'a-2', 'text');
      rows[at]![col('traits')] = '3, 9, x';
    });
    expect(issuesOf(text)).toEqual([
      {
        row: at + 1,
        column: 'traits',
        path: 'statements.1.traits.1',
        message: 'Must be at most 8',
      },
      {
        row: at + 1,
        column: 'traits',
        path: 'statements.1.traits.2',
        message: 'Expected number, found string "x"',
      },
    ]);
  });

  it('an empty nn text and an unknown role', () => {
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'statement', 'b-2', 'text');
      rows[at]![col('nn')] = '  ';
      rows[at]![col('roles')] = 'mayor';
    });
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.row, i.column, i.path])).toEqual([
      [at + 1, 'nn', 'statements.5.text.nn'],
      [at + 1, 'roles', 'statements.5.roles.0'],
    ]);
    expect(formatQuestionnaireCsvIssue(issues[0]!)).toBe(
      `row ${at + 1}, column nn (statements.5.text.nn): Text must not be empty`,
    );
    expect(issues[1]!.message).toBe(
      'Must be one of "politician", "administration", "business", "other"',
    );
  });

  it('an unknown area', () => {
    // The schema checks references once the shape is right, so this is reported on its own.
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'statement', 'b-2', 'text');
      rows[at]![col('area')] = 'x';
    });
    expect(issuesOf(text)).toEqual([
      {
        row: at + 1,
        column: 'area',
        path: 'statements.5.area',
        message: 'Statement "b-2" refers to unknown area "x"',
      },
    ]);
  });

  it('a duplicate statement id', () => {
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'statement', 'b-2', 'text');
      rows[at]![col('id')] = 'b-1';
    });
    expect(issuesOf(text)).toEqual([
      { row: at + 1, column: 'id', path: 'statements.5.id', message: 'Duplicate id "b-1"' },
    ]);
  });

  it('a missing level row, a repeated row and a translated source', () => {
    let level = 0;
    let title = 0;
    let source = 0;
    const text = edit(base(), (rows) => {
      title = rowIndex(rows, 'area', 'b', 'title');
      source = rowIndex(rows, 'area', 'b', 'source-1');
      rows[source]![col('en')] = 'translated';
      rows.splice(title + 1, 0, [...rows[title]!]);
      level = rowIndex(rows, 'area', 'b', 'level-3');
      rows.splice(level, 1);
    });
    // rows after the inserted copy moved down by one; the removed level-3 moved the rest up
    expect(issuesOf(text)).toEqual([
      {
        row: title + 1,
        column: 'field',
        path: 'areas.1.levels.2',
        message: 'Area "b" has no "level-3" row',
      },
      {
        row: title + 2,
        column: 'field',
        path: null,
        message: `Repeats row ${title + 1} (area b title)`,
      },
      {
        row: source + 1,
        column: 'en',
        path: null,
        message: 'A source is not translated: put it in nb and leave en empty',
      },
    ]);
  });

  it('an unknown field, and columns that only statements have', () => {
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'scale', '', 'level-2');
      rows[at]![col('field')] = 'level-6';
      const title = rowIndex(rows, 'questionnaire', '', 'title');
      rows[title]![col('traits')] = '1';
    });
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.row, i.column, i.path])).toEqual([
      [3, 'traits', null],
      [at + 1, 'field', null],
      [null, null, 'scale.1'],
    ]);
    expect(issues[1]!.message).toBe(
      'Unknown field "level-6" for a scale row; expected one of: level-1, level-2, level-3, level-4, level-5',
    );
    expect(issues[2]!.message).toBe('There is no scale row with field "level-2"');
  });

  it('a bad version and a missing meta row', () => {
    const badVersion = edit(base(), (rows) => {
      rows[1]![col('nb')] = 'one';
    });
    expect(issuesOf(badVersion)).toEqual([
      { row: 2, column: 'nb', path: 'version', message: 'Expected number, found string "one"' },
    ]);
    const noMeta = edit(base(), (rows) => rows.filter((r) => r[0] !== 'meta'));
    const issues = issuesOf(noMeta);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: null, column: null, path: 'id' });
  });

  it('an empty file and a quote that is never closed', () => {
    expect(issuesOf('')).toEqual([
      expect.objectContaining({
        row: null,
        message: expect.stringMatching(/^The file is empty/) as unknown,
      }),
    ]);
    expect(issuesOf(`${BOM}\r\n`)[0]!.message).toMatch(/^The file is empty/);
    const open = base().replace('a1;a1;a1', '"a1;a1;a1');
    expect(issuesOf(open)[0]).toMatchObject({
      column: null,
      message: 'A quoted cell is never closed: a double quote (") is missing',
    });
  });

  it('text after a closing quote, by row', () => {
    const open = base().replace('a1;a1;a1', '"a1"x;a1;a1');
    const at = parseCsv(base(), { separator: ';' }).findIndex((r) => r[1] === 'a-1') + 1;
    expect(issuesOf(open)).toContainEqual({
      row: at,
      column: null,
      path: null,
      message:
        'A quoted cell has text after its closing quote: inside a quoted cell, write a double quote as two ("")',
    });
  });

  it('a cell outside the named columns', () => {
    let at = 0;
    const text = edit(base(), (rows) => {
      at = rowIndex(rows, 'statement', 'a-1', 'text');
      rows[at]!.push('stray note');
    });
    expect(issuesOf(text)).toEqual([
      {
        row: at + 1,
        column: null,
        path: null,
        message: 'Cell 10 is outside the named columns: "stray note"',
      },
    ]);
  });
});
