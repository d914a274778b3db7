/**
 * Event grouping: which articles report the same real-world event.
 *
 * Usable standalone at corpus scale: `extractEventFeatures` turns one analysed
 * article into a small plain object, `groupEvents` groups any number of them.
 *
 *   const feats = analyses.map(extractEventFeatures);
 *   const events = groupEvents(feats); // Event[] with stable ids
 *
 * groupEvents never compares all pairs: an inverted index over entity ids and terms
 * proposes candidates (keys held by more than `maxPosting` articles are too common
 * to block on and are skipped; a candidate shares at least `minShared` keys; at most
 * `maxCandidates` per article, those sharing most), each candidate pair gets a weighted-overlap score
 * (idf-weighted entities x2, content lemmas, title terms), and pairs are joined in
 * descending score order with constraints: the dated members of a group must lie
 * within `maxSpanDays`, and two articles whose main city differs (each names its own
 * city at least twice and the other never) are penalised. Cost: O(N · K · maxPosting) key look-ups plus O(N · maxCandidates · K) scoring.
 */
import { lexicons } from '@parallax/lexicons';
import type { ArticleAnalysis, CorpusStage } from '../model';
import type { Event } from '../schema';
import { cmp, fnv1a } from './text';

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
}

export interface GroupEventsOptions {
  /** Minimum pair score to join (0..1). */
  threshold: number;
  /** Dated members of one event lie within this many days. */
  maxSpanDays: number;
  /** Keys held by more articles than this are not used to propose candidates. */
  maxPosting: number;
  /** Score subtracted when the two articles' main cities differ. */
  placePenalty: number;
  /** A candidate must share at least this many blocking keys. */
  minShared: number;
  /** At most this many candidates per article (those sharing the most keys) are scored. */
  maxCandidates: number;
}

export const DEFAULT_EVENT_OPTIONS: Readonly<GroupEventsOptions> = Object.freeze({
  threshold: 0.3,
  maxSpanDays: 4,
  maxPosting: 100,
  placePenalty: 0.3,
  minShared: 2,
  maxCandidates: 50,
});

const NAMED = new Set(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const TOP_ENTITIES = 12;
const TOP_TERMS = 15;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

let citySet: ReadonlySet<string> | null = null;
let seatSet: ReadonlySet<string> | null = null;
function cities(): ReadonlySet<string> {
  citySet ??= new Set(
    lexicons.entities.entries.filter((e) => 'kind' in e && e.kind === 'city').map((e) => (e as { id: string }).id),
  );
  return citySet;
}
/** Seats of government (Moscow, Kyiv, Washington): news names them as actors ("Moscow demanded"), so they say little about where an event happened. */
function seats(): ReadonlySet<string> {
  seatSet ??= new Set(
    lexicons.entities.entries
      .filter((e) => 'kind' in e && e.kind === 'city' && 'government' in e && typeof e.government === 'string')
      .map((e) => (e as { id: string }).id),
  );
  return seatSet;
}

function topByCount(counts: Map<string, { n: number; first: number }>, k: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first || cmp(a[0], b[0]))
    .slice(0, k)
    .map(([key]) => key);
}

/** The small, plain description of one article that event grouping needs. Pure. */
export function extractEventFeatures(a: ArticleAnalysis): EventFeatures {
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
    if (cities().has(m.entity_id)) cityCount.set(m.entity_id, (cityCount.get(m.entity_id) ?? 0) + 1);
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
  const date = article.published ? (ISO_DATE.exec(article.published)?.[1] ?? null) : null;
  const places = [...cityCount.keys()].sort(cmp);
  const main = [...cityCount.entries()].filter(([id]) => !seats().has(id)).sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))[0];
  return {
    article_id: article.id,
    outlet: article.outlet,
    date,
    entities: topByCount(ents, TOP_ENTITIES),
    terms: topByCount(terms, TOP_TERMS),
    title_terms: [...titleTerms].sort(cmp),
    places,
    place: main && main[1] >= 2 ? main[0] : null,
  };
}

function dayNumber(date: string): number {
  return Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86400000);
}

function humanize(id: string): string {
  const slug = id.slice(id.indexOf(':') + 1);
  return slug
    .split('-')
    .map((w) => (w.length <= 2 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

interface Keyed {
  f: EventFeatures;
  keys: string[];
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
  const items: Keyed[] = [...features]
    .sort((a, b) => cmp(a.article_id, b.article_id))
    .map((f) => ({
      f,
      keys: [...new Set([...f.entities.map((e) => `e:${e}`), ...f.terms.map((t) => `t:${t}`), ...f.title_terms.map((t) => `h:${t}`)])],
    }));
  const n = items.length;
  // Document frequencies and postings.
  const postings = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const k of it.keys) {
      const p = postings.get(k);
      if (p) p.push(i);
      else postings.set(k, [i]);
    }
  });
  const weight = (k: string) => {
    const df = postings.get(k)?.length ?? 1;
    const base = k.startsWith('e:') ? 2 : 1;
    return base * Math.log(1 + (n + 1) / df);
  };
  const mass = items.map((it) => it.keys.reduce((s, k) => s + weight(k), 0));
  const keySet = items.map((it) => new Set(it.keys));

  // Candidate pairs from the inverted index (never all pairs).
  const edges: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    const shared = new Map<number, number>();
    for (const k of items[i]!.keys) {
      const p = postings.get(k)!;
      if (p.length > opts.maxPosting) continue;
      for (const j of p) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const cands = [...shared.entries()]
      .filter(([, c]) => c >= opts.minShared)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, opts.maxCandidates)
      .map(([j]) => j)
      .sort((x, y) => x - y);
    for (const j of cands) {
      let shared = 0;
      for (const k of items[i]!.keys) if (keySet[j]!.has(k)) shared += weight(k);
      let s = shared / Math.max(1e-9, Math.min(mass[i]!, mass[j]!));
      const a = items[i]!.f;
      const b = items[j]!.f;
      const conflict = (x: EventFeatures, y: EventFeatures) => x.place !== null && !y.places.includes(x.place);
      if (conflict(a, b) || conflict(b, a)) s -= opts.placePenalty;
      if (s >= opts.threshold) edges.push({ i, j, s });
    }
  }
  edges.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);

  // Constrained single-link: join in score order while the date span stays small.
  const parent = items.map((_, i) => i);
  const lo = items.map((it) => (it.f.date ? dayNumber(it.f.date) : Infinity));
  const hi = items.map((it) => (it.f.date ? dayNumber(it.f.date) : -Infinity));
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const { i, j } of edges) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const l = Math.min(lo[a]!, lo[b]!);
    const h = Math.max(hi[a]!, hi[b]!);
    if (Number.isFinite(l) && Number.isFinite(h) && h - l > opts.maxSpanDays) continue;
    const root = Math.min(a, b);
    parent[Math.max(a, b)] = root;
    lo[root] = l;
    hi[root] = h;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const events: Event[] = [];
  for (const members of groups.values()) {
    const ids = members.map((i) => items[i]!.f.article_id).sort(cmp);
    const dates = members.map((i) => items[i]!.f.date).filter((d): d is string => d !== null).sort(cmp);
    const date = dates[0] ?? null;
    // Key entities: held by the most members, then by summed rank.
    const score = new Map<string, { members: number; rank: number }>();
    for (const i of members) {
      items[i]!.f.entities.forEach((e, r) => {
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
    const label = `${key.map(humanize).join(', ') || 'untitled'}${date ? ` (${date})` : ''}`;
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
  run(state) {
    const english = state.articles.filter((a) => a.article.english && a.article.sentences.length > 0);
    const feats = english.map((a) => {
      const f = extractEventFeatures(a);
      return { ...f, entities: f.entities.map((e) => state.entityMerges[e] ?? e) };
    });
    const events = groupEvents(feats);
    const grouped = new Set(english.map((a) => a.article.id));
    for (const a of state.articles) {
      if (grouped.has(a.article.id)) continue;
      const date = a.article.published ? (ISO_DATE.exec(a.article.published)?.[1] ?? null) : null;
      events.push({
        event_id: `ev-${date ?? 'undated'}-${fnv1a(a.article.id)}`,
        label: `${a.article.title || a.article.id}${date ? ` (${date})` : ''}`,
        date,
        key_entities: [],
        article_ids: [a.article.id],
      });
    }
    state.events = events.sort((x, y) => cmp(x.article_ids[0]!, y.article_ids[0]!));
  },
};
