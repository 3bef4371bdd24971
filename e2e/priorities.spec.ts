import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDemoNetwork } from '../src/domain/demo/demo-network';
import { aggregateResponses } from '../src/domain/scoring/aggregate';
import { priorityInputs } from '../src/domain/priorities/view-models';
import { aggregatesAt, networkStats } from '../src/domain/comparison/network-statistics';
import { rankImprovementAreas } from '../src/domain/priorities/priorities';
import {
  animationsSettled,
  expectNoAxeViolations,
  openView,
  bundledQuestionnaire,
  tempDir,
} from './helpers';

const q = bundledQuestionnaire();

test('the priorities view flags the areas the rule flags for Haram, with reasons in words', async ({
  page,
}) => {
  // What the documented rule (docs/priorities.md) gives for the demo data, gathering 2.
  const round2 = aggregatesAt(aggregateResponses(q, createDemoNetwork(q)), {
    period: '2024',
    round: 2,
  });
  const haram = round2.find((a) => a.municipality.number === '1580')!;
  const expected = rankImprovementAreas(
    priorityInputs(haram, networkStats(q, round2)),
    q.areas.map((a) => a.id),
  ).filter((r) => r.flagged);
  expect(expected.length).toBeGreaterThan(0);
  const titles = expected.map((r) => q.areas.find((a) => a.id === r.areaId)!.title.nb);

  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await openView(page, '3 Lære', 'Forbedringsområder');
  // The demo holds four gatherings; the expectation above is for gathering 2.
  await page
    .getByRole('combobox', { name: 'Samling', exact: true })
    .selectOption({ label: 'Samling 2' });
  await page
    .getByRole('combobox', { name: 'Kommune', exact: true })
    .selectOption({ label: 'Haram' });
  const list = page.getByRole('list', { name: 'Forbedringsområder for Haram' });
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(titles);
  // Land and planning in Haram: politicians far above business in the demo data.
  const land = list
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Areal, planer og infrastruktur' }) });
  await expect(land).toContainText(/politikerne gir \d+ poeng mer enn næringslivet/);
  await expect(page.getByRole('table', { name: /Viktighet, skår og felt/ })).toContainText(
    'Konsentrer innsatsen her',
  );
  await expect(
    page
      .getByRole('img', { name: /Punktdiagram over viktighet og skår/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  const roles = page.getByRole('table', { name: 'Skår per rolle og område for Haram' });
  await expect(roles).toBeVisible();
  await expectNoAxeViolations(page, 'priorities');

  await openView(page, '2 Sammenligne', 'Utvikling');
  const trend = page.getByRole('table', {
    name: /Skår per samling og endring siden forrige for Haram/,
  });
  await expect(trend.locator('tbody tr')).toHaveCount(9);
  await expect(trend).toContainText(/[▲▼▶]/);
  await expectNoAxeViolations(page, 'trends');
});

/** WCAG relative luminance of a CSS colour as getComputedStyle gives it ("rgb(r, g, b)"). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

for (const width of [320, 1280]) {
  test(`quadrant chart at ${width} px: no two labels overlap, and every numbered area is listed`, async ({
    browser,
  }) => {
    // Molde at gathering 2 in the demo: four areas within a few pixels of each other.
    const round2 = aggregatesAt(aggregateResponses(q, createDemoNetwork(q)), {
      period: '2024',
      round: 2,
    });
    const molde = round2.find((a) => a.municipality.name === 'Molde')!;
    const expected = q.areas.flatMap((area, i) => {
      const a = molde.areas.find((x) => x.areaId === area.id);
      return a && a.mean !== null && a.importance !== null
        ? [{ number: String(i + 1), name: area.title.nb }]
        : [];
    });
    expect(expected.length).toBeGreaterThanOrEqual(4);

    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto('./#/network');
    await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
    await openView(page, '3 Lære', 'Forbedringsområder');
    // On a phone the context bar is folded into its one-line summary: open it first.
    if (width < 768) await page.getByText(/^Utgangspunkt: /).click();
    await page.getByRole('combobox', { name: 'Samling' }).selectOption({ label: 'Samling 2' });
    await page
      .getByRole('combobox', { name: 'Kommune', exact: true })
      .selectOption({ label: 'Molde' });
    const chart = page.getByRole('img', { name: /Punktdiagram over viktighet og skår/ });
    const badges = chart.locator('.quadrant-badge');
    await expect(badges).toHaveCount(expected.length);
    await animationsSettled(page);

    // The list names each number, as text a screen reader reads.
    const list = page.getByRole('list', { name: 'Områdene i diagrammet' });
    const items = list.getByRole('listitem');
    await expect(items).toHaveCount(expected.length);
    for (const [i, e] of expected.entries()) {
      await expect(items.nth(i)).toHaveText(
        new RegExp(`^${e.number}\\s+${e.name}: viktighet \\d,\\d, skår \\d+$`),
      );
    }
    const numbersOnChart = await badges.evaluateAll((gs) =>
      gs.map((g) => g.getAttribute('data-number')),
    );
    expect(numbersOnChart.sort()).toEqual(expected.map((e) => e.number).sort());

    // Every label box drawn in the chart: tick labels, axis names, quadrant names and the
    // badges (each badge's outline, its number inside it), then the list's items.
    const boxes = await chart.locator('svg.recharts-surface').evaluate((svg) => {
      const box = (el: Element, label: string) => {
        const r = el.getBoundingClientRect();
        return { label, x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const texts = [...svg.querySelectorAll('text')]
        .filter((t) => !t.closest('.quadrant-badge') && t.textContent.trim() !== '')
        .map((t) => box(t, `text «${t.textContent.trim()}»`));
      const badges = [...svg.querySelectorAll('.quadrant-badge')].map((g) =>
        box(g.querySelector('rect')!, `badge ${g.getAttribute('data-number')}`),
      );
      return [...texts, ...badges];
    });
    expect(boxes.filter((b) => b.label.startsWith('badge'))).toHaveLength(expected.length);
    expect(boxes.filter((b) => b.label.startsWith('text')).length).toBeGreaterThan(10);
    const listBoxes = await items.evaluateAll((lis) =>
      lis.map((li, i) => {
        const r = li.getBoundingClientRect();
        return { label: `list item ${i + 1}`, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    const chartBox = (await chart.boundingBox())!;
    const all = [...boxes, ...listBoxes];
    const overlapping: string[] = [];
    all.forEach((a, i) => {
      for (const b of all.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        if (!apart) overlapping.push(`${a.label} and ${b.label}`);
      }
    });
    expect(overlapping).toEqual([]);
    // The list lies beside or under the chart, never on it.
    for (const item of listBoxes) {
      const apart = item.x >= chartBox.x + chartBox.width || item.y >= chartBox.y + chartBox.height;
      expect(apart, item.label).toBe(true);
    }
    // Readable at this width: everything inside the viewport, nothing cut off to the side.
    for (const b of all) {
      expect(b.x, b.label).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, b.label).toBeLessThanOrEqual(width);
    }

    // The numbers on the points: at least 4.5:1 against their badge.
    const colours = await badges.evaluateAll((gs) =>
      gs.map((g) => ({
        text: getComputedStyle(g.querySelector('text')!).fill,
        badge: getComputedStyle(g.querySelector('rect')!).fill,
      })),
    );
    for (const c of colours) expect(contrast(c.text, c.badge)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });
}

test('create two actions, export, import in a fresh profile, and see them in the network view', async ({
  browser,
}) => {
  const coordinator = await browser.newContext();
  const page = await coordinator.newPage();
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await openView(page, '3 Lære', 'Forbedringsområder');
  await page
    .getByRole('combobox', { name: 'Kommune', exact: true })
    .selectOption({ label: 'Haram' });
  await page.getByRole('link', { name: 'Lag tiltak for Areal, planer og infrastruktur' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tiltak for Haram' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Område' })).toHaveValue('land-planning');
  await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
  await expect(page.getByText('Skriv hva som skal gjøres.')).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Hva skal gjøres?' })
    .fill('Rullere arealdelen med næringsarealer');
  await page.getByRole('textbox', { name: 'Ansvarlig' }).fill('Kommunedirektøren');
  await page.getByLabel('Frist').fill('2024-12-01');
  await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
  await expect(
    page.getByText('Tiltaket «Rullere arealdelen med næringsarealer» er lagret.'),
  ).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Område' })
    .selectOption({ label: 'Dialog og samarbeid med næringslivet' });
  await page
    .getByRole('textbox', { name: 'Hva skal gjøres?' })
    .fill('Frokostmøte med næringsforeningen hver måned');
  await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
  // Haram's two actions from the demo, and the two new ones.
  const list = page.getByRole('list', { name: 'Tiltak for Haram' });
  await expect(list.getByRole('article')).toHaveCount(4);
  await expectNoAxeViolations(page, 'actions');
  // Saved as given: a reload keeps both.
  await page.reload();
  await expect(list.getByRole('article')).toHaveCount(4);

  await openView(page, '1 Samle inn', 'Filer og data');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter alt som én resultatfil' }).click();
  const download = await downloadPromise;
  const file = path.join(tempDir('bundle'), download.suggestedFilename());
  await download.saveAs(file);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
    actions: { title: string; demo?: boolean }[];
  };
  expect(bundle.actions.filter((a) => a.demo).length).toBe(14);
  expect(
    bundle.actions
      .filter((a) => !a.demo)
      .map((a) => a.title)
      .sort(),
  ).toEqual([
    'Frokostmøte med næringsforeningen hver måned',
    'Rullere arealdelen med næringsarealer',
  ]);
  await coordinator.close();

  const facilitator = await browser.newContext();
  const fpage = await facilitator.newPage();
  await fpage.goto('./?lang=nn#/network');
  await fpage.getByLabel('Vel filer').setInputFiles(file);
  await expect(fpage.getByText('Ferdig: 1 fil lesen inn, 0 med feil.')).toBeVisible();
  await expect(fpage.getByText(/og 16 tiltak/)).toBeVisible();
  await fpage.goto('./?lang=nn#/network/area/land-planning');
  const others = fpage.getByRole('region', {
    name: 'Dette gjer dei andre på Areal, planar og infrastruktur',
  });
  await expect(others).toContainText('Haram: Rullere arealdelen med næringsarealer (Planlagt)');
  await expectNoAxeViolations(fpage, 'area view with actions');
  await fpage.goto('./?lang=nn#/present/8');
  await fpage.getByRole('button', { name: 'Vis resultatet' }).click();
  await expect(fpage.getByText('Rullere arealdelen med næringsarealer')).toBeVisible();
  await facilitator.close();
});

test('an open action is followed up at the next gathering', async ({ page }) => {
  await page.goto('./?lang=en#/network');
  await page.getByRole('button', { name: /Load the demo network/ }).click();
  await openView(page, '4 Agree and act', 'Actions');
  await page.getByRole('combobox', { name: 'Gathering' }).selectOption({ label: 'Gathering 1' });
  await page
    .getByRole('combobox', { name: 'Municipality', exact: true })
    .selectOption({ label: 'Molde' });
  await page
    .getByRole('textbox', { name: 'What will be done?' })
    .fill('Open a single point of contact for business');
  await page.getByRole('button', { name: 'Save the action' }).click();
  await page.getByRole('combobox', { name: 'Gathering' }).selectOption({ label: 'Gathering 2' });
  const card = page.getByRole('article', { name: 'Open a single point of contact for business' });
  await expect(card).toContainText('This action has not been followed up at gathering 2 yet.');
  await card.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In progress' });
  await card
    .getByRole('textbox', { name: 'Follow-up at gathering 2' })
    .fill('Contact point staffed two days a week.');
  await card.getByRole('button', { name: 'Save the follow-up' }).click();
  await expect(card.getByRole('list', { name: 'Follow-up' })).toContainText(
    'Gathering 2 (In progress): Contact point staffed two days a week.',
  );
  await expect(card).not.toContainText('has not been followed up');
  await expectNoAxeViolations(page, 'follow-up');
});

test('consensus: the coordinator agrees levels, and the network view can show the agreed answer', async ({
  page,
}) => {
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await openView(page, '4 Bli enige og handle', 'Omforent svar');
  await page
    .getByRole('combobox', { name: 'Samling', exact: true })
    .selectOption({ label: 'Samling 2' });
  await page
    .getByRole('combobox', { name: 'Kommune', exact: true })
    .selectOption({ label: 'Ulstein' });
  await expect(
    page.getByRole('heading', { level: 2, name: 'Omforent svar for Ulstein, samling 2' }),
  ).toBeVisible();
  await page.getByText('Strategi og langsiktig retning', { exact: true }).click();
  const strategy = q.statements.filter((s) => s.area === 'strategy');
  for (const s of strategy) {
    const item = page.getByRole('article', { name: s.text.nb });
    await expect(item).toContainText(/Svar \(\d+\):/);
    await item.getByRole('combobox', { name: 'Omforent nivå' }).selectOption({ value: '5' });
  }
  const first = page.getByRole('article', { name: strategy[0]!.text.nb });
  await first.getByRole('textbox', { name: 'Begrunnelse' }).fill('Vedtatt i kommunestyret i mars.');
  await first.getByRole('textbox', { name: 'Begrunnelse' }).blur();
  await expect(
    page.getByText(`${strategy.length} av ${q.statements.length} påstander har et omforent svar.`),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'consensus');

  await openView(page, '2 Sammenligne', 'Oversikt');
  const ulsteinRow = page
    .getByRole('table', { name: /Gjennomsnittlig skår/ })
    .getByRole('row', { name: /^Ulstein/ });
  const meanStrategy = await ulsteinRow.locator('td.heatmap-cell').first().innerText();
  expect(meanStrategy).not.toBe('100');
  await expect(page.getByText('Viser snittet av alle besvarelser i hver kommune.')).toBeVisible();
  await page.getByRole('radio', { name: 'Omforent svar der kommunen har det' }).check();
  await expect(
    page.getByText(
      'Viser omforente svar for Ulstein, og snittet av alle besvarelser for de andre.',
    ),
  ).toBeVisible();
  await expect(ulsteinRow.locator('td.heatmap-cell').first()).toHaveText('100');
  // A reload keeps the agreed answers and the choice of what the numbers show.
  await page.reload();
  await expect(ulsteinRow.locator('td.heatmap-cell').first()).toHaveText('100');
});
