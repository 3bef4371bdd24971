/**
 * Answer latency on the real questionnaire: start a response through the UI, then click a level
 * on every statement of every area page, twice over (the second pass changes each answer), so
 * about 90 clicks on a 45–47-statement questionnaire. Elements are found by test id and role;
 * which statements each area page shows comes from the questionnaire itself.
 *
 * Measured inside the page, per click, from the click event's timestamp (event.timeStamp, the
 * time of the mouse-up that made the click, on the performance.now() clock):
 * - UI updated: a window `click` listener in the bubble phase (it runs after React's root
 *   listener, so after setAnswer and React's synchronous commit) schedules
 *   requestAnimationFrame + setTimeout(0), and stamps there: after the next paint. The clicked
 *   radio must then be checked in the DOM.
 * - saved: localStorage.setItem is wrapped (measurement only; the app is unchanged) to stamp
 *   every write of the app's store key. The first write after the click whose value, parsed,
 *   holds the clicked value for that statement is the save. If no such write shows up,
 *   localStorage itself is read and parsed at each later check (the bubble-phase listener, after
 *   the paint, then every task for up to 2 s), so a save by some other path still counts.
 * - handled (diagnostic): the bubble-phase listener's own stamp: the JavaScript work of the
 *   click (React handler, store update, persist, commit), plus any input delay.
 * An Event Timing PerformanceObserver (type 'event', durationThreshold 16 ms, the minimum)
 * records the clicks on statement radios that took 16 ms or more from input to next paint as
 * Chromium sees it, split into input delay, processing (handlers) and presentation (style,
 * layout, paint up to the frame).
 */
import type { Browser, Page } from 'playwright-core';
import { areaStatements } from '../../src/domain/questionnaire/model';
import type { Questionnaire } from '../../src/domain/questionnaire/schema';
import type { GatheringRound, Role } from '../../src/domain/core/types';
import { STORE_KEY } from '../../src/store/persisted';
import { KEEP_NAMES_SHIM, newContext } from './browser';
import { loadBundledQuestionnaire } from './questionnaire';
import { direct, type WithServer } from './server';
import { median, percentile, round } from './util';

/** Who answers: Molde (one of NETWORK_MUNICIPALITIES), business, gathering 1. */
const RESPONDENT: { municipality: string; role: Role; round: GatheringRound } = {
  municipality: '1506',
  role: 'business',
  round: 1,
};
/**
 * How long the mouse button is held, as a person does (about 50–100 ms). Without it Playwright
 * sends mouse-up right after mouse-down, and the click then waits behind the mouse-down's own
 * work (focus, :focus-visible styles), which no human click does.
 */
const PRESS_MS = 50;

interface AnswerSample {
  statementId: string;
  value: string;
  clickTs: number;
  firstWrite: number;
  pointerdownAt: number | null;
  handledAt: number | null;
  savedAt: number | null;
  savedBy: 'setItem' | 'read' | null;
  paintedAt: number | null;
  checked: boolean | null;
}

interface SlowEvent {
  interactionId: number;
  duration: number;
  inputDelay: number;
  processing: number;
  presentation: number;
}

interface AnswerProbe {
  samples: AnswerSample[];
  slowEvents: SlowEvent[];
  pointerdownAt: number | null;
  current: AnswerSample | null;
  writes: { at: number; value: string }[];
}

declare global {
  interface Window {
    __benchAnswers: AnswerProbe;
    __benchFloor: number[];
  }
}

export interface AnswerLatency {
  statements: number;
  clicks: number;
  notChecked: number;
  notSaved: number;
  uiMedianMs: number | null;
  uiP95Ms: number | null;
  savedMedianMs: number | null;
  savedP95Ms: number | null;
  handledMedianMs: number | null;
  handledP95Ms: number | null;
  fromPointerdownMedianMs: number | null;
  savedBy: { setItem: number; read: number };
  eventTiming: {
    interactionsOver16ms: number;
    maxDurationMs: number | null;
    medianDurationMs: number | null;
    medianInputDelayMs: number | null;
    medianProcessingMs: number | null;
    medianPresentationMs: number | null;
  };
  samplesMs: { ui: number | null; saved: number | null; handled: number | null }[];
  floor: { clicks: number; medianMs: number | null; p95Ms: number | null };
}

/** In the page: listeners and the Event Timing observer. Samples go to window.__benchAnswers. */
function installAnswerProbe(storeKey: string) {
  const probe: AnswerProbe = {
    samples: [],
    slowEvents: [],
    pointerdownAt: null,
    current: null,
    writes: [],
  };
  window.__benchAnswers = probe;

  const setItem = Storage.prototype.setItem; // eslint-disable-line @typescript-eslint/unbound-method
  Storage.prototype.setItem = function benchSetItem(this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    if (key === storeKey) probe.writes.push({ at: performance.now(), value: String(value) });
  };

  const holds = (text: string | null, statementId: string, value: string) => {
    try {
      const data = JSON.parse(text ?? 'null') as {
        state?: { responses?: Record<string, { answers?: Record<string, { value?: unknown }> }> };
      } | null;
      const responses = Object.values(data?.state?.responses ?? {});
      return responses.some((r) => String(r?.answers?.[statementId]?.value) === value);
    } catch {
      return false;
    }
  };
  const isStatementRadio = (el: EventTarget | Node | null): el is HTMLInputElement =>
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
    const input = e.target;
    if (!sample || !isStatementRadio(input)) return;
    probe.current = null;
    sample.handledAt = performance.now();
    let scanned = sample.firstWrite;
    const checkSaved = () => {
      if (sample.savedAt !== null) return true;
      for (; scanned < probe.writes.length; scanned += 1) {
        const w = probe.writes[scanned]!;
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

  // durationThreshold (Event Timing) is not in TypeScript's DOM types yet.
  const EVENT_TIMING = { type: 'event', durationThreshold: 16, buffered: true };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
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
  }).observe(EVENT_TIMING);
}

const statementGroup = (page: Page, statementId: string) =>
  page.getByTestId(`statement-${statementId}`);

async function startResponse(page: Page, firstStatement: string) {
  await page.getByTestId('start-municipality').selectOption(RESPONDENT.municipality);
  await page.getByTestId(`role-${RESPONDENT.role}`).check();
  await page.getByTestId(`round-${RESPONDENT.round}`).check();
  await page.getByTestId('start-submit').click();
  await statementGroup(page, firstStatement).waitFor();
}

/**
 * Clicks one level on each statement of an area page (its group, found by test id; the level by
 * its place among the group's radios, 1–5 first); returns the click count so far.
 */
async function answerArea(
  page: Page,
  statementIds: readonly string[],
  pass: number,
  clicked: number,
) {
  for (const [i, id] of statementIds.entries()) {
    const level = ((i + pass) % 5) + 1;
    await statementGroup(page, id)
      .getByRole('radio')
      .nth(level - 1)
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
async function measureFloor(browser: Browser): Promise<AnswerLatency['floor']> {
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
    await page.evaluate(KEEP_NAMES_SHIM);
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
        .getByRole('radio')
        .nth(i % 5)
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

async function measureApp(
  browser: Browser,
  url: string,
  q: Questionnaire,
  passes: number,
): Promise<Omit<AnswerLatency, 'floor'>> {
  const areas = q.areas.map((a) => areaStatements(q, a.id, RESPONDENT.role).map((s) => s.id));
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await startResponse(page, areas[0]![0]!);
    await page.evaluate(installAnswerProbe, STORE_KEY);
    let clicked = 0;
    for (let pass = 0; pass < passes; pass += 1) {
      for (const [i, statementIds] of areas.entries()) {
        clicked = await answerArea(page, statementIds, pass, clicked);
        if (i < areas.length - 1) await page.getByTestId('next-area').click();
      }
      if (pass + 1 < passes) {
        // Back to the first area through the area list, as a user would.
        await page.getByTestId('area-nav').getByRole('link').first().click();
      }
    }
    const { samples, slowEvents } = await page.evaluate(() => ({
      samples: window.__benchAnswers.samples,
      slowEvents: window.__benchAnswers.slowEvents,
    }));
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const after = (s: AnswerSample, at: number | null) => (at === null ? null : at - s.clickTs);
    const ui = samples.map((s) => after(s, s.paintedAt));
    const saved = samples.map((s) => after(s, s.savedAt));
    const handled = samples.map((s) => after(s, s.handledAt));
    const fromPointerdown = samples.map((s) =>
      s.pointerdownAt === null || s.paintedAt === null ? null : s.paintedAt - s.pointerdownAt,
    );
    return {
      statements: areas.reduce((n, a) => n + a.length, 0),
      clicks: samples.length,
      notChecked: samples.filter((s) => s.checked !== true).length,
      notSaved: saved.filter((v) => v === null).length,
      uiMedianMs: round(median(ui)),
      uiP95Ms: round(percentile(ui, 95)),
      savedMedianMs: round(median(saved)),
      savedP95Ms: round(percentile(saved, 95)),
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
      samplesMs: samples.map((_, i) => ({
        ui: round(ui[i]),
        saved: round(saved[i]),
        handled: round(handled[i]),
      })),
    };
  } finally {
    await context.close();
  }
}

export async function benchAnswerLatency(
  browser: Browser,
  url: string,
  { passes = 2, withServer = direct }: { passes?: number; withServer?: WithServer } = {},
): Promise<AnswerLatency> {
  const q = loadBundledQuestionnaire();
  const result = await withServer(() => measureApp(browser, url, q, passes));
  return { ...result, floor: await measureFloor(browser) };
}
