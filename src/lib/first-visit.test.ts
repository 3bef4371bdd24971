import { afterEach, describe, expect, it } from 'vitest';
import {
  bootScript,
  EARLY_CLICKS,
  hasPrerenderedScreen,
  isFirstVisit,
  PRERENDER_ATTRIBUTE,
  replayEarlyClicks,
} from './first-visit';

describe('isFirstVisit', () => {
  it('is the start page with nothing saved and no language in the address', () => {
    expect(isFirstVisit('', '', null)).toBe(true);
    expect(isFirstVisit('#', '', null)).toBe(true);
    expect(isFirstVisit('#/', '?utm=x', null)).toBe(true);
  });

  it('is not another address, a language asked for, or a device with saved state', () => {
    expect(isFirstVisit('#/network', '', null)).toBe(false);
    expect(isFirstVisit('#/invite?m=1520', '', null)).toBe(false);
    expect(isFirstVisit('#/r/abc', '', null)).toBe(false);
    expect(isFirstVisit('#/', '?lang=nn', null)).toBe(false);
    expect(isFirstVisit('', '?lang=nb', null)).toBe(false);
    expect(isFirstVisit('#/', '', '{"state":{"language":"nb"}}')).toBe(false);
    expect(isFirstVisit('#/', '', '')).toBe(false);
  });
});

/** Runs the boot script's text as index.html does, in this page. */
function runBoot(storeKey = 'test-store') {
  // The very text index.html carries, run as the page runs it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  new Function(bootScript(storeKey))();
}

describe('the boot script in index.html', () => {
  afterEach(() => {
    document.documentElement.removeAttribute(PRERENDER_ATTRIBUTE);
    delete (window as unknown as Record<string, unknown>)[EARLY_CLICKS];
    localStorage.clear();
    document.body.replaceChildren();
    window.location.hash = '';
  });

  it('leaves a first visit shown and keeps the buttons clicked before the app takes over', () => {
    runBoot();
    expect(document.documentElement.getAttribute(PRERENDER_ATTRIBUTE)).toBeNull();
    const root = document.createElement('div');
    root.innerHTML = '<form><button type="submit">Start</button></form>';
    document.body.append(root);
    let submitted = 0;
    root.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted += 1;
    });
    root.querySelector('button')!.click();
    // The click is held back: the app's handlers are not there yet.
    expect(submitted).toBe(0);
    expect(hasPrerenderedScreen(root)).toBe(true);

    replayEarlyClicks();
    expect(submitted).toBe(1);
    expect(document.documentElement.getAttribute(PRERENDER_ATTRIBUTE)).toBe('hydrated');
    // From now on a click is the app's own.
    root.querySelector('button')!.click();
    expect(submitted).toBe(2);
  });

  it('marks the page when something is saved, so the pre-rendered start page stays hidden', () => {
    localStorage.setItem('test-store', '{}');
    runBoot();
    expect(document.documentElement.getAttribute(PRERENDER_ATTRIBUTE)).toBe('skip');
    const root = document.createElement('div');
    root.innerHTML = '<main>pre-rendered</main>';
    expect(hasPrerenderedScreen(root)).toBe(false);
    // Nothing was kept to replay, and the mark stays until the app has rendered.
    replayEarlyClicks();
    expect(document.documentElement.getAttribute(PRERENDER_ATTRIBUTE)).toBe('skip');
  });

  it('marks the page for another address', () => {
    window.location.hash = '#/network';
    runBoot();
    expect(document.documentElement.getAttribute(PRERENDER_ATTRIBUTE)).toBe('skip');
  });

  it('has no pre-rendered screen in an empty root (the dev server)', () => {
    runBoot();
    expect(hasPrerenderedScreen(document.createElement('div'))).toBe(false);
  });
});
