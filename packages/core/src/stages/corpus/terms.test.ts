import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../../nlp';
import { compileTerms, findTerms, inDatelineOrByline, variantKind } from './terms';

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
  test.each([
    ['tax-cut-naming', 'tax cut', 'tax cuts', true],
    ['immigrant-naming', 'illegal alien', 'illegal aliens', true],
    ['immigrant-naming', 'illegal immigrant', 'migrant', false],
    ['talks-naming', 'talk', 'negotiation', false],
  ])('%s: "%s" and "%s" are one surface by their lemmas: %s', (concept, a, b, same) => {
    expect(idx.lemmaKey.get(`${concept}/${a}`) === idx.lemmaKey.get(`${concept}/${b}`)).toBe(same);
  });
  test('every entry has a source and paraphrase concepts are kept out of the contested set', () => {
    for (const e of lexicons.terms.entries) expect(e.source.length).toBeGreaterThan(0);
    expect(idx.contested.has('war-naming')).toBe(true);
    expect(idx.contested.has('accept-paraphrase')).toBe(false);
  });
});

describe('term choices across topics', () => {
  test.each([
    ['Officials detained several undocumented immigrants at the border.', 'immigrant-naming', 'undocumented immigrant'],
    ['He promised to deport every illegal alien.', 'immigrant-naming', 'illegal alien'],
    ['The funding for the border wall stalled again.', 'border-barrier-naming', 'border wall'],
    ['The anti-abortion group marched in Washington.', 'abortion-opponents-naming', 'anti-abortion'],
    ['Democrats pushed for gun safety legislation.', 'gun-policy-naming', 'gun safety'],
    ['Republicans want to repeal the death tax.', 'estate-tax-naming', 'death tax'],
    ['The climate crisis is accelerating.', 'climate-naming', 'climate crisis'],
    ['Police said the riot began after midnight.', 'protest-naming', 'riot'],
    ['The Senate probe widened on Tuesday.', 'investigation-naming', 'probe'],
  ])('%s -> %s / %s', (text, concept, surface) => {
    expect(find(text)).toContainEqual(expect.objectContaining({ concept_id: concept, surface }));
  });
});

describe('spelling and entity variants (the filter for substitutions in aligned sentences)', () => {
  const tok = (text: string, pos: string) => ({ text, norm: text.toLowerCase(), lemma: text.toLowerCase(), pos, start: 0, end: text.length, kind: 'word', stop: false });
  test.each([
    ['defence', 'defense', 'NOUN', null, null, 'spelling'],
    ['organised', 'organized', 'VERB', null, null, 'spelling'],
    ['honour', 'honor', 'NOUN', null, null, 'spelling'],
    ['Kiev', 'Kyiv', 'PROPN', null, null, 'spelling'],
    ['Sergei', 'Sergey', 'PROPN', 'person:sergei-lavrov', 'person:sergei-lavrov', 'entity'],
    ['Mike', 'Michael', 'PROPN', 'person:mike-waltz', 'person:mike-waltz', 'entity'],
    ['add', 'elizabeth', 'VERB', null, null, null],
    ['Joe', 'president', 'PROPN', 'person:joe-biden', null, null],
    ['phone', 'recent', 'NOUN', null, null, null],
    ['trip', 'visit', 'NOUN', null, null, null],
  ])('%s / %s -> %s', (a, b, pos, ea, eb, want) => {
    expect(variantKind(tok(a, pos), tok(b, pos), ea, eb)).toBe(want);
  });

  test.each([
    ['WASHINGTON (Reuters) - Democrat Nancy Pelosi vowed', 0, 10, true],
    ['BEIJING — President Obama tried to downplay', 0, 7, true],
    ['By Jane Doe', 3, 7, true],
    ['The Washington talks went on.', 4, 14, false],
  ])('dateline or byline: %s [%i, %i) -> %s', (text, start, end, want) => {
    expect(inDatelineOrByline(text, start, end)).toBe(want);
  });
});
test.each([['Iran', 'Iraq'], ['Biden', 'Bidenomics']])('different names are not spelling variants: %s / %s', (a, b) => {
  const tok = (text: string) => ({ text, norm: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'PROPN', start: 0, end: text.length, kind: 'word', stop: false });
  expect(variantKind(tok(a), tok(b), null, null)).toBeNull();
});
