/**
 * Term choices: where each article uses which surface of a contested concept
 * (war / conflict / invasion / "special military operation", Kyiv / Kiev, talks /
 * negotiations / discussions, occupied / captured / annexed, ...), from the `terms`
 * lexicon. Surfaces are matched token by token on wink lemmas or lower-case forms.
 *
 * Corpus stage `terms`: one TermUse per concept × article × surface, with every span.
 */
import type { Lexicon, TermEntry } from '@parallax/lexicons';
import type { CorpusState, CorpusStage, Token } from '../model';
import type { Nlp } from '../nlp';
import type { TermUse } from '../schema';
import { cmp } from './text';

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
}

const cache = new WeakMap<object, TermIndex>();

export function compileTerms(lexicon: Lexicon<TermEntry>, nlp: Nlp): TermIndex {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const single = new Map<string, TermEntry>();
  const byFirst = new Map<string, TermPattern[]>();
  const contested = new Set<string>();
  for (const e of lexicon.entries) {
    if (e.kind === 'contested') contested.add(e.concept_id);
    const words = nlp
      .parse(e.surface, 0)
      .sentences.flatMap((s) => s.tokens)
      .map((t) => t.norm);
    if (words.length === 0) continue;
    if (words.length === 1 && !single.has(words[0]!)) single.set(words[0]!, e);
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, entry: e });
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const idx = { single, byFirst, contested };
  cache.set(lexicon, idx);
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

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);

/**
 * Term choices found by the diffs: an in-place one-word substitution between aligned
 * sentences whose two words are content words with different lemmas and that no
 * lexicon concept covers ("shared" / "mutual", "visit" / "trip") becomes the concept
 * `diff:<lemma>|<lemma>` (lemmas sorted), with each article's surface and span.
 */
export function diffTermUses(state: CorpusState): TermUse[] {
  const tokenAt = new Map<string, Token>();
  const articleOf = new Map<string, { id: string; outlet: string }>();
  for (const an of state.articles) {
    for (const s of an.article.sentences) articleOf.set(s.id, { id: an.article.id, outlet: an.article.outlet });
    for (const sent of an.tokens) for (const t of sent) tokenAt.set(`${an.article.id}\u0000${t.start}\u0000${t.end}`, t);
  }
  const byKey = new Map<string, TermUse>();
  const add = (concept: string, art: { id: string; outlet: string }, t: Token) => {
    const key = `${concept}\u0000${art.id}\u0000${t.lemma}`;
    const u = byKey.get(key);
    if (u) {
      if (u.spans.some((x) => x.start === t.start)) return;
      u.count++;
      u.spans.push({ start: t.start, end: t.end });
    } else byKey.set(key, { concept_id: concept, article_id: art.id, outlet: art.outlet, surface: t.lemma, count: 1, spans: [{ start: t.start, end: t.end }] });
  };
  for (const d of state.diffs) {
    const A = articleOf.get(d.a_sentence_id);
    const B = articleOf.get(d.b_sentence_id);
    if (!A || !B) continue;
    for (const sub of d.substitutions) {
      if (sub.concept_id !== null) continue;
      const ta = tokenAt.get(`${A.id}\u0000${sub.a.start}\u0000${sub.a.end}`);
      const tb = tokenAt.get(`${B.id}\u0000${sub.b.start}\u0000${sub.b.end}`);
      if (!ta || !tb || ta.stop || tb.stop || !CONTENT_POS.has(ta.pos) || !CONTENT_POS.has(tb.pos) || ta.lemma === tb.lemma) continue;
      const concept = `diff:${[ta.lemma, tb.lemma].sort(cmp).join('|')}`;
      add(concept, A, ta);
      add(concept, B, tb);
    }
  }
  return [...byKey.values()];
}

export const termsStage: CorpusStage = {
  name: 'terms',
  run(state, ctx) {
    const idx = compileTerms(ctx.lexicons.terms, ctx.nlp);
    const uses: TermUse[] = [];
    for (const an of state.articles) {
      if (!an.article.english) continue;
      const byKey = new Map<string, TermUse>();
      for (const sent of an.tokens) {
        for (const m of findTerms(sent, idx)) {
          if (!idx.contested.has(m.concept_id)) continue;
          const key = `${m.concept_id}\u0000${m.surface}`;
          const u = byKey.get(key);
          if (u) {
            u.count++;
            u.spans.push({ start: m.start, end: m.end });
          } else {
            byKey.set(key, {
              concept_id: m.concept_id,
              article_id: an.article.id,
              outlet: an.article.outlet,
              surface: m.surface,
              count: 1,
              spans: [{ start: m.start, end: m.end }],
            });
          }
        }
      }
      uses.push(...byKey.values());
    }
    uses.push(...diffTermUses(state));
    uses.sort((a, b) => cmp(a.concept_id, b.concept_id) || cmp(a.article_id, b.article_id) || cmp(a.surface, b.surface));
    state.terms = uses;
  },
};
