import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixtureLink from '../domain/files/fixtures/result-link-v1.txt?raw';
import fixtureAgreedLink from '../domain/files/fixtures/result-link-agreed-v1.txt?raw';
import resultsFileDoc from '../../docs/results-file.md?raw';
import {
  encodeResult,
  LINK_ERROR_CODES,
  MAX_LAYOUT_BYTES,
  MAX_LINK_CHARS,
  RESULT_LINK_HEADER_BYTES,
  RESULT_LINK_VERSION,
  resultLayout,
  type LinkRecord,
} from '../domain/files/result-link';
import {
  decodeResult,
  layoutToFile,
  summarizeResult,
  type LinkDecodeResult,
} from '../domain/files/result-link-read';
import { crc32 } from '../domain/files/crc32';
import { RESULT_LINK_FRAGMENT, findResultLinks } from '../domain/files/link-text';
import { makeResponse, miniQuestionnaire } from '../domain/testing/fixtures';
import { parseQuestionnaire, type Questionnaire } from '../domain/questionnaire/schema';
import type { AgreedResponse, AnswerValue, Response } from '../domain/core/types';
import { deflateRaw, inflateRaw } from './compression';
import { appAddress, createResultLink } from './result-links';
import { readResultBytes, readResultPayload } from './result-link-read';
import v1Json from '../../questionnaires/god-vertskommune/v1.json';
import v2Json from '../../questionnaires/god-vertskommune/v2.json';
import { importResultsFile } from '../domain/files/import';
import { createResultsFile, serializeResultsFile } from '../domain/files/results-file';

function bundled(json: unknown): Questionnaire {
  const parsed = parseQuestionnaire(json);
  if (!parsed.ok) throw new Error('The bundled questionnaire is invalid');
  return parsed.questionnaire;
}

const GOOD_HOST = bundled(v2Json);
const KNOWN = [bundled(v1Json), GOOD_HOST, miniQuestionnaire];
const NOW = '2024-05-03T12:00:00.000Z';
const OPTIONS = { knownQuestionnaires: KNOWN, now: NOW };
/** A municipality's own site, the app in a folder: a long address, as links will have. */
const ADDRESS = 'https://www.tingvoll.kommune.no/naeringsspeilet/';

const STAMP = '2024-05-02T14:12:00.000Z';

/** What a link brings back: the record with every answer at the record's timestamp. */
function expected(response: Response): Response {
  return {
    ...response,
    answers: Object.fromEntries(
      Object.entries(response.answers).map(([id, a]) => [
        id,
        { ...a, updatedAt: response.updatedAt },
      ]),
    ),
  };
}

/** Plain Norwegian comments, as delegates write them: 150 characters each. */
const COMMENTS = [
  'Vi har ein plan, men han er ikkje følgd opp i budsjettet. Næringsrådet meiner vi må prioritere areal ved sjøen før vi seier ja til nye hyttefelt i kommunen.',
  'Administrasjonen svarer raskt på spørsmål frå bedrifter, men saksbehandlingstida for byggesaker er framleis for lang etter vår meining, særleg om sommaren.',
  'Kommunen har ikkje eit fast møte med næringslivet. Det var betre før, då ordføraren kalla inn til frukostmøte kvar månad og alle kunne kome med innspel.',
  'Vi manglar ledige næringstomter som er regulerte og klare til bruk. Dei to siste etableringane gjekk til nabokommunen fordi vi ikkje hadde noko å tilby.',
  'Etablerarar får god rettleiing i starten, men det skjer lite etter det første året. Vi bør følgje opp dei nye bedriftene tettare, saman med næringshagen.',
  'Samarbeidet i regionen er godt på papiret, men lite konkret. Vi kunne delt på ein næringsutviklar med nabokommunane og fått meir att for pengane våre.',
  'Skule, barnehage og helsetenester er gode, og det er viktig for å rekruttere folk til bedriftene. Bustader for tilflyttarar er derimot ein stor mangel.',
  'Næringsplanen er frå 2016 og må reviderast. Politikarane kjenner henne knapt, og ho blir sjeldan brukt når vi tek avgjerder i formannskapet eller i råd.',
  'Vi har gode tal på sysselsetjing, men vi veit lite om kva bedriftene treng framover. Ei spørjeundersøking blant dei største verksemdene vore nyttig no.',
  'Innkjøpa våre går mest til store leverandørar utanfrå. Lokale bedrifter seier at konkurransegrunnlaga er for kompliserte for små verksemder å svare på.',
];

/** A full response to the bundled questionnaire: 49 answers, 10 comments of 150 characters. */
function fullResponse(): Response {
  const values: AnswerValue[] = [1, 2, 3, 4, 5, 'dontKnow', 3, 4, 2, 'notRelevant'];
  const answers = Object.fromEntries(
    GOOD_HOST.statements.map((s, i) => [
      s.id,
      {
        value: values[i % values.length]!,
        ...(i % 5 === 0 && i / 5 < COMMENTS.length ? { comment: COMMENTS[i / 5]! } : {}),
        updatedAt: STAMP,
      },
    ]),
  );
  return {
    id: 'r-m4k2x9-7f3a1c2b',
    questionnaire: { id: GOOD_HOST.id, version: GOOD_HOST.version },
    municipality: { number: '1560', name: 'Tingvoll' },
    respondent: { id: 'p-m4k2x9-2b8e0d41', role: 'politician', initials: 'KH' },
    gathering: { period: '2024', round: 2, date: '2024-05-03' },
    answers,
    importance: Object.fromEntries(GOOD_HOST.areas.map((a, i) => [a.id, ((i % 5) + 1) as 1])),
    createdAt: '2024-05-02T14:05:00.000Z',
    updatedAt: STAMP,
    submittedAt: '2024-05-02T14:13:00.000Z',
  };
}

const asResponse = (record: Response): LinkRecord => ({ kind: 'response', record });

async function bytesOf(link: LinkRecord): Promise<Uint8Array> {
  const encoded = await encodeResult(link, deflateRaw);
  if (!encoded.ok) throw new Error(encoded.error);
  return encoded.bytes;
}

function payloadOf(link: string): string {
  return link.slice(link.indexOf(RESULT_LINK_FRAGMENT) + RESULT_LINK_FRAGMENT.length);
}

const read = (bytes: Uint8Array, extra = {}) =>
  decodeResult(bytes, { ...OPTIONS, inflate: inflateRaw, ...extra });

function linkError(result: LinkDecodeResult): string {
  if (result.ok) throw new Error('Expected an error');
  return result.error.code;
}

describe('result links: round trip', () => {
  it('a full response comes back as it went, every answer at the response’s timestamp', async () => {
    const response = fullResponse();
    const result = await read(await bytesOf(asResponse(response)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.responses).toEqual([expected(response)]);
    expect(result.agreements).toEqual([]);
    expect(summarizeResult(result)).toEqual({
      kind: 'response',
      municipality: { number: '1560', name: 'Tingvoll' },
      role: 'politician',
      gathering: { period: '2024', round: 2, date: '2024-05-03' },
      answers: 49,
      comments: 10,
    });
  });

  it('agreed answers come back as they went', async () => {
    const agreement: AgreedResponse = {
      id: 'agreed-1560-2',
      municipality: { number: '1560', name: 'Tingvoll' },
      period: '2024',
      round: 2,
      questionnaire: { id: GOOD_HOST.id, version: GOOD_HOST.version },
      agreed: {
        'strategy-1': { level: 3, rationale: 'Planen finst, men er gammal.', updatedAt: STAMP },
        'strategy-2': { level: 'dontKnow', rationale: '', updatedAt: STAMP },
      },
      updatedAt: STAMP,
    };
    const result = await read(await bytesOf({ kind: 'agreement', record: agreement }));
    expect(result.ok && result.agreements).toEqual([agreement]);
    expect(result.ok && result.responses).toEqual([]);
  });

  it('any valid response survives the trip (fast-check)', async () => {
    const statementIds = miniQuestionnaire.statements.map((s) => s.id);
    const value = fc.constantFrom<AnswerValue | undefined>(
      1,
      2,
      3,
      4,
      5,
      'dontKnow',
      'notRelevant',
      undefined,
    );
    const answer = fc.record(
      { value, comment: fc.string({ maxLength: 150, unit: 'grapheme' }) },
      { requiredKeys: ['value'] },
    );
    const stamp = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2024-05-03T00:00:00Z') })
      .map((d) => (Number.isNaN(d.getTime()) ? STAMP : d.toISOString()));
    const id = fc
      .stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/)
      .filter((s) => !['__proto__', 'constructor', 'prototype'].includes(s));
    const response = fc
      .record({
        id,
        respondent: id,
        role: fc.constantFrom('politician', 'administration', 'business', 'other' as const),
        initials: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        round: fc.constantFrom(1, 2, 3, 4 as const),
        name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== ''),
        number: fc.stringMatching(/^\d{4}$/),
        answers: fc.dictionary(fc.constantFrom(...statementIds), answer, { maxKeys: 7 }),
        importance: fc.dictionary(
          fc.constantFrom('a', 'b', 'c'),
          fc.constantFrom(1, 2, 3, 4, 5 as const),
        ),
        updatedAt: stamp,
        submitted: fc.boolean(),
      })
      .map((r): Response => {
        const base = makeResponse({
          id: r.id,
          role: r.role,
          municipality: { number: r.number, name: r.name },
          gathering: { period: '2024', round: r.round, date: '2024-05-03' },
          importance: r.importance,
          updatedAt: r.updatedAt,
          createdAt: r.updatedAt,
          ...(r.submitted ? { submittedAt: r.updatedAt } : {}),
        });
        const answers = Object.fromEntries(
          Object.entries(r.answers)
            .filter(([, a]) => a.value !== undefined || a.comment)
            .map(([k, a]) => [
              k,
              {
                ...(a.value === undefined ? {} : { value: a.value }),
                ...(a.comment ? { comment: a.comment } : {}),
                updatedAt: r.updatedAt,
              },
            ]),
        );
        return {
          ...base,
          respondent: {
            id: r.respondent,
            role: r.role,
            ...(r.initials === undefined ? {} : { initials: r.initials }),
          },
          answers,
        };
      });
    await fc.assert(
      fc.asyncProperty(response, async (r) => {
        const result = await read(await bytesOf(asResponse(r)));
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        expect(result.responses).toEqual([r]);
      }),
      { numRuns: 200 },
    );
  });

  it('the link points to the app’s own address, in whatever folder it was opened', async () => {
    expect(appAddress({ href: 'https://x.no/a/b/?lang=nn#/results' })).toBe(
      'https://x.no/a/b/?lang=nn',
    );
    expect(appAddress({ href: 'http://localhost:4173/' })).toBe('http://localhost:4173/');
    const made = await createResultLink(asResponse(fullResponse()), ADDRESS);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.link.startsWith(`${ADDRESS}${RESULT_LINK_FRAGMENT}`)).toBe(true);
    // The paste-links search finds it, and its payload reads back.
    const found = findResultLinks(`Hei!\n\n${made.link}\n\nHelsing Kari`);
    expect(found.links.map((l) => l.payload)).toEqual([payloadOf(made.link)]);
    const result = await readResultPayload(found.links[0]!.payload, OPTIONS);
    expect(result.ok && result.responses).toEqual([expected(fullResponse())]);
  });
});

describe('result links: sizes', () => {
  it('a full response with 10 comments of 150 characters is at most 2,000 characters', async () => {
    const made = await createResultLink(asResponse(fullResponse()), ADDRESS);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    console.log(
      `result link: ${made.link.length} characters (payload ${payloadOf(made.link).length}, ` +
        `${made.bytes.length} bytes; layout ${made.layoutBytes} bytes)`,
    );
    expect(made.link.length).toBeLessThanOrEqual(2000);
    // Without comments, far less.
    const bare = fullResponse();
    for (const a of Object.values(bare.answers)) delete a.comment;
    const small = await createResultLink(asResponse(bare), ADDRESS);
    expect(small.ok && small.link.length).toBeLessThan(1000);
    if (small.ok) console.log(`result link without comments: ${small.link.length} characters`);
  });

  it(`a link over ${MAX_LINK_CHARS} characters is not made: the app offers a file`, async () => {
    const response = fullResponse();
    // Comments that do not compress: every answer with 2,000 characters of distinct text.
    let x = 7;
    const noise = () =>
      Array.from({ length: 2000 }, () => {
        x = (x * 1103515245 + 12345) >>> 0;
        return String.fromCharCode(0x61 + ((x >>> 16) % 26));
      }).join('');
    for (const a of Object.values(response.answers)) a.comment = noise();
    expect(await createResultLink(asResponse(response), ADDRESS)).toEqual({
      ok: false,
      error: 'tooLong',
    });
  });

  it('a payload over the cap is refused before it is decoded', async () => {
    expect(linkError(await readResultPayload('A'.repeat(MAX_LINK_CHARS + 1), OPTIONS))).toBe(
      'tooLong',
    );
  });

  it(`a layout that unfolds past ${MAX_LAYOUT_BYTES} bytes is refused before it is parsed`, async () => {
    const layout = new TextEncoder().encode(
      JSON.stringify({ t: 'r', r: {}, a: [['x', 1, ' '.repeat(1_000_000)]] }),
    );
    const compressed = await deflateRaw(layout);
    if (!compressed.ok) throw new Error('no compression');
    expect(compressed.bytes.length).toBeLessThan(2000); // a small link …
    const bytes = new Uint8Array(RESULT_LINK_HEADER_BYTES + compressed.bytes.length);
    bytes[0] = RESULT_LINK_VERSION;
    new DataView(bytes.buffer).setUint32(1, crc32(compressed.bytes), false);
    bytes.set(compressed.bytes, RESULT_LINK_HEADER_BYTES);
    expect(linkError(await read(bytes))).toBe('tooLarge'); // … that would unfold to 1 MB
  });
});

describe('result links: broken links give a clear error and nothing else', () => {
  it('every flipped byte', async () => {
    const bytes = await bytesOf(asResponse(fullResponse()));
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const changed = bytes.slice();
        changed[i]! ^= mask;
        const code = linkError(await read(changed));
        expect(i === 0 ? ['newerLink', 'corrupt'] : ['corrupt']).toContain(code);
      }
    }
  });

  it('every truncation, of the bytes and of the link’s text', async () => {
    const made = await createResultLink(asResponse(fullResponse()), ADDRESS);
    if (!made.ok) throw new Error(made.error);
    for (let n = 0; n < made.bytes.length; n++) {
      expect(linkError(await read(made.bytes.subarray(0, n)))).toBe('corrupt');
    }
    const payload = payloadOf(made.link);
    for (let n = 0; n < payload.length; n++) {
      expect(['notLink', 'corrupt']).toContain(
        linkError(await readResultPayload(payload.slice(0, n), OPTIONS)),
      );
    }
  });

  it('characters a link never holds, and a newer layout', async () => {
    expect(linkError(await readResultPayload('abc+def', OPTIONS))).toBe('notLink');
    expect(linkError(await readResultPayload('', OPTIONS))).toBe('notLink');
    const bytes = await bytesOf(asResponse(fullResponse()));
    bytes[0] = RESULT_LINK_VERSION + 1;
    expect(linkError(await read(bytes))).toBe('newerLink');
    bytes[0] = RESULT_LINK_VERSION;
    expect(
      linkError(
        await read(bytes, {
          inflate: () => Promise.resolve({ ok: false, error: 'compressionUnsupported' }),
        }),
      ),
    ).toBe('compressionUnsupported');
  });

  it('an intact link that holds no result', () => {
    for (const layout of [
      [],
      { t: 'x', r: {}, a: [] },
      { t: 'r', r: [], a: [] },
      { t: 'r', r: {}, a: [['a-1']] },
      { t: 'r', r: {}, a: [[1, 2]] },
      { t: 'r', r: { answers: {} }, a: [] },
      { t: 'r', r: {}, a: [], extra: 1 },
    ]) {
      expect(layoutToFile(layout)).toBeNull();
    }
  });

  it('a hostile link gets the same checks as a file: same error codes', async () => {
    const future = {
      ...makeResponse({ answers: { 'a-1': 3 } }),
      updatedAt: '2099-01-01T00:00:00.000Z',
    };
    const checks: [Response, string][] = [
      [future, 'futureTimestamp'],
      [makeResponse({ answers: { 'z-9': 3 } }), 'unknownStatement'],
      [{ ...makeResponse(), questionnaire: { id: 'other', version: 1 } }, 'unknownQuestionnaire'],
      [{ ...makeResponse(), gathering: { round: 7 as 1, date: '2024-05-03' } }, 'invalid'],
    ];
    for (const [record, code] of checks) {
      const result = await read(await bytesOf(asResponse(record)));
      const file = serializeResultsFile(
        createResultsFile([expected(record)], {
          appVersion: 'result-link',
          exportedAt: record.updatedAt,
          questionnaire: record.questionnaire,
        }),
      );
      // The same verdict as the file with the same response, to the letter.
      expect(result).toEqual(importResultsFile(file, OPTIONS));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(code);
    }
  });

  it('a gathering with a period is read as the file format that has periods', () => {
    const response = makeResponse({ answers: { 'a-1': 3 } });
    const withPeriod = { ...response, gathering: { ...response.gathering, period: '2024' } };
    const layout = JSON.parse(resultLayout(asResponse(withPeriod))) as unknown;
    const file = layoutToFile(layout);
    expect((file?.responses as Response[])[0]!.gathering).toEqual(withPeriod.gathering);
    expect(file?.formatVersion).toBeGreaterThanOrEqual(2);
    expect(layoutToFile(JSON.parse(resultLayout(asResponse(response))))?.formatVersion).toBe(1);
  });

  it('every error code is listed in the docs', () => {
    for (const code of LINK_ERROR_CODES) expect(resultsFileDoc).toContain(`\`${code}\``);
  });
});

describe('result links: fixtures and docs', () => {
  it('the version 1 fixture link reads back to the response it was made from', async () => {
    const payload = payloadOf(fixtureLink.trim());
    const result = await readResultPayload(payload, OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.responses).toHaveLength(1);
    const r = result.responses[0]!;
    expect(r.municipality).toEqual({ number: '1560', name: 'Tingvoll' });
    // Made before periods: read as a version 1 file, it takes the year of its date.
    expect(r.gathering).toEqual({ period: '2024', round: 2, date: '2024-05-03' });
    expect(r.answers['land-planning-2']).toEqual({
      value: 'dontKnow',
      comment: 'Avklarast med plankontoret.',
      updatedAt: '2024-05-02T14:12:00.000Z',
    });
  });

  it('the version 1 fixture of agreed answers reads back', async () => {
    const result = await readResultPayload(payloadOf(fixtureAgreedLink.trim()), OPTIONS);
    expect(result.ok && result.agreements.map((a) => Object.keys(a.agreed).length)).toEqual([2]);
  });

  it('the docs show the fixture’s very layout', async () => {
    const block = /```jsonc\n([\s\S]*?)```/.exec(resultsFileDoc)![1]!;
    const result = await readResultPayload(payloadOf(fixtureLink.trim()), OPTIONS);
    if (!result.ok) throw new Error('fixture');
    const layout = resultLayout(asResponse(result.responses[0]!));
    // Prettier writes JSONC with trailing commas.
    expect(JSON.parse(layout)).toEqual(JSON.parse(block.replace(/,(\s*[}\]])/g, '$1')));
  });

  it('the docs give the layout’s version and limits as the code has them', () => {
    expect(resultsFileDoc).toContain('## Result links');
    expect(resultsFileDoc).toContain(`layout version \`${RESULT_LINK_VERSION}\``);
    expect(resultsFileDoc).toContain(MAX_LINK_CHARS.toLocaleString('en'));
    expect(resultsFileDoc).toContain(`${MAX_LAYOUT_BYTES / 1024} KiB`);
  });

  it('QR messages are the same bytes as a link', async () => {
    const bytes = await bytesOf(asResponse(fullResponse()));
    const result = await readResultBytes(bytes, OPTIONS);
    expect(result.ok && result.responses).toEqual([expected(fullResponse())]);
  });
});
