import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../nlp';
import { compileTerms, findTerms } from './terms';

const nlp = createNlp();
const idx = compileTerms(lexicons.terms, nlp);
const find = (text: string) => {
  const toks = nlp.parse(text, 0).sentences.flatMap((s) => s.tokens);
  return findTerms(toks, idx).map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
};

describe('findTerms(tokens, index)', () => {
  test.each([
    ['Russia calls it a special military operation.', 'war-naming', 'special military operation', 'special military operation'],
    ["Russia's invasion of Ukraine", 'war-naming', 'invasion', 'invasion'],
    ['the conflict in Ukraine', 'war-naming', 'conflict', 'conflict'],
    ['He flew to Kiev.', 'kyiv-spelling', 'kiev', 'Kiev'],
    ['He flew to Kyiv.', 'kyiv-spelling', 'kyiv', 'Kyiv'],
    ['The negotiations resumed.', 'talks-naming', 'negotiation', 'negotiations'],
    ['The talks resumed.', 'talks-naming', 'talk', 'talks'],
    ['territory annexed by Moscow', 'territory-status', 'annexed', 'annexed'],
    ['land under Russian control', 'territory-status', 'under russian control', 'under Russian control'],
    ['a hasty peace deal', 'settlement-naming', 'peace deal', 'peace deal'],
  ])('%s -> %s / %s', (text, concept, surface, span) => {
    expect(find(text)).toContainEqual(expect.objectContaining({ concept_id: concept, surface, text: span }));
  });
  test('a part-of-speech restriction holds: the verb "talk" is not the noun "talks"', () => {
    expect(find('They will talk to Russian officials.').filter((m) => m.concept_id === 'talks-naming')).toEqual([]);
  });
  test('every entry has a source and paraphrase concepts are kept out of the contested set', () => {
    for (const e of lexicons.terms.entries) expect(e.source.length).toBeGreaterThan(0);
    expect(idx.contested.has('war-naming')).toBe(true);
    expect(idx.contested.has('accept-paraphrase')).toBe(false);
  });
});
