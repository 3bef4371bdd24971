import { describe, expect, it } from 'vitest';
import fixtureV2Text from '../domain/files/fixtures/results-v2.json?raw';
import questionnaireJson from '../../questionnaires/god-vertskommune/v1.json';
import { parseQuestionnaire } from '../domain/questionnaire/schema';
import type { ImportOptions } from '../domain/files/import';
import { createFileChecker, workerCount, type WorkerLike } from './import-workers';
import {
  replyFor,
  type CheckedFile,
  type FileCheckReply,
  type FileCheckRequest,
} from './import-messages';
import { checksumOf } from '../domain/core/hash';
import { readResultsFile } from './read-results-file';

const parsed = parseQuestionnaire(questionnaireJson);
if (!parsed.ok) throw new Error('The bundled questionnaire is invalid');
const OPTIONS: ImportOptions = {
  knownQuestionnaires: [parsed.questionnaire],
  now: '2024-05-03T12:00:00.000Z',
};

const files = [
  new Blob([fixtureV2Text]),
  new Blob(['{"not": "a results file"}']),
  new Blob([fixtureV2Text.replace('"value": 3', '"value": 7')]),
  new Blob(['']),
];

/**
 * A stand-in for a Web Worker: it runs the worker's own code path (readResultsFile) on a
 * structured copy of each message, answers after `delay(n)` ms, and can fail on its n-th message.
 */
function fakeWorkers(delay: (n: number) => number, failOn?: number) {
  const made: { requests: FileCheckRequest[]; terminated: boolean }[] = [];
  let messages = 0;
  const make = (): WorkerLike => {
    const log = { requests: [] as FileCheckRequest[], terminated: false };
    made.push(log);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => (log.terminated = true),
      postMessage(message) {
        // The file as it is (a test DOM cannot copy a Blob), the rest copied as postMessage does.
        const request = { ...message, options: structuredClone(message.options) };
        log.requests.push(request);
        const n = messages++;
        setTimeout(() => {
          if (log.terminated) return;
          if (n === failOn) {
            worker.onerror?.(new Event('error'));
            return;
          }
          void readResultsFile(request.file, request.options).then((result) => {
            const reply: FileCheckReply = structuredClone(replyFor(request.id, result));
            if (!log.terminated) worker.onmessage?.(new MessageEvent('message', { data: reply }));
          });
        }, delay(n));
      },
    };
    return worker;
  };
  return { make, made };
}

const inPage = () => Promise.all(files.map((f) => readResultsFile(f, OPTIONS)));

/**
 * A worker's result without the text of its lists, which the page does not make; that text is
 * checked to be the JSON of the very lists the result holds, with its checksum.
 */
function unpacked(result: CheckedFile) {
  const { packed, ...rest } = result;
  if (packed !== undefined && rest.ok) {
    expect(packed.lists).toEqual([rest.responses, rest.actions, rest.agreements]);
    expect(packed.lists[0]).toBe(rest.responses);
    expect(packed.entries).toBe(JSON.stringify(packed.lists));
    expect(packed.checksum).toBe(checksumOf(packed.entries));
  }
  return rest;
}

describe('the import’s worker pool', () => {
  it('gives each file the result the page itself would give, whatever order the workers finish in', async () => {
    const { make, made } = fakeWorkers((n) => (n % 2 === 0 ? 20 : 1));
    const checker = createFileChecker(2, make);
    const results = await Promise.all(files.map((f) => checker.check(f, OPTIONS)));
    checker.close();
    expect(results.map(unpacked)).toEqual(await inPage());
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false]);
    expect(results[0]!.packed).toBeDefined();
    // Both workers worked, and only the questionnaire's ids travelled to them.
    expect(made.map((w) => w.requests.length)).toEqual([2, 2]);
    const sent = made[0]!.requests[0]!.options.knownQuestionnaires[0]!;
    expect(Object.keys(sent).sort()).toEqual(['areas', 'id', 'statements', 'version']);
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('checks the files in the page when a worker fails, and every file still gets its result', async () => {
    const { make, made } = fakeWorkers(() => 1, 1);
    const checker = createFileChecker(2, make);
    const results = await Promise.all(files.map((f) => checker.check(f, OPTIONS)));
    expect(results.map(unpacked)).toEqual(await inPage());
    expect(made.every((w) => w.terminated)).toBe(true);
    // Later files go straight to the page.
    expect((await checker.check(files[0]!, OPTIONS)).ok).toBe(true);
  });

  it('checks the files in the page where there are no workers', async () => {
    const checker = createFileChecker(2, null);
    expect(await Promise.all(files.map((f) => checker.check(f, OPTIONS)))).toEqual(await inPage());
  });

  it('uses two workers on two cores, one fewer than the cores above that, and at most four', () => {
    expect([undefined, 1, 2, 3, 4, 8, 16].map(workerCount)).toEqual([2, 2, 2, 2, 3, 4, 4]);
  });
});
