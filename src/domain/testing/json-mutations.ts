import fc from 'fast-check';

/**
 * Mutations of a JSON value for fast-check properties: set a value, delete a key, add a key, or
 * duplicate an array item, anywhere in the value. The import's fuzzing and the fast path's
 * agreement with zod both use them.
 */

export type Path = readonly (string | number)[];

export function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Sets (or, with `remove`, deletes) the value at a path, defining keys as own data properties. */
export function edit(root: unknown, path: Path, value: unknown, remove = false): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(node)) throw new Error(`No container at ${String(key)}`);
    node = node[key];
  }
  const last = path[path.length - 1]!;
  if (!isContainer(node)) throw new Error('No container at the end of the path');
  if (remove) delete node[last];
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** Every path in a value, the root's (the empty path) included. */
export function allPaths(root: unknown): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    out.push(path);
    if (isContainer(node))
      for (const [k, v] of Object.entries(node))
        stack.push([v, [...path, Array.isArray(node) ? Number(k) : k]]);
  }
  return out;
}

export type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: unknown }
  | { kind: 'duplicate'; at: number };

/** A mutation: where (`at`, modulo the number of paths) and which values and keys it puts in. */
export const mutationArb = (
  valueArb: fc.Arbitrary<unknown>,
  keyArb: fc.Arbitrary<string>,
): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: valueArb }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: keyArb, value: valueArb }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  );

/** Applies the mutations to `data` in place, and returns it. */
export function mutate<T>(data: T, mutations: readonly Mutation[]): T {
  for (const m of mutations) {
    const paths = allPaths(data).filter((p) => p.length > 0);
    const path = paths.length === 0 ? undefined : paths[m.at % paths.length];
    if (path === undefined) continue;
    // Each value goes in as a copy: fast-check hands the same value objects to later runs (and
    // to shrinking), so a later mutation inside an inserted value must not change the original.
    // Editing it in place once made a cycle, and JSON.stringify threw in this harness.
    if (m.kind === 'set') edit(data, path, structuredClone(m.value));
    else if (m.kind === 'delete') edit(data, path, undefined, true);
    else if (m.kind === 'duplicate') {
      const parent = path.slice(0, -1);
      let node: unknown = data;
      for (const k of parent) node = isContainer(node) ? node[k] : undefined;
      if (Array.isArray(node)) node.push(node[Number(path[path.length - 1])]);
    } else {
      let node: unknown = data;
      for (const k of path) node = isContainer(node) ? node[k] : undefined;
      if (isContainer(node) && !Array.isArray(node)) edit(node, [m.key], structuredClone(m.value));
    }
  }
  return data;
}
