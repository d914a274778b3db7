/**
 * Child process of the grouping benchmark (bench/run.ts spawns one per size, so
 * each has its own peak RSS):
 *
 *   tsx bench/grouping.ts <articles> [features=text|engine]
 *
 * Generates the seeded synthetic corpus plus the Riyadh fixtures (one more event
 * of 5 articles), turns each article into EventFeatures, times `groupEvents` alone
 * (after one warm-up run, the fastest of BENCH_GROUPING_REPS runs, default 3), and
 * prints one JSON line: time, events, BCubed against the ground truth, peak RSS.
 *
 * features=engine runs the real per-article analysis and `extractEventFeatures`
 * (about 4 ms an article: fine for a few thousand, too slow for 100k on 2 cores).
 * features=text (default) derives the same fields from the article text with the
 * same rules, using a gazetteer of the generator's names in place of the engine's
 * entity detection: it is how the 100k run gets its features in seconds. run.ts
 * measures both on the same 2k articles so the two can be compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, extractEventFeatures, groupEvents, type ArticleInput, type EventFeatures } from '@parallax/core';
import { parseFile } from '@parallax/ingest';
import { bcubed, generateCorpus, vocabulary, type SynthArticle } from './synth';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const n = Number(process.argv[2] ?? 10000);
const mode = process.argv[3] ?? 'text';

const STOP = new Set(
  'the a an and or but of in on at to for with from by as is are was were be been being that this these those it its their his her he she they we you i not no than then there which who whom whose what when where why how about after before over under into out up down more most some any each all both said would will could should may might also had has have do did does more such other'.split(' '),
);
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Text-derived features: the fields and selection rules of extractEventFeatures.
 * Entities: the generator's single-word places, countries and organisations by
 * gazetteer (as the engine's gazetteer does), and any run of two or more
 * capitalised words as a name (the engine's proper-noun runs), so coined names
 * unknown in advance count too.
 */
function textFeaturizer(): (a: ArticleInput) => EventFeatures {
  const v = vocabulary();
  const ids = new Map<string, string>();
  for (const c of v.cities) ids.set(c, `place:${slug(c)}`);
  for (const c of v.countries) ids.set(c, `place:${slug(c)}`);
  for (const o of v.orgs) ids.set(o.replace(/^the /, ''), `org:${slug(o)}`);
  const cityIds = new Set(v.cities.map((c) => `place:${slug(c)}`));
  const known = [...ids.keys()].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const nameRe = new RegExp(`\\b(?:${known.join('|')}|[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)+)\\b`, 'g');
  const wordRe = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
  const top = (m: Map<string, { n: number; first: number }>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first || (a[0] < b[0] ? -1 : 1))
      .slice(0, k)
      .map(([key]) => key);
  return (a) => {
    const ents = new Map<string, { n: number; first: number }>();
    const cityCount = new Map<string, number>();
    for (const m of a.text.matchAll(nameRe)) {
      const id = ids.get(m[0]) ?? `name:${slug(m[0])}`;
      const e = ents.get(id);
      if (e) e.n++;
      else ents.set(id, { n: 1, first: ents.size });
      if (cityIds.has(id)) cityCount.set(id, (cityCount.get(id) ?? 0) + 1);
    }
    const body = a.text.replace(nameRe, ' ');
    const terms = new Map<string, { n: number; first: number }>();
    const bodyWords = new Set<string>();
    for (const [w] of body.matchAll(wordRe)) {
      const t = w.toLowerCase();
      if (t.length < 3 || STOP.has(t) || /^\d/.test(t)) continue;
      bodyWords.add(t);
      const e = terms.get(t);
      if (e) e.n++;
      else terms.set(t, { n: 1, first: terms.size });
    }
    const title = new Set<string>();
    for (const [w] of a.title.toLowerCase().matchAll(wordRe)) if (bodyWords.has(w)) title.add(w);
    const main = [...cityCount.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    const counts = (m: Map<string, { n: number; first: number }>, k: number): [string, number][] => top(m, k).map((key) => [key, m.get(key)!.n]);
    const titleWords = [...new Set([...a.title.toLowerCase().matchAll(wordRe)].map(([w]) => w).filter((w) => w.length >= 2 && !STOP.has(w)))].sort();
    return {
      article_id: a.id,
      outlet: a.outlet,
      date: a.published ? (/^(\d{4}-\d{2}-\d{2})/.exec(a.published)?.[1] ?? null) : null,
      entities: top(ents, 12),
      terms: top(terms, 15),
      title_terms: [...title].sort(),
      places: [...cityCount.keys()].sort(),
      place: main && main[1] >= 2 ? main[0] : null,
      term_counts: counts(terms, 60),
      entity_counts: counts(ents, 30),
      title_words: titleWords,
    };
  };
}

function fixtures(): ArticleInput[] {
  const dir = join(root, 'fixtures/riyadh-2025-02-18');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => parseFile(f, readFileSync(join(dir, f))).articles);
}

const synth: SynthArticle[] = generateCorpus({ articles: n, seed: 2025 });
const truth = new Map<string, string>(synth.map((a) => [a.id, a.event]));
const inputs: ArticleInput[] = synth.map((a) => ({ ...a, source: { path: 'synthetic.jsonl', line: null } }));
const engine = createEngine();
// The fixtures always go through the real engine (they are real text; one event).
const fixtureFeatures = fixtures().map((a) => {
  truth.set(a.id, 'riyadh-2025-02-18');
  return extractEventFeatures(engine.analyzeArticle(a), engine.context);
});

const t0 = performance.now();
const featurize = mode === 'engine' ? (a: ArticleInput) => extractEventFeatures(engine.analyzeArticle(a), engine.context) : textFeaturizer();
const features: EventFeatures[] = [...inputs.map(featurize), ...fixtureFeatures];
const featuresMs = performance.now() - t0;

// groupEvents is timed `reps` times (default 3) and the fastest run kept: on a shared
// machine a single run swings with the neighbours' load, and the 100k/10k ratio with it.
const reps = Math.max(1, Number(process.env.BENCH_GROUPING_REPS ?? 3));
let events = groupEvents(features);
let groupingMs = Infinity;
for (let r = 0; r < reps; r++) {
  const t1 = performance.now();
  events = groupEvents(features);
  groupingMs = Math.min(groupingMs, performance.now() - t1);
}

const predicted = new Map<string, string>();
for (const e of events) for (const id of e.article_ids) predicted.set(id, e.event_id);
const score = bcubed(truth, predicted);
process.stdout.write(
  JSON.stringify({
    articles: features.length,
    features: mode,
    events_truth: new Set(truth.values()).size,
    events_found: events.length,
    largest_event: Math.max(0, ...events.map((e) => e.article_ids.length)),
    features_ms: Math.round(featuresMs),
    grouping_ms: Math.round(groupingMs * 10) / 10,
    grouping_reps: reps,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    bcubed: score,
  }) + '\n',
);
