import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { questionnaireToCsv } from '../src/domain/files/questionnaire-csv';
import {
  expectNoAxeViolations,
  startResponse,
  statementGroups,
  openView,
  bundledQuestionnaire,
  bundledQuestionnaireJson,
  tempDir,
} from './helpers';

const tmp = () => tempDir('reports');

/** Text of a PDF, via poppler's pdftotext (installed by .ci/run). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  return (
    readFileSync(file)
      .toString('latin1')
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
}

test('the municipality report prints to one A4 page carrying the municipality name', async ({
  page,
}) => {
  for (const lang of ['nb', 'nn', 'en'] as const) {
    await page.goto(`./?lang=${lang}#/network`);
    if (lang === 'nb') await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
    await page.goto(`./?lang=${lang}#/report/1528`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sykkylven');
    await expectNoAxeViolations(page, `report ${lang}`);
    const file = path.join(tmp(), `report-${lang}.pdf`);
    await page.pdf({ path: file, format: 'A4', printBackground: false });
    expect(pdfPages(file), lang).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('Sykkylven');
    expect(text).toContain(
      {
        nb: 'Skår per område mot nettverket',
        nn: 'Skår per område mot nettverket',
        en: 'Score by area against the network',
      }[lang],
    );
    // The print button and the app's header are not printed.
    expect(text).not.toContain('Bokmål');
  }
});

test('the network report shows the heatmap and rankings, and hides names when asked', async ({
  page,
}) => {
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await page.getByRole('switch', { name: 'Skjul navnene på de andre kommunene' }).check();
  await openView(page, '5 Dele', 'Nettverksrapport');
  await expect(page.getByRole('table', { name: /Gjennomsnittlig skår/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Strategi' }).getByRole('listitem')).toHaveCount(7);
  const text = await page.locator('main').innerText();
  for (const name of ['Haram', 'Ulstein', 'Sykkylven', 'Aure', 'Molde', 'Sunndal', 'Tingvoll'])
    expect(text).not.toContain(name);
  await expectNoAxeViolations(page, 'network report');
  const file = path.join(tmp(), 'network.pdf');
  await page.pdf({ path: file, format: 'A4' });
  expect(pdfText(file)).toContain('Kommune A');
});

test('CSV exports open in Norwegian Excel: BOM, semicolons, decimal comma, Norwegian letters intact', async ({
  page,
}) => {
  await page.goto('./');
  await startResponse(page, {
    municipality: 'Sykkylven (1528)',
    role: 'Politiker',
    round: 'Samling 2',
    start: 'Start spørreskjemaet',
  });
  await statementGroups(page).nth(0).getByRole('radio', { name: /^4 / }).check();
  await statementGroups(page)
    .nth(0)
    .getByRole('button', { name: /Legg til kommentar/ })
    .click();
  await statementGroups(page)
    .nth(0)
    .getByRole('textbox', { name: 'Kommentar' })
    .fill('Ærlig talt; «møbelnæringa» på Ålesund-sida, "bra"');
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await openView(page, '1 Samle inn', 'Filer og data');
  await page.getByRole('button', { name: /Ta med besvarelsen på denne enheten/ }).click();

  const responsesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Alle svar (CSV)' }).click();
  const responsesFile = path.join(tmp(), (await responsesDownload).suggestedFilename());
  await (await responsesDownload).saveAs(responsesFile);
  const csv = readFileSync(responsesFile, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]!.split(';')).toEqual([
    'municipality_number',
    'municipality_name',
    'gathering_period',
    'gathering_round',
    'gathering_date',
    'response_id',
    'respondent_id',
    'role',
    'initials',
    'questionnaire_id',
    'questionnaire_version',
    'area_id',
    'statement_id',
    'answer',
    'level',
    'comment',
    'answer_updated_at',
    'demo',
  ]);
  expect(csv).toContain('"Ærlig talt; «møbelnæringa» på Ålesund-sida, ""bra"""');
  expect(csv).toContain(';Sykkylven;');

  const scoresDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Skår per område (CSV)' }).click();
  const scoresFile = path.join(tmp(), (await scoresDownload).suggestedFilename());
  await (await scoresDownload).saveAs(scoresFile);
  const scores = readFileSync(scoresFile, 'utf8').slice(1).split('\r\n');
  expect(scores[0]!.split(';').slice(0, 5)).toEqual([
    'municipality_number',
    'municipality_name',
    'gathering_period',
    'gathering_round',
    'area_id',
  ]);
  // Means to one decimal with a decimal comma, e.g. 62,5.
  expect(scores.slice(1).some((line) => /;\d{1,3},\d;/.test(line))).toBe(true);
  expect(scores.slice(1).some((line) => /;\d{1,3}\.\d;/.test(line))).toBe(false);

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Skår per område (JSON)' }).click();
  const jsonFile = path.join(tmp(), (await jsonDownload).suggestedFilename());
  await (await jsonDownload).saveAs(jsonFile);
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { records: unknown[] };
  expect(json.records.length).toBe(scores.filter((l) => l.trim() !== '').length - 1);
});

test('a broken custom questionnaire shows errors by path, and the app keeps working', async ({
  page,
}) => {
  const original = bundledQuestionnaireJson() as {
    version: number;
    statements: { id: string; area: string; text: Record<string, string> }[];
  };
  const broken = structuredClone(original);
  broken.version = 3;
  broken.statements[3]!.text.nn = '';
  broken.statements.push({ ...broken.statements[0]!, id: 'strategy-1' });
  const dir = tmp();
  writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken));
  await page.goto('./?lang=nn');
  await page.getByText('Eige spørjeskjema (for prosessleiarar)').click();
  await page.getByLabel('Vel spørjeskjemafil').setInputFiles(path.join(dir, 'broken.json'));
  const issues = page.getByRole('list', { name: 'Feil i spørjeskjemaet' });
  await expect(issues).toContainText('statements.3.text.nn');
  await expect(page.getByText(/Spørjeskjemaet har \d+ feil og er ikkje lasta inn/)).toBeVisible();
  await expectNoAxeViolations(page, 'custom questionnaire errors');

  // A valid version 3 with one statement fewer loads and can be chosen for a new response.
  const v3 = structuredClone(original);
  v3.version = 3;
  v3.statements = v3.statements.filter((s) => s.id !== 'strategy-5');
  writeFileSync(path.join(dir, 'v3.json'), JSON.stringify(v3));
  await page.getByLabel('Vel spørjeskjemafil').setInputFiles(path.join(dir, 'v3.json'));
  await expect(page.getByText(/er lasta inn: 9 område og 48 påstandar/)).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Spørjeskjema' })
    .selectOption({ label: 'God vertskommune for næringslivet (versjon 3)' });
  await startResponse(page, {
    municipality: 'Aure (1576)',
    role: 'Politikar',
    round: 'Samling 3',
    start: 'Start spørjeskjemaet',
    municipalityLabel: 'Kommune',
  });
  await expect(page.getByText('0 av 45 påstandar har svar')).toBeVisible();
  await page.reload();
  await expect(page.getByText('0 av 45 påstandar har svar')).toBeVisible();
});

test('a custom questionnaire as a spreadsheet (CSV) loads, and a broken cell is named by row', async ({
  page,
}) => {
  const csv = questionnaireToCsv({ ...bundledQuestionnaire(1), version: 3 });
  const dir = tmp();
  writeFileSync(path.join(dir, 'skjema.csv'), csv);
  // The last row's id cell opens a quote that never closes: the reader (a lazy chunk) names
  // the row, counted as a spreadsheet counts them (the header is row 1).
  const lines = csv.split('\r\n');
  const last = lines.length - 2; // the text ends with a line break
  lines[last] = lines[last]!.replace(/^statement;/, 'statement;"');
  writeFileSync(path.join(dir, 'broken.csv'), lines.join('\r\n'));

  await page.goto('./');
  await page.getByText('Eget spørreskjema (for prosessledere)').click();
  const input = page.getByLabel('Velg spørreskjemafil');
  await input.setInputFiles(path.join(dir, 'broken.csv'));
  await expect(page.getByRole('list', { name: 'Feil i spørreskjemaet' })).toContainText(
    `row ${last + 1}: A quoted cell is never closed`,
  );
  await input.setInputFiles(path.join(dir, 'skjema.csv'));
  await expect(
    page.getByText(/\(versjon 3\) er lastet inn: 9 områder og 49 påstander/),
  ).toBeVisible();
});
