import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The authoring CLIs, run as child processes on temporary files, as an author runs them:
 * npm run questionnaire:validate and npm run questionnaire:csv.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const BUNDLED = path.join(ROOT, 'questionnaires/god-vertskommune/v1.json');
const BUNDLED_TEXT = readFileSync(BUNDLED, 'utf8');
const TMP = mkdtempSync(path.join(os.tmpdir(), 'questionnaire-cli-'));

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** The bundled questionnaire exported once with the CLI; tests edit copies of its text. */
const EXPORTED = path.join(TMP, 'bundled.csv');
let exportRun: Run;
let exportedText = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(
  script: 'questionnaire-validate' | 'questionnaire-csv',
  ...args: string[]
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, `scripts/${script}.ts`, ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

// Each run starts Node and compiles the script: about a second, several on a busy machine.
const SLOW = { timeout: 120_000 };

beforeAll(async () => {
  exportRun = await run('questionnaire-csv', 'export', BUNDLED, EXPORTED);
  exportedText = exportRun.status === 0 ? readFileSync(EXPORTED, 'utf8') : '';
}, SLOW.timeout);

const lines = (text: string) => text.split('\n');

interface Draft {
  statements: { id: string; area: string; text: Record<string, string> }[];
  [key: string]: unknown;
}

/** A copy of the bundled questionnaire, changed and written to a temporary file. */
function brokenCopy(name: string, change: (d: Draft) => void): string {
  const draft = JSON.parse(BUNDLED_TEXT) as Draft;
  change(draft);
  const file = path.join(TMP, name);
  writeFileSync(file, `${JSON.stringify(draft, null, 2)}\n`);
  return file;
}

describe('questionnaire:validate', SLOW, () => {
  it('accepts the bundled questionnaire and says what is in it (exit 0)', async () => {
    const q = JSON.parse(BUNDLED_TEXT) as { areas: { id: string }[]; statements: unknown[] };
    const result = await run('questionnaire-validate', BUNDLED);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `is valid: god-vertskommune v1, ${q.areas.length} areas, ${q.statements.length} statements, languages nb, nn, en`,
    );
    for (const area of q.areas) expect(result.stdout).toMatch(new RegExp(`^  ${area.id} `, 'm'));
    expect(result.stdout).not.toContain('warning');
    expect(result.stderr).toBe('');
  });

  it('reports every broken path, one per line, with a summary (exit 1)', async () => {
    // The schema checks cross-references (unknown areas, duplicate ids) once the shape is
    // right, so the shape fault and the reference faults are in two copies, checked in one run.
    const shape = brokenCopy('missing-nn.json', (d) => {
      delete d.statements[3]!.text.nn;
    });
    const refs = brokenCopy('bad-refs.json', (d) => {
      d.statements[5]!.area = 'nowhere';
      d.statements[7]!.id = d.statements[6]!.id;
    });
    const original = JSON.parse(BUNDLED_TEXT) as Draft;
    const result = await run('questionnaire-validate', shape, refs);
    expect(result.status).toBe(1);
    const out = lines(result.stdout);
    expect(out).toContain('statements.3.text.nn: Expected string, found nothing');
    expect(out).toContain(
      `statements.5.area: Statement "${original.statements[5]!.id}" refers to unknown area "nowhere"`,
    );
    expect(out).toContain(`statements.7.id: Duplicate id "${original.statements[6]!.id}"`);
    expect(out).toContain(`✗ ${shape} is invalid: 1 error`);
    expect(out).toContain(`✗ ${refs} is invalid: 2 errors`);
  });

  it('says where a file is not JSON (exit 1)', async () => {
    const file = path.join(TMP, 'not-json.json');
    writeFileSync(file, '{ "id": ');
    const result = await run('questionnaire-validate', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^\(root\): Not valid JSON: /m);
  });

  it('checks a spreadsheet and names the row and column (exit 1)', async () => {
    const csv = path.join(TMP, 'broken.csv');
    const rows = exportedText.split('\r\n');
    const at = rows.findIndex((r) => r.startsWith('statement;strategy-2;'));
    const cells = rows[at]!.split(';'); // the bundled texts hold no ';'
    cells[7] = ''; // nn
    rows[at] = cells.join(';');
    writeFileSync(csv, rows.join('\r\n'));
    const result = await run('questionnaire-validate', csv);
    expect(result.status).toBe(1);
    expect(lines(result.stdout)).toContain(
      `row ${at + 1}, column nn (statements.1.text.nn): Text must not be empty`,
    );
  });

  it('warns about bokmål forms in nynorsk, whole words only, without failing (exit 0)', async () => {
    const file = brokenCopy('bokmal.json', (d) => {
      d.statements[0]!.text.nn =
        'Hvordan går det? Vi har ikke nokon bustadbolig, men ikkje bare det.';
    });
    const result = await run('questionnaire-validate', file);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toContain(
      'warning: statements.0.text.nn: bokmål form(s) in nynorsk: "Hvordan" (nynorsk: korleis), "ikke" (nynorsk: ikkje), "bare" (nynorsk: berre)',
    );
    expect(result.stdout).toContain('; 1 warning');
  });

  it('exits 2 on usage errors: no file, an unreadable file, an unknown type', async () => {
    const text = path.join(TMP, 'questionnaire.txt');
    writeFileSync(text, '{}');
    const [none, missing, unknown] = await Promise.all([
      run('questionnaire-validate'),
      run('questionnaire-validate', path.join(TMP, 'nope.json')),
      run('questionnaire-validate', text),
    ]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: npm run questionnaire:validate');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file/);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('expected a .json or .csv file');
  });
});

describe('questionnaire:csv', SLOW, () => {
  it('export → import reproduces the JSON byte for byte, $schema included', async () => {
    const json = path.join(TMP, 'round-trip.json');
    expect(exportRun.status).toBe(0);
    expect(exportRun.stdout).toContain(`✓ wrote ${EXPORTED}: god-vertskommune v1`);
    expect(exportedText.startsWith('\uFEFFkind;id;area;field;roles;traits;nb;nn;en\r\n')).toBe(
      true,
    );
    const imported = await run('questionnaire-csv', 'import', EXPORTED, json);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain(`✓ wrote ${json}`);
    expect(readFileSync(json, 'utf8')).toBe(BUNDLED_TEXT);
  });

  it('exports with another separator, and import detects it', async () => {
    const csv = path.join(TMP, 'comma.csv');
    const json = path.join(TMP, 'comma.json');
    const exported = await run('questionnaire-csv', 'export', BUNDLED, csv, '--separator', ',');
    expect(exported.status).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFkind,id,area,field,')).toBe(true);
    const imported = await run('questionnaire-csv', 'import', csv, json);
    expect(imported.status).toBe(0);
    expect(readFileSync(json, 'utf8')).toBe(BUNDLED_TEXT);
  });

  it('import of a broken sheet prints the issues and writes nothing (exit 1)', async () => {
    const csv = path.join(TMP, 'bad-kind.csv');
    const json = path.join(TMP, 'bad-kind.json');
    const rows = exportedText.split('\r\n');
    const at = rows.findIndex((r) => r.startsWith('statement;'));
    rows[at] = rows[at]!.replace(/^statement;/, 'statment;');
    writeFileSync(csv, rows.join('\r\n'));
    const result = await run('questionnaire-csv', 'import', csv, json);
    expect(result.status).toBe(1);
    expect(lines(result.stdout)).toContain(
      `row ${at + 1}, column kind: Unknown kind "statment"; expected one of meta, questionnaire, scale, area, statement`,
    );
    expect(existsSync(json)).toBe(false);
  });

  it('export of an invalid questionnaire prints the paths and writes nothing (exit 1)', async () => {
    const bad = brokenCopy('export-bad.json', (d) => {
      d.statements[2]!.text.en = ' ';
    });
    const csv = path.join(TMP, 'export-bad.csv');
    const result = await run('questionnaire-csv', 'export', bad, csv);
    expect(result.status).toBe(1);
    expect(lines(result.stdout)).toContain('statements.2.text.en: Text must not be empty');
    expect(existsSync(csv)).toBe(false);
  });

  it('exits 2 on usage errors', async () => {
    const [none, unknownCommand, missing, badSeparator] = await Promise.all([
      run('questionnaire-csv'),
      run('questionnaire-csv', 'convert', BUNDLED, path.join(TMP, 'x.csv')),
      run('questionnaire-csv', 'import', path.join(TMP, 'nope.csv'), path.join(TMP, 'x.json')),
      run('questionnaire-csv', 'export', BUNDLED, path.join(TMP, 'x.csv'), '--separator', '|'),
    ]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage:');
    expect(unknownCommand.status).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "convert"');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv/);
    expect(badSeparator.status).toBe(2);
    expect(badSeparator.stderr).toContain("--separator takes ';', ',' or tab");
    expect(existsSync(path.join(TMP, 'x.csv'))).toBe(false);
  });
});
