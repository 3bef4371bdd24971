import { formatPath } from '../questionnaire/schema';
import { describeIssue } from '../core/zod-issues';
import type { Action, AgreedResponse, QuestionnaireRef, Response } from '../core/types';
import { isRecord } from '../core/records';
import {
  findFutureTimestamps,
  findUnknownIds,
  type Finding,
  type ImportSubject,
  type KnownQuestionnaire,
} from './content-rules';
import { fastResultsFile } from './fast-check';
import { migrateResultsFile, type FormatMigration } from './migrations';
import { RESULTS_FORMAT, RESULTS_FORMAT_VERSION } from './results-file';
import { resultsFileSchema, type ImportedResultsFile } from './results-file-schema';

/**
 * Import of results files: one chain that turns untrusted bytes or text into typed responses and
 * actions, or into an error code that the UI translates. See docs/results-file.md.
 *
 *   size limit → decode → not empty → nesting depth (on the text) → JSON.parse → envelope
 *   → migrations → zod → at least one response or action → known questionnaire
 *   → every response of the envelope's questionnaire → nothing dated in the future
 *   → every statement and area id known to the response's questionnaire version
 *
 * importResultsFile never throws, whatever it is given (a fast-check property with 10,000+ runs
 * holds it to that), and returns plain data only.
 */

/** 20 MB (20 × 1024 × 1024 bytes). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Deepest nesting of arrays and objects accepted. A valid results file needs 5. */
export const MAX_DEPTH = 64;
/** At most this many zod issues are returned; `detail` then says how many there were. */
export const MAX_ISSUES = 50;

export const IMPORT_ERROR_CODES = [
  'tooLarge',
  'notText',
  'notJson',
  'tooDeep',
  'notResultsFile',
  'newerFormat',
  'unsupportedFormat',
  'invalid',
  'unknownQuestionnaire',
  'mixedQuestionnaires',
  'empty',
  'futureTimestamp',
  'unknownStatement',
  'unknownArea',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportIssue {
  /** Dotted path into the file, e.g. "responses.0.answers.strategy-1.value". */
  path: string;
  /** Technical message, in English; the UI shows its own text for the code. */
  message: string;
}

export interface ImportError {
  code: ImportErrorCode;
  issues?: ImportIssue[];
  /** Short technical detail for logs and the "details" fold, never translated. */
  detail?: string;
  /**
   * For the rules beyond the schema (futureTimestamp, unknownStatement, unknownArea): the first
   * response, action or agreed response that breaks the rule, so the UI can name it.
   */
  subject?: ImportSubject;
}

export type { ImportSubject, KnownQuestionnaire };
export { FUTURE_TOLERANCE_MS } from './content-rules';

export type ImportResult =
  | {
      ok: true;
      file: ImportedResultsFile;
      responses: Response[];
      actions: Action[];
      agreements: AgreedResponse[];
    }
  | { ok: false; error: ImportError };

export interface ImportOptions {
  /**
   * Questionnaires that this app can score: id, version and their statement and area ids
   * (a Questionnaire fits).
   */
  knownQuestionnaires: readonly KnownQuestionnaire[];
  /**
   * The time of the import, an ISO timestamp: anything dated more than a day later is refused
   * (futureTimestamp). The domain never reads the clock; the caller passes it.
   */
  now: string;
  /** Largest file accepted, in bytes (UTF-8 bytes for a string). Default DEFAULT_MAX_BYTES. */
  maxBytes?: number;
  /** For tests: a migration table and the current version. Default: the real ones. */
  migrations?: readonly FormatMigration[];
  currentFormatVersion?: number;
}

/** Longest path or message returned: an issue may quote the file, and the file is hostile. */
export const MAX_MESSAGE_LENGTH = 300;
const clip = (text: string) =>
  text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;

const fail = (code: ImportErrorCode, extra: Omit<ImportError, 'code'> = {}): ImportResult => ({
  ok: false,
  error: { code, ...extra },
});

/** UTF-8 byte length of a string without allocating it. Lone surrogates count as 3 (U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when a string or byte array is larger than `maxBytes`, checked before any parsing. */
export function exceedsSize(input: string | Uint8Array, maxBytes: number): boolean {
  if (typeof input !== 'string') return input.byteLength > maxBytes;
  // Every UTF-16 code unit takes 1 to 3 UTF-8 bytes: only count when it could matter.
  if (input.length > maxBytes) return true;
  if (input.length * 3 <= maxBytes) return false;
  return utf8ByteLength(input) > maxBytes;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Detects the encoding from a byte order mark, or, without one, from where the zero bytes sit in
 * the first two bytes (JSON starts with an ASCII character: RFC 4627, section 3).
 */
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-16be') {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
    } catch {
      decoder = undefined; // a runtime without UTF-16BE: swap the bytes and read it as LE
    }
    if (decoder) return decoder.decode(bytes);
    if (bytes.length % 2 !== 0) throw new TypeError('Odd number of bytes in UTF-16');
    const swapped = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1] ?? 0;
      swapped[i + 1] = bytes[i] ?? 0;
    }
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(swapped);
  }
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
}

/**
 * Turns the input into text. Bytes: UTF-8 or UTF-16 LE/BE, with or without a BOM, decoded
 * strictly. Text: a leading BOM is dropped. A text with NUL characters is binary, not text.
 */
export function decodeInput(
  input: string | Uint8Array,
): { ok: true; text: string; encoding: Encoding } | { ok: false } {
  let text: string;
  let encoding: Encoding = 'utf-8';
  if (typeof input === 'string') {
    text = input;
  } else {
    const detected = detectEncoding(input);
    encoding = detected.encoding;
    try {
      text = decodeBytes(input.subarray(detected.bomLength), encoding);
    } catch {
      return { ok: false };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return { ok: false };
  return { ok: true, text, encoding };
}

/**
 * True when arrays and objects in a JSON text nest deeper than `maxDepth`. A single pass over the
 * text with a counter (no recursion), skipping brackets inside strings, so a hostile file is
 * refused before JSON.parse builds it and before anything walks it recursively.
 */
export function nestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if ((c === 0x7d || c === 0x5d) && depth > 0) {
      depth -= 1;
    }
  }
  return false;
}

function sameRef(a: QuestionnaireRef, b: QuestionnaireRef): boolean {
  return a.id === b.id && a.version === b.version;
}

function runChain(input: string | Uint8Array, options: ImportOptions): ImportResult {
  const maxBytes =
    typeof options.maxBytes === 'number' && options.maxBytes >= 0
      ? options.maxBytes
      : DEFAULT_MAX_BYTES;
  if (exceedsSize(input, maxBytes)) {
    const size = typeof input === 'string' ? input.length : input.byteLength;
    return fail('tooLarge', { detail: `More than ${maxBytes} bytes (${size} units)` });
  }

  const decoded = decodeInput(input);
  if (!decoded.ok) return fail('notText');
  const { text } = decoded;
  if (text.trim() === '') return fail('empty', { detail: 'The file has no content' });
  if (nestingExceeds(text, MAX_DEPTH))
    return fail('tooDeep', { detail: `Deeper than ${MAX_DEPTH}` });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return fail('notJson', { detail: message.slice(0, 200) });
  }

  if (!isRecord(data) || data.format !== RESULTS_FORMAT) return fail('notResultsFile');
  const formatVersion = data.formatVersion;
  if (typeof formatVersion !== 'number') {
    return fail('unsupportedFormat', { detail: `formatVersion is ${typeof formatVersion}` });
  }
  const migrated = migrateResultsFile(
    data,
    formatVersion,
    options.migrations,
    options.currentFormatVersion ?? RESULTS_FORMAT_VERSION,
  );
  if (!migrated.ok) return fail(migrated.code, { detail: migrated.detail });

  // The fast path for well-formed files (fast-check.ts) gives what zod would, or says "not sure".
  // reportInput lets describeIssue say what was found ("found number 5"); clip() keeps it short.
  const fast = fastResultsFile(migrated.file);
  const parsed =
    fast === null
      ? resultsFileSchema().safeParse(migrated.file, { reportInput: true })
      : ({ success: true, data: fast } as const);
  if (!parsed.success) {
    const all = parsed.error.issues;
    const issues = all.slice(0, MAX_ISSUES).map((issue) => ({
      path: clip(formatPath(issue.path)),
      // zod/mini's own messages are all "Invalid input"; ours (duplicates, reserved keys) say more.
      message: clip(
        issue.code === 'custom' || issue.message !== 'Invalid input'
          ? issue.message
          : describeIssue(issue),
      ),
    }));
    return fail('invalid', {
      issues,
      detail:
        all.length > MAX_ISSUES
          ? `${all.length} issues, the first ${MAX_ISSUES} listed`
          : `${all.length} issues`,
    });
  }
  const { actions: parsedActions, agreements: parsedAgreements, ...rest } = parsed.data;
  const actions = parsedActions ?? [];
  const agreements = parsedAgreements ?? [];
  const file: ImportedResultsFile = { ...rest, actions, agreements };
  const { responses } = file;

  if (responses.length === 0 && actions.length === 0 && agreements.length === 0) {
    return fail('empty', { detail: 'No responses and no actions' });
  }
  const known = options.knownQuestionnaires;
  if (!known.some((k) => sameRef(k, file.questionnaire))) {
    return fail('unknownQuestionnaire', {
      detail: `${file.questionnaire.id} v${file.questionnaire.version}`,
    });
  }
  const mixed: ImportIssue[] = [];
  const unknown: ImportIssue[] = [];
  // Every response and agreed response: the envelope's questionnaire, in a version known here.
  const checkRefs = (
    key: 'responses' | 'agreements',
    items: readonly { questionnaire: QuestionnaireRef }[],
  ) =>
    items.forEach(({ questionnaire: ref }, i) => {
      if (ref.id !== file.questionnaire.id) {
        mixed.push({
          path: `${key}.${i}.questionnaire.id`,
          message: `Questionnaire "${ref.id}" in a file for "${file.questionnaire.id}"`,
        });
      } else if (!known.some((k) => sameRef(k, ref))) {
        unknown.push({
          path: `${key}.${i}.questionnaire.version`,
          message: `Unknown questionnaire ${ref.id} v${ref.version}`,
        });
      }
    });
  checkRefs('responses', responses);
  checkRefs('agreements', agreements);
  if (mixed.length > 0) return fail('mixedQuestionnaires', { issues: mixed.slice(0, MAX_ISSUES) });
  if (unknown.length > 0)
    return fail('unknownQuestionnaire', { issues: unknown.slice(0, MAX_ISSUES) });

  // Rules beyond the schema (content-rules.ts).
  const content = { responses, actions, agreements };
  const future = findFutureTimestamps(content, options.now);
  if (future.length > 0) return failFindings('futureTimestamp', future, 'timestamps in the future');
  const unknownIds = findUnknownIds(content, known);
  if (unknownIds.statements.length > 0)
    return failFindings('unknownStatement', unknownIds.statements, 'unknown statement ids');
  if (unknownIds.areas.length > 0)
    return failFindings('unknownArea', unknownIds.areas, 'unknown area ids');

  return { ok: true, file, responses, actions, agreements };
}

/** An error for a rule beyond the schema: every finding as an issue, the first as the subject. */
function failFindings(code: ImportErrorCode, findings: readonly Finding[], what: string) {
  const first = findings[0]!.subject;
  const subject: ImportSubject = {
    ...first,
    municipality: { ...first.municipality, name: clip(first.municipality.name) },
    value: clip(first.value),
    ...(first.title === undefined ? {} : { title: clip(first.title) }),
  };
  return fail(code, {
    subject,
    issues: findings
      .slice(0, MAX_ISSUES)
      .map((f) => ({ path: clip(f.path), message: clip(f.message) })),
    detail:
      findings.length > MAX_ISSUES
        ? `${findings.length} ${what}, the first ${MAX_ISSUES} listed`
        : `${findings.length} ${what}`,
  });
}

/**
 * Checks a results file and returns its responses and actions, or an error code. Never throws.
 * A `string` should be the file's text; pass the raw bytes (`Uint8Array`) where you can, so that
 * UTF-16 files and byte order marks are recognised.
 */
export function importResultsFile(
  input: string | Uint8Array,
  options: ImportOptions,
): ImportResult {
  try {
    return runChain(input, options);
  } catch (error) {
    // Only reachable for faults outside the chain's control (such as running out of memory).
    // Tests assert that this detail never appears.
    const message = error instanceof Error ? error.name : 'unknown';
    return fail('invalid', { detail: `internalError: ${message}` });
  }
}
