// Answer latency on the real questionnaire: start a response through the UI, then click a level
// on every statement of every area page, twice over (the second pass changes each answer), so
// about 90 clicks on a 45–47-statement questionnaire.
//
// Measured inside the page, per click, from the click event's timestamp (event.timeStamp, the
// time of the mouse-up that made the click, on the performance.now() clock):
// - UI updated: a window `click` listener in the bubble phase (it runs after React's root
//   listener, so after setAnswer and React's synchronous commit) schedules
//   requestAnimationFrame + setTimeout(0), and stamps there: after the next paint. The clicked
//   radio must then be checked in the DOM.
// - saved: localStorage.setItem is wrapped (measurement only; the app is unchanged) to stamp
//   every write of the 'naeringsspeilet' key. The first write after the click whose value,
//   parsed, holds the clicked value for that statement is the save. If no such write shows up,
//   localStorage itself is read and parsed at each later check (the bubble-phase listener, after
//   the paint, then every task for up to 2 s), so a save by some other path still counts.
// - handled (diagnostic): the bubble-phase listener's own stamp: the JavaScript work of the
//   click (React handler, store update, persist, commit), plus any input delay.
// An Event Timing PerformanceObserver (type 'event', durationThreshold 16 ms, the minimum)
// records the clicks on statement radios that took 16 ms or more from input to next paint as
// Chromium sees it, split into input delay, processing (handlers) and presentation (style,
// layout, paint up to the frame).
import { newContext } from './chromium.mjs';
import { median, percentile, round } from './util.mjs';

const STORE_KEY = 'naeringsspeilet';
/**
 * How long the mouse button is held, as a person does (about 50–100 ms). Without it Playwright
 * sends mouse-up right after mouse-down, and the click then waits behind the mouse-down's own
 * work (focus, :focus-visible styles), which no human click does.
 */
const PRESS_MS = 50;

/** In the page: listeners and the Event Timing observer. Samples go to window.__benchAnswers. */
function installAnswerProbe(storeKey) {
  const probe = { samples: [], slowEvents: [], pointerdownAt: null, current: null, writes: [] };
  window.__benchAnswers = probe;

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function benchSetItem(key, value) {
    setItem.call(this, key, value);
    if (key === storeKey) probe.writes.push({ at: performance.now(), value: String(value) });
  };

  const holds = (text, statementId, value) => {
    try {
      const data = JSON.parse(text ?? 'null');
      const responses = Object.values(data?.state?.responses ?? {});
      return responses.some((r) => String(r?.answers?.[statementId]?.value) === value);
    } catch {
      return false;
    }
  };
  const isStatementRadio = (el) =>
    el instanceof HTMLInputElement && el.type === 'radio' && el.name.startsWith('statement-');

  window.addEventListener('pointerdown', () => (probe.pointerdownAt = performance.now()), true);
  window.addEventListener(
    'click',
    (e) => {
      if (!isStatementRadio(e.target)) return;
      probe.current = {
        statementId: e.target.name.slice('statement-'.length),
        value: e.target.value,
        clickTs: e.timeStamp,
        firstWrite: probe.writes.length,
        pointerdownAt: probe.pointerdownAt,
        handledAt: null,
        savedAt: null,
        savedBy: null,
        paintedAt: null,
        checked: null,
      };
    },
    true,
  );
  window.addEventListener('click', (e) => {
    const sample = probe.current;
    if (!sample || !isStatementRadio(e.target)) return;
    probe.current = null;
    sample.handledAt = performance.now();
    let scanned = sample.firstWrite;
    const checkSaved = () => {
      if (sample.savedAt !== null) return true;
      for (; scanned < probe.writes.length; scanned += 1) {
        const w = probe.writes[scanned];
        if (holds(w.value, sample.statementId, sample.value)) {
          sample.savedAt = w.at;
          sample.savedBy = 'setItem';
          return true;
        }
      }
      const at = performance.now();
      if (holds(localStorage.getItem(storeKey), sample.statementId, sample.value)) {
        sample.savedAt = at;
        sample.savedBy = 'read';
      }
      return sample.savedAt !== null;
    };
    checkSaved();
    const input = e.target;
    requestAnimationFrame(() =>
      setTimeout(() => {
        sample.paintedAt = performance.now();
        sample.checked = input.isConnected && input.checked;
        const deadline = performance.now() + 2000;
        const poll = () => {
          if (checkSaved() || performance.now() > deadline) probe.samples.push(sample);
          else setTimeout(poll, 0);
        };
        poll();
      }, 0),
    );
  });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'click' || !entry.interactionId || !isStatementRadio(entry.target))
        continue;
      probe.slowEvents.push({
        interactionId: entry.interactionId,
        duration: entry.duration,
        inputDelay: entry.processingStart - entry.startTime,
        processing: entry.processingEnd - entry.processingStart,
        presentation: entry.startTime + entry.duration - entry.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

async function startResponse(page) {
  await page.getByRole('combobox', { name: 'Kommune' }).selectOption({ label: 'Molde (1506)' });
  await page.getByRole('radio', { name: 'Næringsliv', exact: true }).check();
  await page.getByRole('radio', { name: 'Samling 1', exact: true }).check();
  await page.getByRole('button', { name: 'Start spørreskjemaet' }).click();
  await page.getByRole('heading', { level: 1, name: /Område 1 av 9/ }).waitFor();
}

/** Clicks one level on every statement of the current area page; returns the click count. */
async function answerArea(page, pass, clicked) {
  // Statement groups are the fieldsets offering «Vet ikke» (the importance group does not).
  const groups = page
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'Vet ikke', exact: true }) });
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    const level = ((i + pass) % 5) + 1;
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${level} `) })
      .click({ delay: PRESS_MS });
    clicked += 1;
    await page.waitForFunction((n) => window.__benchAnswers.samples.length >= n, clicked);
  }
  return clicked;
}

/**
 * The measurement's floor on this machine: the same clicks and the same "after next paint"
 * stamp on a plain HTML page with 47 groups of five radios, no framework and no stylesheet.
 */
async function measureFloor(browser) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const groups = Array.from(
      { length: 47 },
      (_, i) =>
        `<fieldset><legend>Statement ${i + 1}</legend>` +
        [1, 2, 3, 4, 5]
          .map((l) => `<label><input type="radio" name="s${i}" value="${l}"> ${l} level</label>`)
          .join('') +
        '</fieldset>',
    );
    await page.setContent(`<!doctype html><html lang="en"><body>${groups.join('')}</body></html>`);
    await page.evaluate(() => {
      window.__benchFloor = [];
      window.addEventListener('click', (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() =>
          setTimeout(() => window.__benchFloor.push(performance.now() - t0), 0),
        );
      });
    });
    const fieldsets = page.getByRole('group');
    for (let i = 0; i < 47; i += 1) {
      await fieldsets
        .nth(i)
        .getByRole('radio', { name: `${(i % 5) + 1} level` })
        .click({ delay: PRESS_MS });
      await page.waitForFunction((n) => window.__benchFloor.length >= n, i + 1);
    }
    const samples = await page.evaluate(() => window.__benchFloor);
    return {
      clicks: samples.length,
      medianMs: round(median(samples)),
      p95Ms: round(percentile(samples, 95)),
    };
  } finally {
    await context.close();
  }
}

export async function benchAnswerLatency(
  browser,
  url,
  { passes = 2, withServer = (fn) => fn() } = {},
) {
  const result = await withServer(() => measureApp(browser, url, passes));
  return { ...result, floor: await measureFloor(browser) };
}

async function measureApp(browser, url, passes) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await startResponse(page);
    await page.evaluate(installAnswerProbe, STORE_KEY);
    const pager = page.getByRole('navigation', { name: 'Bla mellom områdene' });
    let clicked = 0;
    let statements = 0;
    for (let pass = 0; pass < passes; pass += 1) {
      for (let area = 1; area <= 9; area += 1) {
        await page
          .getByRole('heading', { level: 1, name: new RegExp(`Område ${area} av 9`) })
          .waitFor();
        const before = clicked;
        clicked = await answerArea(page, pass, clicked);
        if (pass === 0) statements += clicked - before;
        if (area < 9) await pager.getByRole('button', { name: /Neste område/ }).click();
      }
      if (pass + 1 < passes) {
        // Back to area 1 through the area list, as a user would.
        await page.getByRole('navigation', { name: 'Områder' }).getByRole('link').first().click();
      }
    }
    const { samples, slowEvents } = await page.evaluate(() => {
      const { samples: list, slowEvents: slow } = window.__benchAnswers;
      return { samples: list, slowEvents: slow };
    });
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const ui = samples.map((s) => s.paintedAt - s.clickTs);
    const savedMs = samples.map((s) => (s.savedAt === null ? null : s.savedAt - s.clickTs));
    const handled = samples.map((s) => s.handledAt - s.clickTs);
    const fromPointerdown = samples.map((s) =>
      s.pointerdownAt === null ? null : s.paintedAt - s.pointerdownAt,
    );
    return {
      statements,
      clicks: samples.length,
      notChecked: samples.filter((s) => s.checked !== true).length,
      notSaved: savedMs.filter((v) => v === null).length,
      uiMedianMs: round(median(ui)),
      uiP95Ms: round(percentile(ui, 95)),
      savedMedianMs: round(median(savedMs)),
      savedP95Ms: round(percentile(savedMs, 95)),
      handledMedianMs: round(median(handled)),
      handledP95Ms: round(percentile(handled, 95)),
      fromPointerdownMedianMs: round(median(fromPointerdown)),
      savedBy: {
        setItem: samples.filter((s) => s.savedBy === 'setItem').length,
        read: samples.filter((s) => s.savedBy === 'read').length,
      },
      eventTiming: {
        interactionsOver16ms: slowEvents.length,
        maxDurationMs: slowEvents.length ? Math.max(...slowEvents.map((e) => e.duration)) : null,
        medianDurationMs: round(median(slowEvents.map((e) => e.duration))),
        medianInputDelayMs: round(median(slowEvents.map((e) => e.inputDelay))),
        medianProcessingMs: round(median(slowEvents.map((e) => e.processing))),
        medianPresentationMs: round(median(slowEvents.map((e) => e.presentation))),
      },
      samplesMs: samples.map((s) => ({
        ui: round(s.paintedAt - s.clickTs),
        saved: s.savedAt === null ? null : round(s.savedAt - s.clickTs),
        handled: round(s.handledAt - s.clickTs),
      })),
    };
  } finally {
    await context.close();
  }
}
