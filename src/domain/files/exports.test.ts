import { describe, expect, it } from 'vitest';
import { anonymiseNames } from '../comparison/anonymise';
import { makeResponse, miniQuestionnaire as q } from '../testing/fixtures';
import type { AnswerValue, Level, Response, Role } from '../core/types';
import { BOM } from './csv';
import { parseCsv } from './csv-parse';
import {
  RESPONSE_COLUMNS,
  SCORE_COLUMNS,
  csvDialect,
  exportCsvText,
  exportFileName,
  exportJsonText,
  exportResponses,
  exportScores,
  roundTo,
  type ScoreRecord,
} from './exports';

const HARAM = { number: '1580', name: 'Haram' };
// Not a network member, so its name comes from the responses: Norwegian letters survive.
const ORSTA = { number: '1520', name: 'Ørsta' };

const TRICKY_COMMENT = 'Bra; men «sitat» og "hermeteikn"\nny linje med æøå ÆØÅ';

function respondent(
  id: string,
  role: Role,
  values: Record<string, AnswerValue>,
  extra: Partial<Omit<Response, 'answers'>> & { importance?: Record<string, Level> } = {},
): Response {
  return makeResponse({
    id,
    role,
    answers: values,
    respondent: { id: `p-${id}`, role },
    ...extra,
  });
}

// Mini questionnaire: area a has a-1..a-3 for all and a-4 for business; b has b-1, b-2; c has c-1.
const politician = respondent(
  'h1',
  'politician',
  // a: 5, 4 (a-3 don't know) → mean 4.5 → 87.5, coverage 2/3
  // b: 3 (b-2 not relevant) → 50, coverage 1/1; c: unanswered → no score, coverage 0
  { 'a-1': 5, 'a-2': 4, 'a-3': 'dontKnow', 'b-1': 3, 'b-2': 'notRelevant' },
  { importance: { a: 5, b: 3 }, municipality: HARAM },
);
politician.respondent.initials = 'ÆØÅ';
politician.answers['a-1']!.comment = TRICKY_COMMENT;
// A comment without an answer yet.
politician.answers['c-1'] = {
  comment: '=HYPERLINK("http://x")',
  updatedAt: '2024-02-15T11:00:00.000Z',
};

const administration = respondent(
  'h2',
  'administration',
  // a: 2, 2, 3 → 7/3 → 33.33…; b: 1, 2 → 1.5 → 12.5; c: 4 → 75. Coverage 1 everywhere.
  { 'a-1': 2, 'a-2': 2, 'a-3': 3, 'b-1': 1, 'b-2': 2, 'c-1': 4 },
  { importance: { a: 4 }, municipality: HARAM },
);
const business = respondent(
  'h3',
  'business',
  // a: 4, 4, 4, 1 → 13/4 = 3.25 → 56.25; b: 5, 5 → 100; c: don't know → no score, coverage 0
  { 'a-1': 4, 'a-2': 4, 'a-3': 4, 'a-4': 1, 'b-1': 5, 'b-2': 5, 'c-1': 'dontKnow' },
  { municipality: HARAM },
);
const orsta = respondent('o1', 'politician', { 'a-1': 3 }, { municipality: ORSTA });
const otherVersion = respondent(
  'v2',
  'politician',
  { 'a-1': 1 },
  {
    municipality: HARAM,
    questionnaire: { id: 'mini', version: 2 },
  },
);

// Given in a scrambled order: the export sorts.
const RESPONSES = [business, orsta, otherVersion, politician, administration];

describe('exportResponses', () => {
  const table = exportResponses([q], RESPONSES);

  it('has the stable header and one row per respondent × statement that applies to the role', () => {
    expect(table.rows[0]).toEqual([...RESPONSE_COLUMNS]);
    // politicians and administration: 6 statements each; business: 7 (a-4 is theirs only)
    expect(table.records).toHaveLength(6 + 6 + 7 + 6);
    expect(table.rows).toHaveLength(1 + table.records.length);
    expect(table.skipped).toBe(1); // version 2 of the questionnaire is not given
  });

  it('sorts by municipality number, round, role and id, statements in questionnaire order', () => {
    const keys = table.records.map((r) => `${r.municipality_number} ${r.role} ${r.statement_id}`);
    expect(keys).toEqual([
      ...['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'c-1'].map((s) => `1520 politician ${s}`),
      ...['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'c-1'].map((s) => `1580 politician ${s}`),
      ...['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'c-1'].map((s) => `1580 administration ${s}`),
      ...['a-1', 'a-2', 'a-3', 'a-4', 'b-1', 'b-2', 'c-1'].map((s) => `1580 business ${s}`),
    ]);
  });

  it('writes every field of an answered statement', () => {
    expect(table.records[6]).toEqual({
      municipality_number: '1580',
      municipality_name: 'Haram',
      gathering_period: '2024',
      gathering_round: 1,
      gathering_date: '2024-02-15',
      response_id: 'h1',
      respondent_id: 'p-h1',
      role: 'politician',
      initials: 'ÆØÅ',
      questionnaire_id: 'mini',
      questionnaire_version: 1,
      area_id: 'a',
      statement_id: 'a-1',
      answer: 5,
      level: 5,
      comment: TRICKY_COMMENT,
      answer_updated_at: '2024-02-15T10:00:00.000Z',
      demo: false,
    });
  });

  it('codes don’t know, not relevant and no answer', () => {
    const haramPolitician = table.records.slice(6, 12);
    expect(haramPolitician.map((r) => [r.statement_id, r.answer, r.level])).toEqual([
      ['a-1', 5, 5],
      ['a-2', 4, 4],
      ['a-3', 'dont_know', null],
      ['b-1', 3, 3],
      ['b-2', 'not_relevant', null],
      ['c-1', null, null],
    ]);
    // c-1 has a comment but no answer; it keeps its comment and time.
    expect(haramPolitician[5]!.comment).toBe('=HYPERLINK("http://x")');
    expect(haramPolitician[5]!.answer_updated_at).toBe('2024-02-15T11:00:00.000Z');
    // a statement nobody touched: empty comment and time
    expect(table.records[5]!.statement_id).toBe('c-1');
    expect(table.records[5]!).toMatchObject({ answer: null, comment: '', answer_updated_at: '' });
  });

  it('writes empty cells for nulls in the CSV rows, and numbers as numbers', () => {
    const row = table.rows[1 + 8]!; // Haram politician, a-3: don't know
    const cell = (c: (typeof RESPONSE_COLUMNS)[number]) => row[RESPONSE_COLUMNS.indexOf(c)];
    expect([cell('answer'), cell('level'), cell('gathering_round'), cell('demo')]).toEqual([
      'dont_know',
      '',
      1,
      'false',
    ]);
  });

  it('counts a response id that arrives twice once, the newer edit winning', () => {
    const older = { ...administration, updatedAt: '2024-01-01T00:00:00.000Z' };
    const twice = exportResponses([q], [older, ...RESPONSES]);
    expect(twice.records).toHaveLength(table.records.length);
    expect(twice.records).toEqual(table.records);
  });

  it('marks demo data', () => {
    const demo = exportResponses([q], [{ ...orsta, demo: true }]);
    expect(demo.records.every((r) => r.demo)).toBe(true);
  });
});

describe('exportScores (hand-checked)', () => {
  const table = exportScores(q, RESPONSES);
  const haram = table.records.filter((r) => r.municipality_number === '1580');
  const area = (id: string) => haram.find((r) => r.area_id === id)!;

  it('has the stable header and one row per municipality × round × area', () => {
    expect(table.rows[0]).toEqual([...SCORE_COLUMNS]);
    expect(SCORE_COLUMNS).toEqual([
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
      'politician_mean',
      'politician_n',
      'administration_mean',
      'administration_n',
      'business_mean',
      'business_n',
      'other_mean',
      'other_n',
      'demo',
    ]);
    expect(table.records.map((r) => `${r.municipality_name} ${r.area_id}`)).toEqual([
      'Ørsta a',
      'Ørsta b',
      'Ørsta c',
      'Haram a',
      'Haram b',
      'Haram c',
    ]);
  });

  it('area a: 87.5, 33.3 and 56.25', () => {
    expect(area('a')).toEqual<ScoreRecord>({
      municipality_number: '1580',
      municipality_name: 'Haram',
      gathering_period: '2024',
      gathering_round: 1,
      area_id: 'a',
      // (87.5 + 33.333… + 56.25) / 3 = 2125/36 = 59.03
      score_mean: 59,
      n_respondents: 3,
      // deviations ×36: 1025, −925, −100 → (1,916,250 / 1296) / 2 = 739.29 → √ = 27.19
      sd: 27.2,
      min: 33.3,
      max: 87.5,
      importance_mean: 4.5, // 5 and 4; the business respondent gave none
      coverage_mean: 0.89, // (2/3 + 1 + 1) / 3 = 0.888…
      disagreement: true, // sd 27.2 ≥ 25 with n = 3
      politician_mean: 87.5,
      politician_n: 1,
      administration_mean: 33.3,
      administration_n: 1,
      business_mean: 56.3, // 56.25 rounds half away from zero
      business_n: 1,
      other_mean: null,
      other_n: 0,
      demo: false,
    });
  });

  it('area b: 50, 12.5 and 100', () => {
    expect(area('b')).toMatchObject({
      score_mean: 54.2, // 162.5 / 3 = 54.17
      n_respondents: 3,
      sd: 43.9, // deviations −4.17, −41.67, 45.83 → (17.36 + 1736.11 + 2100.69) / 2 = 1927.08 → 43.90
      min: 12.5,
      max: 100,
      importance_mean: 3,
      coverage_mean: 1, // b-2 "not relevant" does not count against the politician
      disagreement: true,
    });
  });

  it('area c: one score (75); don’t know and unanswered count against coverage', () => {
    expect(area('c')).toMatchObject({
      score_mean: 75,
      n_respondents: 1,
      sd: null,
      min: 75,
      max: 75,
      importance_mean: null,
      coverage_mean: 0.33, // (0 + 1 + 0) / 3
      disagreement: false,
      administration_mean: 75,
      administration_n: 1,
      politician_mean: null,
      politician_n: 0,
    });
  });

  it('leaves out responses to another questionnaire version', () => {
    // otherVersion (Haram politician, v2) would have made politician_n 2
    expect(area('a').politician_n).toBe(1);
  });
});

describe('anonymising', () => {
  // Haram is the viewer's own municipality and stays named; Ørsta becomes a letter.
  const letters = anonymiseNames(['1580', '1520'], '1580');
  // The UI passes its translated label (network.anonName); the domain has no default.
  const label = (letter: string) => `Kommune ${letter}`;

  it('names anonymised municipalities by letter, with number, ids and initials blanked', () => {
    const table = exportResponses([q], RESPONSES, { anonymise: { letters, label } });
    const anonymous = table.records.filter((r) => r.municipality_name === 'Kommune A');
    expect(anonymous).toHaveLength(6);
    for (const r of anonymous) {
      expect(r).toMatchObject({
        municipality_number: '',
        response_id: '',
        respondent_id: '',
        initials: '',
      });
    }
    // Named first, then anonymised by letter: the row order does not give the number away.
    expect(table.records[0]!.municipality_name).toBe('Haram');
    expect(table.records.at(-1)!.municipality_name).toBe('Kommune A');
    // Haram keeps everything
    expect(table.records[0]).toMatchObject({ response_id: 'h1', initials: 'ÆØÅ' });
    expect(JSON.stringify(table.records)).not.toMatch(/Ørsta|1520|"o1"|p-o1/);
  });

  it('leaves out the comments of anonymised municipalities, which may name them', () => {
    const commented = structuredClone(orsta);
    commented.answers['a-1']!.comment = 'Her i Ørsta tar byggesaker for lang tid.';
    const responses = RESPONSES.map((r) => (r === orsta ? commented : r));
    const named = exportResponses([q], responses);
    expect(named.records.map((r) => r.comment)).toContain(
      'Her i Ørsta tar byggesaker for lang tid.',
    );
    const table = exportResponses([q], responses, { anonymise: { letters, label } });
    const anonymous = table.records.filter((r) => r.municipality_name === 'Kommune A');
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((r) => r.comment === '')).toBe(true);
    expect(JSON.stringify(table.rows)).not.toMatch(/Ørsta/);
    // The viewer's own municipality keeps its comments.
    expect(
      table.records.find((r) => r.response_id === 'h1' && r.statement_id === 'a-1')?.comment,
    ).toBe(TRICKY_COMMENT);
  });

  it('takes a translated label', () => {
    const english = (letter: string) => `Municipality ${letter}`;
    const scores = exportScores(q, RESPONSES, { anonymise: { letters, label: english } });
    expect(scores.records.map((r) => [r.municipality_number, r.municipality_name])).toEqual([
      ['1580', 'Haram'],
      ['1580', 'Haram'],
      ['1580', 'Haram'],
      ['', 'Municipality A'],
      ['', 'Municipality A'],
      ['', 'Municipality A'],
    ]);
  });

  it('orders anonymised municipalities by letter, A … Z before AA', () => {
    const many = ['1580', '1520', '1516'];
    const map = new Map([
      ['1580', 'AA'],
      ['1520', 'B'],
      ['1516', 'A'],
    ]);
    const responses = many.map((number, i) =>
      respondent(`x${i}`, 'politician', { 'a-1': 3 }, { municipality: { number, name: number } }),
    );
    const names = exportScores(q, responses, { anonymise: { letters: map, label } }).records.map(
      (r) => r.municipality_name,
    );
    expect([...new Set(names)]).toEqual(['Kommune A', 'Kommune B', 'Kommune AA']);
  });
});

describe('CSV files', () => {
  const responses = exportResponses([q], RESPONSES);
  const scores = exportScores(q, RESPONSES);

  it('nb and nn: BOM, semicolons, decimal comma, CRLF', () => {
    for (const locale of ['nb', 'nn'] as const) {
      const text = exportCsvText(scores.rows, csvDialect(locale));
      expect(text.startsWith(BOM)).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe(SCORE_COLUMNS.join(';'));
      // Haram, area a
      expect(lines[4]).toBe(
        '1580;Haram;2024;1;a;59;3;27,2;33,3;87,5;4,5;0,89;true;87,5;1;33,3;1;56,3;1;;0;false',
      );
      expect(text).toContain(';Ørsta;');
    }
  });

  it('en: commas and a decimal point', () => {
    const text = exportCsvText(scores.rows, csvDialect('en'));
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(SCORE_COLUMNS.join(','));
    expect(lines[4]).toBe(
      '1580,Haram,2024,1,a,59,3,27.2,33.3,87.5,4.5,0.89,true,87.5,1,33.3,1,56.3,1,,0,false',
    );
  });

  it('a comment with ";", quotes and a line break, and æøå ÆØÅ, survive a round trip', () => {
    for (const locale of ['nb', 'en'] as const) {
      const dialect = csvDialect(locale);
      const text = exportCsvText(responses.rows, dialect);
      const parsed = parseCsv(text, { separator: dialect.separator });
      expect(parsed).toHaveLength(responses.rows.length);
      const comment = RESPONSE_COLUMNS.indexOf('comment');
      const initials = RESPONSE_COLUMNS.indexOf('initials');
      expect(parsed[1 + 6]![comment]).toBe(TRICKY_COMMENT);
      expect(parsed[1 + 6]![initials]).toBe('ÆØÅ');
      expect(parsed[1]![RESPONSE_COLUMNS.indexOf('municipality_name')]).toBe('Ørsta');
    }
  });

  it('guards a comment that a spreadsheet would run as a formula; the JSON keeps it as written', () => {
    const dialect = csvDialect('nb');
    const parsed = parseCsv(exportCsvText(responses.rows, dialect), { separator: ';' });
    const comment = RESPONSE_COLUMNS.indexOf('comment');
    expect(parsed[1 + 11]![comment]).toBe('\'=HYPERLINK("http://x")');
    expect(responses.records[11]!.comment).toBe('=HYPERLINK("http://x")');
  });

  it('every parsed row has as many cells as the header', () => {
    const parsed = parseCsv(exportCsvText(responses.rows, csvDialect('nn')), { separator: ';' });
    expect(new Set(parsed.map((r) => r.length))).toEqual(new Set([RESPONSE_COLUMNS.length]));
  });
});

describe('JSON export', () => {
  it('is an envelope with the same records, pretty and with a trailing newline', () => {
    const scores = exportScores(q, RESPONSES);
    const text = exportJsonText('scores', scores, {
      appVersion: '0.1.0',
      exportedAt: '2024-05-03T12:00:00.000Z',
      anonymised: false,
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "naeringsspeilet-export",');
    const parsed = JSON.parse(text) as { kind: string; columns: string[]; records: unknown[] };
    expect(parsed.kind).toBe('scores');
    expect(parsed.columns).toEqual([...SCORE_COLUMNS]);
    expect(parsed.records).toEqual(scores.records);
  });
});

describe('exportFileName', () => {
  it.each<[Parameters<typeof exportFileName>[0], string]>([
    [
      {
        kind: 'scores',
        extension: 'csv',
        municipality: 'Ørsta',
        round: 2,
        date: '2024-05-03T10:00Z',
      },
      'naeringsspeilet-scores-oersta-samling-2-2024-05-03.csv',
    ],
    [
      { kind: 'responses', extension: 'json', date: '2024-05-03' },
      'naeringsspeilet-responses-2024-05-03.json',
    ],
  ])('%j → %s', (parts, name) => {
    expect(exportFileName(parts)).toBe(name);
  });
});

describe('roundTo', () => {
  it.each<[number, number, number]>([
    [59.02777, 1, 59],
    [56.25, 1, 56.3],
    [33.3333, 1, 33.3],
    [1.005, 2, 1.01],
    [0.8888, 2, 0.89],
    [-56.25, 1, -56.3],
    [-0.04, 1, 0],
    [1e-7, 1, 0],
    [100, 1, 100],
  ])('roundTo(%d, %d) = %d', (value, digits, rounded) => {
    expect(roundTo(value, digits)).toBe(rounded);
  });

  it('never gives −0', () => {
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
  });
});
