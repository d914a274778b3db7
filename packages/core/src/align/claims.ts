/**
 * Corpus stage `claims`: within each event, sentences from different articles that
 * report the same fact become one claim; then omissions are derived from coverage.
 *
 * A sentence is a bag of keys:
 *   - `E:` named entities by canonical id, with places that stand for a state folded
 *     into its government (place:russia, place:moscow, "Russian" -> gov:russia), so
 *     "Washington and Moscow" meets "US" and "Russia's";
 *   - `L:` content lemmas (wink), with the one-word surfaces of the term lexicon's
 *     naming concepts folded into their concept (talks / negotiations / discussions /
 *     meeting -> one key), the paraphrase tolerance;
 *   - `N:` numbers, `Q:` content lemmas inside quotation marks (a shared quote counts twice).
 * Keys are idf-weighted within the event (rare keys say more) and two sentences score
 * the weighted cosine of their key sets. Candidate pairs come from an inverted index
 * (only pairs that share a key are scored); pairs at or above `threshold` are joined
 * in descending score order (single link) as long as the two groups share no article,
 * so a claim holds at most one sentence per article and cannot chain across a text.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { ArticleAnalysis, CorpusStage, CorpusState, EngineContext, Token } from '../model';
import type { Claim, Event, Omission } from '../schema';
import { matchCue } from './entities';
import { compileGazetteer, type Gazetteer } from './gazetteer';
import { compileTerms, findTerms, type TermIndex } from './terms';
import { cmp } from './text';

export interface ClaimOptions {
  /** Minimum weighted cosine for two sentences to report the same fact. */
  threshold: number;
  /** Two groups join only if the mean similarity over all their cross-article sentence pairs is at least this. */
  groupThreshold: number;
  /** Minimum number of keys for a sentence to take part (drops fragments and sub-headings). */
  minKeys: number;
}

export const DEFAULT_CLAIM_OPTIONS: Readonly<ClaimOptions> = Object.freeze({
  threshold: 0.25,
  groupThreshold: 0.15,
  minKeys: 4,
});

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN', 'ADV']);
/** Keys held by more sentences than this propose no candidates (bounds the cost in very large events). */
const MAX_POSTING = 400;
const NAMED = new Set(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP']);
const QUOTE = new Set(['"', '“', '”']);
/** Polarity words wink marks as stop words but that carry the fact ("not invited", "without Ukraine"). */
const POLARITY: Record<string, string> = { not: 'neg', "n't": 'neg', no: 'neg', never: 'neg', neither: 'neg', nor: 'neg', none: 'neg', nothing: 'neg', without: 'without' };
const stemCache = new Map<string, string>();
/** Porter stem of a lemma (participation / participate -> particip), memoised. */
function stem(lemma: string): string {
  let s = stemCache.get(lemma);
  if (s === undefined) {
    s = PorterStemmer.stem(lemma);
    if (stemCache.size < 50000) stemCache.set(lemma, s);
  }
  return s;
}
const KIND_WEIGHT: Record<string, number> = { E: 1.5, L: 1, N: 1.5, Q: 0.5, P: 1 };

export interface AlignResources {
  gazetteer: Gazetteer;
  /** Lemmas of reporting verbs (attribution-verbs lexicon). */
  reporting: ReadonlySet<string>;
  terms: TermIndex;
  merges: Readonly<Record<string, string>>;
}

export function alignResources(state: CorpusState, ctx: EngineContext): AlignResources {
  return {
    gazetteer: compileGazetteer(ctx.lexicons.entities, ctx.nlp),
    reporting: reportingVerbs(ctx.lexicons.attributionVerbs),
    terms: compileTerms(ctx.lexicons.terms, ctx.nlp),
    merges: state.entityMerges,
  };
}

const reportingCache = new WeakMap<object, ReadonlySet<string>>();
function reportingVerbs(lex: { entries: readonly { lemma: string }[] }): ReadonlySet<string> {
  let set = reportingCache.get(lex);
  if (!set) {
    set = new Set(lex.entries.map((e) => e.lemma));
    reportingCache.set(lex, set);
  }
  return set;
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
}

/** The keys of every sentence of one article. */
export function sentenceKeys(an: ArticleAnalysis, articleIndex: number, res: AlignResources): SentenceKeys[] {
  const { article } = an;
  const ents = article.entities.filter((m) => m.entity_id !== null && NAMED.has(m.type));
  let e = 0;
  const out: SentenceKeys[] = [];
  article.sentences.forEach((s, si) => {
    const keys = new Map<string, number>();
    const add = (k: string) => keys.set(k, (keys.get(k) ?? 0) + 1);
    while (e < ents.length && ents[e]!.end <= s.start) e++;
    const covered: [number, number][] = [];
    for (let k = e; k < ents.length && ents[k]!.start < s.end; k++) {
      const m = ents[k]!;
      const id = res.merges[m.entity_id!] ?? m.entity_id!;
      add(`E:${alignEntityKey(id, res.gazetteer)}`);
      covered.push([m.start, m.end]);
    }
    const toks: readonly Token[] = an.tokens[si] ?? [];
    // Lexicon concepts (contested names and paraphrase sets) fold their surfaces into one key.
    const folded = new Map<number, string>();
    for (const m of findTerms(toks, res.terms)) folded.set(m.start, `concept:${m.concept_id}\u0000${m.end}`);
    let inQuote = false;
    let c = 0;
    let skipUntil = -1;
    for (let ti = 0; ti < toks.length; ti++) {
      const t = toks[ti]!;
      if (t.start < skipUntil) continue;
      // Titles ("National Security Adviser") belong to the name, and reporting verbs ("said") to the attribution, not to the fact.
      const cue = matchCue(res.gazetteer, toks, ti);
      if (cue && (cue.cue === 'title' || cue.cue === 'honorific')) {
        skipUntil = toks[ti + cue.len - 1]!.end;
        continue;
      }
      if (t.pos === 'VERB' && res.reporting.has(t.lemma)) continue;
      if (QUOTE.has(t.text)) {
        inQuote = !inQuote;
        continue;
      }
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
        if (inQuote) add(`Q:${key}`);
        continue;
      }
      const pol = POLARITY[t.norm];
      if (pol) {
        add(`P:${pol}`);
        continue;
      }
      if (t.stop || !CONTENT_POS.has(t.pos) || t.lemma.length < 3) continue;
      const lemma = stem(t.lemma);
      add(`L:${lemma}`);
      if (inQuote) add(`Q:${lemma}`);
    }
    out.push({ sentence_id: s.id, article_id: article.id, a: articleIndex, index: si, keys });
  });
  return out;
}

/**
 * Group the sentences of one event's articles into claims (each a list of sentence
 * keys, ordered by article then sentence). Deterministic for a given article order.
 */
export function alignSentences(sentences: readonly SentenceKeys[], options: Partial<ClaimOptions> = {}): SentenceKeys[][] {
  const opts = { ...DEFAULT_CLAIM_OPTIONS, ...options };
  const items = sentences.filter((s) => s.keys.size >= opts.minKeys);
  const n = items.length;
  const df = new Map<string, number>();
  for (const s of items) for (const k of s.keys.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const w = (k: string) => (KIND_WEIGHT[k[0]!] ?? 1) * Math.log(1 + n / (df.get(k) ?? 1));
  const norm = items.map((s) => Math.sqrt([...s.keys.keys()].reduce((acc, k) => acc + w(k) ** 2, 0)));
  // Inverted index; keys in more than half of the sentences (or MAX_POSTING) do not propose candidates.
  const postings = new Map<string, number[]>();
  items.forEach((s, i) => {
    for (const k of s.keys.keys()) {
      const p = postings.get(k);
      if (p) p.push(i);
      else postings.set(k, [i]);
    }
  });
  const cap = Math.max(2, Math.min(Math.floor(n / 2), MAX_POSTING));
  const edges: { i: number; j: number; s: number }[] = [];
  const sim = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const si = items[i]!;
    const cand = new Set<number>();
    for (const k of si.keys.keys()) {
      const p = postings.get(k)!;
      if (p.length > cap) continue;
      for (const j of p) if (j > i && items[j]!.a !== si.a) cand.add(j);
    }
    for (const j of cand) {
      const sj = items[j]!;
      let dot = 0;
      for (const k of si.keys.keys()) if (sj.keys.has(k)) dot += w(k) ** 2;
      const s = dot / Math.max(1e-9, norm[i]! * norm[j]!);
      if (s > 0) sim.set(i * n + j, s);
      if (s >= opts.threshold) edges.push({ i, j, s });
    }
  }
  edges.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const parent = items.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const members = items.map((_, i) => [i]);
  const pairSim = (x: number, y: number) => sim.get(x < y ? x * n + y : y * n + x) ?? 0;
  for (const { i, j } of edges) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    // Mean similarity over the cross-article pairs of the merged group (average link).
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
    const root = Math.min(a, b);
    const other = Math.max(a, b);
    parent[other] = root;
    members[root]!.push(...members[other]!);
    members[other] = [];
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

function trimLabel(s: string, max = 100): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > 40 ? cut : max - 1)}…`;
}

/** Claims of one event (every grouped or content-bearing sentence ends in exactly one claim). */
export function claimsForEvent(
  event: Event,
  analyses: readonly ArticleAnalysis[],
  res: AlignResources,
  options?: Partial<ClaimOptions>,
  keys: readonly SentenceKeys[] = analyses.flatMap((an, i) => sentenceKeys(an, i, res)),
): Claim[] {
  const groups = alignSentences(keys, options);
  const textOf = new Map<string, string>();
  const outletOf = new Map<string, string>();
  for (const an of analyses) {
    outletOf.set(an.article.id, an.article.outlet);
    for (const s of an.article.sentences) textOf.set(s.id, an.article.text.slice(s.start, s.end));
  }
  return groups.map((g, k) => {
    const articleIds = [...new Set(g.map((s) => s.article_id))].sort(cmp);
    const shortest = g.map((s) => textOf.get(s.sentence_id) ?? '').reduce((a, b) => (b.length < a.length ? b : a));
    return {
      claim_id: `${event.event_id}:c${k}`,
      event_id: event.event_id,
      label: trimLabel(shortest),
      sentence_ids: g.map((s) => s.sentence_id),
      article_ids: articleIds,
      n_outlets: new Set(articleIds.map((a) => outletOf.get(a))).size,
    };
  });
}

/**
 * Omissions of one event, ranked by salience:
 *   - `omitted_by`: a claim that at least half of the event's articles (and at least
 *     two) report and this article does not; salience = share of the other articles
 *     that report it (0.5 … 1);
 *   - `unique_to`: a claim only this article reports; salience = 0.4 × min(1, named
 *     entities in it / 4) (below every omitted_by, ordered by how much it names).
 */
export function omissionsForEvent(event: Event, claims: readonly Claim[], analyses: readonly ArticleAnalysis[], keyCount: ReadonlyMap<string, number>): Omission[] {
  const k = analyses.length;
  if (k < 2) return [];
  const outletOf = new Map(analyses.map((a) => [a.article.id, a.article.outlet]));
  const out: Omission[] = [];
  for (const c of claims) {
    const n = c.article_ids.length;
    if (n >= 2 && n >= Math.ceil(k / 2) && n < k) {
      for (const a of analyses) {
        const id = a.article.id;
        if (c.article_ids.includes(id)) continue;
        out.push({
          kind: 'omitted_by',
          claim_id: c.claim_id,
          event_id: event.event_id,
          article_id: id,
          outlet: a.article.outlet,
          salience: n / (k - 1),
          reason: `reported by ${n} of ${k} articles (${c.article_ids.join(', ')}) but not by this one`,
        });
      }
    } else if (n === 1) {
      const id = c.article_ids[0]!;
      const named = keyCount.get(c.sentence_ids[0]!) ?? 0;
      out.push({
        kind: 'unique_to',
        claim_id: c.claim_id,
        event_id: event.event_id,
        article_id: id,
        outlet: outletOf.get(id) ?? '',
        salience: 0.4 * Math.min(1, named / 4),
        reason: `only this article of ${k} reports it`,
      });
    }
  }
  return out;
}

export const claimsStage: CorpusStage = {
  name: 'claims',
  run(state, ctx) {
    const res = alignResources(state, ctx);
    const byId = new Map(state.articles.map((a) => [a.article.id, a]));
    const claims: Claim[] = [];
    const omissions: Omission[] = [];
    for (const ev of state.events) {
      const members = ev.article_ids
        .map((id) => byId.get(id))
        .filter((a): a is ArticleAnalysis => a !== undefined && a.article.english && a.article.sentences.length > 0);
      if (members.length === 0) continue;
      const keys = members.flatMap((an, i) => sentenceKeys(an, i, res));
      const evClaims = claimsForEvent(ev, members, res, undefined, keys);
      const named = new Map<string, number>();
      for (const sk of keys) {
        let e = 0;
        for (const k of sk.keys.keys()) if (k.startsWith('E:')) e++;
        named.set(sk.sentence_id, e);
      }
      claims.push(...evClaims);
      omissions.push(...omissionsForEvent(ev, evClaims, members, named));
    }
    omissions.sort(
      (a, b) => b.salience - a.salience || cmp(a.event_id, b.event_id) || cmp(a.claim_id, b.claim_id) || cmp(a.article_id, b.article_id) || cmp(a.kind, b.kind),
    );
    state.claims = claims;
    state.omissions = omissions.map((o) => ({ ...o, salience: Math.round(o.salience * 10000) / 10000 }));
  },
};
