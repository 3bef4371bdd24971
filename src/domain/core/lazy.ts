/**
 * A value made on first use and then kept. The zod schemas use it: building them is work
 * that the first screen does not need, and a slow phone feels every millisecond of startup.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
