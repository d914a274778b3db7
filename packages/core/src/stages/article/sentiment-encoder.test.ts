import { describe, expect, test } from 'vitest';
import { lexicons, sentimentEncoder, sentimentEntityEncoder } from '@parallax/lexicons';
import { createNlp } from '../../nlp';
import { encoderEntitySentiment, encoderSentenceSentiment, encoderSentimentModel, entityEncoderModel, entityEvidenceKind, entityItems, sentenceItems, sentenceSentiment, sumWeights, tokenRange } from '../../lib/sentence-sentiment';

const nlp = createNlp();
const toks = (s: string) => nlp.parse(s, 0).sentences.flatMap((x) => x.tokens);
const model = encoderSentimentModel(sentimentEncoder);
/** A unit vector along dimension j (sign s). */
const axis = (j: number, s = 1) => {
  const v = new Float32Array(model.weights.length);
  v[j] = s;
  return v;
};
const tiny = (entries: { feature: string; weight: number }[]) => ({ id: 't', version: '1.0.0', sha256: 'x', entries });

describe('encoderSentimentModel', () => {
  test('the shipped model has 512 vector weights, a lexicon factor and an intercept', () => {
    expect(model.weights.length).toBe(512);
    expect(model.lexicon).toBeGreaterThan(0);
    expect(model.sha256).toBe(sentimentEncoder.sha256);
  });
  test.each([
    { name: 'no intercept', entries: [{ feature: 'lex:sentence', weight: 1 }, { feature: 'enc:000', weight: 1 }], error: /needs model:intercept/ },
    { name: 'a gap in the dimensions', entries: [{ feature: 'model:intercept', weight: 0 }, { feature: 'lex:sentence', weight: 1 }, { feature: 'enc:000', weight: 1 }, { feature: 'enc:002', weight: 1 }], error: /unknown feature "enc:002"/ },
    { name: 'an unknown feature', entries: [{ feature: 'model:intercept', weight: 0 }, { feature: 'lex:sentence', weight: 1 }, { feature: 'w:good', weight: 1 }], error: /unknown feature "w:good"/ },
  ])('rejects $name', ({ entries, error }) => {
    expect(() => encoderSentimentModel(tiny(entries))).toThrow(error);
  });
});

describe('encoderSentenceSentiment', () => {
  const text = 'The senator praised the deal but warned of a disastrous delay.';
  const items = sentenceItems(toks(text), lexicons);
  test.each([0, 7, 300, 511])('value is the sum of its evidence (vector along dimension %i)', (j) => {
    for (const s of [1, -1]) {
      const r = encoderSentenceSentiment(items, axis(j, s), model, { start: 0, end: text.length, text });
      const sum = sumWeights(r.items);
      expect(r.value).toBeCloseTo(Math.max(-1, Math.min(1, sum)), 12);
      const dense = r.items.filter((it) => it.rule === 'encoder:sentiment-encoder');
      expect(dense).toHaveLength(1);
      expect(dense[0]!.weight).toBeCloseTo(model.intercept + s * model.weights[j]!, 12);
      expect(dense[0]).toMatchObject({ start: 0, end: text.length });
    }
  });
  test('the lexicon items keep their spans and share c·squash(S) in proportion to their weights', () => {
    const r = encoderSentenceSentiment(items, axis(0), model);
    const lex = r.items.filter((it) => !it.rule.startsWith('encoder:'));
    expect(lex.map((it) => it.text)).toEqual(items.filter((it) => it.weight !== 0).map((it) => it.text));
    expect(sumWeights(lex)).toBeCloseTo(model.lexicon * sentenceSentiment(toks(text), lexicons).value, 12);
  });
  test('a sentence with no lexicon evidence has only the dense item', () => {
    const r = encoderSentenceSentiment(sentenceItems(toks('The delegation arrived on Tuesday.'), lexicons), axis(3), model);
    expect(r.items.map((it) => it.rule)).toEqual(['encoder:sentiment-encoder']);
  });
  test('a vector of the wrong length is an error, not a score', () => {
    expect(() => encoderSentenceSentiment(items, new Float32Array(10), model)).toThrow(/10 dimensions.*expects 512/);
  });
});

describe('encoderEntitySentiment', () => {
  const ent = entityEncoderModel(sentimentEntityEncoder);
  const text = 'Critics blasted Smith for the disastrous rollout, but Jones praised the plan.';
  const tokens = toks(text);
  const items = sentenceItems(tokens, lexicons);
  const smith = tokenRange(tokens, text.indexOf('Smith'), text.indexOf('Smith') + 5)!;
  const eItems = entityItems(tokens, items, [smith]);
  test('the shipped model has three classes of 512 vector weights and 12 evidence kinds', () => {
    expect(ent.weights.map((w) => w.length)).toEqual([512, 512, 512]);
    expect(ent.kinds.size).toBe(12);
  });
  test.each([0, 100, 511])('value is the clamped sum of its evidence and the label the largest class score (dimension %i)', (j) => {
    for (const s of [1, -1]) {
      const r = encoderEntitySentiment(tokens, eItems, [smith], axis(j, s), ent, { start: 0, end: text.length, text });
      expect(r.value).toBeCloseTo(Math.max(-1, Math.min(1, sumWeights(r.items))), 12);
      expect(r.value).toBeCloseTo(Math.max(-1, Math.min(1, r.scores[2] - r.scores[0])), 12);
      expect(r.label).toBe(r.scores.indexOf(Math.max(...r.scores)) - 1);
      expect(r.items.filter((it) => it.rule === 'encoder:sentiment-entity-encoder')).toHaveLength(1);
    }
  });
  test('evidence kinds name the word type, sign and clause', () => {
    const kinds = eItems.map((it) => entityEvidenceKind(it, true));
    expect(kinds.every((k) => /^(word|topic|news)[+-]:in$/.test(k))).toBe(true);
  });
  test('a vector of the wrong length is an error, not a score', () => {
    expect(() => encoderEntitySentiment(tokens, eItems, [smith], new Float32Array(3), ent)).toThrow(/3 dimensions.*expects 512/);
  });
  test('a malformed model is rejected', () => {
    expect(() => entityEncoderModel(tiny([{ feature: 'neg:model:intercept', weight: 0 }, { feature: 'neg:enc:000', weight: 1 }]))).toThrow(/needs an intercept/);
    expect(() => entityEncoderModel(tiny([{ feature: 'bad:model:intercept', weight: 0 }]))).toThrow(/unknown feature/);
  });
});
