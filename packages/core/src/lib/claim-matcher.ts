/**
 * The learned claim matcher: logistic regression over explainable features of a
 * sentence pair. p(same fact) = σ(bias + Σ weight_f × x_f); each term weight_f × x_f is
 * an evidence item (the feature, its value, what it saw: shared entities, numbers, the
 * conflicting number, the encoder similarity), so a reader can see why two sentences
 * were called the same fact. Weights are data (lexicon `claim-matcher`, trained by
 * bench/train-matcher.ts); every feature is computed from the sentence keys of
 * claims.ts plus the encoder cosine, and rounded before use.
 */
import type { SentenceKeys } from '../stages/corpus/claims';
import type { WordVectors } from './word-vectors';

export const FEATURES = [
  'encoder_cosine',
  'cosine_gap',
  'mutual_best',
  'key_cosine',
  'lemma_overlap',
  'entity_overlap',
  'number_agree',
  'number_conflict',
  'negation_mismatch',
  'speaker_agree',
  'speaker_conflict',
  'length_ratio',
  'key_rank',
  'soft_overlap',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export const FEATURE_DOCS: Record<FeatureName, string> = {
  encoder_cosine: 'cosine of the two sentence-encoder vectors (topical and paraphrase closeness), 4 decimals',
  cosine_gap:
    "the pair's cosine minus the mean cosine of each sentence with the other candidates of the other's article (what stands out above the event's shared topic); equals the cosine when the pair is the only candidate",
  mutual_best: "1 when each sentence is the other's closest (encoder cosine) among the candidates of the other's article",
  key_cosine: "cosine of the sentences' key vectors (entities, content lemmas, numbers, quoted words, polarity; idf within the event) — the lexical matcher's score without its SIF share",
  lemma_overlap: 'weighted Dice overlap of content lemmas (Porter stems, naming concepts folded); a lemma weighs log(1 + rank/100) by its rank in the word-vectors frequency list (rarer words weigh more; unknown words rank 40000)',
  entity_overlap: 'Dice overlap of named entities (canonical ids, places folded into their government); 0 when neither names one',
  number_agree: '1 when the sentences share a number',
  number_conflict: 'share of the numbers of the sentence with fewer numbers that the other does not have, when both have numbers (a different figure for the same fact, or a different fact)',
  negation_mismatch: '1 when exactly one of the two sentences is negated (not, no, never, …)',
  speaker_agree: '1 when both sentences are attributed (quote speaker) to the same entity',
  speaker_conflict: '1 when both are attributed to different speakers',
  length_ratio: 'content words of the shorter sentence / of the longer one',
  key_rank:
    "how the pair's keyed cosine ranks among each sentence's candidates in the other's article: mean of 1/rank over the two directions (1 = each is the other's lexically closest sentence there)",
  soft_overlap:
    'soft word alignment (as BERTScore, with word vectors): each content lemma of one sentence is matched to its most similar lemma of the other (same lemma = 1, word-vector cosine counted from 0.5 up, else 0), weighted by rarity; the harmonic mean of the two directions',
};

export interface MatcherWeights {
  id: string;
  version: string;
  sha256: string;
  bias: number;
  weights: Record<FeatureName, number>;
  /** Pair probability at or above which two sentences may be joined. */
  threshold: number;
  /** Average link: the mean pair probability of a merged group must stay at or above this. */
  groupThreshold: number;
}

export type FeatureVector = Record<FeatureName, number>;

export interface FeatureItem {
  feature: FeatureName;
  value: number;
  /** weight × value: what this feature added to the log-odds. */
  contribution: number;
  /** What the feature saw (shared entities, numbers, ...), for display. */
  detail?: string;
}

const r4 = (x: number) => {
  const v = Math.round(x * 10000) / 10000;
  return Object.is(v, -0) ? 0 : v;
};

function dice(a: readonly string[], b: ReadonlySet<string>): { value: number; shared: string[] } {
  if (a.length === 0 && b.size === 0) return { value: 0, shared: [] };
  const shared = a.filter((k) => b.has(k));
  return { value: (2 * shared.length) / (a.length + b.size), shared };
}

/** The features of a sentence pair in its event context. */
/** What the event around a pair says (see claims.ts matchPairs); all rounded to 4 decimals. */
export interface PairContext {
  cosine: number;
  keyCosine: number;
  mutualBest: number;
  cosineGap: number;
  keyRank: number;
  softOverlap: number;
}

export function pairFeatures(x: SentenceKeys, y: SentenceKeys, ctx: PairContext): { values: FeatureVector; details: Partial<Record<FeatureName, string>> } {
  const cosine = ctx.cosine;
  const details: Partial<Record<FeatureName, string>> = {};
  // Weighted lemma overlap.
  let sx = 0;
  let sy = 0;
  let shared = 0;
  const sharedL: string[] = [];
  for (const [k, w] of x.lw) {
    sx += w;
    const wy = y.lw.get(k);
    if (wy !== undefined) {
      shared += Math.min(w, wy);
      sharedL.push(k.slice(2));
    }
  }
  for (const w of y.lw.values()) sy += w;
  const lemma = sx + sy > 0 ? (2 * shared) / (sx + sy) : 0;
  if (sharedL.length) details.lemma_overlap = `shared: ${sharedL.slice(0, 8).join(', ')}`;
  const ex = [...x.keys.keys()].filter((k) => k.startsWith('E:'));
  const ey = new Set([...y.keys.keys()].filter((k) => k.startsWith('E:')));
  const ent = dice(ex, ey);
  if (ent.shared.length) details.entity_overlap = `shared: ${ent.shared.map((k) => k.slice(2)).join(', ')}`;
  const nx = [...x.keys.keys()].filter((k) => k.startsWith('N:')).map((k) => k.slice(2));
  const ny = [...y.keys.keys()].filter((k) => k.startsWith('N:')).map((k) => k.slice(2));
  const nyS = new Set(ny);
  const nShared = nx.filter((n) => nyS.has(n));
  let conflict = 0;
  if (nx.length > 0 && ny.length > 0) {
    const [small, large] = nx.length <= ny.length ? [nx, nyS] : [ny, new Set(nx)];
    const missing = small.filter((n) => !large.has(n));
    conflict = missing.length / small.length;
    if (missing.length) details.number_conflict = `${missing.join(', ')} vs ${[...large].filter((n) => !small.includes(n)).join(', ') || '(none)'}`;
  }
  if (nShared.length) details.number_agree = `shared: ${nShared.join(', ')}`;
  const negX = x.keys.has('P:neg');
  const negY = y.keys.has('P:neg');
  const both = x.speaker !== null && y.speaker !== null;
  if (both) details[x.speaker === y.speaker ? 'speaker_agree' : 'speaker_conflict'] = `${x.speaker} / ${y.speaker}`;
  const lx = x.nWords;
  const ly = y.nWords;
  const values: FeatureVector = {
    encoder_cosine: cosine,
    cosine_gap: ctx.cosineGap,
    mutual_best: ctx.mutualBest,
    key_cosine: ctx.keyCosine,
    lemma_overlap: r4(lemma),
    entity_overlap: r4(ent.value),
    number_agree: nShared.length > 0 ? 1 : 0,
    number_conflict: r4(conflict),
    negation_mismatch: negX !== negY ? 1 : 0,
    speaker_agree: both && x.speaker === y.speaker ? 1 : 0,
    speaker_conflict: both && x.speaker !== y.speaker ? 1 : 0,
    length_ratio: lx + ly > 0 ? r4(Math.min(lx, ly) / Math.max(lx, ly, 1)) : 0,
    key_rank: ctx.keyRank,
    soft_overlap: ctx.softOverlap,
  };
  details.encoder_cosine = `cosine ${cosine}`;
  if (values.negation_mismatch) details.negation_mismatch = negX ? 'first sentence negated' : 'second sentence negated';
  return { values, details };
}

/** Log-odds of a feature vector. */
export function logit(values: FeatureVector, w: Pick<MatcherWeights, 'bias' | 'weights'>): number {
  let z = w.bias;
  for (const f of FEATURES) z += w.weights[f] * values[f];
  return z;
}

/** p(same fact), rounded to 4 decimals (thresholds compare rounded values). */
export function probability(values: FeatureVector, w: Pick<MatcherWeights, 'bias' | 'weights'>): number {
  return r4(1 / (1 + Math.exp(-logit(values, w))));
}

/** The evidence of one pair: every feature with a non-zero contribution, largest |contribution| first. */
export function explain(values: FeatureVector, details: Partial<Record<FeatureName, string>>, w: Pick<MatcherWeights, 'weights'>): FeatureItem[] {
  const out: FeatureItem[] = [];
  for (const f of FEATURES) {
    const c = r4(w.weights[f] * values[f]);
    // A feature that fired but carries no weight (e.g. a conflict feature the training
    // data could not support: sign-constrained to 0) is still shown, with contribution 0,
    // so a reader sees it was seen and did not count; silent features are left out.
    if (c === 0 && (values[f] === 0 || !details[f])) continue;
    const item: FeatureItem = { feature: f, value: values[f], contribution: c };
    const d = details[f];
    if (d) item.detail = d;
    out.push(item);
  }
  return out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
}

/** Word-vector cosine below which two different lemmas count as unrelated in `softOverlap`. */
export const SOFT_FLOOR = 0.5;

/**
 * Soft word alignment of two sentences' content lemmas (BERTScore's greedy matching with
 * word vectors): each lemma of one side takes its best match on the other (1 for the same
 * lemma, else the word-vector cosine rescaled from SOFT_FLOOR..1 to 0..1, 0 below the floor
 * or without a vector); precision and recall weigh lemmas by `weight` (rarer words more);
 * returns their harmonic mean, rounded to 4 decimals.
 */
export function softOverlap(x: readonly string[], y: readonly string[], vectors: WordVectors | null, weight: (w: string) => number): number {
  const ux = [...new Set(x)];
  const uy = [...new Set(y)];
  if (ux.length === 0 || uy.length === 0) return 0;
  const sim = ux.map((a) => {
    const va = vectors?.get(a);
    return uy.map((b) => {
      if (a === b) return 1;
      const vb = va ? vectors!.get(b) : undefined;
      if (!va || !vb) return 0;
      let c = 0;
      for (let d = 0; d < va.length; d++) c += va[d]! * vb[d]!;
      return c <= SOFT_FLOOR ? 0 : (c - SOFT_FLOOR) / (1 - SOFT_FLOOR);
    });
  });
  let pn = 0;
  let pd = 0;
  ux.forEach((a, i) => {
    const w = weight(a);
    pn += w * Math.max(...sim[i]!);
    pd += w;
  });
  let rn = 0;
  let rd = 0;
  uy.forEach((b, j) => {
    const w = weight(b);
    let m = 0;
    for (let i = 0; i < ux.length; i++) m = Math.max(m, sim[i]![j]!);
    rn += w * m;
    rd += w;
  });
  const p = pd > 0 ? pn / pd : 0;
  const r = rd > 0 ? rn / rd : 0;
  return p + r > 0 ? r4((2 * p * r) / (p + r)) : 0;
}
