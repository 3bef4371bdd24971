import Papa from 'papaparse';
import { unguardFormula, type CsvSeparator } from './csv';

/**
 * Reading CSV. Pure. RFC 4180 is papaparse's job: quoted fields with separators, doubled quotes
 * and line breaks; CRLF, LF or CR row ends (one kind per file, which papaparse works out from
 * the text outside quotes); one leading byte order mark stripped. What is ours:
 * - the separator is given (see detectSeparator in csv.ts for ';', the Norwegian Excel one);
 * - `unguardFormulas` takes off the apostrophe that writeCsv put before formula-like text;
 * - a final line break ends the last row instead of starting an empty one;
 * - malformed quotes come back as row numbers, so a caller can name the row.
 *
 * This is the only module in src/domain that imports a package other than zod (see
 * src/architecture.test.ts). It is kept apart from csv.ts, which the exports use, so that the
 * parser loads only with what reads CSV: the questionnaire spreadsheet reader, a lazy chunk.
 * Never throws.
 */

export interface CsvParseOptions {
  /** Default ','. */
  separator?: CsvSeparator;
  /** Apply unguardFormula to every cell. Default false. */
  unguardFormulas?: boolean;
}

export interface CsvParseResult {
  rows: string[][];
  /**
   * 1-based row (record) number where a quoted field opens and never closes; null if none. Such
   * a field runs to the end of the text.
   */
  unterminatedQuoteRow: number | null;
  /** 1-based rows with text right after a closing quote (`"a"b`), in order, each once. */
  strayQuoteRows: number[];
}

/** Parses CSV text into rows of cells, with what went wrong. Never throws. */
export function parseCsvDetailed(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const { separator = ',', unguardFormulas = false } = options;
  const parsed = Papa.parse<string[]>(text, {
    delimiter: separator,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    comments: false,
  });
  const rows = parsed.data;
  let unterminatedQuoteRow: number | null = null;
  const strayQuoteRows: number[] = [];
  for (const error of parsed.errors) {
    const row = error.row === undefined ? rows.length : error.row + 1;
    if (error.code === 'MissingQuotes') unterminatedQuoteRow ??= row;
    else if (error.code === 'InvalidQuotes' && !strayQuoteRows.includes(row))
      strayQuoteRows.push(row);
  }
  // "a\r\n" is one row, not a row and an empty one (unless the line break is inside a quote).
  const last = rows.at(-1);
  if (
    unterminatedQuoteRow === null &&
    /[\r\n]$/.test(text) &&
    last?.length === 1 &&
    last[0] === ''
  ) {
    rows.pop();
  }
  return {
    rows: unguardFormulas ? rows.map((row) => row.map(unguardFormula)) : rows,
    unterminatedQuoteRow,
    strayQuoteRows,
  };
}

/** Parses CSV text into rows of cells. Never throws; see parseCsvDetailed for diagnostics. */
export function parseCsv(text: string, options: CsvParseOptions = {}): string[][] {
  return parseCsvDetailed(text, options).rows;
}
