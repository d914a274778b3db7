/**
 * Learns the `sentiment-news` lexicon (packages/lexicons/data/sentiment-news.json): words
 * that VADER does not score but that human coders of news read as positive or negative
 * toward a target in the same clause ("blamed", "defended", "ousted"), with valences on
 * VADER's −4 … 4 scale.
 *
 * Data: NewsMTSC train.jsonl (../shared/dev-data), **train80 only** (see newsmtsc.ts); the
 * held-out test20 is never read here. For every target, the candidate words are the lemmas
 * of the lower-case, non-stop content words (NEWS_POS: noun, verb, adjective, adverb) in the
 * target's clause (outside the mention) that are not already in `sentiment`,
 * `sentiment-topic` or `sentiment-modifiers`; the engine looks them up under the same filter. A word's valence is
 * scale · Σ y / (n + k) over the n targets it occurs with (y = −1/0/1): their mean polarity
 * shrunk toward 0 (neutral) by k pseudo-counts. Words seen with fewer than
 * `minN` targets or with |valence| < `minAbs` are dropped.
 *
 * Hyper-parameters (minN, k, scale, minAbs) are chosen by learning on train64 and scoring on
 * dev16 (entity-scope macro-F1 + Spearman; among settings within 0.005 of the best, the one
 * with the fewest words); the lexicon is then learned on all of train80.
 *
 * Run from the repo root: `pnpm exec tsx bench/learn-sentiment-news.ts` (prints the search;
 * writes the JSON). Deterministic: same data, same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clauses, createNlp, DEFAULT_PARAMS, macroF1, NEWS_POS, spearman, tokenRange } from '@parallax/core';
import { defineLexicon, lexicons, NewsValenceEntry } from '@parallax/lexicons';
import { bandLabels, bestBand, isDev16, isTrain64, isTrain80, loadNewsMtsc, polarity, scoreTargets, type MtscRow } from './newsmtsc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV = path.resolve(ROOT, '../shared/dev-data');
const OUT = path.join(ROOT, 'packages/lexicons/data/sentiment-news.json');
const VERSION = '1.0.0';

const known = new Set<string>([
  ...lexicons.sentiment.entries.map((e) => e.term),
  ...lexicons.sentimentTopic.entries.map((e) => e.term),
  ...lexicons.sentimentModifiers.entries.map((e) => e.term),
]);
const WORD = /^[a-z][a-z'-]*$/;
/** With `--evaluative`, only adjectives, adverbs and verbs (fewer topical nouns such as "email", "abortion"). */
/**
 * Deviations are taken from neutral (0), so a word seen only with neutral targets ("said")
 * gets 0. `--center-mean` takes them from the mean polarity ȳ instead (then every word of
 * neutral contexts turns positive, since ȳ < 0; dev16 F1 the same, ρ +0.01).
 */
const CENTER0 = !process.argv.includes('--center-mean');
const POS: Set<string> | null = process.argv.includes('--evaluative') ? new Set(['ADJ', 'ADV', 'VERB']) : null;

interface Stat { n: number; dev: number; pos: number; neu: number; neg: number }

/**
 * Per-word statistics. With `residual`, y is first reduced by what the VADER-based entity
 * score already predicts (least-squares fit y ≈ a + b·score on the same rows), so words
 * learn what VADER misses rather than what it already says.
 */
function stats(rows: readonly MtscRow[], residual: boolean): { table: Map<string, Stat>; mean: number; a: number; b: number } {
  let sum = 0;
  let count = 0;
  for (const r of rows) for (const t of r.targets) { sum += polarity(t.polarity); count++; }
  const mean = sum / count;
  let a = mean;
  let b = 0;
  const baseScores: number[] = [];
  if (residual) {
    const s = scoreTargets(rows, { ...lexicons, sentimentNews: EMPTY }, DEFAULT_PARAMS);
    const mx = s.entity.reduce((x, y) => x + y, 0) / s.entity.length;
    let sxy = 0;
    let sxx = 0;
    s.entity.forEach((x, i) => { sxy += (x - mx) * (s.gold[i]! - mean); sxx += (x - mx) ** 2; });
    b = sxx > 0 ? sxy / sxx : 0;
    a = mean - b * mx;
    baseScores.push(...s.entity);
  }
  let ti = 0;
  const table = new Map<string, Stat>();
  for (const r of rows) {
    const clause = clauses(r.tokens);
    let firstWord = 0;
    while (firstWord < r.tokens.length && r.tokens[firstWord]!.kind !== 'word') firstWord++;
    for (const t of r.targets) {
      const range = tokenRange(r.tokens, t.from, t.to);
      const expected = residual ? a + b * baseScores[ti]! : CENTER0 ? 0 : mean;
      ti++;
      if (!range) continue;
      const cl = new Set<number>();
      for (let i = range.from; i < range.to; i++) cl.add(clause[i]!);
      const seen = new Set<string>();
      r.tokens.forEach((tok, i) => {
        if (i >= range.from && i < range.to) return;
        if (!cl.has(clause[i]!) || tok.kind !== 'word' || tok.stop || !NEWS_POS.has(tok.pos)) return;
        if (POS && !POS.has(tok.pos)) return;
        if (i > firstWord && /^[A-Z]/.test(tok.text)) return;
        const key = tok.lemma;
        if (!WORD.test(key) || key.length < 3 || known.has(key) || known.has(tok.norm)) return;
        seen.add(key);
      });
      const y = polarity(t.polarity);
      for (const key of seen) {
        const s = table.get(key) ?? { n: 0, dev: 0, pos: 0, neu: 0, neg: 0 };
        s.n++;
        s.dev += y - expected;
        if (y > 0) s.pos++;
        else if (y < 0) s.neg++;
        else s.neu++;
        table.set(key, s);
      }
    }
  }
  return { table, mean, a, b };
}

interface Hyper { minN: number; k: number; scale: number; minAbs: number }

function entries(table: Map<string, Stat>, h: Hyper, label: string) {
  const out: { term: string; valence: number; source: string }[] = [];
  for (const key of [...table.keys()].sort()) {
    const s = table.get(key)!;
    if (s.n < h.minN) continue;
    const v = Math.max(-4, Math.min(4, Math.round(((h.scale * s.dev) / (s.n + h.k)) * 100) / 100));
    if (Math.abs(v) < h.minAbs) continue;
    out.push({ term: key, valence: v, source: `${label}: ${s.n} targets in the same clause (${s.pos} positive, ${s.neu} neutral, ${s.neg} negative)` });
  }
  return out;
}

const meta = (h: Hyper, mean: number, nRows: number) => ({
  id: 'sentiment-news',
  version: VERSION,
  description:
    'Words VADER does not score that human coders of news read as positive or negative toward a target in the same clause, with a valence on VADER\'s -4 … 4 scale. Used in entity scope (the target\'s clause) only; in sentence scope they are not counted. Learned, not hand-written: regenerate with bench/learn-sentiment-news.ts.',
  source: `Learned from NewsMTSC (Hamborg & Donnay 2021, EACL; github.com/fhamborg/NewsMTSC, MIT licence) train.jsonl, train80 split only (FNV-1a-32(primary_gid) mod 100 < 80; ${nRows} sentences), by bench/learn-sentiment-news.ts: valence = ${h.scale} · Σ${CENTER0 ? 'y' : '(y − ȳ)'}/(n + ${h.k}) over the n targets whose clause holds the word (lemma of a lower-case non-stop noun, verb, adjective or adverb, outside the mention, not in sentiment/sentiment-topic/sentiment-modifiers), y = −1/0/1${CENTER0 ? '' : `, ȳ = ${Math.round(mean * 1000) / 1000}`}; n ≥ ${h.minN}, |valence| ≥ ${h.minAbs}. Hyper-parameters chosen on the train64/dev16 split inside train80; held-out figures on test20 in bench/quality.ts.`,
  license: 'MIT (derived from NewsMTSC, MIT)',
});

const EMPTY = defineLexicon({ id: 'sentiment-news', version: '0.0.0', description: 'empty', source: 'none', license: 'MIT', entries: [{ term: 'none', valence: 0, source: 'empty' }] }, NewsValenceEntry, (e) => e.term);
const nlp = createNlp();
const rows = loadNewsMtsc(DEV, nlp);
if (!rows) {
  console.error(`NewsMTSC not found under ${DEV}/newsmtsc (see ../shared/dev-data/README.md)`);
  process.exit(1);
}
const train80 = rows.filter(isTrain80);
const train64 = rows.filter(isTrain64);
const dev16 = rows.filter(isDev16);

function evaluate(es: ReturnType<typeof entries>, mean: number, h: Hyper, on: readonly MtscRow[], tune: readonly MtscRow[]) {
  const lex = { ...lexicons, sentimentNews: defineLexicon({ ...meta(h, mean, 0), entries: es.length ? es : [{ term: 'none', valence: 0, source: 'empty' }] }, NewsValenceEntry, (e) => e.term) };
  const t = scoreTargets(tune, lex);
  const band = bestBand(t.gold, t.entity).band;
  const s = scoreTargets(on, lex, DEFAULT_PARAMS);
  return { f1: macroF1(s.gold, bandLabels(s.entity, band)), rho: spearman(s.entity, s.gold) };
}

const RESIDUAL = process.argv.includes('--residual');
const inner = stats(train64, RESIDUAL);
const base = evaluate([], inner.mean, { minN: 1, k: 0, scale: 0, minAbs: 0 }, dev16, train64);
console.log(`dev16 without news words: F1 ${base.f1.toFixed(3)} rho ${base.rho.toFixed(3)}`);
const results: { h: Hyper; score: number; words: number }[] = [];
for (const minN of [3, 5, 10, 20]) {
  for (const k of [5, 10, 20]) {
    for (const scale of [1, 1.5, 2, 3, 4]) {
      for (const minAbs of [0.1, 0.3]) {
        const h = { minN, k, scale, minAbs };
        const es = entries(inner.table, h, 'train64');
        const r = evaluate(es, inner.mean, h, dev16, train64);
        console.log(`minN ${minN} k ${k} scale ${scale} minAbs ${minAbs}: ${es.length} words; dev16 F1 ${r.f1.toFixed(3)} rho ${r.rho.toFixed(3)}`);
        results.push({ h, score: r.f1 + r.rho, words: es.length });
      }
    }
  }
}
// Best dev16 F1 + rho; among settings within 0.005 of it, the smallest lexicon (fewer
// evidence items per article, same measured quality).
const top = Math.max(...results.map((x) => x.score));
const chosen = results.filter((x) => x.score >= top - 0.005).sort((a, b) => a.words - b.words)[0]!.h;
const full = stats(train80, RESIDUAL);
const es = entries(full.table, chosen, 'NewsMTSC train80');
// One entry per line, like the other lexicon files.
const head = JSON.stringify(meta(chosen, full.mean, train80.length)).slice(0, -1);
fs.writeFileSync(OUT, `${head},"entries":[\n${es.map((e) => JSON.stringify(e)).join(',\n')}]}\n`);
console.log(`chosen ${JSON.stringify(chosen)}; wrote ${es.length} words to ${path.relative(ROOT, OUT)}`);
