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
// Zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator, and the
// bidirectional marks/embeddings/isolates (they break matching and allow display spoofing);
// ZWJ/ZWNJ (U+200C/D) stay: emoji sequences and some scripts need them.
const INVISIBLE = /^[\u200B\u2060\uFEFF\u00AD\u180E\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;
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
  // One pass over the raw text. Each cluster is mapped (pass 1: NFC, newlines, spaces,
  // invisibles, quotes) and every resulting code unit goes straight into the whitespace
  // collapsing (pass 2: spaces per line, blank lines, edges), which writes code units into
  // a typed array; the offset map gets an anchor wherever the raw offsets of the output
  // stop running on by one.
  let cap = raw.length + 16;
  let outCodes = new Uint16Array(cap);
  let outLen = 0;
  const anchors: [number, number][] = [];
  let lastRaw = -2;
  const emit = (code: number, r: number) => {
    if (outLen === cap) {
      cap *= 2;
      const grown = new Uint16Array(cap);
      grown.set(outCodes);
      outCodes = grown;
    }
    if (outLen === 0 || r !== lastRaw + 1) anchors.push([outLen, r]);
    outCodes[outLen++] = code;
    lastRaw = r;
  };
  let curEnd = 0; // raw end of the cluster being fed
  let lastEnd = 0; // raw end of the cluster of the last emitted character
  let pendingSpace = -1; // raw offset of a space waiting to be emitted
  let newlines = 0;
  // Raw offsets of the first two newlines of a run (at most two are kept).
  let newline0 = 0;
  let newline1 = 0;
  const feed = (code: number, r: number) => {
    if (code === 0x20) {
      if (pendingSpace < 0) pendingSpace = r;
      return;
    }
    if (code === 0x0a) {
      pendingSpace = -1; // trailing spaces of a line are dropped
      if (newlines === 0) newline0 = r;
      else if (newlines === 1) newline1 = r;
      newlines++;
      return;
    }
    if (newlines > 0) {
      if (outLen > 0) {
        emit(0x0a, newline0);
        if (newlines > 1) emit(0x0a, newline1);
      }
      newlines = 0;
      pendingSpace = -1; // leading spaces of a line are dropped
    }
    if (pendingSpace >= 0) {
      if (outLen > 0) emit(0x20, pendingSpace);
      pendingSpace = -1;
    }
    emit(code, r);
    lastEnd = curEnd;
  };
  for (let at = 0; at < raw.length; ) {
    // Fast path (same result, no regex): printable ASCII or a space not followed by a
    // combining mark (all \p{M} are >= U+0300) is its own cluster and maps to itself.
    const code = raw.charCodeAt(at);
    if (code >= 0x20 && code < 0x7f && !(raw.charCodeAt(at + 1) >= 0x300)) {
      curEnd = at + 1;
      feed(code, at);
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
    curEnd = at + cluster.length;
    // Within a cluster that changed length, every char points at the cluster start.
    for (let k = 0; k < out.length; k++) feed(out.charCodeAt(k), out.length === cluster.length ? at + k : at);
    at += cluster.length;
  }
  // The end of the text maps to the end of the last cluster (not into its combining marks).
  if (outLen > 0 && lastEnd !== lastRaw + 1) anchors.push([outLen, lastEnd]);
  let text = '';
  for (let i = 0; i < outLen; i += 8192) {
    text += String.fromCharCode.apply(null, outCodes.subarray(i, Math.min(outLen, i + 8192)) as unknown as number[]);
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
