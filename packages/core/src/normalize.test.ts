import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { normalizeText, toRawOffset } from './normalize';

describe('normalizeText(raw)', () => {
  test.each([
    ['curly double quotes', '“Peace,” he said.', '"Peace," he said.'],
    ['guillemets and low-9 quotes', '«Frieden» und „Krieg“', '"Frieden" und "Krieg"'],
    ['apostrophes and single quotes', 'Russia’s ‘top’ aide', "Russia's 'top' aide"],
    ['CRLF and CR line breaks', 'a\r\nb\rc', 'a\nb\nc'],
    ['runs of spaces, tabs and NBSP', 'a \t\u00A0 b', 'a b'],
    ['spaces at line edges', '  a  \n  b  ', 'a\nb'],
    ['many blank lines collapse to one', 'a\n\n\n\nb', 'a\n\nb'],
    ['zero-width and BOM characters vanish', '\uFEFFa\u200Bb\u00ADc', 'abc'],
    ['NFC composition', 'Zelenskyy cafe\u0301', 'Zelenskyy café'],
    ['emoji and RTL text are kept', 'سلام 🙂 שלום', 'سلام 🙂 שלום'],
    ['bidirectional controls vanish, ZWJ emoji stay', 'Putin\u200F \u202Eabc\u202C 👩\u200D💻', 'Putin abc 👩\u200D💻'],
    ['empty', '', ''],
    ['NFC that lengthens the text (composition exclusions)', '\u0958'.repeat(41), '\u0915\u093C'.repeat(41)],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeText(raw).text).toBe(expected);
  });

  test('the offset map points every normalized character back to its raw source', () => {
    const raw = '  “Kyiv”\r\n\r\n\r\nsaid  the\u00A0minister café\u0301.';
    const { text, map } = normalizeText(raw);
    for (let i = 0; i < text.length; i++) {
      const r = toRawOffset(map, i);
      const c = text[i]!;
      const rc = raw[r]!;
      // Either the same character, or a documented substitution.
      const ok = c === rc || (c === '"' && '“”'.includes(rc)) || (c === ' ' && /\s/.test(rc)) || (c === '\n' && /[\r\n]/.test(rc)) || c.normalize('NFD')[0] === rc;
      expect(ok, `text[${i}]=${JSON.stringify(c)} maps to raw[${r}]=${JSON.stringify(rc)}`).toBe(true);
    }
  });

  test.each([
    ['cafe\u0301', 4, 5],
    ['x cafe\u0301', 6, 7],
    ['ab', 2, 2],
  ])('the end of %j maps to the end of its last raw cluster', (raw, end, rawEnd) => {
    const { text, map } = normalizeText(raw);
    expect(text.length).toBe(end);
    expect(toRawOffset(map, end)).toBe(rawEnd);
  });

  // Fast on a loaded machine (it took 5.7 s, over Vitest's default timeout): fast-check's
  // built-in `unit: 'binary'` spends seconds building its tables on first use, so the same
  // range (every code point, lone surrogates included) comes from a plain integer unit; and
  // the checks are plain, one thrown error per failing case, not an expect() per offset.
  // The explicit timeout is a safety net, not a speed check.
  const ANY_CODE_POINT = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
  test('property: output is NFC, never has double spaces, and every offset maps inside the raw text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: ANY_CODE_POINT, maxLength: 300 }), (raw) => {
        const { text, map } = normalizeText(raw);
        const problems: string[] = [];
        if (text !== text.normalize('NFC')) problems.push('not NFC');
        if (/ {2}|\n{3}|^[ \n]|[ \n]$/.test(text)) problems.push('double space, triple newline or untrimmed edge');
        for (let i = 0; i <= text.length; i++) {
          const r = toRawOffset(map, i);
          if (!(r >= 0 && r <= raw.length)) problems.push(`offset ${i} maps to ${r}, outside 0..${raw.length}`);
        }
        if (problems.length > 0) throw new Error(`${JSON.stringify(raw)}: ${problems.slice(0, 5).join('; ')}`);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
