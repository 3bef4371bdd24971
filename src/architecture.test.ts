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
});
