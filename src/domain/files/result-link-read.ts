import type { Response } from '../core/types';
import { isRecord } from '../core/records';
import { gatheringOf, periodOfRecord } from '../core/gatherings';
import { crc32 } from './crc32';
import {
  decodeInput,
  importResultsFile,
  MAX_DEPTH,
  nestingExceeds,
  type ImportOptions,
  type ImportResult,
} from './import';
import { RESULTS_FORMAT, RESULTS_FORMAT_VERSION } from './results-file';
import {
  MAX_LAYOUT_BYTES,
  PERIOD_FORMAT_VERSION,
  RESULT_LINK_HEADER_BYTES,
  RESULT_LINK_VERSION,
  VALUE_CODE,
  type Inflate,
  type LinkError,
  type LinkErrorCode,
} from './result-link';

/**
 * Reading a result link or QR message (the layout: result-link.ts): the bytes back to a results
 * file, checked by the same import chain as a file. Apart from the encoder, so that a delegate
 * who only sends a result never loads the import chain.
 */

export type LinkDecodeResult = ImportResult | { ok: false; error: LinkError; link: true };

const linkFail = (code: LinkErrorCode, detail?: string): LinkDecodeResult => ({
  ok: false,
  link: true,
  error: detail === undefined ? { code } : { code, detail },
});

function valueOf(code: unknown): unknown {
  if (code === VALUE_CODE.dontKnow) return 'dontKnow';
  if (code === VALUE_CODE.notRelevant) return 'notRelevant';
  return code;
}

/**
 * The results file a layout stands for, as plain JSON data for importResultsFile; null when the
 * layout is not one (see LinkErrorCode 'notResult'). The record's own fields are not checked here:
 * the file's schema does that, with paths such as `responses.0.gathering.round`.
 */
export function layoutToFile(layout: unknown): Record<string, unknown> | null {
  if (!isRecord(layout) || (layout.t !== 'r' && layout.t !== 'a')) return null;
  const { r: record, a: list } = layout;
  if (!isRecord(record) || !Array.isArray(list)) return null;
  if (Object.keys(layout).some((k) => k !== 't' && k !== 'r' && k !== 'a')) return null;
  if ('answers' in record || 'agreed' in record) return null;
  const entries: [string, Record<string, unknown>][] = [];
  for (const item of list) {
    if (!Array.isArray(item) || item.length < 2 || item.length > 3) return null;
    const [id, value, text] = item as unknown[];
    if (typeof id !== 'string') return null;
    const answer: Record<string, unknown> = {};
    if (layout.t === 'r') {
      if (value !== null) answer.value = valueOf(value);
      if (text !== undefined) answer.comment = text;
    } else {
      answer.level = valueOf(value);
      answer.rationale = text ?? '';
    }
    answer.updatedAt = record.updatedAt;
    entries.push([id, answer]);
  }
  // Object.fromEntries makes own keys even of "__proto__": the file's checks then refuse it.
  const answers = Object.fromEntries(entries);
  const gathering = record.gathering;
  const hasPeriod = isRecord(gathering) && 'period' in gathering;
  return {
    format: RESULTS_FORMAT,
    // A gathering without a period is a version 1 record, which the file migrations bring up to
    // date; one with a period needs the version that has periods (or is refused as newer).
    formatVersion: hasPeriod ? Math.max(PERIOD_FORMAT_VERSION, RESULTS_FORMAT_VERSION) : 1,
    app: { name: 'naeringsspeilet', version: 'result-link' },
    exportedAt: record.updatedAt,
    questionnaire: record.questionnaire,
    responses: layout.t === 'r' ? [{ ...record, answers }] : [],
    ...(layout.t === 'a' ? { agreements: [{ ...record, agreed: answers }] } : {}),
  };
}

/**
 * Checks the bytes of a link or QR message, and imports them as a results file would be: the
 * same checks, the same result. Nothing is held or changed; the caller merges what comes back.
 * Never throws.
 */
export async function decodeResult(
  bytes: Uint8Array,
  options: ImportOptions & { inflate: Inflate },
): Promise<LinkDecodeResult> {
  try {
    if (bytes.length <= RESULT_LINK_HEADER_BYTES) return linkFail('corrupt', 'Too short');
    const version = bytes[0]!;
    if (version > RESULT_LINK_VERSION) return linkFail('newerLink', `Layout version ${version}`);
    if (version !== RESULT_LINK_VERSION) return linkFail('corrupt', `Layout version ${version}`);
    const crc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1, false);
    const compressed = bytes.subarray(RESULT_LINK_HEADER_BYTES);
    if (crc32(compressed) !== crc) return linkFail('corrupt', 'Checksum does not match');
    const inflated = await options.inflate(compressed, { maxBytes: MAX_LAYOUT_BYTES });
    if (!inflated.ok) {
      return linkFail(
        inflated.error === 'tooLarge' ? 'tooLarge' : inflated.error,
        inflated.error === 'tooLarge' ? `More than ${MAX_LAYOUT_BYTES} bytes` : undefined,
      );
    }
    const decoded = decodeInput(inflated.bytes);
    if (!decoded.ok) return linkFail('corrupt', 'Not UTF-8');
    if (nestingExceeds(decoded.text, MAX_DEPTH)) return linkFail('notResult', 'Too deep');
    let layout: unknown;
    try {
      layout = JSON.parse(decoded.text);
    } catch {
      return linkFail('notResult', 'Not JSON');
    }
    const file = layoutToFile(layout);
    if (file === null) return linkFail('notResult', 'Not a result layout');
    const { inflate: _inflate, ...importOptions } = options;
    return importResultsFile(JSON.stringify(file), importOptions);
  } catch (error) {
    return linkFail('corrupt', error instanceof Error ? error.name : 'unknown');
  }
}

/** What a checked link holds, for the screen that asks before importing it. */
export interface LinkSummary {
  kind: 'response' | 'agreement';
  municipality: Response['municipality'];
  /** A response's role; absent for agreed answers. */
  role?: Response['respondent']['role'];
  /** The gathering: its period (../core/gatherings.ts), round and, for a response, date. */
  gathering: { period: string; round: Response['gathering']['round']; date?: string };
  answers: number;
  comments: number;
}

/** How many of `items` are answered, and how many carry a comment. */
function tally<T>(
  items: readonly T[],
  answered: (item: T) => boolean,
  comment: (item: T) => unknown,
) {
  return {
    answers: items.filter(answered).length,
    comments: items.filter((item) => Boolean(comment(item))).length,
  };
}

export function summarizeResult(result: Extract<ImportResult, { ok: true }>): LinkSummary | null {
  const response = result.responses[0];
  if (response) {
    return {
      kind: 'response',
      municipality: response.municipality,
      role: response.respondent.role,
      gathering: { ...gatheringOf(response), date: response.gathering.date },
      ...tally(
        Object.values(response.answers),
        (a) => a.value !== undefined,
        (a) => a.comment,
      ),
    };
  }
  const agreement = result.agreements[0];
  if (!agreement) return null;
  return {
    kind: 'agreement',
    municipality: agreement.municipality,
    gathering: { period: periodOfRecord(agreement, agreement.updatedAt), round: agreement.round },
    ...tally(
      Object.values(agreement.agreed),
      () => true,
      (a) => a.rationale,
    ),
  };
}
