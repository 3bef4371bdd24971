/**
 * One JSON value written as the edits that turn another into it. The build uses it to carry an
 * older questionnaire version as the few texts it words differently from the newest one, rather
 * than a second full copy in the first screen's JavaScript (vite.config.ts, questionnaireParts).
 * The source of truth stays the published file: the delta is computed from it at build time.
 */

export type JsonPath = readonly (string | number)[];

export interface Delta {
  /** Values to write at a path: each replaces what the base holds there, or adds a key. */
  readonly set: readonly (readonly [JsonPath, unknown])[];
  /** Object keys of the base that the target does not have. */
  readonly drop: readonly JsonPath[];
}

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The edits that turn `base` into `target`. Arrays of another length are replaced whole. */
export function deltaBetween(base: unknown, target: unknown): Delta {
  const set: [JsonPath, unknown][] = [];
  const drop: JsonPath[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]): void => {
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) if (!has(b, key)) drop.push([...path, key]);
      for (const [key, value] of Object.entries(b)) {
        if (has(a, key)) walk(a[key], value, [...path, key]);
        else set.push([[...path, key], value]);
      }
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      b.forEach((value, i) => walk(a[i], value, [...path, i]));
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      set.push([path, b]);
    }
  };
  walk(base, target, []);
  return { set, drop };
}

/** A copy of `base` with `delta` applied; `base` itself is left as it is. */
export function applyDelta(base: unknown, delta: Delta): unknown {
  let root = structuredClone(base);
  const parentOf = (path: JsonPath): Record<string | number, unknown> => {
    let node = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    return node;
  };
  for (const [path, value] of delta.set) {
    if (path.length === 0) root = structuredClone(value);
    else {
      // defineProperty, not assignment: a key such as "__proto__" is data here.
      Object.defineProperty(parentOf(path), path[path.length - 1]!, {
        value: structuredClone(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  for (const path of delta.drop) delete parentOf(path)[path[path.length - 1]!];
  return root;
}
