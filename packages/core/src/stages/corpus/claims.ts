/**
 * Corpus stage `claims`: within each event, sentences from different articles that
 * report the same fact become one claim (omissions are derived from them by stage `omissions`).
 *
 * A sentence is a bag of keys:
 *   - `E:` named entities by canonical id, with places that stand for a state folded
 *     into its government (place:russia, place:moscow, "Russian" -> gov:russia), so
 *     "Washington and Moscow" meets "US" and "Russia's"; plus who holds the fact when
 *     the sentence does not name them: the speaker of a quotation it lies in, or for a
 *     sentence opened by he/she/his/her, the last person named before it;
 *   - `L:` content lemmas (Porter stems), with the one-word surfaces of the term
 *     lexicon's naming concepts folded into their concept (talks / negotiations /
 *     discussions / meeting -> one key), the paraphrase tolerance;
 *   - `N:` numbers, `Q:` content lemmas inside quotation marks, `P:` polarity.
 * Keys are idf-weighted within the event (rare keys say more). A pair of sentences
 * scores (1 − sif) × the weighted cosine of their key sets + sif × the cosine of their
 * SIF vectors (idf-weighted word vectors minus the event's common component: soft
 * matching of paraphrases such as convened / met). Pairs at or above `threshold` are
 * taken in descending order and join their groups when the mean score over all the
 * cross-article pairs of the merged group stays ≥ `groupThreshold` (average link, so a
 * claim cannot chain through one loosely related sentence).
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { ArticleAnalysis, CorpusStage, CorpusState, EngineContext, Token } from '../../model';
import type { Claim, ClaimPair, Event } from '../../schema';
import { matchCue } from '../article/entities';
import { compileGazetteer, type Gazetteer } from '../../lib/gazetteer';
import { compileTerms, findTerms, type TermIndex } from './terms';
import { cmp } from '../../lib/text';
import { quotationIndexOfTokens } from '../article/quotations';
import { wordRanks, wordVectors, type WordVectors } from '../../lib/word-vectors';
import { encoderCosine, type SentenceVectors } from '../../lib/encoder';
import { explain, pairFeatures, probability, softOverlap, type FeatureName, type FeatureVector, type MatcherWeights } from '../../lib/claim-matcher';
import { matcherWeights } from '../../lib/claim-matcher-weights';
import { UnionFind } from '../../lib/union-find';
export { matcherWeights };

/** The learned matcher with the run's sentence vectors (the `encoder` matcher). */
export interface PairMatcher {
  weights: MatcherWeights;
  vectors: SentenceVectors;
  /** Word frequency ranks (rarity weights of `soft_overlap`); none: every word weighs the same. */
  ranks?: ReadonlyMap<string, number>;
}

export interface ClaimOptions {
  /** Minimum pair score for two sentences to report the same fact. */
  threshold: number;
  /** Two groups join only if the mean score over all their cross-article sentence pairs is at least this. */
  groupThreshold: number;
  /** Minimum number of keys for a sentence to take part (drops fragments and sub-headings). */
  minKeys: number;
  /** Share of the pair score given to the SIF word-vector cosine (`sifEmbeddings`); 0 = keys only. */
  sif: number;
  /**
   * A pair may start a merge only when each sentence ranks among the other's `maxRank`
   * best-scoring candidates in the other's article (0 = no limit): a fact is usually
   * stated once per article, so a sentence's third-best match there is seldom its fact.
   */
  maxRank?: number;
  /**
   * An article "reports" a claim it is not in when one of its sentences scores at least
   * this with one of the claim's members: it then gets no omission for it (an omission must
   * be a fact the article really does not report, so the bar is lower than the one for
   * joining a claim). Default: `groupThreshold`.
   */
  coverThreshold?: number;
  /** Only claims whose mean cross-article pair score is at least this yield `omitted_by` items (a loosely joined claim is no fact to miss). Default: `groupThreshold`. */
  cohesionThreshold?: number;
  /**
   * An article also "reports" a claim of two or more articles when one of its sentences has
   * at least this soft word alignment (`softOverlap`, word vectors) with a member: the
   * paraphrase check that keyed scores miss. 0 = off. 0.4: the most precise `omitted_by`
   * list against the gold of the training events (bench/quality-align.ts, Omissions).
   */
  softCover?: number;
}

/**
 * Chosen on the development gold (fixtures/gold/riyadh-alignment.json) by a grid over
 * threshold × groupThreshold × sif, taking the simplest setting within 0.01 F1 of the
 * best; fixtures/gold/heldout-alignment.json was not used to choose (README, Quality).
 */
export const DEFAULT_CLAIM_OPTIONS: Readonly<ClaimOptions> = Object.freeze({
  threshold: 0.25,
  groupThreshold: 0.15,
  minKeys: 4,
  sif: 0.1,
  softCover: 0.4,
});

const KIND_WEIGHT: Record<string, number> = { E: 1.5, L: 1, N: 1.5, Q: 0.5, P: 1 };
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN', 'ADV']);
const SIF_POS = new Set([...CONTENT_POS, 'NUM']);
/** Keys held by more sentences than this propose no candidates (bounds the cost in very large events). */
const MAX_POSTING = 400;
const NAMED = new Set(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP']);
const QUOTE = new Set(['"']);
/** Subject pronouns that make a sentence refer to the last person named before it. */
const PRONOUN = new Set(['he', 'she', 'his', 'her']);
/** Polarity words wink marks as stop words but that carry the fact ("not invited", "without Ukraine"). */
const POLARITY: Record<string, string> = { not: 'neg', "n't": 'neg', no: 'neg', never: 'neg', neither: 'neg', nor: 'neg', none: 'neg', nothing: 'neg', without: 'without' };
/** Porter stem of a lemma (participation / participate -> particip), memoised in `memo` (the engine's, via AlignResources). */
function stem(lemma: string, memo: Map<string, string>): string {
  let s = memo.get(lemma);
  if (s === undefined) {
    s = PorterStemmer.stem(lemma);
    if (memo.size < 50000) memo.set(lemma, s);
  }
  return s;
}

export interface AlignResources {
  gazetteer: Gazetteer;
  /** Lemmas of reporting verbs (attribution-verbs lexicon). */
  reporting: ReadonlySet<string>;
  terms: TermIndex;
  merges: Readonly<Record<string, string>>;
  vectors: WordVectors | null;
  /** Word -> frequency rank (word-vectors lexicon order), for lemma weights of the learned matcher. */
  ranks: ReadonlyMap<string, number>;
  /** Memo of Porter stems (lemma -> stem), kept per engine. */
  stems: Map<string, string>;
}

export function alignResources(state: CorpusState, ctx: EngineContext): AlignResources {
  return {
    gazetteer: ctx.tables.get('gazetteer', () => compileGazetteer(ctx.lexicons.entities, ctx.nlp)),
    reporting: ctx.tables.get('claims:reporting-verbs', () => new Set(ctx.lexicons.attributionVerbs.entries.map((e) => e.lemma))),
    terms: ctx.tables.get('terms', () => compileTerms(ctx.lexicons.terms, ctx.nlp)),
    merges: state.entityMerges,
    vectors: ctx.tables.get('word-vectors', () => wordVectors(ctx.lexicons.wordVectors)),
    ranks: ctx.tables.get('word-vectors:ranks', () => wordRanks(ctx.lexicons.wordVectors)),
    stems: ctx.tables.get('claims:stems', () => new Map<string, string>()),
  };
}

/** The entity key used for alignment: a place that stands for a state folds into its government. */
export function alignEntityKey(id: string, g: Gazetteer): string {
  const e = g.byId.get(id);
  return e?.government ?? id;
}

export interface SentenceKeys {
  sentence_id: string;
  article_id: string;
  /** Index of the article in the event (article order). */
  a: number;
  index: number;
  keys: Map<string, number>;
  /** Lower-case lemmas of the content words (nouns, verbs, adjectives, adverbs, proper nouns, numbers), for word vectors. */
  words: string[];
  /** `L:` keys -> lemma weight log(1 + rank/100) (rarer words weigh more), for the learned matcher. */
  lw: Map<string, number>;
  /** Canonical entity id of the speaker of a quotation the sentence lies in, or null. */
  speaker: string | null;
  /** Content words (length of `words`). */
  nWords: number;
  /** The sentence text (what the encoder sees). */
  text: string;
}

/** Rank given to words outside the frequency list. */
const UNKNOWN_RANK = 40000;
function lemmaWeight(t: Token, ranks: ReadonlyMap<string, number>): number {
  const r = Math.min(ranks.get(t.lemma) ?? UNKNOWN_RANK, ranks.get(t.norm) ?? UNKNOWN_RANK);
  return Math.log(1 + r / 100);
}

/** The keys of every sentence of one article. */
export function sentenceKeys(an: ArticleAnalysis, articleIndex: number, res: AlignResources): SentenceKeys[] {
  const { article } = an;
  const ents = article.entities.filter((m) => m.entity_id !== null && NAMED.has(m.type));
  let e = 0;
  let lastPerson: string | null = null;
  const out: SentenceKeys[] = [];
  article.sentences.forEach((s, si) => {
    const keys = new Map<string, number>();
    const lw = new Map<string, number>();
    let speaker: string | null = null;
    const toks: readonly Token[] = an.tokens[si] ?? [];
    const add = (k: string) => keys.set(k, (keys.get(k) ?? 0) + 1);
    while (e < ents.length && ents[e]!.end <= s.start) e++;
    const covered: [number, number][] = [];
    for (let k = e; k < ents.length && ents[k]!.start < s.end; k++) {
      const m = ents[k]!;
      const id = res.merges[m.entity_id!] ?? m.entity_id!;
      add(`E:${alignEntityKey(id, res.gazetteer)}`);
      covered.push([m.start, m.end]);
    }
    // Lexicon concepts (contested names and paraphrase sets) fold their surfaces into one key.
    const folded = new Map<number, string>();
    for (const m of findTerms(toks, res.terms)) folded.set(m.start, `concept:${m.concept_id}\u0000${m.end}`);
    // What is quoted comes from stage `quotations` (a quote may open sentences earlier).
    const quoteOf = quotationIndexOfTokens(toks, an.quotations);
    let c = 0;
    let skipUntil = -1;
    for (let ti = 0; ti < toks.length; ti++) {
      const t = toks[ti]!;
      if (t.start < skipUntil) continue;
      const inQuote = quoteOf[ti]! >= 0;
      // Titles ("National Security Adviser") belong to the name, and reporting verbs ("said") to the attribution, not to the fact.
      const cue = matchCue(res.gazetteer, toks, ti);
      if (cue && (cue.cue === 'title' || cue.cue === 'honorific')) {
        skipUntil = toks[ti + cue.len - 1]!.end;
        continue;
      }
      if (t.pos === 'VERB' && res.reporting.has(t.lemma)) continue;
      if (QUOTE.has(t.text)) continue;
      if (t.kind === 'number') {
        add(`N:${t.norm}`);
        continue;
      }
      while (c < covered.length && covered[c]![1] <= t.start) c++;
      const cv = covered[c];
      if (cv && cv[0] <= t.start && t.end <= cv[1]) continue;
      if (t.kind !== 'word') continue;
      const country = res.gazetteer.demonyms.get(t.norm);
      if (country) {
        add(`E:${alignEntityKey(country, res.gazetteer)}`);
        continue;
      }
      const f = folded.get(t.start);
      if (f) {
        const cut = f.indexOf('\u0000');
        const key = f.slice(0, cut);
        skipUntil = Number(f.slice(cut + 1));
        add(`L:${key}`);
        lw.set(`L:${key}`, Math.max(lw.get(`L:${key}`) ?? 0, lemmaWeight(t, res.ranks)));
        if (inQuote) add(`Q:${key}`);
        continue;
      }
      const pol = POLARITY[t.norm];
      if (pol) {
        add(`P:${pol}`);
        continue;
      }
      if (t.stop || !CONTENT_POS.has(t.pos) || t.lemma.length < 3) continue;
      const lemma = stem(t.lemma, res.stems);
      add(`L:${lemma}`);
      lw.set(`L:${lemma}`, Math.max(lw.get(`L:${lemma}`) ?? 0, lemmaWeight(t, res.ranks)));
      if (inQuote) add(`Q:${lemma}`);
    }
    // Who holds the fact when the sentence does not name them: the speaker of a quote it lies in,
    // or, for a sentence led by he/she, the last person named before it (coreference, nearest antecedent).
    const persons = [...keys.keys()].filter((k) => k.startsWith('E:person:'));
    for (const q of an.quotes) {
      if (q.speaker_entity && q.start < s.end && s.start < q.end) {
        const id = res.merges[q.speaker_entity] ?? q.speaker_entity;
        const k = `E:${alignEntityKey(id, res.gazetteer)}`;
        speaker ??= k.slice(2);
        if (!keys.has(k)) keys.set(k, 1);
      }
    }
    const first = toks.find((t) => t.kind === 'word');
    if (persons.length === 0 && lastPerson && first && PRONOUN.has(first.norm) && !keys.has(lastPerson)) keys.set(lastPerson, 1);
    if (persons.length > 0) lastPerson = persons[persons.length - 1]!;
    const words = toks.filter((t) => t.kind === 'word' && !t.stop && SIF_POS.has(t.pos)).map((t) => t.lemma.toLowerCase());
    const text = article.text.slice(s.start, s.end);
    out.push({ sentence_id: s.id, article_id: article.id, a: articleIndex, index: si, keys, words, lw, speaker, nWords: words.length, text });
  });
  return out;
}

/** Pairs of sentences scored per event: all cross-article pairs up to this many sentences, else only pairs that share a key. */
const FULL_PAIRS = 800;
/** Above FULL_PAIRS, each sentence is scored against at most this many later candidates (those sharing most keys). */
const MAX_CANDIDATES = 64;

/** The scored cross-article pairs of one event, before grouping. */
export interface ScoredEvent {
  /** The sentences that take part (at least `minKeys` keys), in input order. */
  items: SentenceKeys[];
  /** Pairs of `items` indices (i < j, different articles) with their score. */
  pairs: { i: number; j: number; score: number }[];
  /** With the learned matcher: the features of each pair, parallel to `pairs`. */
  features?: PairWithFeatures[];
}

/**
 * Score the candidate pairs of one event's sentences: (1 − sif) × the cosine of their
 * key vectors (a key weighs kind weight × idf within the event) + sif × the cosine of
 * their SIF vectors (clamped at 0). Candidates: every cross-article pair when the event
 * has at most FULL_PAIRS sentences, else pairs sharing a key held by at most
 * min(n/2, MAX_POSTING) sentences, at most MAX_CANDIDATES per sentence (those sharing
 * most such keys): blocking keeps very large events near-linear in time and memory.
 */
export function scoreEvent(
  sentences: readonly SentenceKeys[],
  options: Partial<ClaimOptions> = {},
  vectors: WordVectors | null = null,
  matcher: PairMatcher | null = null,
): ScoredEvent {
  const opts = { ...DEFAULT_CLAIM_OPTIONS, ...options };
  const items = sentences.filter((s) => s.keys.size >= opts.minKeys);
  const n = items.length;
  // Integer key ids, in first-seen order (deterministic for a given input order).
  const keyId = new Map<string, number>();
  const keyNames: string[] = [];
  const df: number[] = [];
  const ids = items.map((s) => {
    const out: number[] = [];
    for (const k of s.keys.keys()) {
      let id = keyId.get(k);
      if (id === undefined) {
        id = keyNames.length;
        keyId.set(k, id);
        keyNames.push(k);
        df.push(0);
      }
      df[id]!++;
      out.push(id);
    }
    return out;
  });
  const w2 = keyNames.map((k, id) => ((KIND_WEIGHT[k[0]!] ?? 1) * Math.log(1 + n / df[id]!)) ** 2);
  const norms = ids.map((ks) => Math.sqrt(ks.reduce((acc, id) => acc + w2[id]!, 0)));
  // The learned matcher reads the keyed cosine alone as one of its features (no SIF share).
  const sif = !matcher && opts.sif > 0 && vectors ? sifEmbeddings(items, vectors) : null;
  const mark = new Int32Array(keyNames.length).fill(-1);
  const score = (i: number, j: number) => {
    for (const id of ids[j]!) mark[id] = j;
    let dot = 0;
    for (const id of ids[i]!) if (mark[id] === j) dot += w2[id]!;
    const lexical = dot / Math.max(1e-9, norms[i]! * norms[j]!);
    if (!sif) return lexical;
    const x = sif[i]!;
    const y = sif[j]!;
    let c = 0;
    for (let d = 0; d < x.length; d++) c += x[d]! * y[d]!;
    return (1 - opts.sif) * lexical + opts.sif * Math.max(0, c);
  };
  const pairs: ScoredEvent['pairs'] = [];
  if (n <= FULL_PAIRS) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (items[i]!.a !== items[j]!.a) pairs.push({ i, j, score: score(i, j) });
  } else {
    const postings: number[][] = keyNames.map(() => []);
    ids.forEach((ks, i) => {
      for (const id of ks) postings[id]!.push(i);
    });
    const cap = Math.max(2, Math.min(Math.floor(n / 2), MAX_POSTING));
    const shared = new Int32Array(n);
    const touched: number[] = [];
    for (let i = 0; i < n; i++) {
      for (const id of ids[i]!) {
        const p = postings[id]!;
        if (p.length > cap) continue;
        for (const j of p) if (j > i && items[j]!.a !== items[i]!.a && shared[j]!++ === 0) touched.push(j);
      }
      // The MAX_CANDIDATES sentences sharing most usable keys (bounds pairs at n × MAX_CANDIDATES).
      touched.sort((x, y) => shared[y]! - shared[x]! || x - y);
      const cand = touched.slice(0, MAX_CANDIDATES).sort((x, y) => x - y);
      for (const j of touched) shared[j] = 0;
      touched.length = 0;
      for (const j of cand) pairs.push({ i, j, score: score(i, j) });
    }
  }
  if (!matcher) return { items, pairs };
  const feats = matchPairs(items, pairs, matcher.vectors, vectors, matcher.ranks);
  return {
    items,
    pairs: feats.map((f) => ({ i: f.i, j: f.j, score: probability(f.values, matcher.weights) })),
    features: feats,
  };
}

export interface PairWithFeatures {
  i: number;
  j: number;
  values: FeatureVector;
  details: Partial<Record<FeatureName, string>>;
}

/**
 * The matcher features of scored candidate pairs (`score` = keyed cosine): the pair
 * features plus what the event around the pair says — whether the two sentences are
 * each other's closest sentence (encoder cosine) in the other's article, and how far
 * the pair's cosine stands above the mean cosine of each sentence with the other
 * article's candidates (the event's shared topic lifts every cosine; this removes it).
 */
export function matchPairs(
  items: readonly SentenceKeys[],
  pairs: readonly { i: number; j: number; score: number }[],
  vectors: SentenceVectors,
  words: WordVectors | null = null,
  ranks: ReadonlyMap<string, number> = new Map(),
): PairWithFeatures[] {
  const enc = items.map((s) => {
    const v = vectors.get(s.text);
    if (!v) throw new Error(`claims: no encoder vector for sentence ${s.sentence_id} (alignableTexts and scoreEvent disagree)`);
    return v;
  });
  const cos = pairs.map((p) => encoderCosine(enc[p.i]!, enc[p.j]!));
  const key = pairs.map((p) => Math.round(p.score * 10000) / 10000);
  // Per (sentence, other article): best cosine, sum and count over the candidates; and the keyed cosines, for ranks.
  const stats = new Map<string, { best: number; sum: number; n: number; keys: number[] }>();
  const note = (x: number, art: number, c: number, kc: number) => {
    const k = `${x}:${art}`;
    const st = stats.get(k);
    if (st) {
      st.best = Math.max(st.best, c);
      st.sum += c;
      st.n++;
      st.keys.push(kc);
    } else stats.set(k, { best: c, sum: c, n: 1, keys: [kc] });
  };
  pairs.forEach((p, k) => {
    note(p.i, items[p.j]!.a, cos[k]!, key[k]!);
    note(p.j, items[p.i]!.a, cos[k]!, key[k]!);
  });
  for (const st of stats.values()) st.keys.sort((a, b) => b - a);
  // 1-based rank of a keyed cosine among the candidates (ties share the best rank).
  const rank = (st: { keys: number[] }, kc: number) => {
    let lo = 0;
    while (lo < st.keys.length && st.keys[lo]! > kc) lo++;
    return lo + 1;
  };
  const weight = (w: string) => Math.log(1 + (ranks.get(w) ?? UNKNOWN_RANK) / 100);

  return pairs.map((p, k) => {
    const c = cos[k]!;
    const si = stats.get(`${p.i}:${items[p.j]!.a}`)!;
    const sj = stats.get(`${p.j}:${items[p.i]!.a}`)!;
    const mutual = c >= si.best && c >= sj.best ? 1 : 0;
    // Mean over the *other* candidates (0 when the pair is the only one, as in a two-sentence event).
    const rest = (st: { sum: number; n: number }) => (st.n > 1 ? (st.sum - c) / (st.n - 1) : c);
    const gap = Math.round((c - (rest(si) + rest(sj)) / 2) * 10000) / 10000;
    const keyRank = Math.round(((1 / rank(si, key[k]!) + 1 / rank(sj, key[k]!)) / 2) * 10000) / 10000;
    const soft = softOverlap(items[p.i]!.words, items[p.j]!.words, words, weight);
    return {
      i: p.i,
      j: p.j,
      ...pairFeatures(items[p.i]!, items[p.j]!, {
        cosine: c,
        keyCosine: key[k]!,
        mutualBest: mutual,
        cosineGap: gap,
        keyRank,
        softOverlap: soft,
      }),
    };
  });
}

/**
 * SIF sentence vectors (Arora, Liang & Ma 2017) within one event: the idf-weighted sum
 * of the content words' vectors, minus its projection on the first principal component
 * of the event's sentence vectors (what every sentence of the event shares: the topic),
 * normalised to unit length.
 */
export function sifEmbeddings(items: readonly SentenceKeys[], vectors: WordVectors): Float64Array[] {
  const n = items.length;
  const D = vectors.dimensions;
  const df = new Map<string, number>();
  for (const s of items) for (const w of new Set(s.words)) if (vectors.get(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const emb = items.map((s) => {
    const e = new Float64Array(D);
    for (const w of s.words) {
      const v = vectors.get(w);
      if (!v) continue;
      const idf = Math.log(1 + n / df.get(w)!);
      for (let d = 0; d < D; d++) e[d] = e[d]! + idf * v[d]!;
    }
    return e;
  });
  // First principal component (uncentred, as in SIF) by power iteration from a fixed start.
  let u = new Float64Array(D).fill(1 / Math.sqrt(D));
  for (let it = 0; it < 50; it++) {
    const nu = new Float64Array(D);
    for (const e of emb) {
      let p = 0;
      for (let d = 0; d < D; d++) p += e[d]! * u[d]!;
      for (let d = 0; d < D; d++) nu[d] = nu[d]! + p * e[d]!;
    }
    const len = Math.sqrt(nu.reduce((a, b) => a + b * b, 0));
    if (len === 0) break;
    u = nu.map((x) => x / len);
  }
  return emb.map((e) => {
    let p = 0;
    for (let d = 0; d < D; d++) p += e[d]! * u[d]!;
    const r = e.map((x, d) => x - p * u[d]!);
    const len = Math.sqrt(r.reduce((a, b) => a + b * b, 0)) || 1;
    return r.map((x) => x / len);
  });
}

/**
 * Group scored sentences into claims (each a list of sentence keys, ordered by article
 * then sentence). Pairs scoring ≥ `threshold` are taken in descending order; two groups
 * join when the mean score over all their cross-article sentence pairs is ≥
 * `groupThreshold` (average link). Deterministic for a given article order.
 */
export function groupScored(scored: ScoredEvent, options: Partial<ClaimOptions> = {}): SentenceKeys[][] {
  const opts = { ...DEFAULT_CLAIM_OPTIONS, ...options };
  const { items, pairs } = scored;
  const n = items.length;
  const sim = new Map<number, number>();
  const edges: { i: number; j: number; s: number }[] = [];
  const rankOk = pairRanks(items, pairs, opts.maxRank ?? 0);
  pairs.forEach(({ i, j, score }, k) => {
    if (score <= 0) return;
    sim.set(i * n + j, score);
    if (score >= opts.threshold && rankOk[k]) edges.push({ i, j, s: score });
  });
  edges.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const sets = new UnionFind(n);
  const find = (x: number) => sets.find(x);
  const members = sets.members;
  const pairSim = (x: number, y: number) => sim.get(x < y ? x * n + y : y * n + x) ?? 0;
  for (const { i, j } of edges) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    // Mean score over the cross-article pairs of the merged group (average link).
    let sum = 0;
    let cnt = 0;
    for (const x of members[a]!) {
      for (const y of members[b]!) {
        if (items[x]!.a === items[y]!.a) continue;
        sum += pairSim(x, y);
        cnt++;
      }
    }
    if (cnt === 0 || sum / cnt < opts.groupThreshold) continue;
    sets.join(Math.min(a, b), Math.max(a, b));
  }
  const groups = new Map<number, SentenceKeys[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(items[i]!);
    else groups.set(r, [items[i]!]);
  }
  const order = (x: SentenceKeys, y: SentenceKeys) => x.a - y.a || x.index - y.index;
  return [...groups.values()].map((g) => g.sort(order)).sort((x, y) => order(x[0]!, y[0]!));
}

/** Per pair: whether each sentence ranks among the other's `maxRank` best candidates in the other's article (ties share a rank); all true when maxRank is 0. */
function pairRanks(items: readonly SentenceKeys[], pairs: ScoredEvent['pairs'], maxRank: number): boolean[] {
  if (!(maxRank > 0)) return pairs.map(() => true);
  const lists = new Map<string, number[]>();
  const add = (x: number, art: number, s: number) => {
    const k = `${x}:${art}`;
    const l = lists.get(k);
    if (l) l.push(s);
    else lists.set(k, [s]);
  };
  for (const p of pairs) {
    add(p.i, items[p.j]!.a, p.score);
    add(p.j, items[p.i]!.a, p.score);
  }
  for (const l of lists.values()) l.sort((a, b) => b - a);
  const within = (x: number, art: number, s: number) => {
    const l = lists.get(`${x}:${art}`)!;
    let better = 0;
    while (better < l.length && l[better]! > s) better++;
    return better < maxRank;
  };
  return pairs.map((p) => within(p.i, items[p.j]!.a, p.score) && within(p.j, items[p.i]!.a, p.score));
}

/** `scoreEvent` then `groupScored`. */
export function alignSentences(
  sentences: readonly SentenceKeys[],
  options: Partial<ClaimOptions> = {},
  vectors: WordVectors | null = null,
  matcher: PairMatcher | null = null,
): SentenceKeys[][] {
  return groupScored(scoreEvent(sentences, options, vectors, matcher), matcherOptions(options, matcher));
}

/** The learned matcher brings its own (trained) thresholds; explicit options still win. */
export function matcherOptions(options: Partial<ClaimOptions>, matcher: PairMatcher | null): Partial<ClaimOptions> {
  if (!matcher) return options;
  return { threshold: matcher.weights.threshold, groupThreshold: matcher.weights.groupThreshold, ...options };
}

/** The evidence of one claim: every cross-article pair of its members with its score and what pushed it. */
export function claimPairs(
  g: readonly SentenceKeys[],
  scored: Map<string, number>,
  matcher: PairMatcher | null,
  featuresOf: ReadonlyMap<string, Pick<PairWithFeatures, 'values' | 'details'>> = new Map(),
): ClaimPair[] {
  const out: ClaimPair[] = [];
  for (let x = 0; x < g.length; x++) {
    for (let y = x + 1; y < g.length; y++) {
      const a = g[x]!;
      const b = g[y]!;
      if (a.a === b.a) continue;
      const score = scored.get(`${a.sentence_id}\u0000${b.sentence_id}`) ?? scored.get(`${b.sentence_id}\u0000${a.sentence_id}`) ?? 0;
      if (!matcher) {
        out.push({ a: a.sentence_id, b: b.sentence_id, score: Math.round(score * 10000) / 10000, features: [] });
        continue;
      }
      const f = featuresOf.get(`${a.sentence_id}\u0000${b.sentence_id}`) ?? featuresOf.get(`${b.sentence_id}\u0000${a.sentence_id}`);
      out.push({ a: a.sentence_id, b: b.sentence_id, score, features: f ? explain(f.values, f.details, matcher.weights) : [] });
    }
  }
  return out;
}

export function trimLabel(s: string, max = 100): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const space = t.lastIndexOf(' ', max - 1);
  let cut = space > 40 ? space : max - 1;
  // Never split a surrogate pair (an emoji or a supplementary-plane letter).
  if (/[\uD800-\uDBFF]/.test(t[cut - 1] ?? '')) cut--;
  return `${t.slice(0, cut)}…`;
}

/** Claims of one event (every grouped or content-bearing sentence ends in exactly one claim). */
export function claimsForEvent(
  event: Event,
  analyses: readonly ArticleAnalysis[],
  res: AlignResources,
  options?: Partial<ClaimOptions>,
  keys: readonly SentenceKeys[] = analyses.flatMap((an, i) => sentenceKeys(an, i, res)),
  matcher: PairMatcher | null = null,
): Claim[] {
  return claimsWithCoverage(event, analyses, res, options, keys, matcher).claims;
}

/** What the omissions need besides the claims: which outside articles come close to each claim, and how tight each claim is. */
export interface ClaimCoverage {
  /** claim_id -> article id -> the best sentence of that article (not in the claim) with a member, and its score. */
  near: ReadonlyMap<string, ReadonlyMap<string, { sentence_id: string; member: string; score: number }>>;
  /** claim_id -> article id -> the best soft word alignment of a sentence of that article with a member (claims of two or more articles only). */
  soft: ReadonlyMap<string, ReadonlyMap<string, { sentence_id: string; member: string; score: number }>>;
  /** claim_id -> mean score over its cross-article pairs (1 for a one-article claim). */
  cohesion: ReadonlyMap<string, number>;
  coverThreshold: number;
  cohesionThreshold: number;
  softCover: number;
}

/** `claimsForEvent` plus the coverage the omissions are checked against. */
export function claimsWithCoverage(
  event: Event,
  analyses: readonly ArticleAnalysis[],
  res: AlignResources,
  options?: Partial<ClaimOptions>,
  keys: readonly SentenceKeys[] = analyses.flatMap((an, i) => sentenceKeys(an, i, res)),
  matcher: PairMatcher | null = null,
): { claims: Claim[]; coverage: ClaimCoverage } {
  const scoredEvent = scoreEvent(keys, options, res.vectors, matcher);
  const opts = { ...DEFAULT_CLAIM_OPTIONS, ...matcherOptions(options ?? {}, matcher) };
  const groups = groupScored(scoredEvent, opts);
  const scored = new Map<string, number>();
  const featuresOf = new Map<string, PairWithFeatures>();
  scoredEvent.pairs.forEach((p, k) => {
    const key = `${scoredEvent.items[p.i]!.sentence_id}\u0000${scoredEvent.items[p.j]!.sentence_id}`;
    scored.set(key, p.score);
    const f = scoredEvent.features?.[k];
    if (f) featuresOf.set(key, f);
  });
  const textOf = new Map<string, string>();
  const outletOf = new Map<string, string>();
  for (const an of analyses) {
    outletOf.set(an.article.id, an.article.outlet);
    for (const s of an.article.sentences) textOf.set(s.id, an.article.text.slice(s.start, s.end));
  }
  const claims = groups.map((g, k) => {
    const articleIds = [...new Set(g.map((s) => s.article_id))].sort(cmp);
    const shortest = g.map((s) => textOf.get(s.sentence_id) ?? '').reduce((a, b) => (b.length < a.length ? b : a));
    return {
      claim_id: `${event.event_id}:c${k}`,
      event_id: event.event_id,
      label: trimLabel(shortest),
      sentence_ids: g.map((s) => s.sentence_id),
      article_ids: articleIds,
      n_outlets: new Set(articleIds.map((a) => outletOf.get(a))).size,
      pairs: claimPairs(g, scored, matcher, featuresOf),
    };
  });
  // Coverage: for each claim, the best-scoring sentence of every article outside it.
  const claimOf = new Map<string, number>();
  claims.forEach((c, k) => c.sentence_ids.forEach((sid) => claimOf.set(sid, k)));
  const near = claims.map(() => new Map<string, { sentence_id: string; member: string; score: number }>());
  const consider = (member: SentenceKeys, other: SentenceKeys, score: number) => {
    const k = claimOf.get(member.sentence_id);
    if (k === undefined || claims[k]!.article_ids.includes(other.article_id)) return;
    const m = near[k]!;
    const best = m.get(other.article_id);
    if (!best || score > best.score || (score === best.score && cmp(other.sentence_id, best.sentence_id) < 0))
      m.set(other.article_id, { sentence_id: other.sentence_id, member: member.sentence_id, score: Math.round(score * 10000) / 10000 });
  };
  for (const p of scoredEvent.pairs) {
    const x = scoredEvent.items[p.i]!;
    const y = scoredEvent.items[p.j]!;
    consider(x, y, p.score);
    consider(y, x, p.score);
  }
  // Soft word alignment of every sentence outside a multi-article claim with its members.
  const softCover = opts.softCover ?? 0;
  const soft = claims.map(() => new Map<string, { sentence_id: string; member: string; score: number }>());
  if (softCover > 0) {
    const weight = (w: string) => Math.log(1 + (res.ranks.get(w) ?? UNKNOWN_RANK) / 100);
    const byId = new Map(scoredEvent.items.map((s) => [s.sentence_id, s]));
    claims.forEach((c, k) => {
      if (c.article_ids.length < 2) return;
      const members = c.sentence_ids.map((sid) => byId.get(sid)).filter((s): s is SentenceKeys => s !== undefined);
      for (const other of scoredEvent.items) {
        if (c.article_ids.includes(other.article_id)) continue;
        for (const m of members) {
          const v = softOverlap(m.words, other.words, res.vectors, weight);
          const best = soft[k]!.get(other.article_id);
          if (!best || v > best.score) soft[k]!.set(other.article_id, { sentence_id: other.sentence_id, member: m.sentence_id, score: v });
        }
      }
    });
  }
  const cohesion = new Map<string, number>();
  claims.forEach((c) => cohesion.set(c.claim_id, c.pairs.length ? c.pairs.reduce((a, p) => a + p.score, 0) / c.pairs.length : 1));
  return {
    claims,
    coverage: {
      near: new Map(claims.map((c, k) => [c.claim_id, near[k]!])),
      soft: new Map(claims.map((c, k) => [c.claim_id, soft[k]!])),
      cohesion,
      softCover,
      coverThreshold: opts.coverThreshold ?? opts.groupThreshold,
      cohesionThreshold: opts.cohesionThreshold ?? opts.groupThreshold,
    },
  };
}

/** Sentences the claims stage will compare: those of events with at least two articles that have enough keys. */
export function alignableTexts(state: CorpusState, ctx: EngineContext, options: Partial<ClaimOptions> = {}): string[] {
  const res = alignResources(state, ctx);
  const minKeys = options.minKeys ?? DEFAULT_CLAIM_OPTIONS.minKeys;
  const out = new Set<string>();
  for (const members of eventMembers(state)) {
    if (members.length < 2) continue;
    for (const sk of members.flatMap((an, i) => sentenceKeys(an, i, res))) if (sk.keys.size >= minKeys) out.add(sk.text);
  }
  return [...out].sort();
}

export function eventMembers(state: CorpusState): ArticleAnalysis[][] {
  const byId = new Map(state.articles.map((a) => [a.article.id, a]));
  return state.events.map((ev) =>
    ev.article_ids
      .map((id) => byId.get(id))
      .filter((a): a is ArticleAnalysis => a !== undefined && a.article.english && a.article.sentences.length > 0),
  );
}

export const claimsStage: CorpusStage = {
  name: 'claims',
  run(state, ctx) {
    const res = alignResources(state, ctx);
    let matcher: PairMatcher | null = null;
    if (ctx.options.matcher === 'encoder') {
      if (!state.vectors) throw new TypeError('The `encoder` matcher needs sentence vectors: use analyzeAsync/buildReportAsync with an encoder, or matcher: "lexical".');
      matcher = { weights: ctx.tables.get('claim-matcher', () => matcherWeights(ctx.lexicons.claimMatcher)), vectors: state.vectors, ranks: res.ranks };
    }
    const claims: Claim[] = [];
    // Entity keys per sentence: the salience of a claim unique to one article (stage `omissions`).
    const named = new Map<string, number>();
    // The coverage each event's omissions are checked against (stage `omissions`).
    const coverages = new Map<string, ClaimCoverage>();
    const allMembers = eventMembers(state);
    state.events.forEach((ev, e) => {
      const members = allMembers[e]!;
      if (members.length === 0) return;
      const keys = members.flatMap((an, i) => sentenceKeys(an, i, res));
      const { claims: evClaims, coverage } = claimsWithCoverage(ev, members, res, undefined, keys, members.length >= 2 ? matcher : null);
      coverages.set(ev.event_id, coverage);
      for (const sk of keys) {
        let e = 0;
        for (const k of sk.keys.keys()) if (k.startsWith('E:')) e++;
        named.set(sk.sentence_id, e);
      }
      claims.push(...evClaims);
    });
    state.claims = claims;
    state.namedKeys = named;
    state.claimCoverage = coverages;
  },
};
