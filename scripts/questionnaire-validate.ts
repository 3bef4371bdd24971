/**
 * npm run questionnaire:validate -- <file.json|file.csv> [more files]
 *
 * Checks questionnaire files with the same validation the app uses when it loads one, and
 * prints every problem with its path (and, for a spreadsheet, its row and column). Warns, without
 * failing, about common bokmål forms in nynorsk texts.
 *
 * Exit status: 0 when every file is valid, 1 when one is invalid, 2 on a usage error (no file,
 * an unreadable file, an unknown file type).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  formatQuestionnaireCsvIssue,
  questionnaireFromCsv,
} from '../src/domain/files/questionnaire-csv';
import {
  parseQuestionnaire,
  type LocalizedText,
  type Questionnaire,
} from '../src/domain/questionnaire/schema';
import { LOCALES } from '../src/domain/core/types';

const USAGE = `Usage: npm run questionnaire:validate -- <questionnaire.json | questionnaire.csv> [more files]

Checks each file as the app does when it loads a questionnaire and prints every error by path,
for example "statements.3.text.nn: Text must not be empty". A .csv file is a spreadsheet written
by "npm run questionnaire:csv -- export"; its errors also name the row and column.
Exit status: 0 valid, 1 invalid, 2 usage error.`;

/** Bokmål forms that readers of nynorsk notice at once, with the nynorsk form (docs/language.md). */
const BOKMAL_FORMS: Readonly<Record<string, string>> = {
  ikke: 'ikkje',
  hva: 'kva',
  hvordan: 'korleis',
  noen: 'nokon',
  mye: 'mykje',
  bare: 'berre',
  ansatte: 'tilsette',
  tjenester: 'tenester',
  bolig: 'bustad',
};

const BOKMAL_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${Object.keys(BOKMAL_FORMS).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Every localized text with its dotted path. */
function localizedTexts(q: Questionnaire): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [
    ['title', q.title],
    ['intro', q.intro],
    ...q.scale.map((t, i): [string, LocalizedText] => [`scale.${i}`, t]),
  ];
  q.areas.forEach((a, i) => {
    out.push([`areas.${i}.title`, a.title]);
    if (a.short) out.push([`areas.${i}.short`, a.short]);
    out.push([`areas.${i}.description`, a.description]);
    a.levels.forEach((t, j) => out.push([`areas.${i}.levels.${j}`, t]));
  });
  q.statements.forEach((s, i) => out.push([`statements.${i}.text`, s.text]));
  return out;
}

/** Warnings, one per nn text that holds bokmål forms. */
function nynorskWarnings(q: Questionnaire): string[] {
  const warnings: string[] = [];
  for (const [at, text] of localizedTexts(q)) {
    const found = [...text.nn.matchAll(BOKMAL_WORD)].map((m) => m[0]);
    if (found.length === 0) continue;
    const hints = [...new Set(found)].map(
      (w) => `"${w}" (nynorsk: ${BOKMAL_FORMS[w.toLowerCase()] ?? '?'})`,
    );
    warnings.push(`${at}.nn: bokmål form(s) in nynorsk: ${hints.join(', ')}`);
  }
  return warnings;
}

type Checked =
  | { kind: 'valid'; questionnaire: Questionnaire }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'unusable'; message: string };

function check(file: string): Checked {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    return { kind: 'unusable', message: `${file}: expected a .json or .csv file` };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'unusable', message: `${file}: cannot read the file (${reason})` };
  }
  if (extension === '.csv') {
    const result = questionnaireFromCsv(text);
    return result.ok
      ? { kind: 'valid', questionnaire: result.questionnaire }
      : { kind: 'invalid', errors: result.issues.map(formatQuestionnaireCsvIssue) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', errors: [`(root): Not valid JSON: ${reason}`] };
  }
  const result = parseQuestionnaire(data);
  return result.ok
    ? { kind: 'valid', questionnaire: result.questionnaire }
    : { kind: 'invalid', errors: result.issues.map((i) => `${i.path}: ${i.message}`) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function main(args: readonly string[]): number {
  const out = (line: string) => console.log(line);
  const err = (line: string) => console.error(line);
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const files = args.filter((a) => a !== '--');
  if (files.length === 0) {
    err(USAGE);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    const checked = check(file);
    if (checked.kind === 'unusable') {
      err(`error: ${checked.message}`);
      status = 2;
      continue;
    }
    if (checked.kind === 'invalid') {
      out(`${file}:`);
      for (const line of checked.errors) out(line);
      out(`✗ ${file} is invalid: ${plural(checked.errors.length, 'error')}`);
      status = Math.max(status, 1);
      continue;
    }
    const q = checked.questionnaire;
    const warnings = nynorskWarnings(q);
    out(`${file}:`);
    for (const area of q.areas) {
      const count = q.statements.filter((s) => s.area === area.id).length;
      out(`  ${area.id.padEnd(24)} ${plural(count, 'statement').padEnd(14)} ${area.title.nb}`);
    }
    for (const warning of warnings) out(`warning: ${warning}`);
    out(
      `✓ ${file} is valid: ${q.id} v${q.version}, ${plural(q.areas.length, 'area')}, ` +
        `${plural(q.statements.length, 'statement')}, languages ${LOCALES.join(', ')}` +
        (warnings.length > 0 ? `; ${plural(warnings.length, 'warning')}` : ''),
    );
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
