import { describe, expect, test } from 'vitest';
import { createEngine } from './engine';
import { createNlp } from './nlp';
import type { ArticleInput } from './schema';

/**
 * wink-nlp's cache remembers every out-of-vocabulary lexeme an instance has seen (with the
 * token type of its first sighting), and its tokenizer looks whole chunks up there first.
 * Unpatched, each prefix below changes how the target is read by the same instance.
 * (Few instances per file: every wink instance re-serialises the model's CER machines.)
 */
const CASES: { name: string; prefix: string; target: string }[] = [
  {
    // "Quimbleton's." is split into "Quimbleton's" + "."; the cached chunk then stops
    // "Quimbleton's" from splitting into "Quimbleton" + "'s".
    name: 'possessive chunk seen before a full stop',
    prefix: 'The vote went against Mr. Quimbleton\u2019s.',
    target: 'Reporters met Quimbleton\u2019s lawyers on Tuesday.',
  },
  {
    // "75" first seen as a number (from "75,") vs as a word (inside the name "XQ.2.75").
    name: 'token type fixed at first sighting',
    prefix: 'Prosecutors said that Farrow, 75, had left.',
    target: 'The variant XQ.2.75 spread fast, they said.',
  },
];

describe('parse is independent of what the instance parsed before', () => {
  const fresh = createNlp();
  const used = createNlp();
  test.each(CASES)('$name', ({ prefix, target }) => {
    const before = fresh.parse(target, 7);
    // The fresh instance must also not carry this target into the next comparison.
    expect(fresh.parse(target, 7)).toEqual(before);
    used.parse(prefix, 0);
    expect(used.parse(target, 7)).toEqual(before);
  });

  test('a paragraph read twice in a row gives the same tokens', () => {
    const text = CASES.map((c) => `${c.prefix} ${c.target}`).join(' ');
    expect(used.parse(text, 0)).toEqual(used.parse(text, 0));
  });
});

describe('article analyses do not depend on article order', () => {
  const input = (id: string, text: string): ArticleInput => ({
    id,
    outlet: `Outlet ${id}`,
    title: `Title ${id}`,
    published: '2025-02-18',
    url: null,
    language: 'en',
    text,
    source: { path: `${id}.txt`, line: null },
  });
  // Straight apostrophes: the engine's text normalization turns curly ones into them.
  const straight = (t: string): string => t.replace(/\u2019/g, "'");
  const a = input('a', CASES.map((c) => straight(c.prefix)).join('\n\n'));
  const b = input('b', CASES.map((c) => straight(c.target)).join('\n\n'));

  test('[A, B] and [B, A] through one engine give identical per-article analyses', () => {
    // Engines of a thread share one wink instance; [B, A] runs first so that B is read by
    // an instance that has seen nothing, and again after A in [A, B].
    const engine = createEngine();
    const ba = [b, a].map((x) => JSON.stringify(engine.analyzeArticle(x))).reverse();
    const ab = [a, b].map((x) => JSON.stringify(engine.analyzeArticle(x)));
    expect(ab).toEqual(ba);
  });
});
