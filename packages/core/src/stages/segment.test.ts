import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createNlp } from '../nlp';
import { keptParagraphs } from './segment';

const nlp = createNlp();

/** Rebuild the text from tokens and the gaps between them. */
function rebuild(text: string, offset: number): string {
  const { sentences } = nlp.parse(text, offset);
  let out = '';
  let cursor = offset;
  for (const s of sentences) {
    for (const t of s.tokens) {
      out += text.slice(cursor - offset, t.start - offset); // the gap
      expect(t.text).toBe(text.slice(t.start - offset, t.end - offset));
      out += t.text;
      cursor = t.end;
    }
  }
  return out + text.slice(cursor - offset);
}

describe('nlp.parse(text, offset)', () => {
  test.each([
    'Mr. Trump said he can\'t go.  It was "very useful" — said U.S. officials on Feb. 18, 2025.',
    "Kyiv's 20% share; email a@b.com 🙂 and https://example.com/x?y=1.",
    'No sentence end at all',
    'سلام 🙂 שלום. Ünïcödé tëxt… and "quotes".',
  ])('tokens plus gaps rebuild the text exactly: %s', (text) => {
    expect(rebuild(text, 17)).toBe(text);
  });

  test('property: tokens plus gaps rebuild any single-line text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const text = raw.replace(/\n/g, ' ');
        expect(rebuild(text, 0)).toBe(text);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('keptParagraphs(text, removed)', () => {
  test.each([
    ['no removals', 'a b\nc', [], ['a b', 'c']],
    ['a removed line', 'head\nbody one\nfoot', [{ start: 0, end: 4 }], ['body one', 'foot']],
    ['an inline removal keeps both sides', 'TEHRAN (X) – Text here.', [{ start: 0, end: 13 }], ['Text here.']],
    ['blank lines and spaces are trimmed', '\n\n  a  \n\n', [], ['a']],
  ])('%s', (_n, text, removed, expected) => {
    expect(keptParagraphs(text, removed).map((p) => text.slice(p.start, p.end))).toEqual(expected);
  });
});
