/**
 * NewsMTSC (Hamborg & Donnay 2021) dev data for the sentiment bench and the news-lexicon
 * learner: reading, tokenising and the deterministic 80/20 split.
 *
 * Split: a row is in the tuning part ("train80") when FNV-1a-32(primary_gid) mod 100 < 80,
 * else in the held-out part ("test20"). Everything learned or tuned (the `sentiment-news`
 * lexicon, its hyper-parameters, the neutral band of the F1 figures) uses train80 only;
 * quality figures are reported on test20. Inside train80 the learner holds out
 * 64 ≤ h < 80 ("dev16") to choose its hyper-parameters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PARAMS, entityItems, macroF1, sentenceContext, sentenceItems, squash, sumWeights, tokenRange } from '@parallax/core';
import type { Nlp, SentimentParams, Token } from '@parallax/core';
import type { Lexicons } from '@parallax/lexicons';

export interface MtscTarget {
  from: number;
  to: number;
  mention: string;
  polarity: number;
  /** Coreferent mentions in the same sentence (found automatically by NewsMTSC's authors). */
  further_mentions?: { from: number; to: number; mention: string }[];
}

export interface MtscRow {
  gid: string;
  text: string;
  targets: MtscTarget[];
  tokens: Token[];
  /** FNV-1a-32 of primary_gid mod 100. */
  bucket: number;
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const isTrain80 = (r: MtscRow) => r.bucket < 80;
export const isTest20 = (r: MtscRow) => r.bucket >= 80;
/** The learner's own tuning split inside train80. */
export const isTrain64 = (r: MtscRow) => r.bucket < 64;
export const isDev16 = (r: MtscRow) => r.bucket >= 64 && r.bucket < 80;

/** NewsMTSC polarity (2 negative, 4 neutral, 6 positive) as −1 / 0 / 1. */
export const polarity = (p: number) => (p < 3 ? -1 : p > 5 ? 1 : 0);

/** Rows of train.jsonl with tokens, or null when the file is missing. */
export function loadNewsMtsc(devDir: string, nlp: Nlp): MtscRow[] | null {
  const file = path.join(devDir, 'newsmtsc/train.jsonl');
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const o = JSON.parse(l) as { primary_gid: string; sentence_normalized: string; targets: MtscTarget[] };
      const text = o.sentence_normalized;
      return {
        gid: o.primary_gid,
        text,
        targets: o.targets,
        tokens: nlp.parse(text, 0).sentences.flatMap((s) => s.tokens),
        bucket: fnv1a(o.primary_gid) % 100,
      };
    });
}

export interface TargetScores {
  gold: number[];
  /** Entity-targeted score of each target. */
  entity: number[];
  /** Sentence score of the target's sentence. */
  sentence: number[];
  /** Per sentence: mean gold polarity of its targets and the sentence score. */
  sentGold: number[];
  sentScore: number[];
}

/**
 * Entity- and sentence-scope scores of every target of `rows` with the given lexicons and
 * parameters. Entity scope uses the target's mention and its `further_mentions`, as the
 * engine uses every mention of an entity in a sentence.
 */
export function scoreTargets(rows: readonly MtscRow[], lex: Lexicons, p: SentimentParams = DEFAULT_PARAMS): TargetScores {
  const out: TargetScores = { gold: [], entity: [], sentence: [], sentGold: [], sentScore: [] };
  for (const row of rows) {
    const items = sentenceItems(row.tokens, lex, p);
    const sValue = squash(sumWeights(items), p.alpha);
    const ctx = sentenceContext(row.tokens);
    for (const t of row.targets) {
      const range = tokenRange(row.tokens, t.from, t.to);
      const ranges = range ? [range] : [];
      for (const m of t.further_mentions ?? []) {
        const r = tokenRange(row.tokens, m.from, m.to);
        if (r) ranges.push(r);
      }
      out.gold.push(polarity(t.polarity));
      out.entity.push(range ? squash(sumWeights(entityItems(row.tokens, items, ranges, p, ctx)), p.alpha) : 0);
      out.sentence.push(sValue);
    }
    out.sentGold.push(row.targets.reduce((a, t) => a + polarity(t.polarity), 0) / row.targets.length);
    out.sentScore.push(sValue);
  }
  return out;
}

/** Three-way labels from scores with a symmetric neutral band. */
export const bandLabels = (xs: readonly number[], band: number) => xs.map((x) => (x > band ? 1 : x < -band ? -1 : 0));

/** The neutral band (grid 0 … 0.6 step 0.025) that maximises macro-F1 of `xs` against `gold`. */
export function bestBand(gold: readonly number[], xs: readonly number[]): { band: number; f1: number } {
  let best = { band: 0, f1: -1 };
  for (let k = 0; k <= 24; k++) {
    const band = k * 0.025;
    const f1 = macroF1(gold as number[], bandLabels(xs, band));
    if (f1 > best.f1) best = { band, f1 };
  }
  return best;
}
