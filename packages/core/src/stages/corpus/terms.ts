/**
 * Term choices: where each article uses which surface of a contested concept
 * (war / conflict / invasion / "special military operation", Kyiv / Kiev, talks /
 * negotiations / discussions, occupied / captured / annexed, ...), from the `terms`
 * lexicon. Surfaces are matched token by token on wink lemmas or lower-case forms.
 *
 * Corpus stage `terms`, per event: one TermUse per concept × article × surface, with every
 * span and a label that reads as people would say it ("Kyiv / Kiev"); see eventTerms.
 */
import type { Lexicon, TermEntry } from '@parallax/lexicons';
import type { ArticleAnalysis, CorpusStage, Token } from '../../model';
import type { Nlp } from '../../nlp';
import type { Claim, SentenceDiff, TermUse } from '../../schema';
import { cmp, nameKey } from '../../lib/text';

interface TermPattern {
  words: string[];
  entry: TermEntry;
}

export interface TermIndex {
  /** One-word surfaces by their word. */
  single: ReadonlyMap<string, TermEntry>;
  /** First word -> patterns, longest first (one-word ones included). */
  byFirst: ReadonlyMap<string, readonly TermPattern[]>;
  /** Concepts of kind `contested` (the ones terms.csv reports). */
  contested: ReadonlySet<string>;
  /** Contested concepts of generic nouns: a term choice only with aligned evidence. */
  needsAlignment: ReadonlySet<string>;
  /** `concept/surface` of surfaces folded for alignment only (never reported). */
  alignmentOnly: ReadonlySet<string>;
  /** `concept/surface` -> the surface's lemmas ("tax cuts" -> "tax cut"): inflections of one surface are one choice. */
  lemmaKey: ReadonlyMap<string, string>;
}

export function compileTerms(lexicon: Lexicon<TermEntry>, nlp: Nlp): TermIndex {
  const single = new Map<string, TermEntry>();
  const byFirst = new Map<string, TermPattern[]>();
  const contested = new Set<string>();
  const needsAlignment = new Set<string>();
  const alignmentOnly = new Set<string>();
  const lemmaKey = new Map<string, string>();
  for (const e of lexicon.entries) {
    if (e.kind === 'contested') contested.add(e.concept_id);
    if (e.needs_alignment) needsAlignment.add(e.concept_id);
    if (e.alignment_only) alignmentOnly.add(`${e.concept_id}/${e.surface}`);
    const toks = nlp.parse(e.surface, 0).sentences.flatMap((s) => s.tokens);
    const words = toks.map((t) => t.norm);
    lemmaKey.set(`${e.concept_id}/${e.surface}`, toks.map((t) => t.lemma).join(' '));
    if (words.length === 0) continue;
    if (words.length === 1 && !single.has(words[0]!)) single.set(words[0]!, e);
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, entry: e });
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const idx = { single, byFirst, contested, needsAlignment, alignmentOnly, lemmaKey };
  return idx;
}

export interface TermMatch {
  concept_id: string;
  surface: string;
  start: number;
  end: number;
}

const wordMatches = (t: Token, w: string) => t.norm === w || t.lemma === w;

/** Longest-match scan of one token sequence for lexicon surfaces. */
export function findTerms(tokens: readonly Token[], idx: TermIndex): TermMatch[] {
  const out: TermMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const list = idx.byFirst.get(t.norm) ?? (t.lemma !== t.norm ? idx.byFirst.get(t.lemma) : undefined);
    let matched = 0;
    if (list) {
      for (const p of list) {
        if (i + p.words.length > tokens.length) continue;
        if (p.words.length === 1 && p.entry.pos && t.pos !== p.entry.pos) continue;
        let ok = true;
        for (let k = 0; k < p.words.length; k++) if (!wordMatches(tokens[i + k]!, p.words[k]!)) ok = false;
        if (!ok) continue;
        out.push({ concept_id: p.entry.concept_id, surface: p.entry.surface, start: t.start, end: tokens[i + p.words.length - 1]!.end });
        matched = p.words.length;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}

/** Words either side of a generic-noun term use read as its context (see eventTerms). */
const CONTEXT_WINDOW = 4;

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);

/**
 * British / American spelling fold: honour/honor, defence/defense, organise/organize,
 * analyse/analyze, centre/center, travelled/traveled, catalogue/catalog.
 */
export function spellingFold(w: string): string {
  return w
    .toLowerCase()
    .replace(/isation/g, 'ization')
    .replace(/is(e|ed|es|ing)$/, 'iz$1')
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1')
    .replace(/ence$/, 'ense')
    .replace(/tre(s)?$/, 'ter$1')
    .replace(/ogue(s)?$/, 'og$1')
    .replace(/ll(ed|ing|er|ers)$/, 'l$1');
}

/** Why two substituted words name the same thing, or null when they do not (the pair is then not a term choice). */
export function variantKind(a: Token, b: Token, entityA: string | null, entityB: string | null): 'entity' | 'spelling' | null {
  if (entityA && entityA === entityB && a.text.toLowerCase() !== b.text.toLowerCase()) return 'entity';
  const x = a.text.toLowerCase();
  const y = b.text.toLowerCase();
  if (x === y || x.length < 3 || y.length < 3) return null;
  if (spellingFold(x) === spellingFold(y)) return 'spelling';
  // Transliterations of one name (Sergei / Sergey, Kiev / Kyiv, Zelensky / Zelenskiy): proper nouns with the
  // same first letter and the same consonants (vowels and y dropped), or the same transliteration key.
  const skeleton = (w: string) => nameKey(w).slice(1).replace(/[aeiouy]/g, '');
  if (a.pos === 'PROPN' && b.pos === 'PROPN' && x[0] === y[0] && x.length >= 4 && y.length >= 4 && (nameKey(x) === nameKey(y) || skeleton(x) === skeleton(y))) return 'spelling';
  return null;
}

/** Is [start, end) in a dateline ("WASHINGTON (Reuters) —", "BEIJING —") or a byline ("By Jane Doe") of its paragraph? */
export function inDatelineOrByline(text: string, start: number, end: number): boolean {
  const p = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(p, Math.min(text.length, p + 120));
  const dateline = /^[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)*\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s/.exec(line);
  if (dateline && end <= p + dateline[0].length) return true;
  const nl = text.indexOf('\n', p);
  const whole = text.slice(p, nl < 0 ? text.length : nl);
  return /^By [A-Z][\p{L}.'-]+(?:\s(?:and\s)?[A-Z][\p{L}.'-]+){0,5}$/u.test(whole.trim());
}

/** Binary search: the token of `flat` (sorted) that starts at `start`. */
function tokenStartingAt(flat: readonly Token[], start: number): Token | undefined {
  let lo = 0;
  let hi = flat.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = flat[mid]!;
    if (t.start === start) return t;
    if (t.start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

interface EventTerms {
  uses: TermUse[];
}

/**
 * Term choices of one event (its articles only, so nothing spans the corpus):
 * - lexicon concepts of kind `contested`: every use in the event's articles, kept when the
 *   articles use two or more of its surfaces — for generic nouns (`needs_alignment`: talks /
 *   negotiations, investigation / inquiry) only the surfaces that two articles' sentences of one
 *   claim set against each other in a shared context (see below); datelines and bylines never count;
 * - substitutions inside the event's aligned sentence pairs (stage `diffs`): two surfaces
 *   of one `paraphrase` concept, an entity's spelling variants (same entity after the
 *   cross-outlet merges: `entity:<id>`), or spelling variants (British/American forms,
 *   transliterations of a name: `spelling:<a>|<b>`). Other substitutions are not term
 *   choices and never appear.
 */
function eventTerms(
  articles: readonly ArticleAnalysis[],
  claims: readonly Claim[],
  diffs: readonly SentenceDiff[],
  idx: TermIndex,
  merges: Readonly<Record<string, string>>,
): EventTerms {
  const byKey = new Map<string, TermUse>();
  const add = (concept: string, an: ArticleAnalysis, surface: string, span: { start: number; end: number }) => {
    const key = `${concept}\u0000${an.article.id}\u0000${surface}`;
    const u = byKey.get(key);
    if (u) {
      if (u.spans.some((x) => x.start === span.start)) return;
      u.count++;
      u.spans.push({ start: span.start, end: span.end });
    } else byKey.set(key, { concept_id: concept, article_id: an.article.id, outlet: an.article.outlet, surface, count: 1, spans: [{ start: span.start, end: span.end }], label: '' });
  };
  for (const an of articles) {
    for (const sent of an.tokens) {
      for (const m of findTerms(sent, idx)) {
        if (!idx.contested.has(m.concept_id) || idx.alignmentOnly.has(`${m.concept_id}/${m.surface}`) || inDatelineOrByline(an.article.text, m.start, m.end)) continue;
        add(m.concept_id, an, m.surface, m);
      }
    }
  }
  // A lexicon concept is a term choice of the event when its articles use two or more of its surfaces; for
  // generic nouns (needs_alignment), only when aligned passages do.
  const surfacesOf = new Map<string, Set<string>>();
  // Inflections of one surface ("tax cut" / "tax cuts") are one choice: surfaces are counted by their lemmas.
  const lemmas = (concept: string, surface: string) => idx.lemmaKey.get(`${concept}/${surface}`) ?? surface;
  for (const u of byKey.values()) surfacesOf.set(u.concept_id, (surfacesOf.get(u.concept_id) ?? new Set<string>()).add(lemmas(u.concept_id, u.surface)));
  // Generic nouns: aligned passages must name one referent differently. Evidence is a pair of uses of two
  // different surfaces in the sentences of one claim, from two different articles, whose contexts share a
  // content word (lemma, within CONTEXT_WINDOW words either side, the concept's own words aside): "the talks in
  // Riyadh" / "the discussions in Riyadh". Two surfaces that merely co-occur in a claim ("the probe into
  // Clinton's e-mail" / "the Russia investigation") name two things and are not a choice; so is one surface
  // everywhere. Only surfaces with such evidence stay in the row.
  const sentenceTokens = new Map<string, readonly Token[]>();
  const articleOf = new Map<string, string>();
  for (const an of articles) {
    an.article.sentences.forEach((s, i) => {
      sentenceTokens.set(s.id, an.tokens[i] ?? []);
      articleOf.set(s.id, an.article.id);
    });
  }
  const aligned = new Set<string>();
  for (const cl of claims) {
    if (cl.article_ids.length < 2) continue;
    const uses: { concept: string; surface: string; article: string; context: Set<string> }[] = [];
    for (const sid of cl.sentence_ids) {
      const toks = sentenceTokens.get(sid) ?? [];
      const matches = findTerms(toks, idx).filter((m) => idx.needsAlignment.has(m.concept_id) && !idx.alignmentOnly.has(`${m.concept_id}/${m.surface}`));
      for (const m of matches) {
        const at = toks.findIndex((t) => t.start === m.start);
        let to = at;
        while (to + 1 < toks.length && toks[to + 1]!.end <= m.end) to++;
        const own = (t: Token) => matches.some((x) => x.concept_id === m.concept_id && t.start >= x.start && t.end <= x.end);
        const context = new Set<string>();
        for (const [from, step] of [[at - 1, -1], [to + 1, 1]] as const) {
          let n = 0;
          for (let k = from; k >= 0 && k < toks.length && n < CONTEXT_WINDOW; k += step) {
            const t = toks[k]!;
            if (t.kind !== 'word') continue;
            n++;
            if (!t.stop && CONTENT_POS.has(t.pos) && !own(t)) context.add(t.lemma);
          }
        }
        uses.push({ concept: m.concept_id, surface: m.surface, article: articleOf.get(sid) ?? '', context });
      }
    }
    for (let i = 0; i < uses.length; i++) {
      for (let j = i + 1; j < uses.length; j++) {
        const x = uses[i]!;
        const y = uses[j]!;
        if (x.concept !== y.concept || lemmas(x.concept, x.surface) === lemmas(y.concept, y.surface) || x.article === y.article) continue;
        if (![...x.context].some((w) => y.context.has(w))) continue;
        aligned.add(`${x.concept}\u0000${x.surface}`);
        aligned.add(`${y.concept}\u0000${y.surface}`);
      }
    }
  }
  for (const [k, u] of byKey) {
    const choice = idx.needsAlignment.has(u.concept_id) ? aligned.has(`${u.concept_id}\u0000${u.surface}`) : (surfacesOf.get(u.concept_id)?.size ?? 0) >= 2;
    if (!choice) byKey.delete(k);
  }

  const bySentence = new Map<string, ArticleAnalysis>();
  for (const an of articles) for (const s of an.article.sentences) bySentence.set(s.id, an);
  const flatOf = new Map<string, Token[]>();
  const flat = (an: ArticleAnalysis) => {
    let f = flatOf.get(an.article.id);
    if (!f) flatOf.set(an.article.id, (f = an.tokens.flat()));
    return f;
  };
  const entityAt = (an: ArticleAnalysis, t: Token) => {
    const m = an.article.entities.find((x) => x.entity_id && x.start <= t.start && t.end <= x.end);
    return m?.entity_id ? (merges[m.entity_id] ?? m.entity_id) : null;
  };
  for (const d of diffs) {
    const A = bySentence.get(d.a_sentence_id);
    const B = bySentence.get(d.b_sentence_id);
    if (!A || !B) continue;
    for (const sub of d.substitutions) {
      if (sub.concept_id !== null && idx.contested.has(sub.concept_id)) continue; // counted by the lexicon pass
      if (inDatelineOrByline(A.article.text, sub.a.start, sub.a.end) || inDatelineOrByline(B.article.text, sub.b.start, sub.b.end)) continue;
      if (sub.concept_id !== null) {
        // Two surfaces of one paraphrase (near-synonym) set substituted in place.
        const sa = findTerms(flat(A).filter((t) => t.start >= sub.a.start && t.end <= sub.a.end), idx).find((m) => m.concept_id === sub.concept_id);
        const sb = findTerms(flat(B).filter((t) => t.start >= sub.b.start && t.end <= sub.b.end), idx).find((m) => m.concept_id === sub.concept_id);
        if (!sa || !sb || sa.surface === sb.surface) continue;
        add(sub.concept_id, A, sa.surface, sa);
        add(sub.concept_id, B, sb.surface, sb);
        continue;
      }
      const ta = tokenStartingAt(flat(A), sub.a.start);
      const tb = tokenStartingAt(flat(B), sub.b.start);
      if (!ta || !tb || ta.end !== sub.a.end || tb.end !== sub.b.end) continue; // one word each side
      if (ta.stop || tb.stop || !CONTENT_POS.has(ta.pos) || !CONTENT_POS.has(tb.pos) || ta.lemma === tb.lemma) continue;
      const ea = entityAt(A, ta);
      const eb = entityAt(B, tb);
      const kind = variantKind(ta, tb, ea, eb);
      if (!kind) continue;
      const concept = kind === 'entity' ? `entity:${ea}` : `spelling:${[ta.text.toLowerCase(), tb.text.toLowerCase()].sort(cmp).join('|')}`;
      add(concept, A, ta.text.toLowerCase(), ta);
      add(concept, B, tb.text.toLowerCase(), tb);
    }
  }
  // Labels as people would say them: the surfaces as written, most used first ("Kyiv / Kiev").
  const uses = [...byKey.values()];
  const byConcept = new Map<string, TermUse[]>();
  for (const u of uses) byConcept.set(u.concept_id, [...(byConcept.get(u.concept_id) ?? []), u]);
  const textOf = new Map(articles.map((a) => [a.article.id, a.article.text]));
  for (const list of byConcept.values()) {
    const written = new Map<string, Map<string, number>>();
    const total = new Map<string, number>();
    for (const u of list) {
      total.set(u.surface, (total.get(u.surface) ?? 0) + u.count);
      const forms = written.get(u.surface) ?? new Map<string, number>();
      for (const s of u.spans) {
        const w = textOf.get(u.article_id)!.slice(s.start, s.end);
        forms.set(w, (forms.get(w) ?? 0) + 1);
      }
      written.set(u.surface, forms);
    }
    const shown = (surface: string) => {
      const forms = [...(written.get(surface) ?? new Map<string, number>()).entries()].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]));
      // A word written in lower case anywhere is a common word ("Talks" opening a sentence -> "talks"); names keep their capitals.
      const lower = forms.find(([w]) => w === w.toLowerCase());
      return lower?.[0] ?? forms[0]?.[0] ?? surface;
    };
    const label = [...total.keys()].sort((x, y) => total.get(y)! - total.get(x)! || cmp(x, y)).map(shown).join(' / ');
    for (const u of list) u.label = label;
  }
  return { uses };
}

export const termsStage: CorpusStage = {
  name: 'terms',
  run(state, ctx) {
    const idx = ctx.tables.get('terms', () => compileTerms(ctx.lexicons.terms, ctx.nlp));
    const byId = new Map(state.articles.map((a) => [a.article.id, a]));
    const eventOfClaim = new Map(state.claims.map((c) => [c.claim_id, c.event_id]));
    const claimsOf = new Map<string, Claim[]>();
    for (const c of state.claims) claimsOf.set(c.event_id, [...(claimsOf.get(c.event_id) ?? []), c]);
    const diffsOf = new Map<string, SentenceDiff[]>();
    for (const d of state.diffs) {
      const e = eventOfClaim.get(d.claim_id);
      if (e === undefined) continue;
      const list = diffsOf.get(e) ?? [];
      list.push(d);
      diffsOf.set(e, list);
    }
    const uses: TermUse[] = [];
    // Per event: every structure below lives for one event only (corpus size does not matter).
    for (const ev of state.events) {
      const arts = ev.article_ids.map((id) => byId.get(id)).filter((a): a is ArticleAnalysis => a !== undefined && a.article.english);
      if (arts.length === 0) continue;
      uses.push(...eventTerms(arts, claimsOf.get(ev.event_id) ?? [], diffsOf.get(ev.event_id) ?? [], idx, state.entityMerges).uses);
    }
    uses.sort((a, b) => cmp(a.concept_id, b.concept_id) || cmp(a.article_id, b.article_id) || cmp(a.surface, b.surface));
    state.terms = uses;
  },
};

/** The codebook's section on term choices. */
export const TERMS_CODEBOOK = [
  'A term-choice row (terms.csv) is one referent named differently across the articles of one event, computed per event. Three sources:',
  '1. Lexicon concepts of kind `contested` (lexicon `terms`, a source for every entry; topics: war and diplomacy, immigration, abortion, guns, climate, taxes, health care, protest, policing, investigations, disease names, titles and spellings): every use in the event\'s articles, kept when the articles use two or more of the concept\'s surfaces (inflections of one surface, "tax cut" / "tax cuts", count as one); for concepts of generic nouns (`needs_alignment`: talks / negotiations / discussions, investigation / inquiry / probe, war / conflict) only the surfaces with aligned evidence: in the sentences of one claim, two articles use two different surfaces whose contexts (4 words either side) share a content word ("the talks in Riyadh" / "the discussions in Riyadh"). Surfaces that merely co-occur in a claim ("the probe into Clinton\'s e-mail" / "the Russia investigation": two referents), or one surface everywhere, are not a choice.',
  '2. Substitutions inside aligned sentence pairs (stage `diffs`: an in-place replacement between shared words) where both words belong to one `paraphrase` set of the lexicon (near-synonyms: visit / trip are not listed unless the lexicon says so).',
  '3. Substitutions where both words name one entity after the cross-outlet merges (`entity:<id>`: Sergei / Sergey, Mike / Michael) or are spellings of one word (`spelling:a|b`: British/American forms such as defence / defense; transliterations of a proper name such as Kiev / Kyiv, compared by a transliteration-folded key).',
  'Any other substitution (add / elizabeth, joe / president) is not a term choice and never appears. Datelines ("WASHINGTON (Reuters) —") and bylines ("By Jane Doe") never count. `label` shows the surfaces as written, most used first.',
].join('\n\n');
