import { useEffect } from 'react';

let locks = 0;

/**
 * Keeps the page behind an open modal dialog from scrolling: `.modal-open` on <body> (see
 * src/app/app.css) while `active` is true. Designsystemet does this with the CSS rule
 * `body:has(.ds-dialog:modal)`, which vite.config.ts removes because it made Chromium restyle
 * the whole page on every focus or radio change.
 */
export function useModalScrollLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    locks += 1;
    document.body.classList.add('modal-open');
    return () => {
      locks -= 1;
      if (locks === 0) document.body.classList.remove('modal-open');
    };
  }, [active]);
}
