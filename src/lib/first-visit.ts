import { createContext } from 'react';

/**
 * The pre-rendered first visit (docs/architecture.md, "First screen"). The build renders `#/` in
 * bokmål for a device with nothing saved into index.html, so a delegate on a slow phone sees and
 * can use the start form before the JavaScript has run. A small script in index.html's head
 * (`bootScript`) decides before the first paint whether this visit is that one. When it is not
 * (another address, a language in the address, saved answers or settings), it marks the page and
 * the stylesheet hides the pre-rendered form, so the wrong screen never flashes by; the app then
 * renders from scratch. When it is, the app takes the pre-rendered page over (React hydration)
 * and adopts what the user did in the meantime.
 */

/** `<html data-prerender>`: `skip` when the pre-rendered page is not this visit's screen. */
export const PRERENDER_ATTRIBUTE = 'data-prerender';
/** The window property where the boot script keeps the buttons clicked before hydration. */
export const EARLY_CLICKS = '__earlyClicks';

/**
 * Whether this page load shows what the build pre-rendered: the start page (`#/` or no hash), no
 * language asked for in the address, and nothing saved on the device under `storeKey`.
 * Self-contained: `bootScript` inlines its source.
 */
export function isFirstVisit(hash: string, search: string, saved: string | null): boolean {
  if (hash !== '' && hash !== '#' && hash !== '#/') return false;
  if (new URLSearchParams(search).has('lang')) return false;
  return saved === null;
}

/**
 * Runs in the page's head, before the first paint. Not a first visit: marks `<html>` so the
 * pre-rendered content stays hidden. A first visit: keeps the buttons clicked before the app has
 * taken over (their handlers do not exist yet), for the app to click again once it has.
 */
function boot(storeKey: string, attribute: string, clicksKey: string): void {
  const html = document.documentElement;
  let first = false;
  try {
    first = isFirstVisit(location.hash, location.search, localStorage.getItem(storeKey));
  } catch {
    first = false; // storage blocked: the app decides from scratch
  }
  if (!first) {
    html.setAttribute(attribute, 'skip');
    return;
  }
  const clicks: Element[] = [];
  (window as unknown as Record<string, unknown>)[clicksKey] = clicks;
  document.addEventListener(
    'click',
    (event) => {
      if (html.getAttribute(attribute) === 'hydrated') return;
      const button = (event.target as Element | null)?.closest?.('button');
      if (!button) return;
      event.preventDefault();
      clicks.push(button);
    },
    true,
  );
}

/** The boot script's text for index.html, built from the two functions above. */
export function bootScript(storeKey: string): string {
  const args = [storeKey, PRERENDER_ATTRIBUTE, EARLY_CLICKS].map((a) => JSON.stringify(a));
  return `${isFirstVisit.toString()}\n(${boot.toString()})(${args.join(', ')});`;
}

/**
 * Whether the page holds a pre-rendered screen that is this visit's (read once, at start): the
 * boot script found a first visit, and so keeps the early clicks. A boot script that did not run
 * (blocked by a server's CSP header without its hash) leaves no doubt to hydrate over: the app
 * then renders from scratch.
 */
export function hasPrerenderedScreen(root: Element): boolean {
  return root.firstElementChild !== null && EARLY_CLICKS in window;
}

/** The User Timing mark set once the app has taken the page over (npm run bench reads it). */
export const HYDRATED_MARK = 'app-hydrated';

/**
 * Called once the app has taken the page over: from now on buttons work by themselves. The
 * buttons clicked in the meantime are clicked again, in order, if they are still on the page.
 */
export function replayEarlyClicks(): void {
  const store = window as unknown as Record<string, unknown>;
  const clicks = store[EARLY_CLICKS] as HTMLElement[] | undefined;
  if (clicks === undefined) return; // not a first visit: the boot script kept nothing
  document.documentElement.setAttribute(PRERENDER_ATTRIBUTE, 'hydrated');
  delete store[EARLY_CLICKS];
  for (const button of clicks) if (button.isConnected) button.click();
}

/**
 * True while the app renders, or takes over, the pre-rendered first visit. A screen renders no
 * value that depends on the moment (today's date) then, and fills it in once it has taken over.
 */
export const PrerenderContext = createContext(false);
