import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEVELS, LOCALES, ROLES, type Locale } from '../domain/types';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES_DIR = path.join(SRC, 'i18n', 'locales');

/** Namespace files of one locale: common.json is bundled eagerly, the rest with lazy screens. */
function namespaces(locale: string): string[] {
  return readdirSync(path.join(LOCALES_DIR, locale))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function readNamespace(locale: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, file), 'utf8')) as Record<
    string,
    unknown
  >;
}

/**
 * All namespaces of a locale merged. Components look keys up in their own namespace with
 * "common" as the fallback, so no two namespaces may share a top-level key (tested below).
 */
function merged(locale: string): Record<string, unknown> {
  return Object.assign({}, ...namespaces(locale).map((f) => readNamespace(locale, f))) as Record<
    string,
    unknown
  >;
}

const RESOURCES: Record<Locale, unknown> = { nb: merged('nb'), nn: merged('nn'), en: merged('en') };
const nb = RESOURCES.nb;

/** i18next plural suffixes (CLDR categories). */
const PLURAL_SUFFIX = /_(?:zero|one|two|few|many|other)$/;

/** A value at the end of a key path. Locale files should hold only non-empty strings there. */
type Leaf = string | number | boolean | null | undefined;

/** Flattens nested keys to dotted paths; array items get their index ("accessibility.tested.0"). */
function flatten(value: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value as Leaf);
  }
  return out;
}

function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

const FLAT = Object.fromEntries(LOCALES.map((l) => [l, flatten(RESOURCES[l])])) as Record<
  Locale,
  Map<string, Leaf>
>;

describe('locale files', () => {
  it('has one folder per locale, each with the same namespaces', () => {
    const folders = readdirSync(LOCALES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...LOCALES].sort());
    expect(namespaces('nb')).toContain('common.json');
    for (const locale of LOCALES) {
      expect(namespaces(locale), locale).toEqual(namespaces('nb'));
    }
  });

  it.each(LOCALES)('%s: no two namespaces share a top-level key', (locale) => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of namespaces(locale)) {
      for (const key of Object.keys(readNamespace(locale, file))) {
        const other = seen.get(key);
        if (other) clashes.push(`${key} in ${other} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('finds keys at all', () => {
    expect(FLAT.nb.size).toBeGreaterThan(50);
  });

  it.each(LOCALES.filter((l) => l !== 'nb'))('%s has exactly the keys nb has', (locale) => {
    const keys = [...FLAT[locale].keys()];
    const reference = [...FLAT.nb.keys()];
    expect({
      missing: reference.filter((k) => !FLAT[locale].has(k)),
      extra: keys.filter((k) => !FLAT.nb.has(k)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('%s has only non-empty strings as values', (locale) => {
    const bad = [...FLAT[locale]].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad.map(([k, v]) => `${k}: ${JSON.stringify(v)}`)).toEqual([]);
  });

  it.each(LOCALES)('%s gives every plural an _other form', (locale) => {
    const plurals = [...FLAT[locale].keys()].filter((k) => PLURAL_SUFFIX.test(k));
    expect(plurals.length, 'no plural keys found').toBeGreaterThan(0);
    const lonely = plurals
      .map((k) => k.replace(PLURAL_SUFFIX, ''))
      .filter((base) => !FLAT[locale].has(`${base}_other`));
    expect([...new Set(lonely)]).toEqual([]);
  });

  it('uses the same {{variables}} in each key in every locale', () => {
    const mismatches: string[] = [];
    for (const [key, value] of FLAT.nb) {
      const expected = variables(String(value)).join(', ');
      for (const locale of LOCALES) {
        const actual = variables(String(FLAT[locale].get(key) ?? '')).join(', ');
        if (actual !== expected)
          mismatches.push(`${locale} ${key}: {${actual}} ≠ nb {${expected}}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  // Keys built at run time from a domain value, t(`roles.${role}`), need a key for every value.
  it.each<[string, readonly (string | number)[]]>([
    ['roles', ROLES],
    ['importance', LEVELS],
    ['answer', ['dontKnow', 'notRelevant']],
  ])('%s has a key for every domain value', (prefix, values) => {
    for (const locale of LOCALES) {
      const node = (RESOURCES[locale] as Record<string, unknown>)[prefix];
      expect(Object.keys(node ?? {}).sort(), locale).toEqual(values.map(String).sort());
    }
  });

  it('extracts variables correctly (self-test)', () => {
    expect(variables('{{count}} av {{ total }} og {{count}} igjen, {{x, number}}')).toEqual([
      'count',
      'total',
      'x',
    ]);
    expect(variables('Ingen variablar, berre {enkel} klamme')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Nynorsk lint: the same list as in src/domain/questionnaire/bundled.test.ts (docs/language.md).

const BOKMAL_FORMS = [
  'ikke',
  'hva',
  'hvordan',
  'hvorfor',
  'hvem',
  'noen',
  'noe',
  'mye',
  'bare',
  'derfor',
  'sammen',
  'virksomhet',
  'egen',
  'eget',
  'egne',
  'ansatte',
  'tjenester',
  'bolig',
  'beslutning',
  'ble',
] as const;

const BOKMAL_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${BOKMAL_FORMS.join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

const bokmalFormsIn = (text: string) => [...text.matchAll(BOKMAL_WORD)].map((m) => m[0]);

describe('nynorsk lint', () => {
  it.each<[string, string[]]>([
    ['Vi har ikke lagret noe.', ['ikke', 'noe']],
    ['Hvem? Hvorfor? BARE', ['Hvem', 'Hvorfor', 'BARE']],
    ['Veit ikkje, noko, nokon, mykje, berre, saman, eigne', []],
    ['noenlunde, blekk, egentlig, boligfelt', []],
  ])('self-test: %j → %j', (text, found) => {
    expect(bokmalFormsIn(text)).toEqual(found);
  });

  it('finds no bokmål forms in nn values', () => {
    const found = [...FLAT.nn].flatMap(([key, value]) =>
      bokmalFormsIn(String(value)).map((word) => `${key}: «${word}» in «${String(value)}»`),
    );
    expect(found).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every key the source code uses exists.

interface KeyUse {
  file: string;
  /** A literal key, or the static prefix of a template key (before the first ${…}). */
  key: string;
  template: boolean;
}

const T_CALL = /(?<![\w$])t\(\s*(?:'([^'\n]+)'|"([^"\n]+)"|`([^`\n]*)`)/g;
const I18N_KEY_PROP = /\bi18nKey=(?:'([^']+)'|"([^"]+)"|\{\s*'([^']+)'\s*\})/g;

function keyUses(file: string, source: string): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const m of source.matchAll(T_CALL)) {
    const [, single, double, template] = m;
    if (template !== undefined && template.includes('${')) {
      uses.push({ file, key: template.slice(0, template.indexOf('${')), template: true });
    } else {
      uses.push({ file, key: single ?? double ?? template ?? '', template: false });
    }
  }
  for (const m of source.matchAll(I18N_KEY_PROP)) {
    uses.push({ file, key: m[1] ?? m[2] ?? m[3] ?? '', template: false });
  }
  return uses;
}

/**
 * Every .ts and .tsx file under src/ except tests, type declarations and src/domain: the domain is
 * pure and never calls i18next (a lint rule), and its test fixtures have a helper named t().
 */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .filter((f) => !f.startsWith('domain/'))
    .map((f) => path.join(SRC, f));
}

/** The value at a dotted path in nb, or undefined. */
function lookup(key: string): unknown {
  let node: unknown = nb;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A literal key exists if nb has it, or has plural forms of it (t('x', { count })). */
function literalKeyExists(key: string): boolean {
  if (lookup(key) !== undefined) return true;
  const dot = key.lastIndexOf('.');
  const parent = dot < 0 ? nb : lookup(key.slice(0, dot));
  const leaf = key.slice(dot + 1);
  return (
    parent !== null &&
    typeof parent === 'object' &&
    Object.keys(parent).some((k) => k.startsWith(`${leaf}_`) && PLURAL_SUFFIX.test(k))
  );
}

describe('keys used in source code', () => {
  it('extracts keys from calls (self-test)', () => {
    const sample = [
      "t('app.name')",
      'i18n.t("nav.start")',
      "t( 'review.missing', { count })",
      't(`roles.${role}`)',
      't(`plain.template`)',
      "<Trans i18nKey='a.b' />",
      "format(x); set('no.key'); at('no.key'); $t('no.key')",
    ].join('\n');
    expect(keyUses('f', sample).map((u) => [u.key, u.template])).toEqual([
      ['app.name', false],
      ['nav.start', false],
      ['review.missing', false],
      ['roles.', true],
      ['plain.template', false],
      ['a.b', false],
    ]);
  });

  it.each<[string, boolean]>([
    ['app.name', true],
    ['review.missing', true], // plural: review.missing_one / _other
    ['accessibility.tested', true], // an array, read with returnObjects
    ['review.missing_few', false],
    ['review.missin', false],
    ['app.name.extra', false],
    ['nope', false],
  ])('self-test: key %s exists: %s', (key, exists) => {
    expect(literalKeyExists(key)).toBe(exists);
  });

  const uses = sourceFiles().flatMap((file) =>
    keyUses(path.relative(SRC, file), readFileSync(file, 'utf8')),
  );

  it('finds key uses in the source', () => {
    expect(uses.filter((u) => !u.template).length).toBeGreaterThan(50);
    expect(uses.filter((u) => u.template).length).toBeGreaterThan(0);
  });

  it('finds every literal key in nb (plural keys by their base name)', () => {
    const missing = uses
      .filter((u) => !u.template && !literalKeyExists(u.key))
      .map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('finds the prefix of every template key as an object in nb', () => {
    const bad = uses
      .filter((u) => u.template)
      .filter((u) => {
        const prefix = u.key.replace(/\.$/, '');
        const node = prefix === '' ? undefined : lookup(prefix);
        return !u.key.endsWith('.') || node === null || typeof node !== 'object';
      })
      .map((u) => `${u.file}: ${u.key}\${…}`);
    expect(bad).toEqual([]);
  });
});
