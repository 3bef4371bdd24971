/**
 * Our CSV rules, for writing (and a separator guess for reading). Pure. Reading itself is
 * papaparse's, in csv-parse.ts, which loads only with the code that reads CSV.
 *
 * Writing:
 * - A field is quoted when it contains the separator, a double quote, CR or LF (or starts with a
 *   byte order mark, which a parser would otherwise strip); quotes inside are doubled.
 * - Every row ends with CRLF, the last one included. A row is written with at least one cell.
 * - `bom: true` starts the text with U+FEFF, which Excel needs to read the file as UTF-8.
 * - Numbers are written with the chosen decimal mark and never with thousands separators. They
 *   are not guarded (below): a negative number stays a number.
 * - Formula injection (OWASP "CSV Injection"): a TEXT cell that starts with =, +, -, @, tab or CR
 *   gets a leading apostrophe, so a spreadsheet shows it as text instead of running it. The guard
 *   is made reversible: a text that already starts with apostrophes followed by one of those
 *   characters gets one more, and unguardFormula takes exactly one off. So
 *   unguardFormula(guardFormula(s)) === s for every s.
 *
 * The writer is ours, not papaparse's unparse: unparse quotes every guarded cell and every cell
 * with a space at either end (so the bytes of our exports would change), and importing it here
 * would load the parser with every export.
 */

export type CsvSeparator = ';' | ',' | '\t';
export type DecimalMark = ',' | '.';
/** A cell to write: text (guarded against formulas) or a number (formatted, never guarded). */
export type CsvCell = string | number;
export type CsvRow = readonly CsvCell[];

export const BOM = '\uFEFF';
const CRLF = '\r\n';

export interface CsvWriteOptions {
  /** Default ','. Use ';' for Norwegian Excel. */
  separator?: CsvSeparator;
  /** Start with the UTF-8 byte order mark. Default false. */
  bom?: boolean;
  /** Decimal mark for number cells. Default '.'. */
  decimal?: DecimalMark;
  /** Prefix text cells that a spreadsheet would run as a formula. Default true. */
  guardFormulas?: boolean;
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** "=1+2" → "'=1+2"; "'=x" → "''=x"; other texts unchanged. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of guardFormula: takes one apostrophe off a guarded text. */
export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * A number as CSV text: no thousands separators, the given decimal mark, no exponent rounding.
 * Non-finite numbers (NaN, ±Infinity) become an empty cell; -0 becomes "0".
 */
export function formatCsvNumber(value: number, decimal: DecimalMark = '.'): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value === 0 ? 0 : value);
  return decimal === '.' ? text : text.replace('.', decimal);
}

function quoteIfNeeded(text: string, separator: CsvSeparator): string {
  const needs =
    text.includes(separator) ||
    text.includes('"') ||
    text.includes('\r') ||
    text.includes('\n') ||
    text.startsWith(BOM);
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV text, every row ending with CRLF. */
export function writeCsv(rows: readonly CsvRow[], options: CsvWriteOptions = {}): string {
  const { separator = ',', bom = false, decimal = '.', guardFormulas = true } = options;
  const lines = rows.map((row) => {
    const cells = row.length === 0 ? [''] : row;
    return cells
      .map((cell) => {
        const text =
          typeof cell === 'number'
            ? formatCsvNumber(cell, decimal)
            : guardFormulas
              ? guardFormula(cell)
              : cell;
        return quoteIfNeeded(text, separator);
      })
      .join(separator);
  });
  return (bom ? BOM : '') + lines.map((line) => line + CRLF).join('');
}

/**
 * Guesses the separator from the first row: the most frequent of ';', ',' and tab outside
 * quotes (ties in that order). ',' when the first row has none of them.
 */
export function detectSeparator(text: string): CsvSeparator {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (const c of input) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\r' || c === '\n')) break;
    else if (!inQuotes && (c === ';' || c === ',' || c === '\t')) counts[c] += 1;
  }
  const ranked = (Object.keys(counts) as CsvSeparator[]).sort((a, b) => counts[b] - counts[a]);
  const best = ranked[0]!;
  return counts[best] > 0 ? best : ',';
}
