import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { miniQuestionnaire } from '../testing/fixtures';
import { questionnaireJsonSchema } from './schema';

/**
 * public/questionnaire.schema.json is generated from the zod schema and committed, so authors get
 * completion and checks in their editor through "$schema". This test keeps it current.
 *
 * To regenerate after a change to schema.ts:
 *   UPDATE_SCHEMA=1 npx vitest run src/domain/questionnaire/json-schema.test.ts
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEMA_FILE = path.join(ROOT, 'public', 'questionnaire.schema.json');
const REGENERATE = 'UPDATE_SCHEMA=1 npx vitest run src/domain/questionnaire/json-schema.test.ts';

/** Pretty JSON, 2-space indent, trailing newline. */
const generated = `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`;

describe('public/questionnaire.schema.json', () => {
  it('matches the schema generated from the zod schema', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(existsSync(SCHEMA_FILE), `missing; run ${REGENERATE}`).toBe(true);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed, `out of date; run ${REGENERATE}`).toBe(generated);
  });
});

// ---------------------------------------------------------------------------------------------
// A minimal JSON Schema checker for the keywords the generated schema uses. It refuses keywords it
// does not know, so a change in the generated schema cannot make these tests pass by being ignored.

type JsonSchema = Record<string, unknown>;

const KNOWN_KEYWORDS = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'pattern',
  'minimum',
  'maximum',
  'enum',
]);

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Returns the paths at which `value` breaks `schema`. */
function check(schema: JsonSchema, value: unknown, at = '(root)'): string[] {
  const unknown = Object.keys(schema).filter((k) => !KNOWN_KEYWORDS.has(k));
  if (unknown.length > 0) throw new Error(`Unsupported keywords at ${at}: ${unknown.join(', ')}`);
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${at}: ${why}`);
  const child = (key: string | number) => (at === '(root)' ? String(key) : `${at}.${key}`);

  const type = schema.type as string | undefined;
  if (type !== undefined) {
    const actual = typeOf(value);
    if (!(actual === type || (type === 'number' && actual === 'integer'))) {
      fail(`expected ${type}, got ${actual}`);
      return errors;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('not in enum');
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail('too short');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      fail('does not match pattern');
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('too many');
    if (schema.items !== undefined) {
      value.forEach((item, i) => errors.push(...check(schema.items as JsonSchema, item, child(i))));
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in object)) fail(`missing ${key}`);
    }
    for (const [key, v] of Object.entries(object)) {
      const sub = properties[key];
      if (sub) errors.push(...check(sub, v, child(key)));
      else if (schema.additionalProperties === false) fail(`unknown key ${key}`);
    }
  }
  return errors;
}

const schema = questionnaireJsonSchema() as JsonSchema;

function bundledFiles(): [string, unknown][] {
  const dir = path.join(ROOT, 'questionnaires');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => /^v\d+\.json$/.test(f))
        .map((f): [string, unknown] => [
          `${d.name}/${f}`,
          JSON.parse(readFileSync(path.join(dir, d.name, f), 'utf8')) as unknown,
        ]),
    );
}

describe('the generated JSON Schema', () => {
  it('is a draft 2020-12 schema for a closed object', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('requires the top-level keys a questionnaire cannot do without', () => {
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'version', 'title', 'intro', 'scale', 'areas', 'statements']),
    );
  });

  it('allows "$schema", so a file can point to it', () => {
    expect(Object.keys(schema.properties as object)).toContain('$schema');
  });

  it('knows every top-level key the bundled questionnaires use', () => {
    for (const [name, data] of bundledFiles()) {
      expect(Object.keys(schema.properties as object), name).toEqual(
        expect.arrayContaining(Object.keys(data as object)),
      );
    }
  });

  it.each(bundledFiles())('accepts %s', (_name, data) => {
    expect(check(schema, data)).toEqual([]);
  });

  it('accepts the test fixture, with a $schema reference', () => {
    const withRef = { $schema: '../../public/questionnaire.schema.json', ...miniQuestionnaire };
    expect(check(schema, JSON.parse(JSON.stringify(withRef)))).toEqual([]);
  });

  it.each<[string, (q: Record<string, unknown>) => void, string]>([
    [
      'a missing nn text',
      (q) => delete (q.title as Record<string, unknown>).nn,
      'title: missing nn',
    ],
    ['an unknown key', (q) => (q.author = 'KS'), '(root): unknown key author'],
    ['a bad id', (q) => (q.id = 'God_Vertskommune'), 'id: does not match pattern'],
    ['four scale labels', (q) => (q.scale as unknown[]).pop(), 'scale: too few'],
    ['a string version', (q) => (q.version = '1'), 'version: expected integer, got string'],
    [
      'an unknown role',
      (q) => ((q.statements as Record<string, unknown>[])[0]!.roles = ['mayor']),
      'statements.0.roles.0: not in enum',
    ],
    [
      'trait 9',
      (q) => ((q.statements as Record<string, unknown>[])[0]!.traits = [9]),
      'statements.0.traits.0: above maximum',
    ],
  ])('rejects %s', (_name, breakIt, error) => {
    const q = JSON.parse(JSON.stringify(miniQuestionnaire)) as Record<string, unknown>;
    breakIt(q);
    expect(check(schema, q)).toEqual([error]);
  });
});
