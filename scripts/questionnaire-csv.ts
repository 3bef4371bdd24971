/**
 * npm run questionnaire:csv -- export <questionnaire.json> <out.csv> [--separator ';'|','|tab]
 * npm run questionnaire:csv -- import <in.csv> <out.json>
 *
 * A questionnaire to a spreadsheet (one row per text, one column per language) and back. The
 * layout is described in src/domain/files/questionnaire-csv.ts and questionnaires/README.md.
 * Export → import reproduces the JSON file byte for byte, `$schema` included.
 *
 * Exit status: 0 done, 1 the input is not a valid questionnaire (nothing is written), 2 usage
 * error (wrong arguments, a file that cannot be read or written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  formatQuestionnaireCsvIssue,
  questionnaireFromCsv,
  questionnaireToCsv,
} from '../src/domain/files/questionnaire-csv';
import { parseQuestionnaire } from '../src/domain/questionnaire/schema';
import type { CsvSeparator } from '../src/domain/files/csv';

const USAGE = `Usage:
  npm run questionnaire:csv -- export <questionnaire.json> <out.csv> [--separator ';'|','|tab]
  npm run questionnaire:csv -- import <in.csv> <out.json>

export writes a spreadsheet (UTF-8 with BOM, ';' by default, as Norwegian Excel expects) with one
row per text and one column per language. import reads it back (any of ';', ',' or tab), checks
it, and writes the questionnaire as pretty JSON. Nothing is written when the input has errors.
Exit status: 0 done, 1 invalid input, 2 usage error.`;

const SEPARATORS: Readonly<Record<string, CsvSeparator>> = {
  ';': ';',
  ',': ',',
  tab: '\t',
  '\t': '\t',
};

class UsageError extends Error {}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read ${file} (${reason})`);
  }
}

function write(file: string, text: string): void {
  try {
    writeFileSync(file, text, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write ${file} (${reason})`);
  }
}

function exportCsv(input: string, output: string, separator: CsvSeparator): number {
  let data: unknown;
  try {
    data = JSON.parse(read(input).replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    console.log(`${input}:\n(root): Not valid JSON: ${reason}`);
    console.log(`✗ ${input} is invalid; nothing written`);
    return 1;
  }
  const result = parseQuestionnaire(data);
  if (!result.ok) {
    console.log(`${input}:`);
    for (const issue of result.issues) console.log(`${issue.path}: ${issue.message}`);
    console.log(`✗ ${input} is invalid (${result.issues.length} errors); nothing written`);
    return 1;
  }
  const text = questionnaireToCsv(result.questionnaire, { separator });
  write(output, text);
  const q = result.questionnaire;
  console.log(
    `✓ wrote ${output}: ${q.id} v${q.version}, ${q.areas.length} areas, ${q.statements.length} statements`,
  );
  return 0;
}

function importCsv(input: string, output: string): number {
  const result = questionnaireFromCsv(read(input));
  if (!result.ok) {
    console.log(`${input}:`);
    for (const issue of result.issues) console.log(formatQuestionnaireCsvIssue(issue));
    console.log(`✗ ${input} is invalid (${result.issues.length} errors); nothing written`);
    return 1;
  }
  const q = result.questionnaire;
  write(output, `${JSON.stringify(q, null, 2)}\n`);
  console.log(
    `✓ wrote ${output}: ${q.id} v${q.version}, ${q.areas.length} areas, ${q.statements.length} statements`,
  );
  return 0;
}

function main(argv: readonly string[]): number {
  const args = argv.filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  try {
    let separator: CsvSeparator = ';';
    const positional: string[] = [];
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i]!;
      const inline = /^--separator=(.*)$/s.exec(arg);
      if (arg === '--separator' || inline) {
        let value = inline?.[1];
        if (!inline) {
          i += 1;
          value = args[i];
        }
        const chosen = value === undefined ? undefined : SEPARATORS[value];
        if (chosen === undefined) throw new UsageError(`--separator takes ';', ',' or tab`);
        separator = chosen;
      } else if (arg.startsWith('--')) {
        throw new UsageError(`unknown option ${arg}`);
      } else {
        positional.push(arg);
      }
    }
    const [command, input, output, ...rest] = positional;
    if (input === undefined || output === undefined || rest.length > 0) {
      throw new UsageError('expected a command, an input file and an output file');
    }
    if (command === 'export') return exportCsv(input, output, separator);
    if (command === 'import') {
      if (args.some((a) => a.startsWith('--separator'))) {
        throw new UsageError('import detects the separator; --separator is for export');
      }
      return importCsv(input, output);
    }
    throw new UsageError(`unknown command "${command ?? ''}"; expected export or import`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
