import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEVELS, LOCALES, ROLES, type Locale } from '../domain/core/types';

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
// One form of each pair, one term for each thing (docs/language.md).

/** Forms the review found mixed or wrong, per locale, with what to write instead. */
const AVOID: Record<'nb' | 'nn', readonly [form: RegExp, use: string][]> = {
  nb: [
    [/(?<!\p{L})flagg\p{L}*/giu, 'markere, markert'],
    [/(?<!\p{L})vedtatt(?!\p{L})/giu, 'avtalt (a decision at a gathering, not a formal one)'],
    [/(?<!\p{L})hold fram(?!\p{L})/giu, 'fortsett'],
  ],
  nn: [
    [/(?<!\p{L})\p{L}*gjev\p{L}*/giu, 'the gi-forms: gi, gir, gitt, grunngiving'],
    [/(?<!\p{L})òg(?!\p{L})/giu, 'også'],
    [/(?<!\p{L})hos(?!\p{L})/giu, 'hjå'],
    [/(?<!\p{L})(?:vorte|verte|vert)(?!\p{L})/giu, 'blir, blitt'],
    [/(?<!\p{L})flagg\p{L}*/giu, 'markere, markert'],
    [/(?<!\p{L})vedte\p{L}*/giu, 'avtalt'],
    [/(?<!\p{L})besvar\p{L}*/giu, 'svar (a response is «svar» in nynorsk)'],
    [/(?<!\p{L})utdatert\p{L}*/giu, 'forelda'],
    [/(?<!\p{L})imøtekommande(?!\p{L})/giu, 'hjelpsam'],
  ],
};

describe('terms and forms', () => {
  it.each(['nb', 'nn'] as const)('%s avoids the forms the review found', (locale) => {
    const found = [...FLAT[locale]].flatMap(([key, value]) =>
      AVOID[locale].flatMap(([form, use]) =>
        [...String(value).matchAll(form)].map((m) => `${key}: «${m[0]}» (use ${use})`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('calls a response «besvarelse» in nb, never «svar» in the texts that count responses', () => {
    // Keys whose text counts or names responses (one person's answers), in every namespace.
    const responseKeys = [
      'import.ok_one',
      'import.ok_other',
      'import.ownAdded_other',
      'import.demoLoaded_other',
      'network.respondents',
      'network.versionNote_other',
      'data.responses',
      'report.respondents_other',
    ];
    for (const key of responseKeys) {
      expect(String(FLAT.nb.get(key)), key).toMatch(/besvarelse/i);
      expect(String(FLAT.nn.get(key)), key).toMatch(/(?<!\p{L})svar/iu);
    }
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

// ---------------------------------------------------------------------------------------------
// Plurals: every string used with a count has _one and _other forms, in every language.

/** A t() call: its key (or a template key's static prefix) and whether it passes `count`. */
interface CountUse extends KeyUse {
  count: boolean;
}

/** Skips a string or template literal that starts at i; returns the index after it. */
function skipString(source: string, i: number): number {
  const quote = source[i]!;
  let j = i + 1;
  while (j < source.length && source[j] !== quote) {
    if (source[j] === '\\') j += 1;
    j += 1;
  }
  return j + 1;
}

/**
 * The t() calls in a source file, each with whether its options object has a `count` property
 * of its own (not one inside a nested call, such as t('a', { n: t('b', { count }) })).
 */
function countUses(file: string, source: string): CountUse[] {
  const uses: CountUse[] = [];
  for (const m of source.matchAll(T_CALL)) {
    const [, single, double, template] = m;
    const isTemplate = template !== undefined && template.includes('${');
    const key = isTemplate
      ? template.slice(0, template.indexOf('${'))
      : (single ?? double ?? template ?? '');
    // Walk the rest of the arguments to the closing parenthesis, minding nesting and strings.
    let depth = 0; // (), [] and {} alike
    let braces = 0; // {} only, at the call's own level
    let count = false;
    let i = m.index + m[0].length;
    while (i < source.length) {
      const c = source[i]!;
      if (c === "'" || c === '"' || c === '`') {
        i = skipString(source, i);
        continue;
      }
      if (c === '(' || c === '[') depth += 1;
      else if (c === '{') {
        depth += 1;
        braces += 1;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break; // the call's own closing parenthesis
        depth -= 1;
        if (c === '}') braces -= 1;
      } else if (depth === 1 && braces === 1 && /^count\s*[:,}]/.test(source.slice(i, i + 12))) {
        // A property name: after { or , (not a value after :, nor the end of a longer name).
        if (/[{,]$/.test(source.slice(0, i).trimEnd())) count = true;
      }
      i += 1;
    }
    uses.push({ file, key, template: isTemplate, count });
  }
  return uses;
}

/** Plural bases (keys without _one/_other) in a locale, with the suffixes each has. */
function pluralBases(locale: Locale): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of FLAT[locale].keys()) {
    const m = PLURAL_SUFFIX.exec(key);
    if (!m) continue;
    const base = key.slice(0, m.index);
    bases.set(base, (bases.get(base) ?? new Set()).add(m[0].slice(1)));
  }
  return bases;
}

describe('plurals', () => {
  it('extracts calls with and without a count (self-test)', () => {
    const sample = [
      "t('a.one', { count: n })",
      "t('a.two', { total, count })",
      't(\n  "a.three",\n  {\n    name: x,\n    count: list.length,\n  },\n)',
      "t('a.four', { counted: 1, discount: 2, total: count })",
      "t('a.five', { n: t('a.six', { count: 2 }), m: f({ count: 3 }) })",
      't(`a.seven.${x}`, { count })',
      "t('a.eight', { text: 'count: 1 )' })",
      't(\n  "a.nine",\n  {\n                        name: x,\n                        count: n,\n  },\n)',
    ].join('\n');
    expect(countUses('f', sample).map((u) => [u.key, u.template, u.count])).toEqual([
      ['a.one', false, true],
      ['a.two', false, true],
      ['a.three', false, true],
      ['a.four', false, false],
      ['a.five', false, false],
      ['a.six', false, true],
      ['a.seven.', true, true],
      ['a.eight', false, false],
      ['a.nine', false, true],
    ]);
  });

  const uses = sourceFiles().flatMap((file) =>
    countUses(path.relative(SRC, file), readFileSync(file, 'utf8')),
  );

  it('finds calls with a count in the source', () => {
    expect(uses.filter((u) => u.count && !u.template).length).toBeGreaterThan(10);
  });

  it('has _one and _other for every key used with a count, in every language', () => {
    const missing = uses
      .filter((u) => u.count && !u.template)
      .flatMap((u) =>
        LOCALES.flatMap((locale) =>
          ['one', 'other']
            .filter((form) => !FLAT[locale].has(`${u.key}_${form}`))
            .map((form) => `${u.file}: ${locale} ${u.key}_${form}`),
        ),
      );
    expect(missing).toEqual([]);
  });

  it('has _one and _other for every key under a template key used with a count', () => {
    const templates = uses.filter((u) => u.count && u.template);
    expect(templates.length).toBeGreaterThan(0);
    const bad = templates.flatMap((u) =>
      LOCALES.flatMap((locale) => {
        const under = [...FLAT[locale].keys()].filter((k) => k.startsWith(u.key));
        const plain = under.filter((k) => !PLURAL_SUFFIX.test(k));
        const lonely = [...pluralBases(locale)]
          .filter(
            ([base, forms]) => base.startsWith(u.key) && !(forms.has('one') && forms.has('other')),
          )
          .map(([base]) => base);
        return [...plain, ...lonely].map((k) => `${u.file}: ${locale} ${k} (${u.key}\${…})`);
      }),
    );
    expect(bad).toEqual([]);
  });

  it('gives a key with plural forms in one language _one and _other in every language', () => {
    const bases = new Set(LOCALES.flatMap((l) => [...pluralBases(l).keys()]));
    const missing = [...bases].flatMap((base) =>
      LOCALES.flatMap((locale) =>
        ['one', 'other']
          .filter((form) => !FLAT[locale].has(`${base}_${form}`))
          .map((form) => `${locale} ${base}_${form}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('uses every key that has plural forms with a count', () => {
    const noCount = uses
      .filter((u) => !u.count && !u.template && pluralBases('nb').has(u.key))
      .map((u) => `${u.file}: ${u.key}`);
    expect(noCount).toEqual([]);
  });

  it.each(['import.ownAdded', 'import.summary', 'import.demoLoaded', 'network.areaSummary'])(
    '%s is counted, in every language',
    (key) => {
      expect(uses.some((u) => u.key === key && u.count)).toBe(true);
      for (const locale of LOCALES) {
        expect(FLAT[locale].has(`${key}_one`), locale).toBe(true);
        expect(FLAT[locale].has(`${key}_other`), locale).toBe(true);
      }
    },
  );

  it('takes the number of areas from the questionnaire, not from the text', () => {
    for (const locale of LOCALES) {
      const text = String(FLAT[locale].get('start.factTime_other'));
      expect(text, locale).toContain('{{areas}}');
      expect(text, locale).not.toMatch(/\b(?:ni|nine)\b/i);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Typography: English uses “ ” and ’, Norwegian « »; no straight quotes or apostrophes anywhere.

describe('quotes and apostrophes', () => {
  it.each(LOCALES)('%s has no straight quotes or apostrophes', (locale) => {
    const straight = [...FLAT[locale]]
      .filter(([, v]) => /['"]/.test(String(v)))
      .map(([k, v]) => `${k}: ${String(v)}`);
    expect(straight).toEqual([]);
  });

  it('en quotes with “ ”, not « »', () => {
    const guillemets = [...FLAT.en]
      .filter(([, v]) => /[«»]/.test(String(v)))
      .map(([k, v]) => `${k}: ${String(v)}`);
    expect(guillemets).toEqual([]);
  });

  it.each(['nb', 'nn'] as const)('%s quotes with « », not “ ”', (locale) => {
    const curly = [...FLAT[locale]]
      .filter(([, v]) => /[“”]/.test(String(v)))
      .map(([k, v]) => `${k}: ${String(v)}`);
    expect(curly).toEqual([]);
  });
});
