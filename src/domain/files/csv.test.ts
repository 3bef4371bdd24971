import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BOM,
  detectSeparator,
  formatCsvNumber,
  guardFormula,
  unguardFormula,
  writeCsv,
  type CsvSeparator,
} from './csv';
import { parseCsv, parseCsvDetailed } from './csv-parse';

describe('writeCsv', () => {
  it('quotes fields with the separator, quotes, CR or LF, and doubles the quotes', () => {
    const text = writeCsv(
      [
        ['plain', 'semi;colon', 'say "hi"', 'two\nlines', 'cr\rhere', 'comma,ok'],
        ['æøå ÆØÅ', ''],
      ],
      { separator: ';' },
    );
    expect(text).toBe(
      'plain;"semi;colon";"say ""hi""";"two\nlines";"cr\rhere";comma,ok\r\næøå ÆØÅ;\r\n',
    );
  });

  it('quotes a comma only when the comma is the separator', () => {
    expect(writeCsv([['a,b', 'c;d']], { separator: ',' })).toBe('"a,b",c;d\r\n');
  });

  it('starts with a BOM only when asked', () => {
    expect(writeCsv([['a']], { bom: true })).toBe(`${BOM}a\r\n`);
    expect(writeCsv([['a']])).toBe('a\r\n');
  });

  it('writes an empty table as nothing and an empty row as one empty cell', () => {
    expect(writeCsv([])).toBe('');
    expect(writeCsv([[]])).toBe('\r\n');
  });

  it('formats numbers with the decimal mark, never thousands separators, and does not guard them', () => {
    const row = [1234567.5, -1.5, 0, -0, 42];
    expect(writeCsv([row], { separator: ';', decimal: ',' })).toBe('1234567,5;-1,5;0;0;42\r\n');
    expect(writeCsv([row], { separator: ';', decimal: '.' })).toBe('1234567.5;-1.5;0;0;42\r\n');
    // a decimal comma inside a comma-separated file is quoted
    expect(writeCsv([[-1.5, 2]], { separator: ',', decimal: ',' })).toBe('"-1,5",2\r\n');
  });

  it('guards text cells that a spreadsheet would run as a formula (OWASP)', () => {
    const text = writeCsv(
      [['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=b', "'=x", "it's"]],
      { separator: ';' },
    );
    expect(text).toBe(`"'=HYPERLINK(""x"")";'+1;'-1;'@SUM(A1);'\tx;"'\rx";a=b;''=x;it's\r\n`);
  });

  it('can leave text unguarded', () => {
    expect(writeCsv([['=1+2', '-3']], { guardFormulas: false })).toBe('=1+2,-3\r\n');
  });
});

describe('formatCsvNumber', () => {
  it.each<[number, '.' | ',', string]>([
    [3.5, ',', '3,5'],
    [3.5, '.', '3.5'],
    [10000, ',', '10000'],
    [-0.25, ',', '-0,25'],
    [Number.NaN, ',', ''],
    [Number.POSITIVE_INFINITY, '.', ''],
  ])('%d with %j → %j', (value, decimal, text) => {
    expect(formatCsvNumber(value, decimal)).toBe(text);
  });
});

describe('guardFormula / unguardFormula', () => {
  it.each<[string, string]>([
    ['=1', "'=1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=1", "''=1"],
    ["'", "'"],
    ["'abc", "'abc"],
    ['abc', 'abc'],
    ['', ''],
    ['1-2', '1-2'],
  ])('%j ↔ %j', (plain, guarded) => {
    expect(guardFormula(plain)).toBe(guarded);
    expect(unguardFormula(guarded)).toBe(plain);
  });
});

describe('parseCsv', () => {
  it('parses quoted fields with separators, doubled quotes and embedded line breaks', () => {
    const text = 'a;"b;c";"say ""hi"""\r\n"two\r\nlines";"x\ny";z\r\n';
    expect(parseCsv(text, { separator: ';' })).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['two\r\nlines', 'x\ny', 'z'],
    ]);
  });

  it('strips a leading BOM, but only one', () => {
    expect(parseCsv(`${BOM}a;b\r\n`, { separator: ';' })).toEqual([['a', 'b']]);
    expect(parseCsv(`${BOM}"${BOM}a"\r\n`)).toEqual([[`${BOM}a`]]);
  });

  // Changed with the move to papaparse: it reads one kind of line end per file (the one used
  // outside quotes), where the hand-written parser took LF and lone CR mixed in one file.
  it('accepts LF and lone CR line ends and a missing final line end', () => {
    for (const end of ['\n', '\r', '\r\n']) {
      expect(parseCsv(`a,b${end}c,d${end}e,f`)).toEqual([
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ]);
    }
  });

  it('keeps empty fields and empty rows', () => {
    expect(parseCsv(';;\r\n\r\nx\r\n', { separator: ';' })).toEqual([['', '', ''], [''], ['x']]);
    expect(parseCsv('')).toEqual([]);
  });

  // Changed with the move to papaparse: text after a closing quote ("d"e) was silently joined
  // on ("de"); it is now reported by row, and nothing of it is dropped.
  it('is lenient with stray quotes, and reports text after a closing quote by row', () => {
    expect(parseCsv('ab"c,d\r\n')).toEqual([['ab"c', 'd']]);
    const result = parseCsvDetailed('x\r\nab"c,"d"e\r\n');
    expect(result.strayQuoteRows).toEqual([2]);
    expect(result.rows[0]).toEqual(['x']);
    expect(result.rows[1]!.join(',')).toContain('d"e');
    expect(parseCsvDetailed('a,"b"\r\n').strayQuoteRows).toEqual([]);
  });

  it('reports a quoted field that never closes, by row', () => {
    const result = parseCsvDetailed('a,b\r\nc,"open\r\nd,e\r\n');
    expect(result.unterminatedQuoteRow).toBe(2);
    expect(result.rows).toEqual([
      ['a', 'b'],
      ['c', 'open\r\nd,e\r\n'],
    ]);
    expect(parseCsvDetailed('a,"b"\r\n').unterminatedQuoteRow).toBeNull();
  });

  it('takes the guard off when asked', () => {
    expect(parseCsv("'=1;'-2;''=3;'x\r\n", { separator: ';', unguardFormulas: true })).toEqual([
      ['=1', '-2', "'=3", "'x"],
    ]);
  });
});

describe('detectSeparator', () => {
  it.each<[string, CsvSeparator]>([
    ['kind;id;area\r\n', ';'],
    [`${BOM}kind;id;area\r\n`, ';'],
    ['kind,id,area\r\n', ','],
    ['kind\tid\tarea\r\n', '\t'],
    ['"a;b",c,d\r\n', ','],
    ['a,b\r\nc;d;e;f\r\n', ','],
    ['single\r\n', ','],
    ['', ','],
  ])('%j → %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });
});

describe('round trip (property)', () => {
  // Strings made mostly of the characters that need care, plus any other character.
  const tricky = fc.constantFrom(';', ',', '\t', '"', '\r', '\n', "'", '=', '+', '-', '@', BOM);
  const cellChar = fc.oneof(
    tricky,
    fc.constantFrom('a', 'æ', 'Ø', ' '),
    fc.string({ maxLength: 1 }),
  );
  const cell = fc.array(cellChar, { maxLength: 8 }).map((chars) => chars.join(''));
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
  const separator = fc.constantFrom<CsvSeparator>(';', ',', '\t');

  it('parse(write(rows)) equals rows without the formula guard', () => {
    fc.assert(
      fc.property(table, separator, fc.boolean(), (rows, sep, bom) => {
        const text = writeCsv(rows, { separator: sep, bom, guardFormulas: false });
        expect(parseCsv(text, { separator: sep })).toEqual(rows);
      }),
    );
  });

  it('parse(write(rows)) equals rows with the guard on and taken off again', () => {
    fc.assert(
      fc.property(table, separator, fc.boolean(), (rows, sep, bom) => {
        const text = writeCsv(rows, { separator: sep, bom });
        const parsed = parseCsv(text, { separator: sep });
        // With the guard on, no text cell as written starts a formula.
        for (const row of parsed) {
          for (const c of row) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        }
        expect(parsed.map((row) => row.map(unguardFormula))).toEqual(rows);
        expect(parseCsv(text, { separator: sep, unguardFormulas: true })).toEqual(rows);
      }),
    );
  });

  it('detects the separator of a written table whose first row has several cells', () => {
    const plain = fc.stringMatching(/^[a-zæøå ]{0,6}$/);
    fc.assert(
      fc.property(
        fc.array(plain, { minLength: 2, maxLength: 6 }),
        separator,
        fc.boolean(),
        (header, sep, bom) => {
          expect(detectSeparator(writeCsv([header], { separator: sep, bom }))).toBe(sep);
        },
      ),
    );
  });
});
