import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../nlp';
import { normalizeText } from '../normalize';
import { entityItems, sentenceItems, sentenceSentiment, squash, sumWeights, tokenRange } from './sentiment';

const nlp = createNlp();
const toks = (s: string) => nlp.parse(normalizeText(s).text, 0).sentences.flatMap((x) => x.tokens);
const score = (s: string) => sentenceSentiment(toks(s), lexicons).value;

describe('sentenceSentiment', () => {
  test.each([
    { name: 'positive word', text: 'The meeting was good.', sign: 1 },
    { name: 'negative word', text: 'The meeting was a disaster for diplomacy and a betrayal.', sign: -1 },
    { name: 'negation flips', text: 'The meeting was not good.', sign: -1 },
    { name: "contracted negation flips", text: "The plan isn't bad.", sign: 1 },
    { name: 'no evaluative words', text: 'The delegation arrived in Riyadh on Tuesday.', sign: 0 },
    { name: 'topic words are not outlet tone', text: 'The war killed thousands of soldiers.', sign: 0 },
    { name: 'contrast: the clause after "but" dominates', text: 'The talks were good but the outcome was terrible.', sign: -1 },
    { name: 'contrast the other way', text: 'The talks were terrible but the outcome was good.', sign: 1 },
  ])('$name', ({ text, sign }) => {
    expect(Math.sign(score(text))).toBe(sign);
  });

  test.each([
    { name: 'booster', base: 'The deal is good.', mod: 'The deal is very good.', larger: true },
    { name: 'dampener', base: 'The deal is good.', mod: 'The deal is slightly good.', larger: false },
  ])('$name changes magnitude', ({ base, mod, larger }) => {
    expect(Math.abs(score(mod)) > Math.abs(score(base))).toBe(larger);
  });

  test('value is squash(sum of evidence weights) and topic evidence weighs 0', () => {
    const t = toks('Critics called the war a shameful betrayal.');
    const items = sentenceItems(t, lexicons);
    expect(items.find((i) => i.rule === 'topic:war')?.weight).toBe(0);
    expect(items.some((i) => i.rule === 'vader:betrayal')).toBe(true);
    expect(sentenceSentiment(t, lexicons).value).toBeCloseTo(squash(sumWeights(items)), 12);
  });
});

describe('entityItems', () => {
  test.each([
    { text: 'Putin praised Trump, but Zelenskyy condemned the terrible deal.', target: 'Zelenskyy', sign: -1 },
    { text: 'Putin praised Trump, but Zelenskyy condemned the terrible deal.', target: 'Trump', sign: 1 },
  ])('$target in "$text"', ({ text, target, sign }) => {
    const t = toks(text);
    const at = text.indexOf(target);
    const r = tokenRange(t, at, at + target.length)!;
    const items = entityItems(t, sentenceItems(t, lexicons), [r]);
    expect(Math.sign(sumWeights(items))).toBe(sign);
  });
});
