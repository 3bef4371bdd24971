import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RESULT_LINK_FRAGMENT, findResultLinks, type FoundLink } from './link-text';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A payload-like string: base64url, `length` characters, the same for the same seed. */
function payload(length: number, seed: number): string {
  let x = seed * 2654435761;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += B64URL[(x >>> 16) % 64];
  }
  return out;
}

const APP = 'https://ks.example.no/naeringsspeilet/';
const P = payload(640, 1);
const Q = payload(420, 2);
const R = payload(1200, 3);
const link = (p: string) => `${APP}#/r/${p}`;

/** Hard-wraps text at `width` columns, breaking long tokens as old mail programs do. */
function hardWrap(text: string, width: number, prefix = ''): string {
  const room = width - prefix.length;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') {
      out.push(prefix.trimEnd());
      continue;
    }
    for (let i = 0; i < line.length; i += room) out.push(prefix + line.slice(i, i + room));
  }
  return out.join('\n');
}

/** Quoted-printable soft breaks: lines of at most 76 characters, each ending in «=». */
function softBreaks(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    out.push(rest.slice(0, 75) + '=');
    rest = rest.slice(75);
  }
  out.push(rest);
  return out.join('\n');
}

function safeLinks(url: string): string {
  return (
    'https://eur02.safelinks.protection.outlook.com/?url=' +
    encodeURIComponent(url) +
    '&data=05%7C02%7Cola.nordmann%40ulstein.kommune.no%7C1f2e3d4c5b6a%7C0%7C0%7C638690' +
    '&sdata=Zm9vYmFyYmF6cXV4%2FZm9vYmFy%3D&reserved=0'
  );
}

/** Proofpoint URL Defense v2: «%» written as «-», «/» as «_». */
function proofpointV2(url: string): string {
  const u = [...url]
    .map((c) =>
      /[A-Za-z0-9.]/.test(c)
        ? c
        : c === '/'
          ? '_'
          : '-' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
    )
    .join('');
  return (
    `https://urldefense.proofpoint.com/v2/url?u=${u}&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM` +
    '&r=abc123&m=def456&s=ghi789&e='
  );
}

const one = (text: string): FoundLink => {
  const { links } = findResultLinks(text);
  expect(links).toHaveLength(1);
  return links[0]!;
};

/** The reading the codec would end up with: the payload or one of its alternatives. */
const readings = (l: FoundLink) => [l.payload, ...l.alternatives];

describe('findResultLinks', () => {
  it('finds a link on a line of its own', () => {
    const text = `Hei!\n\nHer er svara frå Haram:\n${link(P)}\n\nHelsing Kari`;
    expect(one(text)).toEqual({
      payload: P,
      alternatives: [],
      line: 4,
      wrappedBy: null,
      brokenOverLines: false,
      cutShort: false,
      occurrences: 1,
    });
  });

  it('finds a link in running text and stops at punctuation', () => {
    const l = one(`Svarene ligger her (${link(Q)}). Takk!`);
    expect(l.payload).toBe(Q);
    expect(l.alternatives).toEqual([]);
  });

  it('a Gmail plain-text reply: quoted with «> », the link broken at 76 columns', () => {
    const quoted = hardWrap(`Hei!\n\nHer er svarene mine:\n${link(P)}\n\nHilsen Kari`, 76, '> ');
    const text =
      'Takk, mottatt.\n\nOla\n\n' +
      'On Tue, 3 Dec 2024 at 10:12, Kari Nordmann <kari@haram.kommune.no> wrote:\n' +
      quoted;
    const l = one(text);
    expect(l.payload).toBe(P);
    expect(l.brokenOverLines).toBe(true);
    expect(l.line).toBe(9);
    // The shorter readings are P cut at each line end.
    for (const a of l.alternatives) expect(P.startsWith(a)).toBe(true);
  });

  it('an Outlook reply: nested quoting, the link in «<…>» broken over lines', () => {
    const inner = hardWrap(`Her er lenka:\n<${link(Q)}>\nHelsing Per`, 72, '> > ');
    const text = `Hei igjen,\n> Videresender.\n>\n${inner}\n>\n> Ola`;
    const l = one(text);
    expect(l.payload).toBe(Q);
    // The closing «>» marks the end for certain: no other reading.
    expect(l.alternatives).toEqual([]);
  });

  it('an indented quote (Outlook’s plain-text reply) wraps with the same indent', () => {
    const body = hardWrap(link(R), 70).split('\n');
    const text = ['-----Opprinnelig melding-----', 'Fra: Per', '', ...body.map((l) => `    ${l}`)]
      .concat(['', '    Mvh Per'])
      .join('\n');
    expect(one(text).payload).toBe(R);
  });

  it('quoted-printable source: «=» soft breaks, «=3D» for «=», quoted after encoding', () => {
    const wrapped = safeLinks(link(P)).replace(/=/g, '=3D');
    const source = softBreaks(`Se ${wrapped} for svara.`)
      .split('\n')
      .map((l, i) => (i === 0 ? `>>>> ${l}` : l))
      .join('\n');
    const l = one(`Content-Transfer-Encoding: quoted-printable\n\n${source}\n>>>>\n`);
    expect(l.payload).toBe(P);
    expect(l.wrappedBy).toBe('safelinks');
    expect(l.alternatives).toEqual([]);
  });

  it('quoted-printable soft breaks inside the payload itself', () => {
    const text = softBreaks(link(R));
    expect(text.split('\n').length).toBeGreaterThan(10);
    const l = one(text);
    expect(l.payload).toBe(R);
    expect(l.alternatives).toEqual([]);
  });

  it('percent-encoding: %23 for #, %2F for /', () => {
    expect(one(`${APP}%23/r/${P}`).payload).toBe(P);
    expect(one(`${APP}%23%2fr%2F${P}`).payload).toBe(P);
    // An unknown redirector that percent-encodes the whole address.
    const l = one(`https://redirect.example.com/go?to=${encodeURIComponent(link(Q))}&sig=1a2b`);
    expect(l.payload).toBe(Q);
  });

  it('Outlook Safe Links', () => {
    const l = one(`Svar fra Ulstein: ${safeLinks(link(P))}`);
    expect(l).toMatchObject({ payload: P, wrappedBy: 'safelinks', alternatives: [] });
  });

  it('Outlook’s «link<Safe Links>» pair is one link found twice', () => {
    const l = one(`${link(P)}<${safeLinks(link(P))}>`);
    expect(l).toMatchObject({ payload: P, occurrences: 2, alternatives: [] });
  });

  it('Safe Links broken over quoted lines', () => {
    const text = hardWrap(`Lenke: ${safeLinks(link(R))}\n\nMvh`, 76, '> ');
    const l = one(text);
    expect(l.wrappedBy).toBe('safelinks');
    expect(l.payload).toBe(R);
    expect(l.brokenOverLines).toBe(true);
  });

  it('Proofpoint URL Defense v2', () => {
    const l = one(`Se ${proofpointV2(link(P))} .`);
    expect(l).toMatchObject({ payload: P, wrappedBy: 'proofpoint' });
  });

  it('Proofpoint URL Defense v3, one replaced character and a run', () => {
    const single = `https://urldefense.com/v3/__${APP}*/r/${Q}__;Iw!!ACWV5N9M2RV99hQ!Pkwym7OAjoDucUqs2fA$`;
    expect(one(`[1] ${single}\n`)).toMatchObject({ payload: Q, wrappedBy: 'proofpoint' });
    // «**A» is a run of two replaced characters: «#/» (base64url «Iy8»).
    const run = `https://urldefense.com/v3/__${APP}**Ar/${Q}__;Iy8!!G3vK!Qw75749h2ysFlROk$`;
    expect(one(run)).toMatchObject({ payload: Q, wrappedBy: 'proofpoint' });
  });

  it('Google’s redirect, and Safe Links around it', () => {
    const google = `https://www.google.com/url?q=${encodeURIComponent(link(Q))}&sa=D&source=editors&ust=1733&usg=AOvVaw3`;
    expect(one(google)).toMatchObject({ payload: Q, wrappedBy: 'google' });
    expect(one(safeLinks(google))).toMatchObject({ payload: Q, wrappedBy: 'safelinks' });
  });

  it('lists Mimecast links as opaque: the address is not in them', () => {
    const text = `Lenke: https://protect-eu.mimecast.com/s/AbCdEfGhIjK?domain=ks.example.no\n`;
    expect(findResultLinks(text)).toEqual({
      links: [],
      opaque: [{ wrappedBy: 'mimecast', line: 1, domain: 'ks.example.no' }],
      limited: false,
    });
    // If it kept the fragment, the payload is there to be found.
    const kept = `https://protect-eu.mimecast.com/s/AbCdEfGhIjK?domain=ks.example.no#/r/${P}`;
    expect(findResultLinks(kept)).toMatchObject({ links: [{ payload: P }], opaque: [] });
  });

  it('a whole thread: every link once, in order of first sight, with a count', () => {
    const text = [
      `From: kari@haram.kommune.no\n\n${link(P)}\n`,
      `From: per@ulstein.kommune.no\n\nHer: ${safeLinks(link(Q))}\n`,
      `From: ola@aure.kommune.no\n\n${hardWrap(link(R), 76)}\n`,
      `> From: kari@haram.kommune.no\n>\n> ${link(P)}\n`,
    ].join('\n');
    const { links } = findResultLinks(text);
    expect(links.map((l) => l.payload)).toEqual([P, Q, R]);
    expect(links.map((l) => l.occurrences)).toEqual([2, 1, 1]);
    expect(links.map((l) => l.line)).toEqual([3, 7, 11]);
  });

  it('the same link complete in one message and wrapped in a quote is one link', () => {
    // The quote's last line runs into «Hilsen» below it; the whole link above says where it ends.
    const text = `${link(P)}\n\n${hardWrap(link(P), 60, '> ')}\n> Hilsen`;
    const l = one(text);
    expect(l.payload).toBe(P);
    expect(l.alternatives).toContain(P + 'Hilsen');
    expect(l.occurrences).toBe(2);
  });

  it('a link that runs into the next line’s word offers the reading without it', () => {
    const l = one(`${link(P)}\nHilsen\n`);
    expect(l.payload).toBe(P + 'Hilsen');
    expect(l.alternatives).toEqual([P]);
  });

  it('a link cut short: returned as found, flagged when «…» follows', () => {
    const l = one(`Lenke: ${link(P.slice(0, 100))}… (vis mer)`);
    expect(l.payload).toBe(P.slice(0, 100));
    expect(l.cutShort).toBe(true);
    expect(one(`Lenke: ${link(P.slice(0, 100))}`).cutShort).toBe(false);
  });

  it('a line break inside the fragment', () => {
    const text = `${APP}#/\nr/${P}\n`;
    expect(one(text)).toMatchObject({ payload: P, line: 1, brokenOverLines: true });
    expect(one(`${APP}#\n/r/${Q}`).payload).toBe(Q);
  });

  it('Windows and old Mac line ends', () => {
    const l = one(hardWrap(`Hei\n${link(R)}\n\nMvh`, 76, '> ').replace(/\n/g, '\r\n'));
    expect(readings(l)).toContain(R);
    expect(l.payload).toBe(R);
    expect(one(`x\r${link(Q)}\rMvh`).line).toBe(2);
  });

  it('finds nothing where there is nothing', () => {
    for (const text of ['', 'Hei!', `${APP}#/r/`, `${APP}#/results`, '#/r/ …', `${APP}#/r/\n\n`]) {
      expect(findResultLinks(text)).toEqual({ links: [], opaque: [], limited: false });
    }
  });

  it('takes the fragment as a parameter', () => {
    const text = `${link(P)}\n${APP}#/s/${Q}`;
    expect(findResultLinks(text, { fragment: '#/s/' }).links.map((l) => l.payload)).toEqual([Q]);
    expect(RESULT_LINK_FRAGMENT).toBe('#/r/');
  });

  it('stops at maxLinks different payloads and says so', () => {
    const text = Array.from({ length: 5 }, (_, i) => link(payload(40, i + 10))).join('\n\n');
    const { links, limited } = findResultLinks(text, { maxLinks: 3 });
    expect(links).toHaveLength(3);
    expect(limited).toBe(true);
    expect(findResultLinks(text).limited).toBe(false);
  });

  it('finds a payload however the text around it is hard-wrapped and quoted (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...B64URL), minLength: 1, maxLength: 2000 }),
        fc.integer({ min: 30, max: 120 }),
        fc.constantFrom('', '> ', '> > ', '>> ', '    '),
        fc.constantFrom('', 'Hei!\n', 'Svar: ', 'Tekst før lenka og meir tekst.\n\n'),
        fc.constantFrom('', '\n', '\n\nHilsen', ' (lenke)', '\n> \n'),
        (p, width, prefix, before, after) => {
          const text = hardWrap(`${before}${link(p)}${after}`, width, prefix);
          const { links } = findResultLinks(text);
          expect(links).toHaveLength(1);
          expect(readings(links[0]!)).toContain(p);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws, and returns only base64url payloads (property)', () => {
    const noisy = fc.string({
      unit: fc.constantFrom(...'#/r%23%2F<>=> \n\r\t_-aZ09…*!$;?&'.split(''), 'https://', '#/r/'),
      maxLength: 400,
    });
    fc.assert(
      fc.property(fc.oneof(noisy, fc.string({ maxLength: 400 })), (text) => {
        const { links } = findResultLinks(text);
        for (const l of links) {
          for (const r of readings(l)) expect(r).toMatch(/^[0-9A-Za-z_-]+$/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
