/**
 * Code or texts that the page fetches as it goes (a screen, a language's texts) did not arrive:
 * the network was down or too slow, on the room's Wi-Fi for instance. The app's own loaders throw
 * a NotLoadedError; browsers word a failed dynamic import each their own way, and Vite's loader
 * says so when a screen's stylesheet fails. The error page then says what happened
 * (src/app/error-boundary.tsx).
 */
export class NotLoadedError extends Error {
  override name = 'NotLoadedError';
}

const FAILED_IMPORT =
  /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isNotLoaded(error: unknown): boolean {
  if (error instanceof NotLoadedError) return true;
  return error instanceof Error && FAILED_IMPORT.test(error.message);
}
