import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { splitForQr } from '../src/domain/files/qr-parts';
import type { Response } from '../src/domain/core/types';
import { createResultLink } from '../src/lib/result-links';
import {
  appTexts,
  expectNoAxeViolations,
  guardRequests,
  startResponse,
  shownAreaGroups,
  openView,
  tempDir,
} from './helpers';
import { launchWithFakeCamera, writeQrVideo } from './qr-video';

/**
 * Results that travel without attachments (issue 15): a delegate sends a link (Web Share stubbed,
 * as Linux Chromium has none), the facilitator pastes it and the heatmap changes; QR codes read
 * through Chromium's fake camera, one code and a sequence; an invite opens a filled-in start
 * screen; axe on every new screen in nb, nn and en.
 */

type Lang = 'nb' | 'nn' | 'en';

/** Web Share as a phone has it: what is shared is kept for the test to read. */
async function stubWebShare(page: Page) {
  await page.addInitScript(() => {
    const shared: unknown[] = [];
    Object.defineProperty(window, '__shared', { value: shared });
    Object.defineProperty(navigator, 'share', {
      value: (data: unknown) => {
        shared.push(data);
        return Promise.resolve();
      },
    });
  });
}

/** A delegate answers the first area and submits; returns on the results screen. */
async function answerAndSubmit(page: Page, lang: Lang, municipality: string) {
  const t = appTexts(lang);
  await startResponse(page, {
    municipality,
    role: t('roles.politician'),
    round: t('start.gatheringRound', { round: 2 }),
    start: t('start.begin'),
  });
  const groups = await shownAreaGroups(page);
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    await groups.nth(i).getByRole('radio', { name: /^4 / }).check();
  }
  await page.evaluate(() => (window.location.hash = '#/review'));
  await page.getByRole('button', { name: t('review.submitWithGaps') }).click();
  await expect(page.getByRole('heading', { level: 2, name: t('share.send.title') })).toBeVisible();
}

test('a delegate sends a link, the facilitator pastes it, and the heatmap changes', async ({
  browser,
}) => {
  const t = appTexts('nb');
  const delegate = await browser.newContext();
  const phone = await delegate.newPage();
  const foreignPhone = guardRequests(phone);
  await stubWebShare(phone);
  await phone.goto('./');
  await answerAndSubmit(phone, 'nb', 'Molde (1506)');
  await expectNoAxeViolations(phone, 'results with send panel nb');
  await phone.getByRole('button', { name: t('share.send.share') }).click();
  const shared = await phone.evaluate(
    () => (window as unknown as { __shared: { url: string; title: string }[] }).__shared,
  );
  expect(shared).toHaveLength(1);
  const link = shared[0]!.url;
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/r\/[A-Za-z0-9_-]+$/);
  expect(shared[0]!.title).toContain('Molde');
  console.log(`link from the app: ${link.length} characters (one area answered)`);
  // Copy is always there too; the QR codes show on request.
  await phone.getByRole('button', { name: t('share.send.showQr') }).click();
  await expect(phone.getByRole('img', { name: /QR-kode 1 av 1/ })).toBeVisible();
  await expectNoAxeViolations(phone, 'results with QR nb');
  expect(foreignPhone).toEqual([]);
  await delegate.close();

  // The facilitator: an empty network, then a mail thread pasted in, quoted and wrapped.
  const laptop = await (await browser.newContext()).newPage();
  const foreign = guardRequests(laptop);
  await laptop.goto('./#/network/data');
  const heatmap = laptop.getByRole('table', { name: /Gjennomsnittlig skår/ });
  await expect(laptop.getByText(t('network.empty'))).toBeVisible();
  const wrapped = link.match(/.{1,60}/g)!.join('\n> ');
  const thread = `Fra: Kari\nSendt: i dag\n\nHei!\n\n> ${wrapped}\n\n> Helsing Kari\n`;
  await laptop.getByRole('textbox', { name: t('share.receive.pasteLabel') }).fill(thread);
  await expectNoAxeViolations(laptop, 'paste links nb');
  await laptop.getByRole('button', { name: t('share.receive.pasteImport') }).click();
  await expect(laptop.getByTestId('import-summary')).toHaveAttribute('data-ok', '1');
  await openView(laptop, `2 ${t('network.journey.compare')}`, t('network.tabs.overview'));
  await expect(heatmap).toBeVisible();
  await expect(heatmap.getByRole('rowheader', { name: 'Molde' })).toBeVisible();
  expect(foreign).toEqual([]);
  await laptop.close();
});

test('opening a result link shows what it holds and imports only on confirm', async ({
  browser,
}) => {
  for (const lang of ['nb', 'nn', 'en'] as const) {
    const t = appTexts(lang);
    const delegate = await (await browser.newContext()).newPage();
    await delegate.goto(`./?lang=${lang}`);
    await answerAndSubmit(delegate, lang, 'Tingvoll (1560)');
    const link = await delegate.getByRole('textbox', { name: /\(\d+/ }).inputValue();
    await delegate.close();

    const laptop = await (await browser.newContext()).newPage();
    await laptop.goto(`./?lang=${lang}`);
    await laptop.goto(link.replace(/^http:\/\/[^/]+\//, './'));
    await expect(
      laptop.getByRole('heading', { level: 1, name: t('share.open.title') }),
    ).toBeVisible();
    const summary = laptop.getByTestId('link-summary');
    await expect(summary).toContainText('Tingvoll (1560)');
    await expect(summary).toContainText(t('roles.politician'));
    await expectNoAxeViolations(laptop, `result link ${lang}`);
    // Nothing is imported before the user says so.
    await laptop.getByRole('button', { name: t('share.open.import') }).click();
    await expect(laptop.getByTestId('import-summary')).toHaveAttribute('data-ok', '1');

    // A link cut short gives a clear error and changes nothing.
    await laptop.goto(link.slice(0, -40).replace(/^http:\/\/[^/]+\//, './'));
    await expect(laptop.getByRole('alert').or(laptop.locator('.ds-alert')).first()).toContainText(
      t('share.open.nothingChanged'),
    );
    await expectNoAxeViolations(laptop, `broken result link ${lang}`);
    await laptop.close();
  }
});

test('an invite opens a filled-in start screen, in nynorsk for a nynorsk municipality', async ({
  page,
}) => {
  await page.goto(
    './#/invite?v=1&round=3&date=2024-09-12&q=god-vertskommune&qv=2&m=1580&to=kari%40haram.kommune.no',
  );
  const nn = appTexts('nn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByTestId('invite-notice')).toContainText('kari@haram.kommune.no');
  await expect(page.getByTestId('start-municipality')).toHaveValue('1580');
  await expect(
    page.getByRole('radio', { name: nn('start.gatheringRound', { round: 3 }) }),
  ).toBeChecked();
  await expect(page.getByLabel(nn('start.gatheringDate'))).toHaveValue('2024-09-12');
  await expectNoAxeViolations(page, 'invite start nn');

  // The delegate who then submits is offered the invite's address.
  await startResponse(page, {
    municipality: 'Haram (1580)',
    role: nn('roles.business'),
    round: nn('start.gatheringRound', { round: 3 }),
    start: nn('start.begin'),
  });
  await page.evaluate(() => (window.location.hash = '#/review'));
  await page.getByRole('button', { name: nn('review.submitWithGaps') }).click();
  const mail = page.getByRole('link', { name: nn('share.send.mail') });
  await expect(mail).toHaveAttribute('href', /^mailto:kari@haram\.kommune\.no\?subject=/);

  // In bokmål for a municipality that has no nynorsk decision; en stays en.
  for (const lang of ['nb', 'en'] as const) {
    const t = appTexts(lang);
    const other = await (await page.context().browser()!.newContext()).newPage();
    await other.goto(`./?lang=${lang}`);
    await other.goto('./#/invite?v=1&round=1&date=2024-02-01&q=god-vertskommune&qv=2&m=1506');
    await expect(other.locator('html')).toHaveAttribute('lang', lang);
    await expect(other.getByTestId('start-municipality')).toHaveValue('1506');
    await expect(
      other.getByRole('radio', { name: t('start.gatheringRound', { round: 1 }) }),
    ).toBeChecked();
    await expectNoAxeViolations(other, `invite start ${lang}`);
    await other.close();
  }
});

test('the facilitator makes an invite: link, QR code and slide, in nb, nn and en', async ({
  page,
}) => {
  for (const lang of ['nb', 'nn', 'en'] as const) {
    const t = appTexts(lang);
    await page.goto(`./?lang=${lang}`);
    await page.goto('./#/network');
    await page.getByLabel(t('share.invite.email')).fill('kari@molde.kommune.no');
    await page.getByLabel(t('share.invite.municipality')).selectOption('1506');
    const link = await page.getByRole('textbox', { name: t('share.invite.link') }).inputValue();
    expect(link).toContain('#/invite?v=1&');
    expect(link).toContain('m=1506');
    await expect(page.getByRole('img', { name: t('share.invite.qrLabel') })).toBeVisible();
    await expectNoAxeViolations(page, `network with invite panel ${lang}`);
    await page.getByRole('link', { name: t('share.invite.slide') }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: t('share.invite.slideTitle') }),
    ).toBeVisible();
    await expect(page.getByRole('img', { name: t('share.invite.qrLabel') })).toBeVisible();
    await expectNoAxeViolations(page, `invite slide ${lang}`);
  }
});

test.describe('QR codes through the camera', () => {
  let dir = '';
  test.beforeAll(() => {
    dir = tempDir('naeringsspeilet-links');
  });
  test.afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function response(id: string, municipality: { number: string; name: string }): Response {
    const stamp = '2024-05-02T14:12:00.000Z';
    const ids = ['strategy-1', 'strategy-2', 'strategy-3', 'anchoring-1', 'dialogue-1'];
    return {
      id,
      questionnaire: { id: 'god-vertskommune', version: 2 },
      municipality,
      respondent: { id: `p-${id}`, role: 'administration' },
      gathering: { round: 2, date: '2024-05-03' },
      answers: Object.fromEntries(
        ids.map((s, i) => [s, { value: ((i % 5) + 1) as 1, updatedAt: stamp }]),
      ),
      importance: { strategy: 4 },
      createdAt: stamp,
      updatedAt: stamp,
      submittedAt: stamp,
    };
  }

  test('one result in one code and one in a sequence of three, read and imported with a count', async ({
    baseURL,
  }) => {
    const t = appTexts('nb');
    const single = await createResultLink(
      { kind: 'response', record: response('r-qr-1', { number: '1576', name: 'Aure' }) },
      baseURL,
    );
    const multi = await createResultLink(
      { kind: 'response', record: response('r-qr-2', { number: '1563', name: 'Sunndal' }) },
      baseURL,
    );
    if (!single.ok || !multi.ok) throw new Error('links');
    const one = splitForQr(single.bytes);
    const three = splitForQr(multi.bytes, { maxChunkBytes: Math.ceil(multi.bytes.length / 3) });
    if (!one.ok || !three.ok) throw new Error('qr');
    expect(one.parts).toHaveLength(1);
    expect(three.parts).toHaveLength(3);
    const video = path.join(dir, 'codes.y4m');
    // The sequence shown out of order, as a loop on a phone may start anywhere.
    writeQrVideo(video, [...one.parts, three.parts[2]!, three.parts[0]!, three.parts[1]!]);
    const browser = await launchWithFakeCamera(video);
    try {
      const context = await browser.newContext({ baseURL: baseURL! });
      await context.grantPermissions(['camera'], { origin: new URL(baseURL!).origin });
      const page = await context.newPage();
      const foreign = guardRequests(page);
      await page.goto('./#/network/data');
      await page.getByRole('button', { name: t('share.receive.scanOpen') }).click();
      await expect(page.getByTestId('scan-count')).toHaveText(
        t('share.receive.scanCount_other', { count: 2, failed: 0 }),
        { timeout: 60_000 },
      );
      await expect(page.getByTestId('import-summary')).toHaveAttribute('data-ok', '2');
      await expectNoAxeViolations(page, 'scanner nb');
      await openView(page, `2 ${t('network.journey.compare')}`, t('network.tabs.overview'));
      const heatmap = page.getByRole('table', { name: /Gjennomsnittlig skår/ });
      await expect(heatmap.getByRole('rowheader', { name: 'Aure' })).toBeVisible();
      await expect(heatmap.getByRole('rowheader', { name: 'Sunndal' })).toBeVisible();
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
