/**
 * Stories, facts, summaries and quotes as the app shows them — all read from the
 * report (events, claims, omissions, diffs, quotes); nothing is matched, scored or
 * diffed here. One sentence -> article index replaces every id-prefix guess.
 */
import type { AnalysisReport, Claim, Quote, SentenceDiff } from '@parallax/core';

export interface SentenceRef {
  articleId: string;
  index: number;
  start: number;
  end: number;
}

/** sentence id -> where it is. Built once per report (ids are unique across articles). */
export function sentenceIndex(report: AnalysisReport): Map<string, SentenceRef> {
  const m = new Map<string, SentenceRef>();
  for (const a of report.articles) for (const s of a.sentences) m.set(s.id, { articleId: a.id, index: s.index, start: s.start, end: s.end });
  return m;
}

const idxCache = new WeakMap<AnalysisReport, Map<string, SentenceRef>>();
/** The (cached) sentence index of a report. */
export function sentencesOf(report: AnalysisReport): Map<string, SentenceRef> {
  let m = idxCache.get(report);
  if (!m) {
    m = sentenceIndex(report);
    idxCache.set(report, m);
  }
  return m;
}

export function sentenceText(report: AnalysisReport, sentenceId: string): string {
  const ref = sentencesOf(report).get(sentenceId);
  const art = ref ? report.articles.find((a) => a.id === ref.articleId) : undefined;
  return art && ref ? art.text.slice(ref.start, ref.end) : '';
}

// ----------------------------------------------------------------------- stories

export interface Story {
  id: string;
  label: string;
  date: string | null;
  articleIds: string[];
  /** Distinct outlet names, in article order. */
  outlets: string[];
  /** Facts (claims) of the event: reported by every article / by several / by one. */
  facts: { all: number; some: number; one: number };
  /** Facts two or more outlets report that at least one article of the story leaves out (report.omissions). */
  blindspots: number;
}

export const UNGROUPED_ID = '__all';

/** One story per event (plus the articles in no event), in report order. */
export function stories(report: AnalysisReport): Story[] {
  const byEvent = new Map<string, Claim[]>();
  for (const c of report.claims) byEvent.set(c.event_id, [...(byEvent.get(c.event_id) ?? []), c]);
  const omitted = new Map<string, Set<string>>();
  for (const o of report.omissions) {
    if (o.kind !== 'omitted_by') continue;
    const s = omitted.get(o.event_id) ?? new Set<string>();
    s.add(o.claim_id);
    omitted.set(o.event_id, s);
  }
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  const make = (id: string, label: string, date: string | null, articleIds: string[]): Story => {
    const claims = byEvent.get(id) ?? [];
    const n = articleIds.length;
    const facts = { all: 0, some: 0, one: 0 };
    for (const c of claims) {
      const k = c.article_ids.length;
      if (k <= 1) facts.one += 1;
      else if (k >= n) facts.all += 1;
      else facts.some += 1;
    }
    const blind = omitted.get(id);
    const blindspots = claims.filter((c) => c.article_ids.length >= 2 && blind?.has(c.claim_id)).length;
    return { id, label, date, articleIds, outlets: [...new Set(articleIds.map((a) => outletOf.get(a) ?? a))], facts, blindspots };
  };
  const out = report.events.map((e) => make(e.event_id, e.label, e.date, [...e.article_ids]));
  const inEvent = new Set(report.events.flatMap((e) => e.article_ids));
  const rest = report.articles.filter((a) => !inEvent.has(a.id)).map((a) => a.id);
  if (rest.length > 0) out.push(make(UNGROUPED_ID, out.length === 0 ? 'All articles' : 'Articles in no story', null, rest));
  return out;
}

export type StorySort = 'outlets' | 'newest';

/** Stories filtered by a search (label, outlets, date; every word must match) and sorted. Stable. */
export function listStories(all: readonly Story[], query: string, sort: StorySort): Story[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = all.filter((s) => {
    const hay = `${s.label} ${s.date ?? ''} ${s.outlets.join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Ties keep report order (Array.prototype.sort is stable), so "most outlets" starts with defaultStory();
  // the articles in no story always come last.
  return [...hits].sort(
    (a, b) =>
      Number(a.id === UNGROUPED_ID) - Number(b.id === UNGROUPED_ID) ||
      (sort === 'outlets'
        ? b.outlets.length - a.outlets.length || b.articleIds.length - a.articleIds.length
        : cmp(b.date ?? '', a.date ?? '') || b.outlets.length - a.outlets.length),
  );
}

/** The story to open on: most outlets (ties: most articles, then report order); stories of one outlet only if nothing else. */
export function defaultStory(all: readonly Story[]): Story | null {
  let best: Story | null = null;
  for (const s of all) {
    if (s.id === UNGROUPED_ID && all.length > 1) continue;
    if (!best || s.outlets.length > best.outlets.length || (s.outlets.length === best.outlets.length && s.articleIds.length > best.articleIds.length)) best = s;
  }
  return best ?? all[0] ?? null;
}

// ------------------------------------------------------------------------- facts

export interface Fact {
  claim: Claim;
  /** Badge number: F1 is the fact most of the shown outlets report. */
  n: number;
  badge: string;
  /** articleId -> its sentences of the fact (only shown articles). */
  sentences: Map<string, string[]>;
  /** Shown articles that report it. */
  present: string[];
  /** Shown articles that do not, with the engine's reason when it gave one. */
  missing: { articleId: string; reason: string | null }[];
}

/**
 * The facts of a story among the shown articles, numbered F1, F2 … by how many of
 * them report it (most first), then by where they first appear (first article's
 * reading order), then claim id. Facts none of the shown articles report are left out.
 */
export function storyFacts(report: AnalysisReport, storyId: string, articleIds: readonly string[]): Fact[] {
  const idx = sentencesOf(report);
  const shown = new Set(articleIds);
  const order = new Map(articleIds.map((a, i) => [a, i]));
  const reason = new Map<string, string>();
  for (const o of report.omissions) if (o.kind === 'omitted_by') reason.set(`${o.claim_id}\u0000${o.article_id}`, o.reason);
  const facts: { claim: Claim; sentences: Map<string, string[]>; pos: number }[] = [];
  for (const claim of report.claims) {
    if (storyId !== UNGROUPED_ID && claim.event_id !== storyId) continue;
    const sentences = new Map<string, string[]>();
    let pos = Infinity;
    for (const sid of claim.sentence_ids) {
      const ref = idx.get(sid);
      if (!ref || !shown.has(ref.articleId)) continue;
      sentences.set(ref.articleId, [...(sentences.get(ref.articleId) ?? []), sid]);
      pos = Math.min(pos, (order.get(ref.articleId) ?? 0) * 1e6 + ref.index);
    }
    if (sentences.size === 0) continue;
    facts.push({ claim, sentences, pos });
  }
  facts.sort((x, y) => y.sentences.size - x.sentences.size || x.pos - y.pos || (x.claim.claim_id < y.claim.claim_id ? -1 : 1));
  return facts.map((f, i) => ({
    claim: f.claim,
    n: i + 1,
    badge: `F${i + 1}`,
    sentences: f.sentences,
    present: articleIds.filter((a) => f.sentences.has(a)),
    missing: articleIds.filter((a) => !f.sentences.has(a)).map((a) => ({ articleId: a, reason: reason.get(`${f.claim.claim_id}\u0000${a}`) ?? null })),
  }));
}

/** A fact's label as one outlet words it: that outlet's first sentence of the fact, else the claim label. */
export function factLabelFor(report: AnalysisReport, fact: Fact, articleId: string | null): string {
  const sid = articleId ? fact.sentences.get(articleId)?.[0] : undefined;
  return sid ? sentenceText(report, sid) : fact.claim.label;
}

// ----------------------------------------------------------------------- summary

export interface StorySummary {
  /** Facts every shown outlet reports. */
  everyone: Fact[];
  /** Facts several (not all) report. */
  several: Fact[];
  /** articleId -> facts only it reports. */
  only: Map<string, Fact[]>;
  /** articleId -> facts two or more others report and it leaves out. */
  leavesOut: Map<string, Fact[]>;
}

export function storySummary(facts: readonly Fact[], articleIds: readonly string[]): StorySummary {
  const n = articleIds.length;
  const only = new Map<string, Fact[]>(articleIds.map((a) => [a, []]));
  const leavesOut = new Map<string, Fact[]>(articleIds.map((a) => [a, []]));
  const everyone: Fact[] = [];
  const several: Fact[] = [];
  for (const f of facts) {
    if (f.present.length === 1) only.get(f.present[0]!)?.push(f);
    else if (f.present.length >= n) everyone.push(f);
    else several.push(f);
    if (f.present.length >= 2) for (const m of f.missing) leavesOut.get(m.articleId)?.push(f);
  }
  return { everyone, several, only, leavesOut };
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// -------------------------------------------------------------------------- diffs

/**
 * The engine's diff of one fact between articles a and b: the pair holding `sentence`
 * when given (and the report has one), else the first pair in report order; `flip`
 * when the report stores it as (b, a). Null when the report has none.
 */
export function reportDiff(
  report: AnalysisReport,
  claimId: string,
  a: string,
  b: string,
  sentence: string | null = null,
): { diff: SentenceDiff; flip: boolean } | null {
  const idx = sentencesOf(report);
  let first: { diff: SentenceDiff; flip: boolean } | null = null;
  for (const d of report.diffs) {
    if (d.claim_id !== claimId) continue;
    const x = idx.get(d.a_sentence_id)?.articleId;
    const y = idx.get(d.b_sentence_id)?.articleId;
    const hit = x === a && y === b ? { diff: d, flip: false } : x === b && y === a ? { diff: d, flip: true } : null;
    if (!hit) continue;
    if (sentence === null || d.a_sentence_id === sentence || d.b_sentence_id === sentence) return hit;
    first ??= hit;
  }
  return first;
}

// ------------------------------------------------------------------------- quotes

export interface QuoteView {
  quote: Quote;
  speaker: string;
  /** The speaker's affiliation as core gives it (party, role, country; else the study side), or null. */
  affiliation: string | null;
  verb: string | null;
}

export interface SpeakerRow {
  /** Key: the speaker entity when core resolved one, else the speaker's name in lower case. */
  key: string;
  name: string;
  affiliation: string | null;
  /** articleId -> the quotes of this speaker in it. */
  byArticle: Map<string, QuoteView[]>;
}

/** A readable name for an affiliation/side id: `saudi_arabia` -> "Saudi Arabia", `us` -> "US". */
export function plainId(id: string): string {
  const words = id.replace(/^[a-z]+:/, '').split(/[-_\s]+/).filter(Boolean);
  return words
    .map((w, i) =>
      /^(us|uk|eu|un|usa|nato|gov)$/i.test(w)
        ? w.toLowerCase() === 'gov'
          ? 'government'
          : w.toUpperCase()
        : i > 0 && /^(of|the|and|for|in|on|de|al)$/i.test(w)
          ? w.toLowerCase()
          : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join(' ');
}

/**
 * The speaker's affiliation as core states it: party, role and country found in the text
 * (each with its evidence in quote.affiliations), joined as ids ("republican_lawmaker_us"
 * reads "Republican Lawmaker US" through plainId); else the study lexicon's side; else null.
 */
function affiliationOf(q: Quote): string | null {
  const parts = [q.party, q.role, q.country].filter((x): x is string => typeof x === 'string' && x !== '');
  if (parts.length) return parts.join('_');
  return q.side;
}

/** Speakers of the shown articles, most outlets first, then most quoted words; quotes without a speaker grouped as "no speaker named". */
export function speakers(report: AnalysisReport, articleIds: readonly string[]): SpeakerRow[] {
  const shown = new Set(articleIds);
  const rows = new Map<string, SpeakerRow>();
  for (const q of report.quotes) {
    if (!shown.has(q.article_id)) continue;
    const key = q.speaker_entity ?? (q.speaker ? q.speaker.toLowerCase() : '\u0000none');
    let row = rows.get(key);
    const affiliation = affiliationOf(q);
    if (!row) {
      // A speaker the engine resolved to a person or body is named by that entity ("The Ukrainian president" -> Volodymyr Zelenskyy).
      row = { key, name: q.speaker_entity ? plainId(q.speaker_entity) : (q.speaker ?? 'No speaker named'), affiliation, byArticle: new Map() };
      rows.set(key, row);
    }
    if (row.affiliation === null) row.affiliation = affiliation;
    row.byArticle.set(q.article_id, [...(row.byArticle.get(q.article_id) ?? []), { quote: q, speaker: row.name, affiliation, verb: q.verb }]);
  }
  const words = (r: SpeakerRow) => [...r.byArticle.values()].flat().reduce((t, q) => t + q.quote.n_words, 0);
  return [...rows.values()].sort(
    (a, b) => Number(a.key === '\u0000none') - Number(b.key === '\u0000none') || b.byArticle.size - a.byArticle.size || words(b) - words(a) || (a.key < b.key ? -1 : 1),
  );
}
