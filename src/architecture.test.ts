import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering in docs (architecture.md): app → features → {store, charts, ui, i18n, lib} →
 * domain, and features never import each other. ESLint bans React & co. inside src/domain;
 * this test reads import lines for the rest.
 */
const SRC = path.dirname(fileURLToPath(import.meta.url));

function files(dir: string): string[] {
  return readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(SRC, dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((spec) => spec.startsWith('.'))
    .map((spec) =>
      path
        .relative(SRC, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join('/'),
    );
}

const LAYER: Record<string, number> = {
  domain: 0,
  lib: 1,
  i18n: 1,
  ui: 1,
  charts: 1,
  store: 2,
  features: 3,
  app: 4,
};

describe('architecture', () => {
  it('finds source files and imports (self-check)', () => {
    expect(files('features').length).toBeGreaterThan(10);
    expect(imports(path.join(SRC, 'app', 'app.tsx')).some((i) => i.startsWith('features/'))).toBe(
      true,
    );
  });

  it('features never import each other', () => {
    const bad: string[] = [];
    for (const file of files('features')) {
      const own = path.relative(path.join(SRC, 'features'), file).split(path.sep)[0];
      for (const target of imports(file)) {
        const [top, feature] = target.split('/');
        if (top === 'features' && feature !== own)
          bad.push(`${path.relative(SRC, file)} → ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('imports flow one way: app → features → store → {lib, i18n, ui, charts} → domain', () => {
    const bad: string[] = [];
    for (const layer of Object.keys(LAYER)) {
      for (const file of files(layer)) {
        for (const target of imports(file)) {
          const top = target.split('/')[0]!;
          const level = LAYER[top];
          if (level === undefined) continue; // questionnaires/*.json, main.tsx and the like
          if (level > LAYER[layer]!) bad.push(`${path.relative(SRC, file)} → ${target}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

/**
 * The layers inside src/domain, bottom first. A module may import from its own folder and from
 * folders before it, never from one after it, so no two folders can import each other (no
 * cycle). `core` holds the vocabulary, schemas and the rules every other folder shares; see
 * README, "Where things are". A new folder must be placed here before anything can import it.
 */
const DOMAIN_ORDER = [
  'core',
  'questionnaire',
  'scoring',
  'sync',
  'comparison',
  'priorities',
  'files',
  'demo',
  'testing',
] as const;

/** Imports from one domain folder to a later one in `order` (or to a folder not in it). */
function domainOrderViolations(
  edges: readonly { from: string; to: string }[],
  order: readonly string[],
): string[] {
  const rank = new Map(order.map((folder, i) => [folder, i]));
  return edges
    .filter(({ from, to }) => {
      const [a, b] = [from.split('/')[1]!, to.split('/')[1]!];
      if (a === b) return false;
      return !rank.has(a) || !rank.has(b) || rank.get(b)! > rank.get(a)!;
    })
    .map(({ from, to }) => `${from} → ${to}`);
}

describe('src/domain subfolders', () => {
  const edges = files('domain').flatMap((file) => {
    const from = path.relative(SRC, file).split(path.sep).join('/');
    return imports(file)
      .filter((to) => to.startsWith('domain/'))
      .map((to) => ({ from, to }));
  });

  it('import only from their own folder and earlier ones: core → … → demo (no cycle)', () => {
    expect(edges.length).toBeGreaterThan(50); // self-check: the edges are found
    expect(domainOrderViolations(edges, DOMAIN_ORDER)).toEqual([]);
  });

  it('live in a folder of DOMAIN_ORDER, none loose in src/domain', () => {
    const folders = new Set(edges.flatMap((e) => [e.from, e.to]).map((p) => p.split('/')[1]!));
    const loose = readdirSync(path.join(SRC, 'domain'), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    expect(loose).toEqual([]);
    expect([...folders].filter((f) => !(DOMAIN_ORDER as readonly string[]).includes(f))).toEqual(
      [],
    );
  });

  it('self-check: a cycle between two folders breaks the order, whichever comes first', () => {
    const cycle = [
      { from: 'domain/files/a.ts', to: 'domain/comparison/b' },
      { from: 'domain/comparison/b.ts', to: 'domain/files/a' },
    ];
    expect(domainOrderViolations(cycle, DOMAIN_ORDER)).toEqual([
      'domain/comparison/b.ts → domain/files/a',
    ]);
    expect(domainOrderViolations(cycle, ['core', 'files', 'comparison'])).toEqual([
      'domain/files/a.ts → domain/comparison/b',
    ]);
  });
});
