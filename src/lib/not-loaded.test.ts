import { describe, expect, it } from 'vitest';
import { isNotLoaded, NotLoadedError } from './not-loaded';

describe('a part of the app that did not arrive', () => {
  it('is told from other errors, in the words of each browser and of Vite', () => {
    const failed = [
      // Chromium, Firefox, Safari, and Vite when a screen's stylesheet fails
      'Failed to fetch dynamically imported module: https://x.no/assets/delegate-screens-1.js',
      'error loading dynamically imported module: https://x.no/assets/v2-1.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/network-screen-1.css',
    ];
    for (const message of failed) expect(isNotLoaded(new TypeError(message)), message).toBe(true);
    expect(isNotLoaded(new NotLoadedError('texts'))).toBe(true);
    expect(isNotLoaded(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isNotLoaded('Failed to fetch dynamically imported module')).toBe(false);
    expect(isNotLoaded(null)).toBe(false);
  });
});
