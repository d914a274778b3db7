import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../nlp';
import { normalizeText } from '../normalize';
import { DEFAULT_PARAMS, entityItems, sentenceEvidence, sentenceItems, sentenceSentiment, squash, sumWeights, tokenRange } from './sentence-sentiment';

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
    { name: 'topic words count, at half weight', text: 'The war killed thousands of soldiers.', sign: -1 },
    { name: 'emoticon', text: 'See you tomorrow :)', sign: 1 },
    { name: 'negative emoticon', text: 'See you tomorrow :(', sign: -1 },
    { name: 'split emoticon (wink splits "=)")', text: 'See you tomorrow =)', sign: 1 },
    { name: 'emoji', text: 'Landed in Riyadh 👍', sign: 1 },
    { name: 'negative emoji, even without a space', text: 'Flight cancelled again😢', sign: -1 },
    { name: 'no emoticon inside a URL', text: 'Details at http://url_removed', sign: 0 },
    { name: 'idiom "bad ass"', text: 'His mohawk was bad ass.', sign: 1 },
    { name: 'sentence-initial greeting after a mention', text: '@anonymous Happy Birthday!', sign: 1 },
    { name: '"not so bad" is negated', text: 'The food was not so bad.', sign: 1 },
    { name: '"never been so happy" intensifies', text: 'I have never been so happy.', sign: 1 },
    { name: '"at least" does not negate', text: 'At least the food was good.', sign: 1 },
    { name: '"least" negates', text: 'It was the least fun I had all year.', sign: -1 },
    { name: 'job title is not sentiment', text: 'The special envoy arrived in Riyadh.', sign: 0 },
    { name: 'names are not sentiment', text: 'The aide Hope Hicks arrived in Washington.', sign: 0 },
    { name: 'HTML entity names are not words', text: 'Rates &gt; 5 percent', sign: 0 },
    { name: 'contrast: the clause after "but" dominates', text: 'The talks were good but the outcome was terrible.', sign: -1 },
    { name: 'contrast the other way', text: 'The talks were terrible but the outcome was good.', sign: 1 },
  ])('$name', ({ text, sign }) => {
    expect(Math.sign(score(text))).toBe(sign);
  });

  test.each([
    { name: 'booster', base: 'The deal is good.', mod: 'The deal is very good.', larger: true },
    { name: 'dampener', base: 'The deal is good.', mod: 'The deal is slightly good.', larger: false },
    { name: 'phrase dampener "kind of"', base: 'The deal is good.', mod: 'The deal is kind of good.', larger: false },
    { name: 'capitals in a mixed-case sentence', base: 'The deal is good.', mod: 'The deal is GOOD.', larger: true },
    { name: 'exclamation marks', base: 'The deal is good.', mod: 'The deal is good!!!', larger: true },
    { name: 'repeated question marks', base: 'The deal is good?', mod: 'The deal is good??', larger: true },
  ])('$name changes magnitude', ({ base, mod, larger }) => {
    expect(Math.abs(score(mod)) > Math.abs(score(base))).toBe(larger);
  });

  test('value is squash(sum of evidence weights); topic evidence weighs topicSentence × its valence', () => {
    const t = toks('Critics called the war a shameful betrayal.');
    const items = sentenceItems(t, lexicons);
    const war = items.find((i) => i.rule === 'topic:war')!;
    expect(war.kind).toBe('topic');
    expect(war.weight).toBeCloseTo(war.scored * DEFAULT_PARAMS.topicSentence, 12);
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

describe('sentenceItems evidence spans', () => {
  test.each([
    { text: 'See you tomorrow =)', span: '=)', rule: 'emoticon:=)' },
    { text: 'His mohawk was bad ass.', span: 'bad ass', rule: 'vader:bad ass' },
    { text: 'I love it <3', span: '<3', rule: 'emoticon:<3' },
    { text: 'So proud ❤️ today', span: '❤', rule: 'emoji:❤' },
  ])('$rule covers "$span"', ({ text, span, rule }) => {
    const norm = normalizeText(text).text;
    const it = sentenceItems(toks(text), lexicons).find((i) => i.rule === rule)!;
    expect(it.text).toBe(span);
    expect(norm.slice(it.start, it.end)).toBe(it.text);
  });

  test('learned news words count in sentence scope (newsSentence 1), except nouns; with 0 none are sentence evidence', () => {
    const t = toks('Smith was indicted after the allegation surfaced.');
    const items = sentenceItems(t, lexicons);
    const verb = items.find((i) => i.rule === 'news:indict')!;
    expect(verb.weight).toBeLessThan(0);
    expect(verb.weight).toBeCloseTo(verb.scored, 12);
    // A learned noun ("allegation", "percent") is what targets co-occur with: entity scope only.
    expect(items.find((i) => i.rule === 'news:allegation')!.weight).toBeCloseTo(0, 12);
    expect(sentenceEvidence(items).map((i) => i.rule)).toEqual(expect.arrayContaining(['news:indict']));
    expect(sentenceEvidence(items).map((i) => i.rule)).not.toContain('news:allegation');
    const off = sentenceItems(t, lexicons, { ...DEFAULT_PARAMS, newsSentence: 0 });
    expect(sentenceEvidence(off).some((i) => i.kind === 'news')).toBe(false);
  });
});

describe('entityItems factors', () => {
  const at = (t: ReturnType<typeof toks>, text: string, target: string) => {
    const i = text.indexOf(target);
    return tokenRange(t, i, i + target.length)!;
  };
  test.each([
    {
      name: "a speaker's own speech verb counts × speakerVerb",
      text: 'Kozyrev warned about the talks.', target: 'Kozyrev', rule: 'vader:warned', factor: DEFAULT_PARAMS.speakerVerb,
    },
    {
      name: 'a learned news word in the target\'s clause counts × newsEntity',
      text: 'The allegation against Smith surfaced.', target: 'Smith', rule: 'news:allegation', factor: DEFAULT_PARAMS.newsEntity / (1 + DEFAULT_PARAMS.distanceDecay),
    },
    {
      name: 'words inside a quote the target is not in count × quoteForEntity (and × otherClause)',
      text: 'Lavrov said: "The plan is terrible."', target: 'Lavrov', rule: 'vader:terrible', factor: DEFAULT_PARAMS.quoteForEntity * DEFAULT_PARAMS.otherClause / (1 + DEFAULT_PARAMS.distanceDecay * 4),
    },
  ])('$name', ({ text, target, rule, factor }) => {
    const t = toks(text);
    const items = sentenceItems(t, lexicons);
    const base = items.find((i) => i.rule === rule)!;
    const e = entityItems(t, items, [at(t, text, target)]).find((i) => i.rule === rule)!;
    expect(e.weight).toBeCloseTo(base.scored * factor, 10);
  });

  test('a nearer word weighs more than the same word farther away (distance decay)', () => {
    const text = 'Smith praised the deal, and after a long and winding debate about many other things the panel praised it.';
    const t = toks(text);
    const items = sentenceItems(t, lexicons);
    const e = entityItems(t, items, [at(t, text, 'Smith')], { ...DEFAULT_PARAMS, otherClause: 1 }).filter((i) => i.rule === 'vader:praised');
    expect(e).toHaveLength(2);
    expect(Math.abs(e[0]!.weight)).toBeGreaterThan(Math.abs(e[1]!.weight));
  });

  test('the words of a multi-mention entity are counted once', () => {
    const text = 'Smith said Smith was proud.';
    const t = toks(text);
    const items = sentenceItems(t, lexicons);
    const e = entityItems(t, items, [tokenRange(t, 0, 5)!, tokenRange(t, 11, 16)!]);
    expect(e.filter((i) => i.rule === 'vader:proud')).toHaveLength(1);
  });
});
