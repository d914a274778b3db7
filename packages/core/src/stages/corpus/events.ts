/**
 * Event grouping: which articles report the same real-world event.
 *
 * Usable standalone at corpus scale: `extractEventFeatures` turns one analysed
 * article into a small plain object, `groupEvents` groups any number of them.
 *
 *   const feats = analyses.map(extractEventFeatures);
 *   const events = groupEvents(feats); // Event[] with stable ids
 *
 * groupEvents never compares all pairs. Candidates come from an inverted index over
 * entity ids and terms, blocked by date: a dated article looks up, per key, only the
 * articles holding it within ±`maxSpanDays` days (a key held by more than
 * `maxPosting` of them is too common in those days to block on, so a key like
 * `place:ukraine` that is everywhere in a year's archive still proposes candidates
 * within a few days); undated articles use the key's whole posting list under the same
 * cap. A candidate shares at least `minShared` keys; at most `maxCandidates` per
 * article, those sharing most. Each candidate pair gets a weighted-overlap score
 * (idf-weighted entities x2, content lemmas, title terms; two articles whose main city
 * differs — each names its own city at least twice and the other never — are
 * penalised). Pairs are joined in descending score order while the dated members of a
 * group lie within `maxSpanDays` and the two groups are linked as wholes (see
 * `linkThreshold`), which keeps one strong pair from chaining two stories together.
 * Cost: O(N · K · (log N + maxPosting)) look-ups, O(N · maxCandidates · K) scoring,
 * where K is the number of keys of an article; per article it does not grow with the
 * length of the archive, only with how many articles a few days hold.
 */
import type { ArticleAnalysis, CorpusStage, EngineContext } from '../../model';
import type { Event } from '../../schema';
import { cmp, fnv1a } from '../../lib/text';
import { UnionFind } from '../../lib/union-find';
import { hasClass } from '../../lib/name-classes';

export interface EventFeatures {
  article_id: string;
  outlet: string;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  /** Top named-entity ids (PERSON/ORG/PLACE/GOV/GROUP) by mention count. */
  entities: string[];
  /** Top content lemmas by frequency (not covered by a named entity). */
  terms: string[];
  /** Title words that are also content words of the body. */
  title_terms: string[];
  /** City ids mentioned (sorted) and the main one (named at least twice), for the different-city check. */
  places: string[];
  place: string | null;
  /**
   * The article's main actors: up to 3 PERSON/ORG/PLACE entity ids named at least twice,
   * most named first (optional for features built by older code). Two articles where
   * neither's first main actor is among the other's entities are about different actors.
   */
  main?: string[];
  /** The title cleaned of a trailing site name ("... - CNN"), for the event label (optional). */
  title?: string;
  /**
   * When what is reported happened, as the lead says it (`YYYY-MM-DD`): "on Tuesday" or
   * "yesterday" resolved against the publication date, or "February 18" / "Feb. 18, 2025"
   * (year from the publication date when not given). Null when the lead names no day or
   * a weekday can't be resolved (undated article). Used for the event's date, never for grouping.
   */
  event_date?: string | null;
  /**
   * Content-lemma counts of the whole body (top TERM_COUNTS by count), the
   * bag of words behind the TF-IDF cosine (optional for features built by older code).
   */
  term_counts?: [string, number][];
  /** Named-entity id counts (top ENTITY_COUNTS), the entity part of the TF-IDF vector. */
  entity_counts?: [string, number][];
  /** The cleaned title's words, lower case, without the words the body uses as stop words. */
  title_words?: string[];
}

export interface GroupEventsOptions {
  /** Minimum pair score to join (0..1). */
  threshold: number;
  /** Dated members of one event lie within this many days. */
  maxSpanDays: number;
  /**
   * Keys held by more articles than this are not used to propose candidates: for a
   * dated article, counted among the dated articles within ±maxSpanDays of its date
   * (and, separately, among the undated ones); for an undated article, in the corpus.
   */
  maxPosting: number;
  /** Score subtracted when the two articles' main cities differ. */
  placePenalty: number;
  /** Score subtracted when neither article's main actor is among the other's entities. */
  actorPenalty: number;

  /** A candidate must share at least this many blocking keys. */
  minShared: number;
  /** At most this many candidates per article (those sharing the most keys) are scored. */
  maxCandidates: number;
  /**
   * Two groups join only if they are linked as wholes: with b = min(|larger|,
   * linkBreadth), the b best scores of each member of the smaller group to members of
   * the larger (pairs never proposed count 0) sum to at least linkThreshold ×
   * |smaller| × b. Average link while groups are small; a large group is joined only
   * by articles that link well to b of its members.
   */
  linkThreshold: number;
  /** See linkThreshold: how many members of a large group a joining article must link to. */
  linkBreadth: number;
  /**
   * With vectors (term_counts, entity_counts, title_words on both articles) the pair score is
   * cosineWeight × TF-IDF cosine of the bodies (lemmas and entity ids, entities ×1.5)
   * + titleWeight × TF-IDF cosine of the titles − dayPenalty × |days apart|.
   */
  cosineWeight: number;
  titleWeight: number;
  dayPenalty: number;
  /** Two articles that are each other's best-scoring candidate join from this score (below threshold). */
  mutualFloor: number;
  /** An article and its best-scoring candidate (one way) join from this score. */
  nearestFloor: number;
}

export const DEFAULT_EVENT_OPTIONS: Readonly<GroupEventsOptions> = Object.freeze({
  // With the TF-IDF cosine score (issue 12, second pass), tuned on allsides_events split=train
  // (figures in bench/RESULTS.md). threshold 0.23 (train F1 0.2 0.888, 0.23 0.886, 0.25 0.885;
  // 0.23 is the best that keeps the off-event fixture pair, 0.209, apart), linkThreshold 0.22
  // (0.2 0.885, 0.22 0.888, 0.25 0.887, 0.3 0.874), mutualFloor 0.1, nearestFloor 0.15,
  // dayPenalty 0.02; placePenalty 0 (0.05 0.885, 0.1 0.879; a different main city now only
  // bars best-match joins).
  threshold: 0.23,
  maxSpanDays: 4,
  maxPosting: 100,
  placePenalty: 0,
  actorPenalty: 0, // measured on train: 0.1 lowers F1 (0.835 -> 0.825); kept as an option

  minShared: 2,
  maxCandidates: 50,
  linkThreshold: 0.22,
  linkBreadth: 8,
  cosineWeight: 0.7,
  titleWeight: 0.3,
  dayPenalty: 0.02,
  mutualFloor: 0.1,
  nearestFloor: 0.15,
});

const NAMED = new Set(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const TOP_ENTITIES = 12;
const TOP_TERMS = 15;
const TERM_COUNTS = 60;
const ENTITY_COUNTS = 30;
const ENTITY_BOOST = 1.5;
const IDF_MIN_DOCS = 20;
const ACTOR_PREFIX = /^(?:person|org|place):/;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** The city ids of the engine's entities lexicon, and the seats of government among them. */
interface EventPlaces {
  cities: ReadonlySet<string>;
  /** Seats of government (Moscow, Kyiv, Washington): news names them as actors ("Moscow demanded"), so they say little about where an event happened. */
  seats: ReadonlySet<string>;
}
function eventPlaces(ctx: Pick<EngineContext, 'lexicons' | 'tables'>): EventPlaces {
  return ctx.tables.get('events:places', () => {
    const entries = ctx.lexicons.entities.entries;
    return {
      cities: new Set(entries.filter((e) => 'kind' in e && e.kind === 'city').map((e) => (e as { id: string }).id)),
      seats: new Set(
        entries.filter((e) => 'kind' in e && e.kind === 'city' && 'government' in e && typeof e.government === 'string').map((e) => (e as { id: string }).id),
      ),
    };
  });
}

function topByCount(counts: Map<string, { n: number; first: number }>, k: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first || cmp(a[0], b[0]))
    .slice(0, k)
    .map(([key]) => key);
}

/** The small, plain description of one article that event grouping needs. Pure. */
export function extractEventFeatures(a: ArticleAnalysis, ctx: Pick<EngineContext, 'lexicons' | 'tables'>): EventFeatures {
  const known = eventPlaces(ctx);
  const { article } = a;
  const ents = new Map<string, { n: number; first: number }>();
  const cityCount = new Map<string, number>();
  const covered: [number, number][] = [];
  let order = 0;
  for (const m of article.entities) {
    if (!m.entity_id || !NAMED.has(m.type)) continue;
    covered.push([m.start, m.end]);
    const e = ents.get(m.entity_id);
    if (e) e.n++;
    else ents.set(m.entity_id, { n: 1, first: order++ });
    // A city: a gazetteer city, or a place compromise's lexicon lists as a city ("Istanbul", "Oakland").
    if (known.cities.has(m.entity_id) || (m.type === 'PLACE' && m.rule === 'compromise:place' && hasClass(m.text, 'city'))) cityCount.set(m.entity_id, (cityCount.get(m.entity_id) ?? 0) + 1);
  }
  covered.sort((x, y) => x[0] - y[0]);
  const terms = new Map<string, { n: number; first: number }>();
  const bodyWords = new Set<string>();
  let c = 0;
  order = 0;
  for (const sent of a.tokens) {
    for (const t of sent) {
      if (t.kind !== 'word' || t.stop || !CONTENT_POS.has(t.pos) || t.lemma.length < 3) continue;
      bodyWords.add(t.norm);
      bodyWords.add(t.lemma);
      while (c < covered.length && covered[c]![1] <= t.start) c++;
      const cv = covered[c];
      if (cv && cv[0] <= t.start && t.end <= cv[1]) continue;
      const e = terms.get(t.lemma);
      if (e) e.n++;
      else terms.set(t.lemma, { n: 1, first: order++ });
    }
  }
  const titleTerms = new Set<string>();
  for (const w of article.title.toLowerCase().match(WORD) ?? []) if (bodyWords.has(w)) titleTerms.add(w);
  // Bag of words for the TF-IDF cosine: every content lemma of the body (entity words too), and title words that the body does not use as stop words.
  const lemmas = new Map<string, { n: number; first: number }>();
  const stops = new Set<string>();
  order = 0;
  for (const sent of a.tokens) {
    for (const t of sent) {
      if (t.kind !== 'word') continue;
      if (t.stop) stops.add(t.norm);
      if (t.stop || !CONTENT_POS.has(t.pos) || t.lemma.length < 3) continue;
      const e = lemmas.get(t.lemma);
      if (e) e.n++;
      else lemmas.set(t.lemma, { n: 1, first: order++ });
    }
  }
  const cleaned = cleanTitle(article.title);
  const titleWords = [...new Set((cleaned.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 2 && !stops.has(w)))].sort(cmp);
  const date = article.published ? (ISO_DATE.exec(article.published)?.[1] ?? null) : null;
  const places = [...cityCount.keys()].sort(cmp);
  const actors = [...ents.entries()]
    .filter(([id, e]) => e.n >= 2 && ACTOR_PREFIX.test(id))
    .sort((x, y) => y[1].n - x[1].n || x[1].first - y[1].first || cmp(x[0], y[0]))
    .slice(0, 3)
    .map(([id]) => id);
  const main = [...cityCount.entries()].filter(([id]) => !known.seats.has(id)).sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))[0];
  return {
    article_id: article.id,
    outlet: article.outlet,
    date,
    entities: topByCount(ents, TOP_ENTITIES),
    terms: topByCount(terms, TOP_TERMS),
    title_terms: [...titleTerms].sort(cmp),
    places,
    place: main && main[1] >= 2 ? main[0] : null,
    main: actors,
    title: cleaned,
    event_date: statedDate(a, date),
    term_counts: topByCount(lemmas, TERM_COUNTS).map((k) => [k, lemmas.get(k)!.n]),
    entity_counts: topByCount(ents, ENTITY_COUNTS).map((k) => [k, ents.get(k)!.n]),
    title_words: titleWords,
  };
}

/** A title without a trailing or leading site name ("Talks end | Reuters", "CNN: Talks end"), whitespace squashed. */
export function cleanTitle(title: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  t = t.replace(/\s+[|\-–—]\s+[^|\-–—]{2,40}$/u, (m) => (m.split(/\s+/).length <= 6 ? '' : m));
  t = t.replace(/^[A-Z][\w.]{1,20}:\s+/u, '');
  return t.trim();
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/;
const isoOf = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);

/**
 * The date the lead (first 3 sentences outside boilerplate) gives for what happened:
 * the first "on <weekday>" / "<weekday>" (the latest such day on or before the
 * publication date), "yesterday", or "<Month> <day>[, <year>]". Pure.
 */
export function statedDate(a: ArticleAnalysis, published: string | null): string | null {
  const pub = published ? dayNumber(published) : null;
  for (const sent of a.tokens.slice(0, 3)) {
    for (let k = 0; k < sent.length; k++) {
      const t = sent[k]!;
      if (t.kind !== 'word') continue;
      const w = WEEKDAYS.indexOf(t.norm);
      if (w >= 0 && /^[A-Z]/.test(t.text)) {
        if (pub === null) continue; // a weekday without a publication date is not a date
        const pubDow = (pub + 4) % 7; // day 0 (1970-01-01) was a Thursday
        return isoOf(pub - ((pubDow - w + 7) % 7));
      }
      if (t.norm === 'yesterday' && pub !== null) return isoOf(pub - 1);
      const m = MONTH_RE.exec(t.norm);
      const next = sent[k + 1];
      if (m && /^[A-Z]/.test(t.text) && next && /^\d{1,2}$/.test(next.text)) {
        const month = MONTHS.indexOf(m[1]!.slice(0, 3));
        const dom = Number(next.text);
        let year: number | null = null;
        const y = sent[k + 2]?.text === ',' ? sent[k + 3] : sent[k + 2];
        if (y && /^(?:19|20)\d{2}$/.test(y.text)) year = Number(y.text);
        else if (published) year = Number(published.slice(0, 4));
        if (year === null || dom < 1 || dom > 31) continue;
        const day = Math.floor(Date.UTC(year, month, dom) / 86400000);
        // Without a stated year, a date after publication belongs to the year before.
        const fixed = y && /^(?:19|20)\d{2}$/.test(y.text) ? day : pub !== null && day > pub ? Math.floor(Date.UTC(year - 1, month, dom) / 86400000) : day;
        if (pub !== null && (fixed > pub || pub - fixed > 31)) continue; // a forward or far date is not the event's
        return isoOf(fixed);
      }
    }
  }
  return null;
}

function dayNumber(date: string): number {
  return Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86400000);
}

const SMALL = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'bin', 'al', 'von', 'der', 'de']);
function humanize(id: string): string {
  const slug = id.slice(id.indexOf(':') + 1);
  return slug
    .split('-')
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w === 'us' || w === 'uk' || w === 'un' || w === 'eu' ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/** First index in `days[lo, hi)` whose value is >= x (days ascending). */
function lowerBound(days: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Compressed posting lists: the members of key k are `list[start[k] .. start[k + 1])`. */
interface Postings {
  start: Int32Array;
  list: Int32Array;
}
function buildPostings(keyCount: number, order: readonly number[], keys: readonly Int32Array[]): Postings {
  const start = new Int32Array(keyCount + 1);
  for (const i of order) for (const k of keys[i]!) start[k + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keyCount);
  const list = new Int32Array(start[keyCount]!);
  for (const i of order) for (const k of keys[i]!) list[fill[k]!++] = i;
  return { start, list };
}

/** A sparse vector: ascending key ids and their weights, unit length. */
interface SparseVec {
  keys: Int32Array;
  vals: Float64Array;
}

function unit(entries: Map<number, number>): SparseVec {
  const keys = Int32Array.from([...entries.keys()].sort((a, b) => a - b));
  const vals = Float64Array.from(keys, (k) => entries.get(k)!);
  let norm = 0;
  for (const v of vals) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < vals.length; k++) vals[k]! /= norm;
  return { keys, vals };
}

function cosine(a: SparseVec, b: SparseVec): number {
  let s = 0;
  let x = 0;
  let y = 0;
  while (x < a.keys.length && y < b.keys.length) {
    const ka = a.keys[x]!;
    const kb = b.keys[y]!;
    if (ka === kb) s += a.vals[x++]! * b.vals[y++]!;
    else if (ka < kb) x++;
    else y++;
  }
  return s;
}

/**
 * TF-IDF vectors of every article that has term_counts/entity_counts/title_words (else
 * null): body = (1 + ln count) × ln(1 + N / df) over lemmas and entity ids (entities ×
 * `boost`), title = ln(1 + N / df) per distinct title word; df counted in this corpus.
 */
function buildVectors(feats: readonly EventFeatures[], boost: number): { body: (SparseVec | null)[]; title: (SparseVec | null)[] } {
  const ids = new Map<string, number>();
  const id = (k: string) => {
    let v = ids.get(k);
    if (v === undefined) ids.set(k, (v = ids.size));
    return v;
  };
  const raw = feats.map((f) => {
    if (!f.term_counts || !f.entity_counts || !f.title_words) return null;
    const body = new Map<number, number>();
    for (const [t, c] of f.term_counts) body.set(id(`t\u0000${t}`), c);
    for (const [e, c] of f.entity_counts) {
      const k = id(`e\u0000${e}`);
      body.set(k, (body.get(k) ?? 0) + c);
    }
    const title = new Set<number>();
    for (const w of f.title_words) title.add(id(`h\u0000${w}`));
    return { body, title };
  });
  const df = new Int32Array(ids.size);
  for (const r of raw) {
    if (!r) continue;
    for (const k of r.body.keys()) df[k]!++;
    for (const k of r.title) df[k]!++;
  }
  const isEntity = new Uint8Array(ids.size);
  for (const [k, v] of ids) if (k.startsWith('e\u0000')) isEntity[v] = 1;
  // In a handful of articles every shared word has a high df and IDF would crush it (five
  // articles of one story share most words): count at least IDF_MIN_DOCS documents.
  const N = Math.max(feats.length, IDF_MIN_DOCS);
  const idf = (k: number) => Math.log(1 + N / df[k]!);
  return {
    body: raw.map((r) => (r ? unit(new Map([...r.body].map(([k, c]) => [k, (1 + Math.log(c)) * idf(k) * (isEntity[k] ? boost : 1)]))) : null)),
    title: raw.map((r) => (r ? unit(new Map([...r.title].map((k) => [k, idf(k)]))) : null)),
  };
}

/**
 * Group articles into events. Deterministic: the result does not depend on input
 * order. Event ids are `ev-<first date|undated>-<hash of sorted member ids>`.
 */
export function groupEvents(features: readonly EventFeatures[], options: Partial<GroupEventsOptions> = {}): Event[] {
  for (const k of Object.keys(options)) {
    if (!(k in DEFAULT_EVENT_OPTIONS)) throw new TypeError(`Unknown groupEvents option \`${k}\`; known: ${Object.keys(DEFAULT_EVENT_OPTIONS).join(', ')}.`);
  }
  const opts = { ...DEFAULT_EVENT_OPTIONS, ...options };
  // Articles in (date, id) order, undated last: deterministic whatever the input order,
  // and articles close in time are close in memory (the look-ups below stay local).
  const feats = [...features].sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : cmp(a.date, b.date)) || cmp(a.article_id, b.article_id));
  const n = feats.length;
  // Keys as integers (first-seen order), each article's sorted; one map per kind.
  const kinds = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()] as const;
  const keyKind: number[] = [];
  const keys: Int32Array[] = feats.map((f) => {
    const own = new Int32Array(f.entities.length + f.terms.length + f.title_terms.length);
    let o = 0;
    const add = (kind: 0 | 1 | 2, k: string) => {
      let id = kinds[kind].get(k);
      if (id === undefined) {
        id = keyKind.length;
        kinds[kind].set(k, id);
        keyKind.push(kind);
      }
      own[o++] = id;
    };
    for (const e of f.entities) add(0, e);
    for (const t of f.terms) add(1, t);
    for (const t of f.title_terms) add(2, t);
    own.sort();
    // Drop repeats (features built elsewhere may list a key twice).
    let u = 0;
    for (let x = 0; x < own.length; x++) if (x === 0 || own[x] !== own[x - 1]) own[u++] = own[x]!;
    return u === own.length ? own : own.slice(0, u);
  });
  const K = keyKind.length;
  const df = new Int32Array(K);
  for (const ks of keys) for (const k of ks) df[k]!++;
  const weight = new Float64Array(K);
  for (let k = 0; k < K; k++) weight[k] = (keyKind[k] === 0 ? 2 : 1) * Math.log(1 + (n + 1) / df[k]!);
  const mass = keys.map((ks) => ks.reduce((s, k) => s + weight[k]!, 0));
  const day = feats.map((f) => (f.date ? dayNumber(f.date) : null));

  // Postings: dated articles by (day, index), so the articles holding a key within a
  // few days of a date are one contiguous run; undated articles apart.
  const dated: number[] = [];
  const undated: number[] = [];
  for (let i = 0; i < n; i++) (day[i] === null ? undated : dated).push(i);
  const dp = buildPostings(K, dated, keys);
  const dpDay = Int32Array.from(dp.list, (i) => day[i]!);
  const up = buildPostings(K, undated, keys);

  // Candidates (never all pairs). A dated article looks up, per key, the dated articles
  // holding it within ±maxSpanDays (skipped when more than maxPosting do: too common
  // in those days to tell events apart) and the undated ones (skipped above
  // maxPosting); an undated article looks up every holder of keys held by at most
  // maxPosting articles in all. Candidates share ≥ minShared usable keys; the
  // maxCandidates sharing most are kept. A pair proposed by either side is scored once.
  const count = new Int32Array(n);
  const touched: number[] = [];
  let pairKeys = new Float64Array(1024);
  let nPairs = 0;
  const cap = opts.maxPosting;
  const span = opts.maxSpanDays;
  for (let i = 0; i < n; i++) {
    const visit = (list: Int32Array, from: number, to: number) => {
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        if (j !== i && count[j]!++ === 0) touched.push(j);
      }
    };
    const d = day[i];
    for (const k of keys[i]!) {
      const us = up.start[k]!;
      const ue = up.start[k + 1]!;
      if (d !== null && d !== undefined) {
        const s = dp.start[k]!;
        const e = dp.start[k + 1]!;
        const lo = lowerBound(dpDay, s, e, d - span);
        const hi = lowerBound(dpDay, lo, e, d + span + 1);
        if (hi - lo <= cap) visit(dp.list, lo, hi);
        if (ue - us <= cap) visit(up.list, us, ue);
      } else if (df[k]! <= cap) {
        visit(dp.list, dp.start[k]!, dp.start[k + 1]!);
        visit(up.list, us, ue);
      }
    }
    const cands = touched.filter((j) => count[j]! >= opts.minShared);
    cands.sort((x, y) => count[y]! - count[x]! || x - y);
    if (cands.length > opts.maxCandidates) cands.length = opts.maxCandidates;
    if (nPairs + cands.length > pairKeys.length) {
      const grown = new Float64Array(Math.max(pairKeys.length * 2, nPairs + cands.length));
      grown.set(pairKeys);
      pairKeys = grown;
    }
    for (const j of cands) pairKeys[nPairs++] = i < j ? i * n + j : j * n + i;
    for (const j of touched) count[j] = 0;
    touched.length = 0;
  }
  const proposed = pairKeys.subarray(0, nPairs).sort();

  // Score each proposed pair once: idf-weighted shared keys over the smaller article's
  // mass, minus placePenalty when the main cities differ.
  const conflict = (x: EventFeatures, y: EventFeatures) => x.place !== null && !y.places.includes(x.place);
  const actorConflict = (x: EventFeatures, y: EventFeatures) => {
    const a = x.main?.[0];
    const b = y.main?.[0];
    return a !== undefined && b !== undefined && a !== b && !y.entities.includes(a) && !x.entities.includes(b);
  };
  const vecs = buildVectors(feats, ENTITY_BOOST);
  const pi = new Int32Array(nPairs);
  const pj = new Int32Array(nPairs);
  const ps = new Float64Array(nPairs);
  /** 1 where the two articles' main cities differ: such a pair joins only on threshold, never as best matches. */
  const noFloor = new Uint8Array(nPairs);
  // Proposed pairs are sorted by their first article: mark its keys once, then sum the
  // weights of each partner's keys that are marked.
  const mark = new Int32Array(K).fill(-1);
  let m = 0;
  let marked = -1;
  for (let p = 0; p < nPairs; p++) {
    const key = proposed[p]!;
    if (p > 0 && key === proposed[p - 1]) continue;
    const i = Math.floor(key / n);
    const j = key - i * n;
    if (marked !== i) {
      for (const k of keys[i]!) mark[k] = i;
      marked = i;
    }
    let shared = 0;
    for (const k of keys[j]!) if (mark[k] === i) shared += weight[k]!;
    let sc = shared / Math.max(1e-9, Math.min(mass[i]!, mass[j]!));
    const vi = vecs.body[i];
    const vj = vecs.body[j];
    if (vi && vj) {
      // TF-IDF cosine of bodies and of titles, minus a little per day apart.
      sc = opts.cosineWeight * cosine(vi, vj) + opts.titleWeight * cosine(vecs.title[i]!, vecs.title[j]!);
      const di = day[i];
      const dj = day[j];
      if (di !== null && di !== undefined && dj !== null && dj !== undefined) sc -= opts.dayPenalty * Math.abs(di - dj);
    }
    if (actorConflict(feats[i]!, feats[j]!)) sc -= opts.actorPenalty;
    const placeConflict = conflict(feats[i]!, feats[j]!) || conflict(feats[j]!, feats[i]!);
    if (placeConflict) sc -= opts.placePenalty;
    noFloor[m] = placeConflict ? 1 : 0;
    pi[m] = i;
    pj[m] = j;
    ps[m++] = sc;
  }
  // Adjacency of the scored pairs (for the link check below), compressed.
  const adjStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    adjStart[pi[e]! + 1]!++;
    adjStart[pj[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) adjStart[i + 1]! += adjStart[i]!;
  const adjFill = adjStart.slice(0, n);
  const adjTo = new Int32Array(adjStart[n]!);
  const adjScore = new Float64Array(adjStart[n]!);
  const edges: number[] = [];
  // Each article's best-scoring candidate (ties: the lower index): a pair that is each
  // other's best joins from mutualFloor, a one-way best from nearestFloor (still under the
  // span and link checks below); any other pair from threshold.
  const bestTo = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n).fill(-Infinity);
  for (let e = 0; e < m; e++) {
    const i = pi[e]!;
    const j = pj[e]!;
    adjTo[adjFill[i]!] = j;
    adjScore[adjFill[i]!++] = ps[e]!;
    adjTo[adjFill[j]!] = i;
    adjScore[adjFill[j]!++] = ps[e]!;
    const sc = ps[e]!;
    if (sc > bestScore[i]! || (sc === bestScore[i]! && j < bestTo[i]!)) {
      bestScore[i] = sc;
      bestTo[i] = j;
    }
    if (sc > bestScore[j]! || (sc === bestScore[j]! && i < bestTo[j]!)) {
      bestScore[j] = sc;
      bestTo[j] = i;
    }
  }
  for (let e = 0; e < m; e++) {
    const i = pi[e]!;
    const j = pj[e]!;
    const sc = ps[e]!;
    const toI = bestTo[j] === i;
    const toJ = bestTo[i] === j;
    const floors = noFloor[e] === 0;
    if (sc >= opts.threshold || (floors && toI && toJ && sc >= opts.mutualFloor) || (floors && (toI || toJ) && sc >= opts.nearestFloor)) edges.push(e);
  }
  edges.sort((x, y) => ps[y]! - ps[x]! || pi[x]! - pi[y]! || pj[x]! - pj[y]!);

  // Join in score order while (1) the dated members span at most maxSpanDays and
  // (2) the two groups are linked as wholes, not through one pair: with b =
  // min(|larger|, linkBreadth), each member of the smaller group contributes its b
  // best scores to members of the larger (pairs never proposed count 0), and the sum
  // must reach linkThreshold × |smaller| × b. For small groups this is average link;
  // a large group is joined only by articles that link well to b of its members (many
  // weak links do not add up to one good one). One strong pair between two stories no
  // longer chains them into one event.
  const sets = new UnionFind(n);
  const members = sets.members;
  const lo = day.map((d) => d ?? Infinity);
  const hi = day.map((d) => d ?? -Infinity);
  const find = (x: number) => sets.find(x);
  for (const e of edges) {
    const a = find(pi[e]!);
    const b = find(pj[e]!);
    if (a === b) continue;
    const l = Math.min(lo[a]!, lo[b]!);
    const h = Math.max(hi[a]!, hi[b]!);
    if (Number.isFinite(l) && Number.isFinite(h) && h - l > opts.maxSpanDays) continue;
    const [small, large] = members[a]!.length < members[b]!.length || (members[a]!.length === members[b]!.length && a < b) ? [a, b] : [b, a];
    const ms = members[small]!;
    const ml = members[large]!;
    if (ms.length * ml.length > 1) {
      const breadth = Math.min(ml.length, opts.linkBreadth);
      let sum = 0;
      for (const x of ms) {
        const links: number[] = [];
        for (let p = adjStart[x]!; p < adjStart[x + 1]!; p++) if (find(adjTo[p]!) === large) links.push(adjScore[p]!);
        if (links.length > breadth) links.sort((u, v) => v - u);
        for (let q = 0; q < Math.min(breadth, links.length); q++) sum += links[q]!;
      }
      if (sum < opts.linkThreshold * ms.length * breadth) continue;
    }
    sets.join(large, small);
    lo[large] = l;
    hi[large] = h;
  }
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) if (sets.isRoot(i)) groups.push(members[i]!);
  const events: Event[] = [];
  for (const group of groups) {
    const ids = group.map((i) => feats[i]!.article_id).sort(cmp);
    // The event's date: the earliest date the members' leads state for what happened,
    // else the earliest publication date (never the latest).
    const dates = group.map((i) => feats[i]!.date).filter((d): d is string => d !== null).sort(cmp);
    const stated = group.map((i) => feats[i]!.event_date ?? null).filter((d): d is string => d !== null).sort(cmp);
    const date = stated[0] ?? dates[0] ?? null;
    // Key entities: held by the most members, then by summed rank.
    const score = new Map<string, { members: number; rank: number }>();
    for (const i of group) {
      feats[i]!.entities.forEach((e, r) => {
        const s = score.get(e) ?? { members: 0, rank: 0 };
        s.members++;
        s.rank += TOP_ENTITIES - r;
        score.set(e, s);
      });
    }
    const key = [...score.entries()]
      .sort((x, y) => y[1].members - x[1].members || y[1].rank - x[1].rank || cmp(x[0], y[0]))
      .slice(0, 4)
      .map(([e]) => e);
    // Label: the most central member title (sharing most title terms with the other
    // members; ties: shorter, then id), else the key entities (deduplicated by display).
    let best: { title: string; score: number } | null = null;
    for (const i of group) {
      const t = feats[i]!.title;
      if (!t) continue;
      const mine = new Set(feats[i]!.title_terms);
      let sc = 0;
      for (const j of group) if (j !== i) for (const w of feats[j]!.title_terms) if (mine.has(w)) sc++;
      if (!best || sc > best.score || (sc === best.score && (t.length < best.title.length || (t.length === best.title.length && cmp(t, best.title) < 0)))) best = { title: t, score: sc };
    }
    const names = [...new Set(key.map(humanize))];
    const head = best ? (best.title.length > 120 ? `${best.title.slice(0, 117).replace(/\s+\S*$/, '')}…` : best.title) : names.join(', ') || 'untitled';
    const label = `${head}${date ? ` (${date})` : ''}`;
    events.push({ event_id: `ev-${date ?? 'undated'}-${fnv1a(ids.join('\u0000'))}`, label, date, key_entities: key, article_ids: ids });
  }
  return events.sort((x, y) => cmp(x.article_ids[0]!, y.article_ids[0]!));
}

/**
 * Corpus stage `events`. English articles with sentences are grouped; every other
 * article (non-English, or no content) gets an event of its own, so each article in
 * the report has an event id.
 */
export const eventsStage: CorpusStage = {
  name: 'events',
  run(state, ctx) {
    state.events = eventsFromArticles(
      state.articles.map((a) => ({
        id: a.article.id,
        title: a.article.title,
        published: a.article.published,
        features: a.article.english && a.article.sentences.length > 0 ? extractEventFeatures(a, ctx) : null,
      })),
      state.entityMerges,
    );
  },
};

/** What event grouping needs of one article: `features` when it is grouped (English, with sentences), else null (an event of its own). */
export interface EventItem {
  id: string;
  title: string;
  published: string | null;
  features: EventFeatures | null;
}

/** The events of `items` (articles in input order; features as `extractEventFeatures` made them, before entity merges). */
export function eventsFromArticles(items: readonly EventItem[], merges: Readonly<Record<string, string>>): Event[] {
  const feats: EventFeatures[] = [];
  for (const it of items) {
    const f = it.features;
    if (!f) continue;
    feats.push({ ...f, entities: f.entities.map((e) => merges[e] ?? e), ...(f.entity_counts ? { entity_counts: f.entity_counts.map(([e, c]) => [merges[e] ?? e, c] as [string, number]) } : {}) });
  }
  const events = groupEvents(feats);
  for (const a of items) {
    if (a.features) continue;
    const date = a.published ? (ISO_DATE.exec(a.published)?.[1] ?? null) : null;
    events.push({
      event_id: `ev-${date ?? 'undated'}-${fnv1a(a.id)}`,
      label: `${a.title || a.id}${date ? ` (${date})` : ''}`,
      date,
      key_entities: [],
      article_ids: [a.id],
    });
  }
  return events.sort((x, y) => cmp(x.article_ids[0]!, y.article_ids[0]!));
}
