import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../../nlp';
import { diffSentences } from './diffs';
import { compileTerms } from './terms';

const nlp = createNlp();
const idx = compileTerms(lexicons.terms, nlp);
function side(articleText: string, sentence: string) {
  const start = articleText.indexOf(sentence);
  return { text: sentence, start, tokens: nlp.parse(sentence, start).sentences.flatMap((s) => s.tokens) };
}

describe('diffSentences(claim, a, b)', () => {
  const A = 'Intro line. The talks aimed at ending the war in Ukraine began in Riyadh.';
  const B = 'Other text here. The negotiations aimed at ending the conflict in Ukraine began in Riyadh.';
  const a = side(A, 'The talks aimed at ending the war in Ukraine began in Riyadh.');
  const b = side(B, 'The negotiations aimed at ending the conflict in Ukraine began in Riyadh.');
  const d = diffSentences('c0', 'a:s1', 'b:s1', a, b, idx);

  test('parts carry offsets into both articles that slice back to their text', () => {
    for (const p of d.parts) {
      if (p.a) expect(A.slice(p.a.start, p.a.end)).toBe(p.text);
      if (p.b) expect(B.slice(p.b.start, p.b.end)).toBe(p.text);
      expect(p.a === null).toBe(p.op === 'insert');
      expect(p.b === null).toBe(p.op === 'delete');
    }
    expect(d.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(a.text);
    expect(d.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(b.text);
  });

  test.each([
    ['talks', 'negotiations', 'talks-naming'],
    ['war', 'conflict', 'war-naming'],
  ])('substitution %s -> %s is tagged %s', (x, y, concept) => {
    const s = d.substitutions.find((q) => q.a_text === x);
    expect(s).toMatchObject({ b_text: y, concept_id: concept });
    expect(A.slice(s!.a.start, s!.a.end)).toBe(x);
    expect(B.slice(s!.b.start, s!.b.end)).toBe(y);
  });

  test('loose paraphrases give no substitutions (only in-place replacements count)', () => {
    const X = 'This meeting is considered the most significant between the two sides since the invasion.';
    const Y = 'The Saudi-brokered meeting marks the highest-level negotiations on ending the war.';
    const loose = diffSentences('c0', 'a:s0', 'b:s0', side(X, X), side(Y, Y), idx);
    expect(loose.substitutions).toEqual([]);
  });

  test('identical sentences give one equal part and no substitutions', () => {
    const same = diffSentences('c0', 'a:s1', 'b:s1', a, { ...a }, idx);
    expect(same.parts.map((p) => p.op)).toEqual(['equal']);
    expect(same.substitutions).toEqual([]);
  });
});
