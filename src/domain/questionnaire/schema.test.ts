import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOCALES } from '../core/types';
import { miniQuestionnaire } from '../testing/fixtures';
import { formatPath, parseQuestionnaire, type QuestionnaireIssue } from './schema';

/**
 * The mini fixture as plain, mutable JSON: what a file from outside looks like.
 * Areas: a (statements 0–3), b (4–5), c (6). Statement 3 is business-only.
 */
type Json = Record<string, unknown>;
interface Draft {
  id: unknown;
  version: unknown;
  title: Json;
  intro: Json;
  scale: Json[];
  areas: (Json & { title: Json; levels: Json[]; sources: unknown[] })[];
  statements: (Json & { text: Json })[];
  [key: string]: unknown;
}

function draft(): Draft {
  // A JSON round trip, not structuredClone: the fixture shares one levels array between areas.
  return JSON.parse(JSON.stringify(miniQuestionnaire)) as Draft;
}

function issuesOf(data: unknown): QuestionnaireIssue[] {
  const result = parseQuestionnaire(data);
  if (result.ok) throw new Error('Expected the questionnaire to be rejected, but it parsed');
  return result.issues;
}

const paths = (issues: QuestionnaireIssue[]) => issues.map((i) => i.path);

describe('parseQuestionnaire', () => {
  it('accepts the valid fixture, with and without a $schema reference', () => {
    expect(parseQuestionnaire(draft()).ok).toBe(true);
    const withSchema = { $schema: '../../public/questionnaire.schema.json', ...draft() };
    expect(parseQuestionnaire(withSchema).ok).toBe(true);
  });

  it('trims texts when it accepts them', () => {
    const d = draft();
    d.statements[0]!.text.nn = '  a1 nn  ';
    const result = parseQuestionnaire(d);
    expect(result.ok && result.questionnaire.statements[0]!.text.nn).toBe('a1 nn');
  });

  // Each case breaks the valid fixture in one way and lists every path reported, in order.
  // Where one mistake is reported at several paths, the case says why.
  const cases: [
    name: string,
    breakIt: (d: Draft) => void,
    path: string | string[],
    message?: RegExp,
  ][] = [
    // ids are unique
    [
      'duplicate area id',
      (d) => d.areas.push(JSON.parse(JSON.stringify(d.areas[0])) as Draft['areas'][number]),
      'areas.3.id',
      /Duplicate area id "a"/,
    ],
    [
      'duplicate statement id',
      (d) => (d.statements[1]!.id = 'a-1'),
      'statements.1.id',
      /Duplicate id "a-1"/,
    ],
    [
      'statement id that is also an area id',
      (d) => (d.statements[6]!.id = 'b'),
      'statements.6.id',
      /Duplicate id "b"/,
    ],
    // cross-references
    [
      'statement referring to an unknown area',
      (d) => (d.statements[3]!.area = 'zzz'),
      'statements.3.area',
      /unknown area "zzz"/,
    ],
    [
      'area without statements',
      (d) => d.areas.push({ ...d.areas[2]!, id: 'd' }),
      'areas.3',
      /Area "d" has no statements/,
    ],
    // every text in nb, nn and en
    [
      'missing nn text of a statement',
      (d) => delete d.statements[3]!.text.nn,
      'statements.3.text.nn',
    ],
    ['missing en title of the questionnaire', (d) => delete d.title.en, 'title.en'],
    [
      'missing nb level description',
      (d) => delete d.areas[2]!.levels[4]!.nb,
      'areas.2.levels.4.nb',
    ],
    ['text that is not a string', (d) => (d.intro.nn = 42), 'intro.nn'],
    ['empty text', (d) => (d.statements[0]!.text.nb = ''), 'statements.0.text.nb', /empty/],
    ['whitespace-only text', (d) => (d.areas[1]!.title.en = ' \n\t '), 'areas.1.title.en', /empty/],
    ['empty scale label', (d) => (d.scale[2]!.nn = ''), 'scale.2.nn', /empty/],
    // levels and scale
    ['four levels', (d) => d.areas[0]!.levels.pop(), 'areas.0.levels', /five levels/],
    [
      'six levels',
      (d) => d.areas[1]!.levels.push({ nb: 'x', nn: 'x', en: 'x' }),
      'areas.1.levels',
      /five levels/,
    ],
    ['no levels', (d) => (d.areas[2]!.levels = []), 'areas.2.levels', /five levels/],
    ['four scale labels', (d) => d.scale.pop(), 'scale', /five labels/],
    // sources
    ['area without sources', (d) => (d.areas[0]!.sources = []), 'areas.0.sources', /source/],
    ['empty source', (d) => (d.areas[0]!.sources = ['  ']), 'areas.0.sources.0', /empty/],
    // id format
    ['upper-case statement id', (d) => (d.statements[0]!.id = 'A-1'), 'statements.0.id', /kebab/],
    ['underscore in statement id', (d) => (d.statements[0]!.id = 'a_1'), 'statements.0.id'],
    ['double hyphen in id', (d) => (d.statements[2]!.id = 'a--3'), 'statements.2.id'],
    [
      'leading hyphen in an area id and its references',
      (d) => {
        d.areas[1]!.id = '-b';
        d.statements[4]!.area = '-b';
        d.statements[5]!.area = '-b';
      },
      ['areas.1.id', 'statements.4.area', 'statements.5.area'],
    ],
    [
      // reported twice at one path: the format is wrong, and no area has that id
      'trailing hyphen in an area reference',
      (d) => (d.statements[4]!.area = 'b-'),
      ['statements.4.area', 'statements.4.area'],
    ],
    [
      // a bad area id also orphans its statements; the cross-checks still run
      'upper-case area id',
      (d) => (d.areas[2]!.id = 'C'),
      ['areas.2.id', 'statements.6.area', 'areas.2'],
    ],
    ['non-ASCII letter in id', (d) => (d.statements[6]!.id = 'næring-1'), 'statements.6.id'],
    ['space in questionnaire id', (d) => (d.id = 'god vertskommune'), 'id'],
    ['empty id', (d) => (d.statements[5]!.id = ''), 'statements.5.id'],
    // roles and traits
    ['unknown role', (d) => (d.statements[3]!.roles = ['mayor']), 'statements.3.roles.0'],
    [
      'unknown role after a known one',
      (d) => (d.statements[0]!.roles = ['politician', 'Business']),
      'statements.0.roles.1',
    ],
    ['empty role list', (d) => (d.statements[0]!.roles = []), 'statements.0.roles'],
    ['trait 0', (d) => (d.statements[0]!.traits = [0]), 'statements.0.traits.0'],
    ['trait 9', (d) => (d.statements[1]!.traits = [1, 9]), 'statements.1.traits.1'],
    ['fractional trait', (d) => (d.statements[1]!.traits = [2.5]), 'statements.1.traits.0'],
    ['empty trait list', (d) => (d.statements[1]!.traits = []), 'statements.1.traits'],
    // version
    ['version 0', (d) => (d.version = 0), 'version'],
    ['version as a string', (d) => (d.version = '1'), 'version'],
    ['fractional version', (d) => (d.version = 1.5), 'version'],
    // extra keys are typos or unsupported fields, never silently ignored
    ['extra top-level key', (d) => (d.author = 'KS'), '(root)', /author/],
    ['extra key in an area', (d) => (d.areas[1]!.colour = 'red'), 'areas.1', /colour/],
    [
      'misspelt key in a statement',
      (d) => (d.statements[2]!.role = ['business']),
      'statements.2',
      /\brole\b/,
    ],
    [
      'extra locale in a text',
      (d) => (d.statements[0]!.text.se = 'sámegiella'),
      'statements.0.text',
      /\bse\b/,
    ],
    // missing required fields
    ['missing statements', (d) => delete (d as Partial<Draft>).statements, 'statements'],
    [
      'no statements at all',
      (d) => (d.statements = []),
      ['statements', 'areas.0', 'areas.1', 'areas.2'],
    ],
    [
      'no areas at all',
      (d) => (d.areas = []),
      ['areas', ...[0, 1, 2, 3, 4, 5, 6].map((i) => `statements.${i}.area`)],
    ],
    ['statement without area', (d) => delete d.statements[4]!.area, 'statements.4.area'],
  ];

  it.each(cases)('rejects %s at its path', (_name, breakIt, path, message) => {
    const d = draft();
    breakIt(d);
    const issues = issuesOf(d);
    expect(paths(issues)).toEqual(typeof path === 'string' ? [path] : path);
    if (message) expect(issues[0]!.message).toMatch(message);
  });

  it('says what is wrong in every message, not only where (questionnaire:validate needs it)', () => {
    const vague: string[] = [];
    for (const [name, breakIt] of cases) {
      const d = draft();
      breakIt(d);
      for (const issue of issuesOf(d)) {
        if (/^invalid input$/i.test(issue.message.trim())) vague.push(`${name} → ${issue.path}`);
      }
    }
    expect(vague, 'issues whose message is only "Invalid input"').toEqual([]);
  });

  it.each([null, undefined, 'questionnaire', 42, [], [draft()]])(
    'rejects %j at the root',
    (input) => {
      expect(paths(issuesOf(input))).toEqual(['(root)']);
    },
  );

  it('reports every problem, not only the first', () => {
    const d = draft();
    delete d.statements[3]!.text.nn;
    d.areas[0]!.levels.pop();
    d.statements[5]!.roles = ['mayor'];
    expect(paths(issuesOf(d)).sort()).toEqual(
      ['areas.0.levels', 'statements.3.text.nn', 'statements.5.roles.0'].sort(),
    );
  });

  it('reports every cross-reference problem, not only the first', () => {
    const d = draft();
    d.statements[1]!.id = 'a-1';
    d.statements[4]!.area = 'nowhere';
    d.statements[5]!.area = 'nowhere';
    // b has lost both its statements
    expect(paths(issuesOf(d))).toEqual([
      'statements.1.id',
      'statements.4.area',
      'statements.5.area',
      'areas.1',
    ]);
  });

  it('property: removing any one text reports exactly that path', () => {
    const d = draft();
    const n = d.statements.length;
    fc.assert(
      fc.property(fc.nat({ max: n - 1 }), fc.constantFrom(...LOCALES), (i, locale) => {
        const broken = draft();
        delete broken.statements[i]!.text[locale];
        expect(paths(issuesOf(broken))).toEqual([`statements.${i}.text.${locale}`]);
      }),
    );
  });

  it('property: never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseQuestionnaire(input);
        expect(result.ok).toBe(false);
      }),
    );
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '(root)'],
    [['id'], 'id'],
    [['statements', 3, 'text', 'nn'], 'statements.3.text.nn'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
