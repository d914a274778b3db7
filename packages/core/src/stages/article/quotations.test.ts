import { describe, expect, test } from 'vitest';
import { normalizeText } from '../../normalize';
import { findQuotations } from './quotations';

/** Paragraphs = lines of the normalized text. */
function spans(raw: string) {
  const text = normalizeText(raw).text;
  const paras: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.length) paras.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return findQuotations(text, paras).map((q) => ({ text: text.slice(q.start, q.end), depth: q.depth, continued: q.continued, open: q.open }));
}

describe('findQuotations', () => {
  test.each([
    { name: 'curly', raw: 'He said “we will win.”', want: [{ text: 'we will win.', depth: 0 }] },
    { name: 'guillemets', raw: 'He said «we will win.»', want: [{ text: 'we will win.', depth: 0 }] },
    { name: 'German low-high', raw: 'Er sagte „wir gewinnen.“', want: [{ text: 'wir gewinnen.', depth: 0 }] },
    { name: 'a quote spanning sentences', raw: 'He said, "We agreed. Then we left." And so on.', want: [{ text: 'We agreed. Then we left.', depth: 0 }] },
    { name: 'nested single quotes', raw: '"One grabbed my arm and said, \'Get out of here,\' and ran," he said.', want: [{ text: "One grabbed my arm and said, 'Get out of here,' and ran,", depth: 0 }, { text: 'Get out of here,', depth: 1 }] },
    { name: 'apostrophes are not marks', raw: '"Trump\'s plan isn\'t ours," she said.', want: [{ text: "Trump's plan isn't ours,", depth: 0 }] },
  ])('$name', ({ raw, want }) => {
    expect(spans(raw).map(({ text, depth }) => ({ text, depth }))).toEqual(want);
  });

  test('a multi-paragraph quote: the open paragraph runs to its end, the next is continued', () => {
    const q = spans('Lavrov said, "The first part of it.\n"And the second part," he added.');
    expect(q).toEqual([
      { text: 'The first part of it.', depth: 0, continued: false, open: true },
      { text: 'And the second part,', depth: 0, continued: true, open: false },
    ]);
  });
});
