/**
 * Stage `normalize`: Unicode NFC, whitespace and quotation-mark normalization, with
 * an offset map back to the raw text (CONVENTIONS §1).
 *
 * - line breaks: CRLF / CR / U+2028 / U+2029 -> "\n"; more than one blank line -> one;
 * - spaces: tabs, NBSP and the other Unicode spaces -> " "; runs collapse to one;
 *   spaces at the start and end of a line are dropped;
 * - invisible characters (zero-width space, BOM, soft hyphen, word joiner) and C0/C1
 *   controls are dropped;
 * - quotation marks: every double style (“ ” „ ‟ « » 〝 〞 ＂) -> `"`, every single
 *   style (‘ ’ ‚ ‛ ‹ ›) -> `'` (apostrophes included), so later stages see one style.
 */
import type { OffsetMap } from './schema';

const DOUBLE_QUOTES = new Set(['“', '”', '„', '‟', '«', '»', '〝', '〞', '＂']);
const SINGLE_QUOTES = new Set(['‘', '’', '‚', '‛', '‹', '›']);
const INVISIBLE = /^[\u200B\u2060\uFEFF\u00AD\u180E]$/;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /^[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]$/;
const SPACE = /^[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]$/;
const NEWLINE = /^[\n\u2028\u2029\u0085]$/;

export interface Normalized {
  text: string;
  map: OffsetMap;
}

/** Clusters: a base code point plus following combining marks, so NFC never crosses a cluster. */
const CLUSTER = /\r\n|[\s\S]\p{M}*/uy;

export function normalizeText(raw: string): Normalized {
  // Pass 1: per-cluster NFC and character mapping; each output char remembers its raw offset.
  const chars: string[] = [];
  const rawAt: number[] = [];
  for (let at = 0; at < raw.length; ) {
    // Fast path (same result, no regex): printable ASCII or a space not followed by a
    // combining mark (all \p{M} are >= U+0300) is its own cluster and maps to itself.
    const code = raw.charCodeAt(at);
    if (code >= 0x20 && code < 0x7f && !(raw.charCodeAt(at + 1) >= 0x300)) {
      chars.push(raw[at]!);
      rawAt.push(at);
      at++;
      continue;
    }
    CLUSTER.lastIndex = at;
    const cluster = CLUSTER.exec(raw)![0];
    let out: string;
    if (cluster === '\r\n' || cluster === '\r' || NEWLINE.test(cluster)) out = '\n';
    else if (SPACE.test(cluster)) out = ' ';
    else if (INVISIBLE.test(cluster) || CONTROL.test(cluster)) out = '';
    else if (DOUBLE_QUOTES.has(cluster)) out = '"';
    else if (SINGLE_QUOTES.has(cluster)) out = "'";
    else out = cluster.normalize('NFC');
    for (let k = 0; k < out.length; k++) {
      chars.push(out[k]!);
      // Within a cluster that changed length, every char points at the cluster start.
      rawAt.push(out.length === cluster.length ? at + k : at);
    }
    at += cluster.length;
  }
  // Pass 2: whitespace collapsing (spaces per line, blank lines, edges).
  const outChars: string[] = [];
  const outRaw: number[] = [];
  let pendingSpace = -1; // raw offset of a space waiting to be emitted
  let newlines = 0;
  let newlineRaw: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ' ') {
      if (pendingSpace < 0) pendingSpace = rawAt[i]!;
      continue;
    }
    if (c === '\n') {
      pendingSpace = -1; // trailing spaces of a line are dropped
      newlines++;
      newlineRaw.push(rawAt[i]!);
      continue;
    }
    if (newlines > 0) {
      if (outChars.length > 0) {
        const n = Math.min(newlines, 2);
        for (let k = 0; k < n; k++) {
          outChars.push('\n');
          outRaw.push(newlineRaw[k]!);
        }
      }
      newlines = 0;
      newlineRaw = [];
      pendingSpace = -1; // leading spaces of a line are dropped
    }
    if (pendingSpace >= 0) {
      if (outChars.length > 0) {
        outChars.push(' ');
        outRaw.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    outChars.push(c);
    outRaw.push(rawAt[i]!);
  }
  const text = outChars.join('');
  const anchors: [number, number][] = [];
  for (let i = 0; i < outRaw.length; i++) {
    if (i === 0 || outRaw[i] !== outRaw[i - 1]! + 1) anchors.push([i, outRaw[i]!]);
  }
  return { text, map: { anchors, rawLength: raw.length } };
}

/** Map a normalized offset back to the raw text (for `end` offsets pass `end` itself). */
export function toRawOffset(map: OffsetMap, offset: number): number {
  if (map.anchors.length === 0) return 0;
  let lo = 0;
  let hi = map.anchors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.anchors[mid]![0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const [n, r] = map.anchors[lo]!;
  return Math.min(map.rawLength, r + (offset - n));
}
