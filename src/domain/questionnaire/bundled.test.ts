import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, ROLES } from '../core/types';
import { parseQuestionnaire, type LocalizedText, type Questionnaire } from './schema';

/**
 * Tests on the questionnaire files as they are committed: every questionnaires/<id>/vN.json.
 * The schema tests cover what the parser rejects; these cover what the content must be.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const QUESTIONNAIRES_DIR = path.join(ROOT, 'questionnaires');
const VERSION_FILE = /^v([1-9]\d*)\.json$/;

interface BundledFile {
  /** e.g. "god-vertskommune/v1.json" */
  name: string;
  folder: string;
  fileVersion: number;
  data: unknown;
}

function readBundledFiles(): BundledFile[] {
  const files: BundledFile[] = [];
  for (const folder of readdirSync(QUESTIONNAIRES_DIR, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(path.join(QUESTIONNAIRES_DIR, folder.name))) {
      const match = VERSION_FILE.exec(file);
      if (!match) continue;
      const text = readFileSync(path.join(QUESTIONNAIRES_DIR, folder.name, file), 'utf8');
      files.push({
        name: `${folder.name}/${file}`,
        folder: folder.name,
        fileVersion: Number(match[1]),
        data: JSON.parse(text) as unknown,
      });
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

function parseOrThrow(file: BundledFile): Questionnaire {
  const result = parseQuestionnaire(file.data);
  if (!result.ok) {
    const detail = result.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
    throw new Error(`${file.name} is invalid:\n${detail}`);
  }
  return result.questionnaire;
}

const FILES = readBundledFiles();

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Every localized text in a questionnaire, with its dotted path. */
function localizedTexts(q: Questionnaire): [path: string, text: LocalizedText][] {
  const out: [string, LocalizedText][] = [
    ['title', q.title],
    ['intro', q.intro],
    ...q.scale.map((t, i): [string, LocalizedText] => [`scale.${i}`, t]),
  ];
  q.areas.forEach((a, i) => {
    out.push([`areas.${i}.title`, a.title], [`areas.${i}.description`, a.description]);
    if (a.short) out.push([`areas.${i}.short`, a.short]);
    a.levels.forEach((t, j) => out.push([`areas.${i}.levels.${j}`, t]));
  });
  q.statements.forEach((s, i) => out.push([`statements.${i}.text`, s.text]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Nynorsk lint: bokmål forms that readers of nynorsk notice at once (docs/language.md).

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

/**
 * Proper names that stay in bokmål inside nynorsk text, such as the title of the report the
 * questionnaire builds on. They are cut out before the lint runs. Keep this list short: every
 * entry must occur in some nn text (tested below), so it cannot go stale.
 */
const PROPER_NAME_ALLOWLIST = ['Lærdommer fra gode vertskommuner for næringslivet'] as const;

const BOKMAL_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${BOKMAL_FORMS.join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

function bokmalFormsIn(nn: string): string[] {
  let text = nn;
  for (const name of PROPER_NAME_ALLOWLIST) text = text.split(name).join(' ');
  return [...text.matchAll(BOKMAL_WORD)].map((m) => m[0]);
}

describe('nynorsk lint (self-test)', () => {
  it.each<[string, string[]]>([
    ['Vi har ikke gjort noe med det.', ['ikke', 'noe']],
    ['Hvordan går det? Hva skjer?', ['Hvordan', 'Hva']],
    ['IKKE relevant', ['IKKE']],
    ['ikke-relevant', ['ikke']],
    ['Det ble gjort «sammen».', ['ble', 'sammen']],
    ['Kommunen har eigne ressursar og eit eige næringsfond.', []],
    ['Veit ikkje, noko, nokon, mykje, berre, difor, saman.', []],
    ['bolig/tjenester', ['bolig', 'tjenester']],
    // whole words only: these contain a listed form inside a longer word
    ['Bustadbolig er ikkje eit ord, men noenlunde og egentlig er bokmål.', []],
    ['Ansattes rettar, tenesteytarar, blekk, barebone.', []],
    // the proper name is cut out; the same words outside it are still caught
    ['Rapporten «Lærdommer fra gode vertskommuner for næringslivet» er god.', []],
    ['Lærdommer fra gode vertskommuner for næringslivet, ikke sant.', ['ikke']],
  ])('%j → %j', (text, found) => {
    expect(bokmalFormsIn(text)).toEqual(found);
  });
});

// ---------------------------------------------------------------------------------------------
// Nynorsk: one form of each pair (docs/language.md). Published versions are never edited, so this
// holds for the newest version of each questionnaire: the one new responses use.

const NYNORSK_MIXED_FORMS: readonly [form: RegExp, use: string][] = [
  [
    /(?<![\p{L}])(?:\p{L}*gjev\p{L}*)(?![\p{L}])/giu,
    'the gi-forms: gi, gir, gitt, arbeidsgivar, rådgivar',
  ],
  [/(?<![\p{L}])òg(?![\p{L}])/giu, 'også'],
  [/(?<![\p{L}])hos(?![\p{L}])/giu, 'hjå'],
  [/(?<![\p{L}])(?:vorte|verte|vert)(?![\p{L}])/giu, 'blir, blitt'],
  [/(?<![\p{L}])utdatert\p{L}*/giu, 'forelda'],
  [/(?<![\p{L}])imøtekommande(?![\p{L}])/giu, 'hjelpsam'],
];

function mixedFormsIn(nn: string): string[] {
  return NYNORSK_MIXED_FORMS.flatMap(([form, use]) =>
    [...nn.matchAll(form)].map((m) => `«${m[0]}» (use ${use})`),
  );
}

describe('nynorsk forms (self-test)', () => {
  it.each<[string, number]>([
    ['Ein arbeidsgjevar og ein rådgjevar har gjeve svar.', 3],
    ['Han er òg med, hos oss, og har vorte vald.', 3],
    ['Strategien er utdatert og lite imøtekommande.', 2],
    ['Ein arbeidsgivar og ein rådgivar gir svar. Han er også med hjå oss og har blitt vald.', 0],
    ['Posten vert ikkje rørt; vertskommune og overtid er ord.', 1],
  ])('%j → %i', (text, n) => {
    expect(mixedFormsIn(text)).toHaveLength(n);
  });
});

// ---------------------------------------------------------------------------------------------
// English: curly quotes and apostrophes (“ ” ’), never straight ones.

const STRAIGHT_QUOTE = /['"]/;

// ---------------------------------------------------------------------------------------------
// Permanence: a statement id never moves to another area between versions.

interface PermanenceViolation {
  id: string;
  statement: string;
  older: number;
  olderArea: string;
  newer: number;
  newerArea: string;
}

function permanenceViolations(versions: readonly Questionnaire[]): PermanenceViolation[] {
  const violations: PermanenceViolation[] = [];
  const byId = groupBy(versions, (q) => q.id);
  for (const [id, qs] of byId) {
    const sorted = [...qs].sort((a, b) => a.version - b.version);
    sorted.forEach((older, i) => {
      const olderAreas = new Map(older.statements.map((s) => [s.id, s.area]));
      for (const newer of sorted.slice(i + 1)) {
        for (const s of newer.statements) {
          const olderArea = olderAreas.get(s.id);
          if (olderArea !== undefined && olderArea !== s.area) {
            violations.push({
              id,
              statement: s.id,
              older: older.version,
              olderArea,
              newer: newer.version,
              newerArea: s.area,
            });
          }
        }
      }
    });
  }
  return violations;
}

describe('permanence rule (self-test)', () => {
  const text = { nb: 'x', nn: 'x', en: 'x' };
  const levels = [text, text, text, text, text];
  const area = (id: string) => ({ id, title: text, description: text, sources: ['s'], levels });
  const q = (version: number, statements: [string, string][], id = 'q'): Questionnaire => ({
    id,
    version,
    title: text,
    intro: text,
    scale: levels,
    areas: [area('a'), area('b')],
    statements: statements.map(([sid, a]) => ({ id: sid, area: a, text })),
  });

  it('accepts statements that stay, are added or are removed', () => {
    const v1 = q(1, [
      ['s-1', 'a'],
      ['s-2', 'a'],
      ['s-3', 'b'],
    ]);
    const v2 = q(2, [
      ['s-1', 'a'],
      ['s-3', 'b'],
      ['s-4', 'b'],
    ]);
    expect(permanenceViolations([v2, v1])).toEqual([]);
  });

  it('flags a statement id that moves to another area, also across skipped versions', () => {
    const v1 = q(1, [
      ['s-1', 'a'],
      ['s-2', 'a'],
    ]);
    const v2 = q(2, [['s-1', 'a']]);
    const v3 = q(3, [
      ['s-1', 'a'],
      ['s-2', 'b'],
    ]);
    expect(permanenceViolations([v3, v1, v2])).toEqual([
      { id: 'q', statement: 's-2', older: 1, olderArea: 'a', newer: 3, newerArea: 'b' },
    ]);
  });

  it('compares only versions of the same questionnaire', () => {
    expect(permanenceViolations([q(1, [['s-1', 'a']], 'x'), q(2, [['s-1', 'b']], 'y')])).toEqual(
      [],
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('bundled questionnaire files', () => {
  it('finds at least one questionnaire file', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it('holds only <id>/vN.json files under questionnaires/', () => {
    const stray: string[] = [];
    for (const entry of readdirSync(QUESTIONNAIRES_DIR, { withFileTypes: true })) {
      if (!entry.isDirectory()) {
        if (entry.name !== 'README.md') stray.push(entry.name);
        continue;
      }
      for (const file of readdirSync(path.join(QUESTIONNAIRES_DIR, entry.name))) {
        if (!VERSION_FILE.test(file)) stray.push(`${entry.name}/${file}`);
      }
    }
    expect(stray, 'files the app would silently ignore').toEqual([]);
  });

  it('has every version from v1 up, with no gaps', () => {
    const byFolder = groupBy(FILES, (f) => f.folder);
    for (const [folder, files] of byFolder) {
      const versions = files.map((f) => f.fileVersion).sort((a, b) => a - b);
      expect(versions, folder).toEqual(versions.map((_, i) => i + 1));
    }
  });

  it('finds the permanence rule satisfied between all versions', () => {
    expect(permanenceViolations(FILES.map(parseOrThrow))).toEqual([]);
  });
});

/** The newest version in each folder: the one new responses use. */
const NEWEST = [...groupBy(FILES, (f) => f.folder).values()].map((files) =>
  files.reduce((a, b) => (b.fileVersion > a.fileVersion ? b : a)),
);

describe.each(NEWEST.map((f) => [f.name, f] as const))('%s (newest version)', (_name, file) => {
  it('keeps to one form of each nynorsk pair', () => {
    const found = localizedTexts(parseOrThrow(file)).flatMap(([p, t]) =>
      mixedFormsIn(t.nn).map((hit) => `${p}.nn: ${hit} in «${t.nn}»`),
    );
    expect(found).toEqual([]);
  });
});

describe.each(FILES.map((f) => [f.name, f] as const))('%s', (_name, file) => {
  it('parses', () => {
    expect(() => parseOrThrow(file)).not.toThrow();
  });

  let parsed: Questionnaire | undefined;
  const q = (): Questionnaire => (parsed ??= parseOrThrow(file));

  it('sits in a folder named after its id, in a file named after its version', () => {
    expect(q().id).toBe(file.folder);
    expect(q().version).toBe(file.fileVersion);
  });

  it('has 8–10 areas and 40–50 statements', () => {
    expect(q().areas.length).toBeGreaterThanOrEqual(8);
    expect(q().areas.length).toBeLessThanOrEqual(10);
    expect(q().statements.length).toBeGreaterThanOrEqual(40);
    expect(q().statements.length).toBeLessThanOrEqual(50);
  });

  it('has every text in nb, nn and en, none empty', () => {
    const texts = localizedTexts(q());
    expect(texts.length).toBeGreaterThan(q().statements.length);
    const missing = texts.flatMap(([p, t]) =>
      LOCALES.filter((l) => typeof t[l] !== 'string' || t[l].trim() === '').map((l) => `${p}.${l}`),
    );
    expect(missing).toEqual([]);
  });

  it('writes at least 80 % of the statements differently in nn and nb (no pasted bokmål)', () => {
    const statements = q().statements;
    const same = statements.filter((s) => s.text.nn.trim() === s.text.nb.trim()).map((s) => s.id);
    const differing = statements.length - same.length;
    expect(
      differing / statements.length,
      `statements with identical nb and nn: ${same.join(', ')}`,
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('uses no bokmål forms in nn texts', () => {
    const found = localizedTexts(q()).flatMap(([p, t]) =>
      bokmalFormsIn(t.nn).map((word) => `${p}.nn: «${word}» in «${t.nn}»`),
    );
    expect(found).toEqual([]);
  });

  it('uses curly quotes and apostrophes in en texts', () => {
    const straight = localizedTexts(q())
      .filter(([, t]) => STRAIGHT_QUOTE.test(t.en))
      .map(([p, t]) => `${p}.en: ${t.en}`);
    expect(straight).toEqual([]);
  });

  it('needs every proper-name allowlist entry of the nynorsk lint', () => {
    const nn = localizedTexts(q()).map(([, t]) => t.nn);
    for (const name of PROPER_NAME_ALLOWLIST) {
      expect(
        nn.some((t) => t.includes(name)),
        `«${name}» is not used in any nn text; drop it from the allowlist`,
      ).toBe(true);
    }
  });

  it("covers each of the report's eight traits with at least one statement", () => {
    const covered = new Set(q().statements.flatMap((s) => s.traits ?? []));
    const uncovered = [1, 2, 3, 4, 5, 6, 7, 8].filter((t) => !covered.has(t));
    expect(uncovered, 'traits no statement covers').toEqual([]);
  });

  it('gives each area at least 4 statements that every role is asked', () => {
    const forAll = (roles: readonly string[] | undefined) =>
      roles === undefined || ROLES.every((r) => roles.includes(r));
    const thin = q()
      .areas.map((a) => ({
        area: a.id,
        forAllRoles: q().statements.filter((s) => s.area === a.id && forAll(s.roles)).length,
      }))
      .filter((a) => a.forAllRoles < 4);
    expect(thin).toEqual([]);
  });

  it('gives each area its sources and five level descriptions', () => {
    for (const area of q().areas) {
      expect(area.sources.length, `${area.id} sources`).toBeGreaterThanOrEqual(1);
      expect(area.levels.length, `${area.id} levels`).toBe(5);
    }
  });

  it('has five different scale labels in each language', () => {
    const { scale } = q();
    expect(scale).toHaveLength(5);
    for (const locale of LOCALES) {
      expect(new Set(scale.map((s) => s[locale])).size, locale).toBe(5);
    }
  });
});
