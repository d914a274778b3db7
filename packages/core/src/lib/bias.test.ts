import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../nlp';
import { biasFeatures, sentenceBias, sigmoid } from './bias';

const nlp = createNlp();
const parse = (text: string) => ({ text, tokens: nlp.parse(text, 0).sentences.flatMap((s) => s.tokens) });

describe('sentenceBias(tokens, lexicons, text)', () => {
  test.each([
    'The senator voted against the bill on Tuesday.',
    'This disgraceful, reckless scheme is a shameful betrayal of voters!',
    'Officials said 12 people were injured in the blast.',
  ])('value = sigmoid(Σ evidence weights) and every item spans its text: %s', (s) => {
    const { text, tokens } = parse(s);
    const { value, items } = sentenceBias(tokens, lexicons, text);
    expect(value).toBeCloseTo(sigmoid(items.reduce((a, e) => a + e.weight, 0)), 12);
    expect(items[0]!.rule).toBe('bias-model:bias:intercept');
    for (const it of items) expect(text.slice(it.start, it.end)).toBe(it.text);
  });

  test('opinionated wording scores above neutral reporting of the same event', () => {
    const neutral = parse('The governor signed the budget bill on Monday, officials said.');
    const loaded = parse('The governor rammed through a reckless, disastrous budget that betrays taxpayers.');
    expect(sentenceBias(loaded.tokens, lexicons, loaded.text).value).toBeGreaterThan(sentenceBias(neutral.tokens, lexicons, neutral.text).value);
  });

  test('features: names, numbers and Recasens list words; the words of "criminal justice" are no bias-lexicon or loaded hit', () => {
    const { tokens } = parse('Yesterday John Smith said 40 people attacked the criminal justice system.');
    const f = biasFeatures(tokens, lexicons).map((h) => h.feature);
    expect(f).toEqual(expect.arrayContaining(['shape:name', 'shape:number', 'lex:bias', 'vader:neg']));
    const crim = parse('They want criminal justice reform.');
    const at = crim.tokens.findIndex((t) => t.norm === 'criminal');
    const onPhrase = biasFeatures(crim.tokens, lexicons).filter((h) => (h.feature.startsWith('lex:') || h.feature.startsWith('loaded:')) && h.from <= at + 1 && h.to > at);
    expect(onPhrase).toEqual([]);
  });
});
