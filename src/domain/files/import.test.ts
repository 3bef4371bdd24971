import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import fixtureText from './fixtures/results-v1.json?raw';
import fixtureV2Text from './fixtures/results-v2.json?raw';
import resultsFileDoc from '../../../docs/results-file.md?raw';
import {
  DEFAULT_MAX_BYTES,
  FUTURE_TOLERANCE_MS,
  IMPORT_ERROR_CODES,
  MAX_DEPTH,
  MAX_ISSUES,
  MAX_MESSAGE_LENGTH,
  decodeInput,
  detectEncoding,
  exceedsSize,
  importResultsFile,
  nestingExceeds,
  utf8ByteLength,
  type ImportOptions,
  type ImportResult,
} from './import';
import { FORMAT_MIGRATIONS, keyRenameMigration, type FormatMigration } from './migrations';
import { mergeById } from '../core/records';
import {
  allPaths,
  edit,
  isContainer,
  mutate,
  mutationArb as mutationArbOf,
  type Mutation,
  type Path,
} from '../testing/json-mutations';
import { responseSchema, actionSchema } from '../core/schemas';
import { createResultsFile, serializeResultsFile } from './results-file';
import { makeResponse, miniQuestionnaire } from '../testing/fixtures';
import type { Action, Response } from '../core/types';
import questionnaireJson from '../../../questionnaires/god-vertskommune/v1.json';
import { parseQuestionnaire, type Questionnaire } from '../questionnaire/schema';

function bundled(): Questionnaire {
  const parsed = parseQuestionnaire(questionnaireJson);
  if (!parsed.ok) throw new Error('The bundled questionnaire is invalid');
  return parsed.questionnaire;
}

const GOOD_HOST = bundled();
const KNOWN = [GOOD_HOST, miniQuestionnaire];
/** The time of every import in these tests: after everything the fixtures hold. */
const NOW = '2024-05-03T12:00:00.000Z';

function imp(input: string | Uint8Array, extra: Partial<ImportOptions> = {}): ImportResult {
  return importResultsFile(input, { knownQuestionnaires: KNOWN, now: NOW, ...extra });
}

/** The fixture as a fresh, mutable JSON value. */
function fixture(): Record<string, unknown> {
  return JSON.parse(fixtureText) as Record<string, unknown>;
}

/** The fixture's text with one value changed. */
function fixtureWith(path: Path, value: unknown): string {
  const data = fixture();
  edit(data, path, value);
  return JSON.stringify(data);
}

function fixtureWithout(path: Path): string {
  const data = fixture();
  edit(data, path, undefined, true);
  return JSON.stringify(data);
}

function errorOf(result: ImportResult) {
  if (result.ok) throw new Error('Expected an error, the import succeeded');
  return result.error;
}

function okOf(result: ImportResult) {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`);
  return result;
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const c = units.charCodeAt(i);
    const [first, second] = endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 * i] = first;
    out[2 * i + 1] = second;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Walks a value iteratively: only plain objects, arrays and primitives, no accessors. */
function plainDataProblem(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `non-finite number ${v}`;
      continue;
    }
    if (typeof v !== 'object') return `a ${typeof v}`;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== Array.prototype) return 'an exotic prototype';
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key !== 'string') return 'a symbol key';
      if (key === '__proto__') return 'an own __proto__ key';
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if (!('value' in d)) return 'an accessor';
      if (!(Array.isArray(v) && key === 'length')) stack.push(d.value);
    }
  }
  return null;
}

/** What every import result must look like, whatever the input was. */
function resultProblem(result: ImportResult): string | null {
  if (result.ok) {
    for (const r of result.responses)
      if (!responseSchema().safeParse(r).success) return 'bad response';
    for (const a of result.actions) if (!actionSchema().safeParse(a).success) return 'bad action';
    if (result.file.responses !== result.responses) return 'file and responses differ';
    return plainDataProblem(result);
  }
  if (!IMPORT_ERROR_CODES.includes(result.error.code)) return `unknown code ${result.error.code}`;
  if (result.error.detail?.startsWith('internalError'))
    return `internal error ${result.error.detail}`;
  if ((result.error.issues?.length ?? 0) > MAX_ISSUES) return 'too many issues';
  for (const issue of result.error.issues ?? []) {
    if (issue.message.length > MAX_MESSAGE_LENGTH || issue.path.length > MAX_MESSAGE_LENGTH) {
      return 'an issue too long';
    }
  }
  if ((result.error.detail?.length ?? 0) > MAX_MESSAGE_LENGTH) return 'a detail too long';
  return plainDataProblem(result);
}

function notPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted === undefined &&
    !Object.hasOwn(Object.prototype, 'polluted') &&
    Object.getPrototypeOf(probe) === Object.prototype
  );
}

describe('the released format version 1 fixture', () => {
  it('imports with every response and action', () => {
    const result = okOf(imp(fixtureText));
    expect(result.responses.map((r) => r.id)).toEqual(['r-1580-2-bus-c210', 'r-1580-2-pol-7f3a']);
    expect(result.actions.map((a) => a.id)).toEqual(['act-1580-land-1']);
    expect(result.file.questionnaire).toEqual({ id: 'god-vertskommune', version: 1 });
    expect(result.file.actions).toBe(result.actions);
    const [business, politician] = result.responses;
    expect(Object.keys(business!.answers)).toHaveLength(8);
    expect(Object.keys(politician!.answers)).toHaveLength(15);
    expect(politician!.answers['strategy-4']?.value).toBe('dontKnow');
    // A comment without a value yet survives as it is.
    expect(politician!.answers['founders-5']).toEqual({
      comment: 'Vi har ikkje drøfta dette enno.',
      updatedAt: '2024-04-29T19:42:00.000Z',
    });
    expect(politician!.respondent).toEqual({ id: 'resp-7f3a', role: 'politician', initials: 'KN' });
    expect(result.actions[0]!.followUps).toHaveLength(1);
    expect(resultProblem(result)).toBeNull();
  });

  it('takes each gathering’s period from its date (the migration to version 2)', () => {
    const result = okOf(imp(fixtureText));
    expect(result.file.formatVersion).toBe(2);
    expect(result.responses.map((r) => r.gathering)).toEqual([
      { period: '2024', round: 2, date: '2024-05-03' },
      { period: '2024', round: 2, date: '2024-05-03' },
    ]);
    // The action was agreed at round 1, which no response in the file is from: the year it was
    // made. Its follow-up: the year of its date.
    expect(result.actions[0]!.period).toBe('2024');
    expect(result.actions[0]!.followUps[0]!.period).toBe('2024');
    // The same data as the version 2 fixture, which the app's export wrote from it.
    const v2 = okOf(imp(fixtureV2Text));
    expect(result.responses).toEqual(v2.responses);
    expect(result.actions).toEqual(v2.actions);
  });

  it('gives an action and an agreed answer the period of their gathering’s responses', () => {
    // Round 4 met in December 2024; its action and agreed answers were written in January.
    const data = fixture();
    const responses = data.responses as Record<string, Record<string, unknown>>[];
    for (const r of responses) r.gathering = { round: 4, date: '2024-12-02' };
    const actions = data.actions as Record<string, unknown>[];
    Object.assign(actions[0]!, {
      round: 4,
      createdAt: '2025-01-06T09:00:00.000Z',
      updatedAt: '2025-01-06T09:00:00.000Z',
      followUps: [],
    });
    data.agreements = [
      {
        id: 'agreed-1580-r4',
        municipality: { number: '1580', name: 'Haram' },
        round: 4,
        questionnaire: { id: 'god-vertskommune', version: 1 },
        agreed: {},
        updatedAt: '2025-01-07T09:00:00.000Z',
      },
    ];
    const result = okOf(imp(JSON.stringify(data), { now: '2025-01-08T00:00:00.000Z' }));
    expect(result.responses.map((r) => r.gathering.period)).toEqual(['2024', '2024']);
    expect(result.actions[0]!.period).toBe('2024');
    expect(result.agreements[0]!.period).toBe('2024');
  });

  it('keeps a period the file already names, and never changes its input', () => {
    const data = fixture();
    const before = JSON.stringify(data);
    const migrated = FORMAT_MIGRATIONS[0]!.migrate(data);
    expect(JSON.stringify(data)).toBe(before);
    expect(migrated.responses).not.toBe(data.responses);
    const named = fixture();
    const first = (named.responses as Record<string, Record<string, unknown>>[])[0]!;
    first.gathering = { ...first.gathering, period: '2023–2024' };
    const result = okOf(imp(JSON.stringify(named)));
    expect(result.responses.map((r) => r.gathering.period).sort()).toEqual(['2023–2024', '2024']);
  });
});

describe('the released format version 2 fixture', () => {
  it('exports again to the same file, byte for byte (the round trip is lossless)', () => {
    const result = okOf(imp(fixtureV2Text));
    const meta = {
      appVersion: '0.1.0',
      exportedAt: result.file.exportedAt,
      questionnaire: { id: 'god-vertskommune', version: 1 },
    };
    const again = createResultsFile(result.responses, meta, result.actions);
    expect(result.actions.length).toBeGreaterThan(0);
    expect(serializeResultsFile(again)).toBe(fixtureV2Text);
    // An export without actions imports with actions defaulting to [].
    const bare = JSON.parse(
      serializeResultsFile(createResultsFile(result.responses, meta)),
    ) as Record<string, unknown>;
    delete bare.actions;
    const reimported = okOf(imp(JSON.stringify(bare)));
    expect(reimported.actions).toEqual([]);
    expect(reimported.file.actions).toEqual([]);
    expect(reimported.responses).toEqual(result.responses);
  });

  it('writes the period of a gathering that leaves it to its date', () => {
    const result = okOf(imp(fixtureV2Text));
    const bare = result.responses.map((r) => ({
      ...r,
      gathering: { round: r.gathering.round, date: r.gathering.date },
    }));
    const meta = { appVersion: '0.1.0', exportedAt: result.file.exportedAt };
    const again = createResultsFile(bare, { ...meta, questionnaire: result.file.questionnaire });
    expect(again.responses.map((r) => r.gathering)).toEqual(
      result.responses.map((r) => r.gathering),
    );
  });
});

describe('docs/results-file.md', () => {
  it('has an example that imports as it stands', () => {
    const blocks = [...resultsFileDoc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    const result = okOf(imp(blocks[0]!));
    expect(result.responses).toHaveLength(1);
    expect(Object.keys(result.responses[0]!.answers)).toHaveLength(2);
    expect(result.actions).toEqual([]);
  });

  it('lists every error code', () => {
    // a table row that starts with the code, whatever the padding
    for (const code of IMPORT_ERROR_CODES) {
      expect(resultsFileDoc).toMatch(new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, 'm'));
    }
  });
});

describe('size limit, checked before parsing', () => {
  it.each<[string, string | Uint8Array, number]>([
    ['101 ASCII characters over a 100-byte limit', 'x'.repeat(101), 100],
    ['101 bytes over a 100-byte limit', new Uint8Array(101), 100],
    // 51 × "æ" is 51 UTF-16 units but 102 UTF-8 bytes
    ['51 two-byte characters over 100 bytes', 'æ'.repeat(51), 100],
    // 34 × "€" is 102 UTF-8 bytes
    ['34 three-byte characters over 100 bytes', '€'.repeat(34), 100],
  ])('%s is tooLarge', (_name, input, maxBytes) => {
    expect(errorOf(imp(input, { maxBytes })).code).toBe('tooLarge');
  });

  it('lets exactly the limit through to the next check', () => {
    // 50 × "æ" = 100 bytes: not too large, but not JSON either
    expect(errorOf(imp('æ'.repeat(50), { maxBytes: 100 })).code).toBe('notJson');
    expect(errorOf(imp('x'.repeat(100), { maxBytes: 100 })).code).toBe('notJson');
  });

  it('refuses a file over 20 MB by default, whatever its content', () => {
    expect(errorOf(imp(new Uint8Array(DEFAULT_MAX_BYTES + 1))).code).toBe('tooLarge');
    // Invalid JSON of that size is refused for its size: JSON.parse never sees it.
    expect(errorOf(imp('{'.repeat(DEFAULT_MAX_BYTES + 1))).code).toBe('tooLarge');
  });

  it('ignores a nonsensical maxBytes and uses the default', () => {
    expect(okOf(imp(fixtureText, { maxBytes: Number.NaN })).responses).toHaveLength(2);
    expect(okOf(imp(fixtureText, { maxBytes: -1 })).responses).toHaveLength(2);
  });

  it.each<[string, number]>([
    ['abc', 3],
    ['æøå', 6],
    ['€', 3],
    ['😀', 4],
    ['\ud800x', 4], // lone surrogate: 3 (U+FFFD) + 1
  ])('utf8ByteLength(%j) = %d and agrees with TextEncoder', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(utf8ByteLength(text)).toBe(utf8(text).byteLength);
  });

  it('exceedsSize agrees with TextEncoder for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(40), (text, max) => {
        expect(exceedsSize(text, max)).toBe(utf8(text).byteLength > max);
      }),
    );
  });
});

describe('decoding', () => {
  const expected = okOf(imp(fixtureText)).responses;

  it.each<[string, string | Uint8Array]>([
    ['UTF-8 bytes', utf8(fixtureText)],
    ['UTF-8 bytes with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(fixtureText)])],
    ['UTF-16 LE with a BOM', utf16(fixtureText, 'le', true)],
    ['UTF-16 BE with a BOM', utf16(fixtureText, 'be', true)],
    ['UTF-16 LE without a BOM', utf16(fixtureText, 'le', false)],
    ['UTF-16 BE without a BOM', utf16(fixtureText, 'be', false)],
    ['a string with a BOM', `\ufeff${fixtureText}`],
  ])('reads %s', (_name, input) => {
    expect(okOf(imp(input)).responses).toEqual(expected);
  });

  describe('on a runtime whose TextDecoder lacks UTF-16 BE', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('swaps the bytes and reads them as UTF-16 LE', () => {
      const Real = globalThis.TextDecoder;
      const labels: string[] = [];
      vi.stubGlobal(
        'TextDecoder',
        class extends Real {
          constructor(label?: string, options?: TextDecoderOptions) {
            labels.push(label ?? '');
            if (label === 'utf-16be') throw new RangeError('unsupported');
            super(label, options);
          }
        },
      );
      expect(okOf(imp(utf16(fixtureText, 'be', true))).responses).toEqual(expected);
      expect(labels).toEqual(['utf-16be', 'utf-16le']);
      // an odd byte count is still not text
      const odd = utf16(fixtureText, 'be', true).subarray(0, 101);
      expect(errorOf(imp(odd)).code).toBe('notText');
    });
  });

  it('keeps Norwegian letters intact in every encoding', () => {
    for (const input of [
      utf8(fixtureText),
      utf16(fixtureText, 'le', true),
      utf16(fixtureText, 'be', false),
    ]) {
      const comment = okOf(imp(input)).responses[1]!.answers['founders-5']?.comment;
      expect(comment).toBe('Vi har ikkje drøfta dette enno.');
    }
  });

  it.each<[string, [number, number, number], string, number]>([
    ['UTF-8 BOM', [0xef, 0xbb, 0xbf], 'utf-8', 3],
    ['UTF-16 LE BOM', [0xff, 0xfe, 0x7b], 'utf-16le', 2],
    ['UTF-16 BE BOM', [0xfe, 0xff, 0x00], 'utf-16be', 2],
    ['"{" then NUL', [0x7b, 0x00, 0x0a], 'utf-16le', 0],
    ['NUL then "{"', [0x00, 0x7b, 0x00], 'utf-16be', 0],
    ['plain "{"', [0x7b, 0x0a, 0x20], 'utf-8', 0],
  ])('detectEncoding: %s', (_name, bytes, encoding, bomLength) => {
    expect(detectEncoding(new Uint8Array(bytes))).toEqual({ encoding, bomLength });
  });

  it.each<[string, string | Uint8Array]>([
    ['invalid UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
    ['a PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a ZIP (xlsx) header', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])],
    ['UTF-16 with an odd number of bytes', new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d])],
    ['UTF-16 with a lone surrogate', new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x7b, 0x00])],
    ['UTF-32 LE', new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0])],
    ['text with a NUL character', '{"format":\u0000}'],
  ])('%s is notText', (_name, input) => {
    expect(decodeInput(input).ok).toBe(false);
    expect(errorOf(imp(input)).code).toBe('notText');
  });
});

describe('the chain refuses what is not a results file', () => {
  it.each<[string, string, string]>([
    ['an empty file', '', 'empty'],
    ['only white space', ' \n\t\r\n', 'empty'],
    ['a CSV renamed to .json', 'kommune;område;skår\nHaram;strategi;75\n', 'notJson'],
    ['a CSV of numbers', '1,2,3\n4,5,6', 'notJson'],
    ['truncated JSON', fixtureText.slice(0, fixtureText.length / 2), 'notJson'],
    ['JSON with single quotes', "{'format': 'naeringsspeilet-results'}", 'notJson'],
    ['a bare NaN', 'NaN', 'notJson'],
    ['an HTML page', '<!doctype html><html><body>Hei</body></html>', 'notJson'],
    ['a JSON array', '[]', 'notResultsFile'],
    ['a JSON number', '42', 'notResultsFile'],
    ['JSON null', 'null', 'notResultsFile'],
    ['a JSON string', '"naeringsspeilet-results"', 'notResultsFile'],
    ['another format', '{"format":"excalidraw","formatVersion":1}', 'notResultsFile'],
    ['a bare response', JSON.stringify(makeResponse()), 'notResultsFile'],
    [
      'a format id in the wrong case',
      fixtureWith(['format'], 'Naeringsspeilet-Results'),
      'notResultsFile',
    ],
  ])('%s gives %s', (_name, input, code) => {
    expect(errorOf(imp(input)).code).toBe(code);
  });

  it(`counts nesting depth: ${MAX_DEPTH} levels pass the check, ${MAX_DEPTH + 1} are tooDeep`, () => {
    const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(nestingExceeds(nest(MAX_DEPTH), MAX_DEPTH)).toBe(false);
    expect(nestingExceeds(nest(MAX_DEPTH + 1), MAX_DEPTH)).toBe(true);
    expect(errorOf(imp(nest(MAX_DEPTH))).code).toBe('notResultsFile');
    expect(errorOf(imp(nest(MAX_DEPTH + 1))).code).toBe('tooDeep');
    // objects count as well as arrays
    const objects = `${'{"a":'.repeat(MAX_DEPTH + 1)}1${'}'.repeat(MAX_DEPTH + 1)}`;
    expect(errorOf(imp(objects)).code).toBe('tooDeep');
    // a million levels are refused without a stack overflow
    expect(errorOf(imp('['.repeat(1_000_000))).code).toBe('tooDeep');
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '['.repeat(200), b: '\\"[[[[' + '{'.repeat(100) });
    expect(nestingExceeds(text, 2)).toBe(false);
    expect(errorOf(imp(text)).code).toBe('notResultsFile');
    // a deep file hidden in a comment of a valid file still imports
    const deepComment = fixtureWith(
      ['responses', 0, 'answers', 'dialogue-1', 'comment'],
      '['.repeat(500),
    );
    expect(okOf(imp(deepComment)).responses).toHaveLength(2);
  });

  it('agrees with a recursive depth count on any JSON value', () => {
    const depth = (v: unknown): number =>
      isContainer(v) ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(7), (value, max) => {
        expect(nestingExceeds(JSON.stringify(value), max)).toBe(depth(value) > max);
      }),
    );
  });
});

describe('envelope and format versions', () => {
  it.each<[string, unknown]>([
    ['a string "1"', '1'],
    ['null', null],
    ['an object', { major: 1 }],
  ])('formatVersion as %s is unsupportedFormat', (_name, value) => {
    expect(errorOf(imp(fixtureWith(['formatVersion'], value))).code).toBe('unsupportedFormat');
  });

  it('a missing formatVersion is unsupportedFormat', () => {
    expect(errorOf(imp(fixtureWithout(['formatVersion']))).code).toBe('unsupportedFormat');
  });

  it.each([0, -1, 1.5])('formatVersion %d is unsupportedFormat', (version) => {
    expect(errorOf(imp(fixtureWith(['formatVersion'], version))).code).toBe('unsupportedFormat');
  });

  it.each([3, 4, 999])('a future formatVersion %d is newerFormat', (version) => {
    const error = errorOf(imp(fixtureWith(['formatVersion'], version)));
    expect(error.code).toBe('newerFormat');
    expect(error.detail).toBe(`formatVersion ${version} > 2`);
  });
});

describe('migrations from older format versions (table injected)', () => {
  // An imaginary version 0 that called the list "responseList" and answers' values "level".
  const v0: FormatMigration[] = [
    keyRenameMigration(0, 'v0 → v1: responseList → responses; answer level → value', [
      { scope: 'file', key: 'responseList', replacedBy: 'responses' },
      { scope: 'answer', key: 'level', replacedBy: 'value' },
      { scope: 'file', key: 'generator', replacedBy: null },
    ]),
  ];

  function v0File(): string {
    const data = fixture();
    const responses = data.responses as Record<string, unknown>[];
    for (const r of responses) {
      const answers = r.answers as Record<string, Record<string, unknown>>;
      for (const a of Object.values(answers)) {
        if ('value' in a) {
          a.level = a.value;
          delete a.value;
        }
      }
    }
    delete data.responses;
    data.responseList = responses;
    data.generator = 'Næringsspeilet 0.0.1';
    data.formatVersion = 0;
    return JSON.stringify(data);
  }

  it('imports a version 0 file through the injected table', () => {
    const result = okOf(imp(v0File(), { migrations: [...v0, ...FORMAT_MIGRATIONS] }));
    expect(result.file.formatVersion).toBe(2);
    expect(result.responses).toEqual(okOf(imp(fixtureText)).responses);
  });

  it('refuses version 0 without a migration for it', () => {
    const error = errorOf(imp(v0File()));
    expect(error.code).toBe('unsupportedFormat');
    expect(error.detail).toBe('No migration from formatVersion 0');
  });

  it('turns a migration that throws into invalid, with the step in the detail', () => {
    const broken: FormatMigration[] = [
      {
        from: 0,
        description: 'broken',
        legacyKeys: [],
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    const error = errorOf(imp(v0File(), { migrations: broken }));
    expect(error.code).toBe('invalid');
    expect(error.detail).toBe('Migration from formatVersion 0 failed: boom');
  });

  it('validates what a migration returns with the same schema', () => {
    const sloppy: FormatMigration[] = [
      { from: 0, description: 'keeps the old key', legacyKeys: [], migrate: (f) => ({ ...f }) },
    ];
    const error = errorOf(imp(v0File(), { migrations: [...sloppy, ...FORMAT_MIGRATIONS] }));
    expect(error.code).toBe('invalid');
    expect(error.issues?.map((i) => i.path)).toContain('responses');
  });
});

describe('validation (zod) with dotted paths', () => {
  const value = ['responses', 0, 'answers', 'strategy-1', 'value'] as const;

  it.each<[string, unknown]>([
    ['6', 6],
    ['0', 0],
    ['-1', -1],
    ['3.5', 3.5],
    ['"NaN"', 'NaN'],
    ['"5" as a string', '5'],
    ['null', null],
    ['true', true],
    ['"dont know" in another spelling', 'dont-know'],
  ])('a level of %s is invalid at its path', (_name, level) => {
    const error = errorOf(imp(fixtureWith(value, level)));
    expect(error.code).toBe('invalid');
    expect(error.issues?.map((i) => i.path)).toEqual([value.join('.')]);
  });

  it('a level written as 1e999 (Infinity after parsing) is invalid', () => {
    const text = fixtureText.replace('"value": 3,', '"value": 1e999,');
    expect(text).not.toBe(fixtureText);
    expect(errorOf(imp(text)).code).toBe('invalid');
  });

  it.each<[string, string, Path, unknown]>([
    [
      'an importance of 6',
      'responses.1.importance.strategy',
      ['responses', 1, 'importance', 'strategy'],
      6,
    ],
    [
      'an unknown role',
      'responses.0.respondent.role',
      ['responses', 0, 'respondent', 'role'],
      'mayor',
    ],
    ['round 5', 'responses.0.gathering.round', ['responses', 0, 'gathering', 'round'], 5],
    [
      'a three-digit kommunenummer',
      'responses.0.municipality.number',
      ['responses', 0, 'municipality', 'number'],
      '158',
    ],
    [
      'a date that is not a timestamp',
      'responses.0.updatedAt',
      ['responses', 0, 'updatedAt'],
      'yesterday',
    ],
    ['an unknown key in a response', 'responses.0', ['responses', 0, 'score'], 87],
    ['an unknown key in the envelope', '(root)', ['extra'], true],
    ['another app name', 'app.name', ['app', 'name'], 'excel'],
    [
      'a 2001-character comment',
      'responses.0.answers.dialogue-1.comment',
      ['responses', 0, 'answers', 'dialogue-1', 'comment'],
      'x'.repeat(2001),
    ],
    ['an action with an unknown status', 'actions.0.status', ['actions', 0, 'status'], 'forgotten'],
    ['an action due on 31 February', 'actions.0.dueDate', ['actions', 0, 'dueDate'], '2024-02-31'],
    ['an action with an empty title', 'actions.0.title', ['actions', 0, 'title'], '   '],
    [
      'a follow-up in round 0',
      'actions.0.followUps.0.round',
      ['actions', 0, 'followUps', 0, 'round'],
      0,
    ],
    ['actions that are not a list', 'actions', ['actions'], {}],
  ])('%s is invalid at %s', (_name, expectedPath, path, bad) => {
    const error = errorOf(imp(fixtureWith(path, bad)));
    expect(error.code).toBe('invalid');
    expect(error.issues?.map((i) => i.path)).toContain(expectedPath);
  });

  it('explains an issue in words, not only "Invalid input"', () => {
    const unknownKey = errorOf(imp(fixtureWith(['responses', 0, 'score'], 87)));
    expect(unknownKey.issues).toEqual([
      { path: 'responses.0', message: 'Unknown key(s): "score"' },
    ]);
    const wrongType = errorOf(imp(fixtureWith(['exportedAt'], 5)));
    expect(wrongType.issues).toEqual([
      { path: 'exportedAt', message: 'Expected string, found number 5' },
    ]);
  });

  it(`never quotes more than ${MAX_MESSAGE_LENGTH} characters of a hostile file back`, () => {
    const long = 'x'.repeat(100_000);
    for (const text of [
      fixtureWith(['responses', 0, 'gathering', 'round'], long),
      fixtureWith([long], 1),
      fixtureWith(['responses', 0, 'answers', 'dialogue-1', 'value'], long),
    ]) {
      const error = errorOf(imp(text));
      expect(error.code).toBe('invalid');
      expect(resultProblem(imp(text))).toBeNull();
      for (const issue of error.issues ?? []) {
        expect(issue.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      }
    }
  });

  it('refuses duplicate response ids inside one file, at the second copy', () => {
    const data = fixture();
    const responses = data.responses as unknown[];
    data.responses = [...responses, responses[0]];
    const error = errorOf(imp(JSON.stringify(data)));
    expect(error.code).toBe('invalid');
    expect(error.issues).toEqual([
      { path: 'responses.2.id', message: 'Duplicate id "r-1580-2-bus-c210"' },
    ]);
  });

  it('refuses duplicate action ids too', () => {
    const data = fixture();
    const actions = data.actions as unknown[];
    data.actions = [actions[0], actions[0]];
    const error = errorOf(imp(JSON.stringify(data)));
    expect(error.issues?.map((i) => i.path)).toEqual(['actions.1.id']);
  });

  it(`lists at most ${MAX_ISSUES} issues and says how many there were`, () => {
    const data = fixture();
    const response = (data.responses as Record<string, unknown>[])[0]!;
    // 120 bad answers, one issue each
    response.answers = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [
        `s-${i}`,
        { value: 9, updatedAt: '2024-04-30T08:17:00.000Z' },
      ]),
    );
    const error = errorOf(imp(JSON.stringify(data)));
    expect(error.issues).toHaveLength(MAX_ISSUES);
    expect(error.detail).toBe(`120 issues, the first ${MAX_ISSUES} listed`);
  });
});

describe('questionnaires', () => {
  it('refuses a file for a questionnaire the app does not know', () => {
    const error = errorOf(
      imp(fixtureWith(['questionnaire'], { id: 'kommunekompasset', version: 1 })),
    );
    expect(error).toEqual({ code: 'unknownQuestionnaire', detail: 'kommunekompasset v1' });
  });

  it('refuses an unknown version of a known questionnaire', () => {
    const error = errorOf(imp(fixtureWith(['questionnaire', 'version'], 2)));
    expect(error).toEqual({ code: 'unknownQuestionnaire', detail: 'god-vertskommune v2' });
  });

  it('refuses a response of an unknown version inside a file for a known one', () => {
    const error = errorOf(imp(fixtureWith(['responses', 1, 'questionnaire', 'version'], 3)));
    expect(error.code).toBe('unknownQuestionnaire');
    expect(error.issues?.map((i) => i.path)).toEqual(['responses.1.questionnaire.version']);
  });

  it('refuses a file that mixes questionnaires', () => {
    const error = errorOf(
      imp(fixtureWith(['responses', 1, 'questionnaire'], { id: 'mini', version: 1 })),
    );
    expect(error.code).toBe('mixedQuestionnaires');
    expect(error.issues?.map((i) => i.path)).toEqual(['responses.1.questionnaire.id']);
  });

  it('accepts any version the caller knows', () => {
    const text = fixtureWith(['responses', 1, 'questionnaire', 'version'], 2);
    const known = [...KNOWN, { ...GOOD_HOST, version: 2 }];
    expect(okOf(imp(text, { knownQuestionnaires: known })).responses).toHaveLength(2);
  });

  it('a file with no responses and no actions is empty; actions alone are enough', () => {
    const none = fixture();
    none.responses = [];
    delete none.actions;
    expect(errorOf(imp(JSON.stringify(none))).code).toBe('empty');
    const onlyActions = fixture();
    onlyActions.responses = [];
    const result = okOf(imp(JSON.stringify(onlyActions)));
    expect(result.responses).toEqual([]);
    expect(result.actions).toHaveLength(1);
  });
});

describe('rules beyond the schema: nothing dated more than a day after the import', () => {
  // NOW is 2024-05-03T12:00:00.000Z, so the limit is 2024-05-04T12:00:00.000Z.
  const FAR = '9999-12-31T23:59:59.000Z';
  const agreement = {
    id: 'agreed-1580-2',
    municipality: { number: '1580', name: 'Haram' },
    round: 2,
    questionnaire: { id: 'god-vertskommune', version: 1 },
    agreed: {
      'strategy-1': { level: 3, rationale: '', updatedAt: '2024-05-03T10:00:00.000Z' },
    },
    updatedAt: '2024-05-03T10:00:00.000Z',
  };
  const withAgreement = (change: (a: typeof agreement) => unknown = (a) => a) => {
    const data = fixture();
    data.agreements = [change(structuredClone(agreement))];
    return data;
  };

  it('allows a day: the limit is 24 hours', () => {
    expect(FUTURE_TOLERANCE_MS).toBe(24 * 60 * 60 * 1000);
  });

  it.each<[string, Path]>([
    ['a response’s createdAt', ['responses', 1, 'createdAt']],
    ['a response’s updatedAt', ['responses', 1, 'updatedAt']],
    ['a response’s submittedAt', ['responses', 1, 'submittedAt']],
    ['an answer’s updatedAt', ['responses', 1, 'answers', 'strategy-2', 'updatedAt']],
  ])('refuses %s in the year 9999, naming the response', (_name, path) => {
    const error = errorOf(imp(fixtureWith(path, FAR)));
    expect(error.code).toBe('futureTimestamp');
    expect(error.issues?.map((i) => i.path)).toEqual([path.join('.')]);
    expect(error.subject).toEqual({
      kind: 'response',
      index: 1,
      municipality: { number: '1580', name: 'Haram' },
      round: 2,
      role: 'politician',
      value: FAR,
    });
  });

  it.each<[string, Path, string]>([
    ['an action’s createdAt', ['actions', 0, 'createdAt'], FAR],
    ['an action’s updatedAt', ['actions', 0, 'updatedAt'], FAR],
    ['a follow-up’s date', ['actions', 0, 'followUps', 0, 'date'], '9999-12-31'],
  ])('refuses %s in the future, naming the action', (_name, path, value) => {
    const error = errorOf(imp(fixtureWith(path, value)));
    expect(error.code).toBe('futureTimestamp');
    expect(error.issues?.map((i) => i.path)).toEqual([path.join('.')]);
    expect(error.subject).toEqual({
      kind: 'action',
      index: 0,
      municipality: { number: '1580', name: 'Haram' },
      round: 1,
      title: 'Kartlegge ledige næringsareal',
      value,
    });
  });

  it('refuses an agreed response, or an agreed answer, dated in the future', () => {
    const whole = withAgreement((a) => ({ ...a, updatedAt: FAR }));
    const one = withAgreement((a) => {
      a.agreed['strategy-1'].updatedAt = FAR;
      return a;
    });
    expect(okOf(imp(JSON.stringify(withAgreement()))).agreements).toHaveLength(1);
    for (const [data, path] of [
      [whole, 'agreements.0.updatedAt'],
      [one, 'agreements.0.agreed.strategy-1.updatedAt'],
    ] as const) {
      const error = errorOf(imp(JSON.stringify(data)));
      expect(error.code).toBe('futureTimestamp');
      expect(error.issues?.map((i) => i.path)).toEqual([path]);
      expect(error.subject).toMatchObject({ kind: 'agreement', index: 0, round: 2, value: FAR });
    }
  });

  it.each<[string, string, boolean]>([
    ['23 hours later', '2024-05-04T11:00:00.000Z', true],
    ['exactly 24 hours later', '2024-05-04T12:00:00.000Z', true],
    ['24 hours and 1 ms later', '2024-05-04T12:00:00.001Z', false],
    ['24 hours and 1 s later', '2024-05-04T12:00:01.000Z', false],
    ['24 hours and 1 s later, without milliseconds', '2024-05-04T12:00:01Z', false],
    ['24 hours later, written with +02:00', '2024-05-04T14:00:00+02:00', true],
    ['24 hours and 1 s later, written with +02:00', '2024-05-04T14:00:01+02:00', false],
    ['23 hours later, written with -05:00', '2024-05-04T06:00:00-05:00', true],
    ['24 hours and 1 s later, written with -05:00', '2024-05-04T07:00:01-05:00', false],
    ['a second before the import', '2024-05-03T11:59:59.000Z', true],
    ['long ago', '1999-01-01T00:00:00.000Z', true],
  ])('an updatedAt %s: accepted %s', (_name, stamp, accepted) => {
    const result = imp(fixtureWith(['responses', 0, 'updatedAt'], stamp));
    if (accepted) expect(okOf(result).responses[0]!.updatedAt).toBe(stamp);
    else expect(errorOf(result).code).toBe('futureTimestamp');
  });

  it('compares offsets as instants, whatever the import’s own offset', () => {
    const stamp = '2024-05-04T13:00:00+02:00'; // 11:00Z: 23 hours after NOW
    expect(okOf(imp(fixtureWith(['responses', 0, 'updatedAt'], stamp))).responses).toHaveLength(2);
    const early = imp(fixtureWith(['responses', 0, 'updatedAt'], stamp), {
      now: '2024-05-03T10:59:59+00:00', // the limit is then 2024-05-04T10:59:59Z
    });
    expect(errorOf(early).code).toBe('futureTimestamp');
    expect(
      okOf(
        imp(fixtureWith(['responses', 0, 'updatedAt'], stamp), {
          now: '2024-05-03T13:00:00+02:00',
        }),
      ).responses,
    ).toHaveLength(2);
  });

  it.each<[string, string, boolean]>([
    ['today', '2024-05-03', true],
    ['tomorrow (it has begun east of the date line)', '2024-05-04', true],
    ['5 May, already tomorrow at UTC+14:00', '2024-05-05', true],
    ['6 May, not yet tomorrow anywhere', '2024-05-06', false],
  ])('a follow-up dated %s: accepted %s', (_name, date, accepted) => {
    // A date counts from 00:00 at UTC+14:00: 2024-05-05 begins at 2024-05-04T10:00Z, within
    // the limit; 2024-05-06 begins at 2024-05-05T10:00Z, after it.
    const result = imp(fixtureWith(['actions', 0, 'followUps', 0, 'date'], date));
    if (accepted) expect(okOf(result).actions[0]!.followUps[0]!.date).toBe(date);
    else expect(errorOf(result).code).toBe('futureTimestamp');
  });

  it('accepts a gathering date and a due date in the future: delegates answer ahead', () => {
    const data = fixture();
    edit(data, ['responses', 0, 'gathering', 'date'], '2099-11-20');
    edit(data, ['actions', 0, 'dueDate'], '9999-12-31');
    const result = okOf(imp(JSON.stringify(data)));
    expect(result.responses[0]!.gathering.date).toBe('2099-11-20');
    expect(result.actions[0]!.dueDate).toBe('9999-12-31');
  });

  it('lists every timestamp in the future, and names the first record', () => {
    const data = fixture();
    edit(data, ['responses', 0, 'answers', 'strategy-1', 'updatedAt'], FAR);
    edit(data, ['responses', 1, 'createdAt'], FAR);
    edit(data, ['actions', 0, 'updatedAt'], FAR);
    const error = errorOf(imp(JSON.stringify(data)));
    expect(error.issues?.map((i) => i.path)).toEqual([
      'responses.0.answers.strategy-1.updatedAt',
      'responses.1.createdAt',
      'actions.0.updatedAt',
    ]);
    expect(error.subject).toMatchObject({ kind: 'response', index: 0, role: 'business' });
    expect(error.detail).toBe('3 timestamps in the future');
  });

  it('is checked against the time passed in, never the clock', () => {
    const text = fixtureWith(['responses', 0, 'updatedAt'], '2030-01-01T00:00:00.000Z');
    expect(errorOf(imp(text)).code).toBe('futureTimestamp');
    expect(okOf(imp(text, { now: '2029-12-31T00:00:00.000Z' })).responses).toHaveLength(2);
  });
});

describe('rules beyond the schema: only statements and areas the version has', () => {
  it('refuses an answer to a statement the version does not have, naming the response', () => {
    const text = fixtureText.replace(
      '"strategy-1": {',
      '"strategy-99": {"value": 5, "updatedAt": "2024-04-30T08:17:00.000Z"}, "strategy-1": {',
    );
    const error = errorOf(imp(text));
    expect(error.code).toBe('unknownStatement');
    expect(error.issues?.map((i) => i.path)).toEqual(['responses.0.answers.strategy-99']);
    expect(error.subject).toEqual({
      kind: 'response',
      index: 0,
      municipality: { number: '1580', name: 'Haram' },
      round: 2,
      role: 'business',
      version: 1,
      value: 'strategy-99',
    });
  });

  it('refuses a comment-only answer to an unknown statement too', () => {
    const error = errorOf(
      imp(fixtureWith(['responses', 1, 'answers', 'nowhere-1'], { comment: 'x', updatedAt: NOW })),
    );
    expect(error.code).toBe('unknownStatement');
    expect(error.subject).toMatchObject({ index: 1, role: 'politician', value: 'nowhere-1' });
  });

  it('refuses an importance for an area the version does not have', () => {
    const error = errorOf(imp(fixtureWith(['responses', 1, 'importance', 'weather'], 4)));
    expect(error.code).toBe('unknownArea');
    expect(error.issues?.map((i) => i.path)).toEqual(['responses.1.importance.weather']);
    expect(error.subject).toMatchObject({
      kind: 'response',
      index: 1,
      version: 1,
      value: 'weather',
    });
  });

  it('refuses a statement id used as an area id, and an area id used as a statement id', () => {
    expect(errorOf(imp(fixtureWith(['responses', 0, 'importance', 'strategy-1'], 4))).code).toBe(
      'unknownArea',
    );
    expect(
      errorOf(
        imp(fixtureWith(['responses', 0, 'answers', 'strategy'], { value: 3, updatedAt: NOW })),
      ).code,
    ).toBe('unknownStatement');
  });

  it('accepts the same answer in a response to a version that has the statement', () => {
    const v2: Questionnaire = {
      ...GOOD_HOST,
      version: 2,
      areas: [...GOOD_HOST.areas, { ...GOOD_HOST.areas[0]!, id: 'weather' }],
      statements: [
        ...GOOD_HOST.statements,
        { ...GOOD_HOST.statements[0]!, id: 'strategy-99' },
        { ...GOOD_HOST.statements[0]!, id: 'weather-1', area: 'weather' },
      ],
    };
    const data = fixture();
    edit(data, ['responses', 1, 'questionnaire', 'version'], 2);
    edit(data, ['responses', 1, 'answers', 'strategy-99'], { value: 5, updatedAt: NOW });
    edit(data, ['responses', 1, 'importance', 'weather'], 2);
    const known = [...KNOWN, v2];
    const result = okOf(imp(JSON.stringify(data), { knownQuestionnaires: known }));
    expect(result.responses[1]!.answers['strategy-99']?.value).toBe(5);
    expect(result.responses[1]!.importance.weather).toBe(2);
    // The same answers in the response to version 1 are refused.
    edit(data, ['responses', 1, 'questionnaire', 'version'], 1);
    expect(errorOf(imp(JSON.stringify(data), { knownQuestionnaires: known })).code).toBe(
      'unknownStatement',
    );
  });

  it('refuses an agreed answer to a statement the version does not have', () => {
    const data = fixture();
    data.agreements = [
      {
        id: 'agreed-1580-2',
        municipality: { number: '1580', name: 'Haram' },
        round: 2,
        questionnaire: { id: 'god-vertskommune', version: 1 },
        agreed: { 'strategy-99': { level: 3, rationale: '', updatedAt: NOW } },
        updatedAt: NOW,
      },
    ];
    const error = errorOf(imp(JSON.stringify(data)));
    expect(error.code).toBe('unknownStatement');
    expect(error.issues?.map((i) => i.path)).toEqual(['agreements.0.agreed.strategy-99']);
    expect(error.subject).toMatchObject({ kind: 'agreement', round: 2, value: 'strategy-99' });
  });

  it(`lists at most ${MAX_ISSUES} unknown ids and says how many there were`, () => {
    const data = fixture();
    for (let i = 0; i < 60; i += 1)
      edit(data, ['responses', 0, 'answers', `ghost-${i}`], { value: 3, updatedAt: NOW });
    const error = errorOf(imp(JSON.stringify(data)));
    expect(error.issues).toHaveLength(MAX_ISSUES);
    expect(error.detail).toBe(`60 unknown statement ids, the first ${MAX_ISSUES} listed`);
  });
});

describe('hostile content', () => {
  const HTML = '<script>alert(1)</script><img src=x onerror="alert(2)">&amp;';

  it('keeps HTML in every free-text field as plain, unchanged data', () => {
    const data = fixture();
    edit(data, ['responses', 0, 'answers', 'dialogue-1', 'comment'], HTML);
    edit(data, ['responses', 0, 'municipality', 'name'], `Haram${HTML}`.slice(0, 100));
    edit(data, ['responses', 1, 'respondent', 'initials'], '<b>K</b>');
    edit(data, ['actions', 0, 'title'], HTML);
    edit(data, ['actions', 0, 'description'], HTML);
    edit(data, ['actions', 0, 'owner'], HTML);
    edit(data, ['actions', 0, 'followUps', 0, 'note'], HTML);
    const result = okOf(imp(JSON.stringify(data)));
    expect(result.responses[0]!.answers['dialogue-1']?.comment).toBe(HTML);
    expect(result.responses[0]!.municipality.name).toBe(`Haram${HTML}`.slice(0, 100));
    expect(result.responses[1]!.respondent.initials).toBe('<b>K</b>');
    const action = result.actions[0]!;
    expect([action.title, action.description, action.owner, action.followUps[0]!.note]).toEqual([
      HTML,
      HTML,
      HTML,
      HTML,
    ]);
    expect(plainDataProblem(result)).toBeNull();
  });

  it('refuses HTML where an id belongs (ids have their own alphabet)', () => {
    const error = errorOf(imp(fixtureWith(['responses', 0, 'id'], '<script>')));
    expect(error.issues?.map((i) => i.path)).toEqual(['responses.0.id']);
  });

  it.each<[string, string, string]>([
    ['the envelope', '"format":', '"__proto__":{"polluted":true},"format":'],
    [
      'a response',
      '"id": "r-1580-2-bus-c210",',
      '"__proto__":{"polluted":true},"id": "r-1580-2-bus-c210",',
    ],
    ['the municipality', '"number": "1580",', '"__proto__":{"polluted":true},"number": "1580",'],
    ['an action', '"areaId":', '"constructor":{"prototype":{"polluted":true}},"areaId":'],
    [
      'the envelope, as constructor.prototype',
      '"format":',
      '"constructor":{"prototype":{"polluted":true}},"format":',
    ],
  ])(
    'a __proto__ or constructor key in %s is refused and pollutes nothing',
    (_name, find, replace) => {
      const text = fixtureText.replace(find, replace);
      expect(text).not.toBe(fixtureText);
      const result = imp(text);
      expect(errorOf(result).code).toBe('invalid');
      expect(notPolluted()).toBe(true);
      expect(resultProblem(result)).toBeNull();
    },
  );

  it.each<[string, string]>([
    ['constructor as a statement id', 'constructor'],
    ['prototype as a statement id', 'prototype'],
  ])('%s is refused at its path', (_name, key) => {
    const text = fixtureText.replace(
      '"dialogue-1": {',
      `"${key}": {"value": 5, "updatedAt": "2024-04-30T08:17:00.000Z"}, "dialogue-1": {`,
    );
    const error = errorOf(imp(text));
    expect(error.code).toBe('invalid');
    expect(error.issues?.map((i) => i.path)).toEqual([`responses.0.answers.${key}`]);
    expect(notPolluted()).toBe(true);
  });

  it('a __proto__ statement or area key never becomes a prototype', () => {
    const text = fixtureText
      .replace(
        '"dialogue-1": {',
        '"__proto__": {"value": 5, "polluted": true, "updatedAt": "2024-04-30T08:17:00.000Z"}, "dialogue-1": {',
      )
      .replace('"importance": {', '"importance": {"__proto__": 5,');
    const result = imp(text);
    expect(notPolluted()).toBe(true);
    // zod leaves the key out of records; nothing else changes
    const ok = okOf(result);
    expect(Object.getPrototypeOf(ok.responses[0]!.answers)).toBe(Object.prototype);
    expect(Object.hasOwn(ok.responses[0]!.answers, '__proto__')).toBe(false);
    expect(Object.hasOwn(ok.responses[0]!.importance, '__proto__')).toBe(false);
    expect(resultProblem(result)).toBeNull();
  });
});

// ------------------------------------------------------------------------------------------
// Fuzzing: importResultsFile never throws, and its result is always well formed.

const FIXTURE_PATHS = allPaths(fixture()).filter((p) => p.length > 0);
const keyArb = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'value',
    'id',
    'answers',
    'responses',
    'formatVersion',
  ),
  fc.string({ maxLength: 8 }),
);
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    0,
    6,
    -1,
    1.5,
    'NaN',
    '<script>alert(1)</script>',
    null,
    2,
    'dontKnow',
    [],
    {},
  ),
);

const mutationArb = mutationArbOf(valueArb, keyArb);

type TextMutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'encode'; as: 'utf8' | 'utf16le' | 'utf16be' | 'bom' };

const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      text: fc.string({ maxLength: 3, unit: 'binary' }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('encode' as const),
      as: fc.constantFrom('utf8' as const, 'utf16le' as const, 'utf16be' as const, 'bom' as const),
    }),
  },
);

function applyMutations(
  mutations: readonly Mutation[],
  textMutation: TextMutation,
): string | Uint8Array {
  const data = mutate(fixture(), mutations);
  const text = JSON.stringify(data);
  switch (textMutation.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, textMutation.at % (text.length + 1));
    case 'replace': {
      const at = textMutation.at % (text.length + 1);
      return text.slice(0, at) + textMutation.text + text.slice(at + textMutation.text.length);
    }
    case 'encode':
      if (textMutation.as === 'utf8') return utf8(text);
      if (textMutation.as === 'bom') return `\ufeff${text}`;
      return utf16(text, textMutation.as === 'utf16le' ? 'le' : 'be', false);
  }
}

function checkNeverThrows(input: string | Uint8Array): void {
  let result: ImportResult;
  try {
    result = imp(input, { maxBytes: 1_000_000 });
  } catch (error) {
    throw new Error(`importResultsFile threw: ${String(error)}`);
  }
  const problem = resultProblem(result);
  if (problem !== null) throw new Error(`Malformed result: ${problem}`);
  if (!notPolluted()) throw new Error('Object.prototype was polluted');
}

describe('importResultsFile never throws (fast-check)', () => {
  it('sanity: the fixture has many paths to mutate', () => {
    expect(FIXTURE_PATHS.length).toBeGreaterThan(100);
  });

  it('on mutated valid files (10,000 runs)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        textMutationArb,
        (mutations, textMutation) => {
          const input = applyMutations(mutations, textMutation);
          checkNeverThrows(input);
          if (imp(input).ok) accepted += 1;
        },
      ),
      { numRuns: 10_000 },
    );
    // The property reaches both outcomes: it is not only testing the first check of the chain.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(9_900);
  });

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        checkNeverThrows,
      ),
      { numRuns: 3_000 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), checkNeverThrows), { numRuns: 3_000 });
  });

  it('on arbitrary JSON values, bare and inside a valid envelope', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom<Path>(
          ['responses'],
          ['responses', 0],
          ['actions'],
          ['responses', 0, 'answers'],
          ['app'],
        ),
        (value, path) => {
          checkNeverThrows(JSON.stringify(value));
          checkNeverThrows(fixtureWith(path, value));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('on fc.json() texts with odd keys', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => checkNeverThrows(text)),
      { numRuns: 2_000 },
    );
  });
});

// ------------------------------------------------------------------------------------------
// Merging

const T9 = '2024-02-15T09:00:00.000Z';
const T10 = '2024-02-15T10:00:00.000Z';
const T11 = '2024-02-15T11:00:00.000Z';

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (isContainer(v) && !Object.isFrozen(v)) {
      Object.freeze(v);
      stack.push(...Object.values(v));
    }
  }
  return value;
}

/** The import rule (core/records.ts, mergeById) as the store applies it to responses. */
function mergeImported(
  existing: Readonly<Record<string, Response>>,
  incoming: readonly Response[],
) {
  const { merged, counts } = mergeById(existing, incoming);
  return { responses: merged, ...counts };
}

describe('mergeById for responses (whole response, newer edit wins)', () => {
  const held = makeResponse({ id: 'a', updatedAt: T10, answers: { 'a-1': 3 } });
  const newer = makeResponse({ id: 'a', updatedAt: T11, answers: { 'a-1': 5 } });
  const older = makeResponse({ id: 'a', updatedAt: T9, answers: { 'a-1': 1 } });
  const other = makeResponse({ id: 'b', updatedAt: T10 });
  const otherNewer = makeResponse({ id: 'b', updatedAt: T11, answers: { 'b-1': 2 } });

  it.each<[string, Response[], Record<string, Response>, [number, number, number, number]]>([
    ['a new id is added', [other], { a: held, b: other }, [1, 0, 0, 0]],
    ['a newer copy replaces the held one', [newer], { a: newer }, [0, 1, 0, 0]],
    ['an older copy is not taken', [older], { a: held }, [0, 0, 0, 1]],
    ['an identical copy changes nothing', [structuredClone(held)], { a: held }, [0, 0, 1, 0]],
    [
      'the same id twice counts once, the newer copy wins',
      [otherNewer, other],
      { a: held, b: otherNewer },
      [1, 0, 0, 0],
    ],
    [
      'older and newer copies in one import: the newer one counts',
      [older, newer],
      { a: newer },
      [0, 1, 0, 0],
    ],
    ['nothing imported', [], { a: held }, [0, 0, 0, 0]],
  ])('%s', (_name, incoming, expected, [added, updated, unchanged, keptNewer]) => {
    const result = mergeImported({ a: held }, incoming);
    expect(result.responses).toEqual(expected);
    expect([result.added, result.updated, result.unchanged, result.keptNewer]).toEqual([
      added,
      updated,
      unchanged,
      keptNewer,
    ]);
  });

  it('never changes its inputs', () => {
    const existing = deepFreeze({ a: structuredClone(held) });
    const incoming = deepFreeze([structuredClone(newer), structuredClone(other)]);
    const before = JSON.stringify([existing, incoming]);
    const result = mergeImported(existing, incoming);
    expect(JSON.stringify([existing, incoming])).toBe(before);
    expect(result.responses).not.toBe(existing);
    expect(result.responses.a).toEqual(newer);
  });

  it('stores a reserved-looking id as an ordinary key', () => {
    const odd = makeResponse({ id: '__proto__' });
    const result = mergeImported({}, [odd]);
    expect(Object.hasOwn(result.responses, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.responses)).toBe(Object.prototype);
    expect(notPolluted()).toBe(true);
  });
});

describe('mergeById for actions', () => {
  const action = (id: string, updatedAt: string, status: Action['status'] = 'planned'): Action => ({
    id,
    municipality: { number: '1580', name: 'Haram' },
    areaId: 'a',
    title: 'Tiltak',
    description: '',
    owner: 'Rådmann',
    status,
    round: 1,
    followUps: [],
    createdAt: T9,
    updatedAt,
  });

  it('uses the same rule as for responses', () => {
    const existing = deepFreeze({ x: action('x', T10), y: action('y', T10) });
    const { merged, counts } = mergeById(existing, [
      action('x', T11, 'done'), // newer: updated
      action('y', T9, 'dropped'), // older: kept
      action('z', T10), // new
      action('z', T9), // same id again: counts once
    ]);
    expect(merged).toEqual({
      x: action('x', T11, 'done'),
      y: action('y', T10),
      z: action('z', T10),
    });
    expect([counts.added, counts.updated, counts.unchanged, counts.keptNewer]).toEqual([
      1, 1, 0, 1,
    ]);
  });
});

describe('merge properties (fast-check)', () => {
  const stampArb = fc.constantFrom(T9, T10, T11, '2024-02-15T12:00:00+02:00');
  const responseArb = fc
    .record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      updatedAt: stampArb,
      level: fc.constantFrom(1, 2, 3, 4, 5 as const),
    })
    .map(({ id, updatedAt, level }) => makeResponse({ id, updatedAt, answers: { 'a-1': level } }));
  const listArb = fc.array(responseArb, { maxLength: 8 });
  const toRecord = (list: readonly Response[]) => mergeImported({}, list).responses;

  it('the order of the imported responses never changes the result', () => {
    fc.assert(
      fc.property(listArb, listArb, fc.infiniteStream(fc.nat()), (base, incoming, seeds) => {
        const existing = toRecord(base);
        const shuffled = incoming
          .map((r) => ({ r, k: seeds.next().value as number }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        const a = mergeImported(existing, incoming);
        const b = mergeImported(existing, shuffled);
        expect(b).toEqual(a);
        expect(Object.keys(b.responses)).toEqual(Object.keys(a.responses));
      }),
    );
  });

  it('the order of files never changes the result, and a second import changes nothing', () => {
    fc.assert(
      fc.property(listArb, listArb, listArb, (base, file1, file2) => {
        const existing = toRecord(base);
        const oneTwo = mergeImported(mergeImported(existing, file1).responses, file2).responses;
        const twoOne = mergeImported(mergeImported(existing, file2).responses, file1).responses;
        expect(twoOne).toEqual(oneTwo);
        const again = mergeImported(oneTwo, file1);
        expect(again.responses).toEqual(oneTwo);
        expect(again.added + again.updated).toBe(0);
      }),
    );
  });

  it('counts every distinct imported id exactly once', () => {
    fc.assert(
      fc.property(listArb, listArb, (base, incoming) => {
        const r = mergeImported(toRecord(base), incoming);
        expect(r.added + r.updated + r.unchanged + r.keptNewer).toBe(
          new Set(incoming.map((x) => x.id)).size,
        );
      }),
    );
  });
});
