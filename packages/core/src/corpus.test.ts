import { afterEach, describe, expect, test } from 'vitest';
import { createEngine } from './engine';
import fc from 'fast-check';
import { reportItems } from './corpus';
import { exportFiles, jsonElement } from './exports';
import type { ArticleInput } from './schema';

/**
 * A Map (and Set) that holds at most `limit` entries, like V8's ~16.7M, in miniature:
 * installed as the global Map, every structure built while it is in place is bounded.
 */
function installLimitedCollections(limit: number): () => void {
  const RealMap = globalThis.Map;
  const RealSet = globalThis.Set;
  class LimitedMap<K, V> extends RealMap<K, V> {
    override set(k: K, v: V): this {
      if (this.size >= limit && !this.has(k)) throw new RangeError(`Map maximum size exceeded (test limit ${limit})`);
      return super.set(k, v);
    }
  }
  class LimitedSet<T> extends RealSet<T> {
    override add(v: T): this {
      if (this.size >= limit && !this.has(v)) throw new RangeError(`Set maximum size exceeded (test limit ${limit})`);
      return super.add(v);
    }
  }
  globalThis.Map = LimitedMap as MapConstructor;
  globalThis.Set = LimitedSet as SetConstructor;
  return () => {
    globalThis.Map = RealMap;
    globalThis.Set = RealSet;
  };
}

const CITIES = ['Lisbon', 'Nairobi', 'Osaka', 'Denver', 'Krakow', 'Lima', 'Perth', 'Tunis'];
const OUTLETS = ['Daily Ledger', 'Morning Post', 'Evening Star', 'City Herald', 'Coast Times'];

/** Hand-written templates: event e happens in CITIES[e]; outlets word the same facts a little differently. */
function article(e: number, o: number): ArticleInput {
  const city = CITIES[e % CITIES.length]!;
  const n = 3 + e;
  const verb = o % 2 === 0 ? 'said' : 'announced';
  const body = [
    `Officials in ${city} ${verb} on Monday that the central bridge would reopen after ${n} weeks of repairs.`,
    `Mayor Elena Varga told reporters that the work cost ${n * 2} million dollars.`,
    `Engineers found cracks in the supports of the bridge in ${city} last spring.`,
    `Residents complained about long detours and heavy traffic during the closure.`,
    `The city council approved the repair plan in a close vote.`,
    `Shop owners near the river said sales fell sharply while the bridge was shut.`,
    `A spokesman for the transport agency ${verb} that buses would return to the route.`,
    `Critics argued that the inspection should have happened years earlier.`,
    `The governor praised the workers for finishing ahead of schedule.`,
    `Police will direct traffic on the first day after the reopening.`,
    `Analysts expect property prices near the bridge to recover.`,
    `The ${OUTLETS[o]} asked the agency for its inspection reports.`,
  ];
  return {
    id: `e${e}-o${o}`,
    outlet: OUTLETS[o]!,
    title: `${city} bridge to reopen after ${n} weeks`,
    published: `2025-0${1 + (e % 8)}-1${o % 3}`,
    url: null,
    language: 'en',
    text: body.join(' '),
    source: { path: 'corpus.jsonl', line: e * OUTLETS.length + o + 1 },
  };
}

describe('no whole-corpus Map or Set remains in the corpus phase', { timeout: 120_000 }, () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  test('buildReport finishes under a Map limit smaller than the corpus token count (and the old corpus-wide token map would not)', () => {
    const engine = createEngine();
    const inputs: ArticleInput[] = [];
    for (let e = 0; e < CITIES.length; e++) for (let o = 0; o < OUTLETS.length; o++) inputs.push(article(e, o));
    const analyses = inputs.map((a) => engine.analyzeArticle(a));
    const tokens = analyses.reduce((n, a) => n + a.tokens.reduce((m, s) => m + s.length, 0), 0);
    const perEvent = Math.max(...CITIES.map((_, e) => analyses.filter((a) => a.article.id.startsWith(`e${e}-`)).reduce((n, a) => n + a.tokens.reduce((m, s) => m + s.length, 0), 0)));
    const limit = Math.floor(tokens / 2);
    expect(perEvent).toBeLessThan(limit);
    expect(analyses.length).toBeLessThan(limit);
    // Unlimited reference run (also warms the lexicon caches, built once per process).
    const reference = exportFiles(engine.buildReport(analyses, []));
    expect(engine.buildReport(analyses, []).claims.length).toBeGreaterThan(0);

    restore = installLimitedCollections(limit);
    // (The corpus-wide token map the old terms stage built would exceed the limit; every stage now works per event.)
    expect(() => new Map(Array.from({ length: limit + 1 }, (_, i) => [i, i]))).toThrow(RangeError);
    // The corpus phase, per event, stays under it and gives the same bytes.
    const limited = exportFiles(engine.buildReport(analyses, []));
    restore();
    restore = null;
    expect(limited).toEqual(reference);
  });
});

describe('reportItems', () => {
  // report.json's elements, one JSON.stringify over the array: the same text as jsonElement per item.
  const perItem = (items: readonly unknown[]) => items.map((x) => `${jsonElement(x)},\n`).join('');
  test.each([
    ['empty', []],
    ['flat objects', [{ a: 1, b: 'x\ny "q"', c: null, d: true }, { e: -0, f: 1e-7, g: '' }]],
    ['nested, empty containers and undefined', [{ a: [], b: {}, c: [1, [2, { d: undefined, e: 'é\u2028' }]], f: undefined }, null, undefined, 'text', 3]],
    ['non-finite numbers', [{ a: Number.NaN, b: Infinity }, [Number.NEGATIVE_INFINITY]]],
  ])('json form equals jsonElement per item: %s', (_name, items: unknown[]) => {
    expect(reportItems(items, 'json')).toBe(perItem(items));
    expect(reportItems(items, 'jsonl')).toBe(items.map((x) => `${JSON.stringify(x)}\n`).join(''));
  });
  test('json form equals jsonElement per item for any JSON value', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (items) => {
        expect(reportItems(items, 'json')).toBe(perItem(items));
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
