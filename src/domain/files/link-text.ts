/**
 * Finds result links in any pasted text: a whole email thread, many messages at once, a chat
 * log. A result link is `<the app's address>#/r/<payload>`, the payload in base64url
 * (0-9 A-Z a-z - _). This module only finds payloads; the link codec decodes and checks them.
 *
 * What mail does to a link, and what is undone here:
 * - quoting with «> » (nested too, «> > » or «>>»), and indented quotes;
 * - lines wrapped by the mail program, a link broken over two or more lines, with or without
 *   the «=» of a quoted-printable soft line break (and «=3D» for «=» in quoted-printable text);
 * - percent-encoding (%23 for #, %2F for /);
 * - links rewritten by Outlook Safe Links (…safelinks.protection.outlook.com/?url=…), Proofpoint
 *   URL Defense (v1, v2 and v3) and Google's redirect (www.google.com/url?q=…), nested too.
 *   Mimecast keeps the address on its own server: such links are listed as `opaque`, so the UI
 *   can say why nothing was found in them.
 *
 * A line break in the middle of a link cannot always be told from a link that ends at the end of
 * its line with other words on the next. So a payload that continues onto the next line comes
 * with `alternatives`: the same payload cut at each line end, longest first. The codec's checksum
 * tells which reading is right: try `payload`, then each alternative. A link cut short by the mail
 * program is returned as it is (the checksum catches it); `cutShort` says when «…» follows it.
 *
 * Pure: no DOM; returns data only.
 */

/** The fragment that starts a result link's payload. The link codec owns the layout after it. */
export const RESULT_LINK_FRAGMENT = '#/r/';

export type LinkWrapper = 'safelinks' | 'proofpoint' | 'google';

export interface FoundLink {
  /** The longest reading of the payload. */
  payload: string;
  /** Shorter readings, cut where the payload went on over a line end; longest first. */
  alternatives: string[];
  /** 1-based line of the pasted text where the link (or the address that wraps it) starts. */
  line: number;
  /** The service that rewrote the link, when it was unwrapped. */
  wrappedBy: LinkWrapper | null;
  /** The payload was put together from more than one line. */
  brokenOverLines: boolean;
  /** «…» or «...» follows the payload: the mail program may have shortened the link. */
  cutShort: boolean;
  /** How many times the same payload was found (a thread quotes its messages again). */
  occurrences: number;
}

/** A link rewritten by a service that keeps the real address to itself (Mimecast). */
export interface OpaqueLink {
  wrappedBy: 'mimecast';
  line: number;
  /** The host Mimecast names in its `domain=` parameter, when it does. */
  domain: string | null;
}

export interface LinkSearch {
  links: FoundLink[];
  opaque: OpaqueLink[];
  /** The search stopped at `maxLinks` different payloads. */
  limited: boolean;
}

export interface LinkSearchOptions {
  /** The fragment before the payload; RESULT_LINK_FRAGMENT by default. */
  fragment?: string;
  /** Stop after this many different payloads (default 500). */
  maxLinks?: number;
}

export const DEFAULT_MAX_LINKS = 500;
/** How many times a link may be unwrapped (a Safe Links of a Google redirect is two). */
const MAX_UNWRAP_DEPTH = 4;

/** One line of text with quoting told apart; lines joined at quoted-printable soft breaks. */
interface Line {
  text: string;
  /** 1-based number of the pasted line where this one starts. */
  line: number;
  /** Offsets in `text` where the next pasted lines begin (after soft-break joins). */
  breaks: number[];
  /** Quote depth and indent: a wrapped line goes on at the same depth and indent. */
  key: string;
  /** Where the text after the quote markers and indent starts. */
  contentStart: number;
}

interface RawFinding {
  candidates: string[]; // longest first
  line: number;
  /** Where it starts in the search's text: [line index, offset], to keep the text's order. */
  at: [number, number];
  wrappedBy: LinkWrapper | null;
  brokenOverLines: boolean;
  cutShort: boolean;
}

export function findResultLinks(text: string, options: LinkSearchOptions = {}): LinkSearch {
  const fragment = options.fragment ?? RESULT_LINK_FRAGMENT;
  const maxLinks = options.maxLinks ?? DEFAULT_MAX_LINKS;
  const opaque: OpaqueLink[] = [];
  const findings = searchLines(toLines(text), fragment, opaque, 0).sort(
    (a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1],
  );
  const { links, limited } = merge(findings, maxLinks);
  return { links, opaque, limited };
}

// ---------------------------------------------------------------------------------------------
// Lines: quoted-printable soft breaks, quoting and indent

const QUOTE = /^((?:[ \t]*>)*)([ \t]*)/;

function quoteOf(text: string): { key: string; contentStart: number; markers: string } {
  const m = QUOTE.exec(text)!;
  const markers = m[1]!;
  const depth = markers.split('>').length - 1;
  // «> text» and «>text» are the same depth; the one space after the last «>» is not indent.
  const indent = depth > 0 && m[2]!.startsWith(' ') ? m[2]!.length - 1 : m[2]!.length;
  return { key: `${depth}:${indent}`, contentStart: m[0].length, markers };
}

/** Quoted-printable «=XX» for printable ASCII only (=3D is «=»); other bytes stay as they are. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=([2-7][0-9A-F])/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function toLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  // A soft line break is «=» at the end of a line. Text with one, or with «=3D», is read as
  // quoted-printable (as when a message's source is pasted).
  const quotedPrintable = raw.some((l) => /[^=\s]=$/.test(l)) || /=3D/.test(text);
  const lines: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = raw[i]!;
    const quote = quoteOf(first);
    let joined = '';
    const breaks: number[] = [];
    let current = first;
    let j = i;
    while (quotedPrintable && /[^=\s]=$/.test(current) && j + 1 < raw.length) {
      joined += decodeQuotedPrintable(current.slice(0, -1));
      breaks.push(joined.length);
      j++;
      current = raw[j]!;
      // A soft break in a quoted line goes on without the quote markers when the markers were
      // added before encoding, and with them when the quoting came after: drop the same markers.
      if (quote.markers !== '' && current.startsWith(quote.markers)) {
        current = current.slice(quote.markers.length).replace(/^ /, '');
      }
    }
    joined += quotedPrintable ? decodeQuotedPrintable(current) : current;
    lines.push({ text: joined, line: i + 1, breaks, ...quote });
    i = j;
  }
  return lines;
}

function lineNumber(line: Line, offset: number): number {
  // How many soft breaks come at or before `offset` (binary search: `breaks` is sorted).
  let lo = 0;
  let hi = line.breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (line.breaks[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return line.line + lo;
}

// ---------------------------------------------------------------------------------------------
// Reading a run of characters, across wrapped lines

/** A run of token characters at `at`, as text (decoded) and its length in the line. */
type Reader = (text: string, at: number) => { chars: string; length: number } | null;

function stickyReader(pattern: RegExp, decode: (match: string) => string): Reader {
  const sticky = new RegExp(pattern.source, 'y');
  return (text, at) => {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    return m ? { chars: decode(m[0]), length: m[0].length } : null;
  };
}

/** Payload characters, also percent-encoded (%2D for «-», %41 for «A»). */
const payloadChars = stickyReader(
  /(?:[0-9A-Za-z_-]|%(?:2[Dd]|3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|5[Ff]|6[1-9A-Fa-f]|7[0-9Aa]))+/,
  (match) =>
    match.includes('%')
      ? match.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
          String.fromCharCode(parseInt(hex, 16)),
        )
      : match,
);

/** The characters of a web address as it stands in text. */
const urlChars = stickyReader(/[^\s<>"]+/, (match) => match);

interface Run {
  text: string;
  /** The text so far at each line end where the run went on; shortest first. */
  cuts: string[];
  endLine: number;
  endOffset: number;
  lines: number;
}

/**
 * Reads token characters from (li, at). At the end of a line the run goes on at the start of the
 * next line's text when that line has the same quote depth and indent and begins with a token
 * character. Inside «<…>» the closing «>» marks the end for certain.
 */
function readRun(lines: Line[], li: number, at: number, read: Reader, angle: boolean): Run {
  let text = '';
  const cuts: string[] = [];
  let count = 1;
  for (;;) {
    const line = lines[li]!;
    let j = at;
    const r = read(line.text, j);
    if (r) {
      text += r.chars;
      j += r.length;
    }
    const next = lines[li + 1];
    const atEnd = j >= line.text.trimEnd().length;
    if (
      !atEnd ||
      !next ||
      next.key !== line.key ||
      count >= 64 ||
      !read(next.text, next.contentStart)
    ) {
      const closed = angle && line.text[j] === '>';
      return { text, cuts: closed ? [] : cuts, endLine: li, endOffset: j, lines: count };
    }
    if (text !== '') cuts.push(text);
    li++;
    at = next.contentStart;
    count++;
  }
}

function cutShortAfter(lines: Line[], run: Run): boolean {
  const rest = lines[run.endLine]!.text.slice(run.endOffset);
  return /^\s?(?:…|\.\.\.)/.test(rest);
}

/** The link is inside «<…>» when the address it belongs to follows a «<» on its line. */
function inAngleBrackets(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && !/[\s<>"]/.test(text[k - 1]!)) k--;
  return text[k - 1] === '<';
}

// ---------------------------------------------------------------------------------------------
// Searching

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The fragment as a pattern that also matches its characters percent-encoded (%23 for #). */
function fragmentPattern(fragment: string): RegExp {
  const parts = [...fragment].map((c) => {
    if (/[0-9A-Za-z]/.test(c)) return escapeRegExp(c);
    const hex = c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    const pct = `%${hex[0]}[${hex[1]}${hex[1]!.toLowerCase()}]`;
    return `(?:${escapeRegExp(c)}|${pct})`;
  });
  return new RegExp(parts.join(''), 'g');
}

const ADDRESS_START = /https?:\/\//gi;

type Range = [number, number];

function searchLines(
  lines: Line[],
  fragment: string,
  opaque: OpaqueLink[],
  depth: number,
): RawFinding[] {
  const found: RawFinding[] = [];
  /** Stretches of lines already read as a rewritten address: the fragment inside is done. */
  const taken = new Map<number, Range[]>();
  const take = (li: number, range: Range) => {
    const list = taken.get(li) ?? [];
    list.push(range);
    taken.set(li, list);
  };
  const isTaken = (li: number, at: number) =>
    (taken.get(li) ?? []).some(([from, to]) => at >= from && at < to);

  // Rewritten addresses first: unwrap them and search what they hold.
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    for (const m of line.text.matchAll(ADDRESS_START)) {
      const start = m.index;
      if (isTaken(li, start)) continue;
      const run = readRun(lines, li, start, urlChars, inAngleBrackets(line.text, start));
      const unwrapped = unwrap(run.text);
      if (!unwrapped) continue;
      if (unwrapped.kind === 'opaque') {
        if (!fragmentPattern(fragment).test(run.text)) {
          opaque.push({
            wrappedBy: 'mimecast',
            line: lineNumber(line, start),
            domain: unwrapped.domain,
          });
        }
        continue;
      }
      markRun(lines, li, start, run, take);
      if (depth >= MAX_UNWRAP_DEPTH) continue;
      const inner = searchLines(toLines(unwrapped.url), fragment, opaque, depth + 1);
      for (const f of inner) {
        found.push({
          ...f,
          line: lineNumber(line, start),
          at: [li, start],
          wrappedBy: unwrapped.wrapper,
          brokenOverLines: f.brokenOverLines || run.lines > 1,
        });
      }
    }
  }

  // Then the fragment wherever it stands, also when a line break fell inside it.
  const pattern = fragmentPattern(fragment);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const starts: { at: number; payloadLine: number; payloadAt: number }[] = [];
    for (const m of line.text.matchAll(pattern)) {
      starts.push({ at: m.index, payloadLine: li, payloadAt: m.index + m[0].length });
    }
    const split = splitFragment(lines, li, fragment);
    if (split) starts.push(split);
    for (const { at, payloadLine, payloadAt } of starts) {
      if (isTaken(li, at)) continue;
      const run = readRun(
        lines,
        payloadLine,
        payloadAt,
        payloadChars,
        inAngleBrackets(line.text, at),
      );
      if (run.text === '') continue;
      found.push({
        candidates: [run.text, ...run.cuts.filter((c) => c !== run.text).reverse()],
        line: lineNumber(line, at),
        at: [li, at],
        wrappedBy: null,
        brokenOverLines: run.lines > 1 || payloadLine !== li,
        cutShort: cutShortAfter(lines, run),
      });
    }
  }
  return found;
}

/** A line that ends with the start of the fragment, the next line going on with the rest. */
function splitFragment(
  lines: Line[],
  li: number,
  fragment: string,
): { at: number; payloadLine: number; payloadAt: number } | null {
  const text = lines[li]!.text.trimEnd();
  const next = lines[li + 1];
  if (!next || next.key !== lines[li]!.key) return null;
  for (let k = 1; k < fragment.length; k++) {
    if (
      text.endsWith(fragment.slice(0, k)) &&
      next.text.startsWith(fragment.slice(k), next.contentStart)
    ) {
      return {
        at: text.length - k,
        payloadLine: li + 1,
        payloadAt: next.contentStart + fragment.length - k,
      };
    }
  }
  return null;
}

function markRun(
  lines: Line[],
  li: number,
  start: number,
  run: Run,
  take: (li: number, range: Range) => void,
) {
  for (let k = li; k <= run.endLine; k++) {
    const from = k === li ? start : lines[k]!.contentStart;
    const to = k === run.endLine ? run.endOffset : lines[k]!.text.length;
    take(k, [from, to]);
  }
}

// ---------------------------------------------------------------------------------------------
// Rewritten links

type Unwrapped =
  { kind: 'url'; wrapper: LinkWrapper; url: string } | { kind: 'opaque'; domain: string | null };

/** Percent-decoding that leaves a broken «%» sequence as it is instead of failing. */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (seq) => {
    try {
      return decodeURIComponent(seq);
    } catch {
      return seq;
    }
  });
}

/** A query parameter's raw (still encoded) value; `&amp;` from HTML counts as `&`. */
function queryParam(url: string, name: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  for (const pair of url
    .slice(q + 1)
    .replace(/&amp;/g, '&')
    .split('&')) {
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
}

function hostAndPath(url: string): { host: string; path: string } | null {
  const m = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  return m ? { host: m[1]!.toLowerCase(), path: m[2]! } : null;
}

function unwrap(url: string): Unwrapped | null {
  const where = hostAndPath(url);
  if (!where) return null;
  const { host, path } = where;
  const inner = (wrapper: LinkWrapper, value: string | null): Unwrapped | null =>
    value === null ? null : { kind: 'url', wrapper, url: value };

  if (/(?:^|\.)safelinks\.protection\.outlook\.com$/.test(host)) {
    const value = queryParam(url, 'url');
    return inner('safelinks', value === null ? null : percentDecode(value));
  }
  if (/^(?:www\.)?google\.[a-z.]+$/.test(host) && path === '/url') {
    const value = queryParam(url, 'q') ?? queryParam(url, 'url');
    return inner('google', value === null ? null : percentDecode(value));
  }
  if (/^urldefense(?:\.proofpoint)?\.com$/.test(host)) {
    if (/^\/v1\/url/.test(path)) {
      const value = queryParam(url, 'u');
      return inner('proofpoint', value === null ? null : percentDecode(value));
    }
    if (/^\/v2\/url/.test(path)) {
      const value = queryParam(url, 'u');
      // v2 writes «%» as «-» and «/» as «_» before percent-decoding.
      return inner(
        'proofpoint',
        value === null ? null : percentDecode(value.replace(/-/g, '%').replace(/_/g, '/')),
      );
    }
    if (/^\/v3\/__/.test(path)) return inner('proofpoint', decodeProofpointV3(url));
    return null;
  }
  if (/(?:^|\.)mimecast\.com$/.test(host) && path.startsWith('/s/')) {
    const domain = queryParam(url, 'domain');
    return { kind: 'opaque', domain: domain === null ? null : percentDecode(domain) };
  }
  return null;
}

/**
 * Proofpoint URL Defense v3: https://urldefense.com/v3/__<address>__;<base64url>!!<signature>$
 * Characters it replaced in the address stand as «*» (one) or «**X» (a run: X = A…Z, a…z, 0…9,
 * -, _ for 2 to 65), and the replaced characters follow «__;» in base64url of their UTF-8.
 */
function decodeProofpointV3(url: string): string | null {
  const m = /\/v3\/__(.+?)__;([A-Za-z0-9_-]*)!/.exec(url);
  if (!m) return null;
  const replaced = [...utf8FromBase64Url(m[2]!)];
  const address = percentDecode(m[1]!.replace(/^([a-z0-9+.-]+:\/)(?!\/)/i, '$1/'));
  const RUN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let marker = 0;
  let ok = true;
  const out = address.replace(/\*(\*.)?/g, (token: string, run: string | undefined) => {
    const length = run ? RUN.indexOf(run[1]!) + 2 : 1;
    if (length < 1 || marker + length > replaced.length) {
      ok = false;
      return token;
    }
    const chars = replaced.slice(marker, marker + length).join('');
    marker += length;
    return chars;
  });
  return ok ? out : null;
}

function utf8FromBase64Url(text: string): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) break;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

// ---------------------------------------------------------------------------------------------
// The same payload found more than once

function merge(findings: RawFinding[], maxLinks: number): { links: FoundLink[]; limited: boolean } {
  const links: FoundLink[] = [];
  /** Per link: every reading seen, and the readings that every occurrence offered. */
  const readings = new Map<FoundLink, { all: Set<string>; common: Set<string> }>();
  const byCandidate = new Map<string, FoundLink>();
  const longestFirst = (a: string, b: string) => b.length - a.length;
  let limited = false;
  for (const f of findings) {
    const same = f.candidates.map((c) => byCandidate.get(c)).find((l) => l !== undefined);
    if (same) {
      const r = readings.get(same)!;
      for (const c of f.candidates) r.all.add(c);
      const common = [...r.common].filter((c) => f.candidates.includes(c));
      if (common.length > 0) r.common = new Set(common);
      // The readings all occurrences share come first: a link seen whole in one message and
      // wrapped in a quote of it is read as the whole one.
      const first = [...r.common].sort(longestFirst);
      const rest = [...r.all].filter((c) => !r.common.has(c)).sort(longestFirst);
      const ordered = [...first, ...rest];
      same.payload = ordered[0]!;
      same.alternatives = ordered.slice(1);
      same.occurrences++;
      same.cutShort &&= f.cutShort;
      for (const c of f.candidates) byCandidate.set(c, same);
      continue;
    }
    if (links.length >= maxLinks) {
      limited = true;
      break;
    }
    const link: FoundLink = {
      payload: f.candidates[0]!,
      alternatives: f.candidates.slice(1),
      line: f.line,
      wrappedBy: f.wrappedBy,
      brokenOverLines: f.brokenOverLines,
      cutShort: f.cutShort,
      occurrences: 1,
    };
    links.push(link);
    readings.set(link, { all: new Set(f.candidates), common: new Set(f.candidates) });
    for (const c of f.candidates) byCandidate.set(c, link);
  }
  return { links, limited };
}
