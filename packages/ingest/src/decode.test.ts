import { describe, expect, test } from 'vitest';
import { decodeBytes, decodeWindows1252, sniffBinary } from './decode';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const utf16be = (s: string): Uint8Array => {
  const le = utf16le(s);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1] as number;
    out[i + 1] = le[i] as number;
  }
  return out;
};
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));

describe('decodeBytes(bytes)', () => {
  test.each([
    ['UTF-8', utf8('Café “quotes” 🎉'), 'Café “quotes” 🎉', 'utf-8', []],
    ['UTF-8 with BOM (stripped)', cat([0xef, 0xbb, 0xbf], utf8('Hello')), 'Hello', 'utf-8', []],
    ['UTF-16LE with BOM', cat([0xff, 0xfe], utf16le('Grüße 😀')), 'Grüße 😀', 'utf-16le', []],
    ['UTF-16BE with BOM', cat([0xfe, 0xff], utf16be('Grüße 😀')), 'Grüße 😀', 'utf-16be', []],
    ['UTF-16LE without BOM', utf16le('Plain ASCII text in UTF-16'), 'Plain ASCII text in UTF-16', 'utf-16le', ['decoded as utf-16le (no byte-order mark)']],
    ['Windows-1252 smart quotes', Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9]), '“Hi” – €5 café', 'windows-1252', ['decoded as windows-1252 (not valid UTF-8)']],
    ['Latin-1', Uint8Array.from([0x4d, 0x6f, 0x6e, 0x74, 0x72, 0xe9, 0x61, 0x6c]), 'Montréal', 'windows-1252', ['decoded as windows-1252 (not valid UTF-8)']],
  ])('%s', (_name, bytes, text, encoding, warnings) => {
    const r = decodeBytes(bytes);
    expect(r).toEqual({ ok: true, text, encoding, warnings });
  });

  test.each([
    ['empty', new Uint8Array(0), 'empty file'],
    ['PNG', PNG, 'binary file (looks like PNG image), not text'],
    ['JPEG', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'binary file (looks like JPEG image), not text'],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), 'binary file (looks like PDF document), not text'],
    ['ZIP/docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'binary file (looks like ZIP archive, e.g. .docx/.xlsx/.epub), not text'],
    ['gzip', Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'binary file (looks like gzip archive), not text'],
    ['NUL bytes', utf8('abc\u0000def\u0000\u0000ghi'), 'binary file (contains NUL bytes), not text'],
    ['UTF-32', Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'UTF-32 text is not supported; save the file as UTF-8'],
  ])('%s -> rejected', (_name, bytes, reason) => {
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason });
  });

  test('control characters over 10% -> binary', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41));
    expect(sniffBinary(bytes)).toBe('binary file (25% control characters), not text');
  });

  test('tabs, newlines, form feeds and ESC are not control noise', () => {
    expect(sniffBinary(utf8('a\tb\r\nc\fd\u001b[0m'.repeat(20)))).toBeNull();
  });
});

describe('decodeWindows1252(bytes)', () => {
  test('maps every byte 0x80-0x9F per WHATWG (unlike Node\'s TextDecoder)', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(all).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });
  test('bytes below 0x80 and from 0xA0 are Latin-1', () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xe9, 0xff]))).toBe('A\u00a0éÿ');
  });
});

describe('decodeBytes: mostly valid UTF-8 with a few broken bytes', () => {
  test('stays UTF-8, replaces only the broken sequence, and warns', () => {
    const good = new TextEncoder().encode('Zelenskyy met Erdoğan in Ankara; “talks” in Kyiv — café, naïve, São Paulo. ');
    const bytes = new Uint8Array([...good, 0xff, ...good]);
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('Erdoğan');
    expect(r.text.split('\uFFFD')).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/1 invalid UTF-8 sequence/);
  });

  test('a Windows-1252 file (no valid multi-byte UTF-8) is still decoded as Windows-1252', () => {
    const r = decodeBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]));
    expect(r.ok && r.encoding).toBe('windows-1252');
    expect(r.ok && r.text).toBe('Café “ok”');
  });
});
