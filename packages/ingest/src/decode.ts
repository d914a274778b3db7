/**
 * Bytes -> text, browser-safe (TextDecoder + chardet; no Buffer). Windows-1252 is
 * decoded with our own table: Node's TextDecoder('windows-1252') decodes
 * 0x80-0x9F as C1 controls (Latin-1), which turns “smart quotes” into garbage,
 * and iconv-lite needs Node's Buffer.
 */
import { analyse } from 'chardet';

export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; reason: string };

/** Windows-1252 code points for bytes 0x80-0x9F (undefined bytes map to the C1 control, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    const codes = new Uint16Array(slice.length);
    for (let j = 0; j < slice.length; j++) {
      const b = slice[j] as number;
      codes[j] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const MAGIC: readonly [string, (b: Uint8Array) => boolean][] = [
  ['PNG image', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['JPEG image', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['GIF image', (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38])],
  ['WebP image', (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 4) === 'WEBP'],
  ['TIFF image', (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])],
  ['PDF document', (b) => ascii(b, 0, 5) === '%PDF-'],
  ['ZIP archive, e.g. .docx/.xlsx/.epub', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])],
  ['gzip archive', (b) => startsWith(b, [0x1f, 0x8b])],
  ['7-Zip archive', (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['RAR archive', (b) => ascii(b, 0, 4) === 'Rar!'],
  ['SQLite database', (b) => ascii(b, 0, 15) === 'SQLite format 3'],
  ['ELF executable', (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46])],
  ['Windows executable', (b) => ascii(b, 0, 2) === 'MZ' && b.includes(0)],
  ['MP4/QuickTime video', (b) => ascii(b, 4, 4) === 'ftyp'],
  ['MP3 audio', (b) => ascii(b, 0, 3) === 'ID3'],
  ['Ogg media', (b) => ascii(b, 0, 4) === 'OggS'],
  ['WOFF font', (b) => ascii(b, 0, 4) === 'wOFF' || ascii(b, 0, 4) === 'wOF2'],
];

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}
function ascii(b: Uint8Array, at: number, len: number): string {
  return b.length >= at + len ? String.fromCharCode(...b.subarray(at, at + len)) : '';
}

/** A reason when the bytes look like a binary file rather than text, else null. BOM-less UTF-16 is not binary. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [label, test] of MAGIC) if (test(bytes)) return `binary file (looks like ${label}), not text`;
  const head = bytes.subarray(0, 65536);
  let nul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  if (nul > 0 && utf16Guess(head) === null) return 'binary file (contains NUL bytes), not text';
  if (head.length >= 16 && control / head.length > 0.1) {
    return `binary file (${Math.round((100 * control) / head.length)}% control characters), not text`;
  }
  return null;
}

/** BOM-less UTF-16: mostly-ASCII text has a NUL in every other byte. */
function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length < 4 || b.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < b.length; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = b.length / 2;
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, be: boolean): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let b = bytes;
  if (b.length % 2 !== 0) {
    warnings.push('UTF-16 file has an odd number of bytes; the last byte was dropped');
    b = b.subarray(0, b.length - 1);
  }
  if (be) {
    const swapped = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i += 2) {
      swapped[i] = b[i + 1] as number;
      swapped[i + 1] = b[i] as number;
    }
    b = swapped;
  }
  const text = new TextDecoder('utf-16le').decode(b);
  const bad = countReplacement(text);
  if (bad > 0) warnings.push(`${bad} invalid UTF-16 sequence(s) replaced with U+FFFD`);
  return { text, warnings };
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Legacy encodings we trust chardet to tell apart from Windows-1252 (non-Latin scripts). */
const TRUSTED_LEGACY = new Set([
  'Shift_JIS', 'EUC-JP', 'EUC-KR', 'GB18030', 'Big5', 'ISO-2022-JP', 'ISO-2022-KR', 'ISO-2022-CN',
  'windows-1251', 'KOI8-R', 'ISO-8859-5', 'windows-1256', 'ISO-8859-6', 'windows-1255', 'ISO-8859-8',
  'ISO-8859-8-I', 'ISO-8859-7', 'windows-1253',
]);

/**
 * Decode a text file: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM (or an
 * unmistakable BOM-less pattern, with a warning); invalid UTF-8 -> a legacy
 * encoding detected by chardet (Windows-1252 unless it is confidently a
 * non-Latin one), always with a warning naming the encoding used.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, reason: 'UTF-32 text is not supported; save the file as UTF-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le', ...decodeUtf16(bytes.subarray(2), false) };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be', ...decodeUtf16(bytes.subarray(2), true) };

  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (!hasBom) {
    const binary = sniffBinary(bytes);
    if (binary !== null) return { ok: false, reason: binary };
    const guess = bytes.includes(0) ? utf16Guess(bytes.subarray(0, 65536)) : null;
    if (guess !== null) {
      const r = decodeUtf16(bytes, guess === 'utf-16be');
      return { ok: true, encoding: guess, text: r.text, warnings: [`decoded as ${guess} (no byte-order mark)`, ...r.warnings] };
    }
  }
  try {
    return { ok: true, encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), warnings: [] };
  } catch {
    // not valid UTF-8: fall through to detection
  }
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  const invalid = countReplacement(lenient);
  // Mostly valid UTF-8 with a few broken sequences (a bad paste, a truncated copy): keep
  // UTF-8 and mark the breaks, rather than garbling every accented letter as Windows-1252.
  // A legacy-encoded file has (almost) no valid multi-byte sequences at all.
  const validNonAscii = countValidNonAscii(lenient);
  if (hasBom || validNonAscii >= 4 * invalid) {
    return { ok: true, encoding: 'utf-8', text: lenient, warnings: [`${invalid} invalid UTF-8 sequence(s) replaced with U+FFFD`] };
  }
  const best = analyse(bytes.subarray(0, 1 << 20))[0];
  if (best && TRUSTED_LEGACY.has(best.name) && best.confidence >= 50) {
    try {
      const text = new TextDecoder(best.name.toLowerCase(), { fatal: true }).decode(bytes);
      return { ok: true, encoding: best.name, text, warnings: [`decoded as ${best.name} (not valid UTF-8; detected with ${best.confidence}% confidence)`] };
    } catch {
      // unsupported label or not actually that encoding: Windows-1252 below
    }
  }
  return { ok: true, encoding: 'windows-1252', text: decodeWindows1252(bytes), warnings: ['decoded as windows-1252 (not valid UTF-8)'] };
}

/** Non-ASCII characters other than U+FFFD (i.e. decoded from valid multi-byte UTF-8). */
function countValidNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd && !(c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
}
