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

/** The packages a file imports (bare specifiers, `node:` built-ins included). */
function packageImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((spec) => spec !== '' && !spec.startsWith('.'));
}

/**
 * The packages src/domain may use: zod everywhere, and the CSV parser in the one module that
 * wraps it (it loads only with the questionnaire spreadsheet reader, a lazy chunk).
 */
const DOMAIN_PACKAGES: Record<string, (file: string) => boolean> = {
  zod: () => true,
  'zod/mini': () => true,
  papaparse: (file) => file === 'domain/files/csv-parse.ts',
  // Test support only (domain/testing: fixtures and the JSON mutations the property tests share).
  'fast-check': (file) => file.startsWith('domain/testing/'),
};

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

/**
 * Module-level mutable state, as the source shows it. Prettier puts every top-level statement at
 * the start of a line, so a line that starts with `let`, `var` or `const` is a module-level one.
 * Flags a top-level `let` or `var`, and a top-level `const` collection (new Map, Set, WeakMap,
 * WeakSet or Array, an array or object literal) that the file changes after load (set, add,
 * delete, push and the like, or an assignment to one of its members).
 */
function moduleState(text: string): { line: number; name: string; what: string }[] {
  const found: { line: number; name: string; what: string }[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  code.split('\n').forEach((line, i) => {
    const variable = /^(?:export\s+)?(let|var)\s+(\w+)/.exec(line);
    if (variable) {
      found.push({ line: i + 1, name: variable[2]!, what: `top-level ${variable[1]}` });
      return;
    }
    const collection =
      /^(?:export\s+)?const\s+(\w+)\s*(?::[^=]+)?=\s*(new\s+(?:Map|Set|WeakMap|WeakSet|Array)\b|\[|\{)/.exec(
        line,
      );
    if (!collection) return;
    const name = collection[1]!;
    const mutated = new RegExp(
      [
        `\\b${name}\\s*\\.\\s*(?:set|add|delete|clear|push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin)\\s*\\(`,
        `\\b${name}\\s*(?:\\[[^\\]]*\\]|\\.\\w+)\\s*(?:[-+*/|&]?=(?!=)|\\+\\+|--)`,
        `\\bdelete\\s+${name}\\b`,
        `\\bObject\\.(?:assign|defineProperty)\\(\\s*${name}\\b`,
      ].join('|'),
    );
    if (mutated.test(code))
      found.push({ line: i + 1, name, what: 'collection changed after load' });
  });
  return found;
}

/**
 * The exceptions to "no module-level mutable state": memo caches keyed by immutable inputs,
 * which no caller can observe (the same input always gives an equal result, cached or not).
 * Each entry names the file and the binding, and says why it qualifies; an entry whose binding is
 * gone fails, so the list stays as short as the code allows.
 */
const MEMO_CACHES: { file: string; name: string; why: string }[] = [
  {
    file: 'store/score-selectors.ts',
    name: 'scores',
    why: 'one score per response object; responses are replaced, never edited',
  },
  {
    file: 'store/selectors.ts',
    name: 'known',
    why: 'the known questionnaires per custom list; the settings slice replaces the list',
  },
];

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

  it('src/domain imports no package but zod, and papaparse only in files/csv-parse.ts', () => {
    const bad: string[] = [];
    for (const file of files('domain')) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      for (const spec of packageImports(file)) {
        if (!DOMAIN_PACKAGES[spec]?.(rel)) bad.push(`${rel} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
    // self-check: the rule sees the parser's import where it is allowed
    expect(packageImports(path.join(SRC, 'domain/files/csv-parse.ts'))).toContain('papaparse');
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

  it('src/domain, src/store and src/lib hold no module-level mutable state, memo caches aside', () => {
    // self-check: the rule sees what it must, and lets a constant be
    expect(
      moduleState(
        [
          'let current = 0;',
          'export var legacy = 1;',
          'const seen = new Set<string>();',
          'export function see(id: string) { seen.add(id); }',
          'const byId: Record<string, number> = {};',
          'const put = (k: string) => { byId[k] = 1; };',
          'const ROLES = [1, 2];',
          'const RESERVED: ReadonlySet<string> = new Set([1]);',
          'function local() { let n = 0; const m = new Map(); m.set(1, n); return m; }',
          '/*',
          'let inAComment = 1;',
          '*/',
        ].join('\n'),
      ).map((f) => f.name),
    ).toEqual(['current', 'legacy', 'seen', 'byId']);

    const bad: string[] = [];
    const allowedSeen = new Set<(typeof MEMO_CACHES)[number]>();
    for (const layer of ['domain', 'store', 'lib']) {
      for (const file of files(layer)) {
        const rel = path.relative(SRC, file).split(path.sep).join('/');
        for (const f of moduleState(readFileSync(file, 'utf8'))) {
          const allowed = MEMO_CACHES.find((m) => m.file === rel && m.name === f.name);
          if (allowed) allowedSeen.add(allowed);
          else bad.push(`${rel}:${f.line} ${f.name}: ${f.what}`);
        }
      }
    }
    expect(bad).toEqual([]);
    const stale = MEMO_CACHES.filter((m) => !allowedSeen.has(m));
    expect(stale.map((m) => `${m.file} ${m.name}`)).toEqual([]);
  });

  it('nothing in src/features reads the address: screens get the route from the router', () => {
    const readsLocation =
      /\b(?:window|document|globalThis|self)\s*\.\s*location\b|(?<![\w$.])location\s*[.[]/;
    // self-check: the rule sees each way in
    for (const line of [
      'window.location.hash',
      "new URLSearchParams(location.search).get('area')",
      'document.location.href',
      'globalThis.location',
    ]) {
      expect(readsLocation.test(line), line).toBe(true);
    }
    expect(readsLocation.test('const relocation = 1; state.location.x')).toBe(false);
    const bad = files('features').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          readsLocation.test(line) ? [`${path.relative(SRC, file)}:${i + 1} ${line.trim()}`] : [],
        ),
    );
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
