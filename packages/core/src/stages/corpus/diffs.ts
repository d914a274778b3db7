/**
 * Corpus stage `diffs`: for the aligned sentence pairs of every claim reported by two
 * or more articles, a word-level diff (jsdiff `diffWordsWithSpace`) with offsets into
 * both articles' texts, and the term substitutions in it: a deleted run directly
 * followed by an inserted run (each at most six words) with shared words on both
 * sides (an in-place replacement), tagged with the term
 * lexicon's concept when both sides use a surface of the same concept.
 */
import { diffWordsWithSpace } from 'diff';
import type { ArticleAnalysis, CorpusStage, Token } from '../../model';
import type { DiffPart, SentenceDiff, Span } from '../../schema';
import { compileTerms, findTerms, type TermIndex } from './terms';

const MAX_SUB_WORDS = 6;
const WORD = /[\p{L}\p{N}]/u;
/** Above this many member sentences, each is diffed against the first one only. */
const ALL_PAIRS_UP_TO = 6;

interface Side {
  text: string;
  start: number;
  tokens: readonly Token[];
}

function trimSpan(text: string, s: number, e: number): Span {
  let a = s;
  let b = e;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

function words(s: string): number {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

function conceptsIn(tokens: readonly Token[], span: Span, idx: TermIndex): Map<string, string> {
  const inside = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  const out = new Map<string, string>();
  for (const m of findTerms(inside, idx)) if (!out.has(m.concept_id)) out.set(m.concept_id, m.surface);
  return out;
}

/** Word diff of two sentences; `a`/`b` carry the article text and the sentence's absolute start. */
export function diffSentences(
  claimId: string,
  aId: string,
  bId: string,
  a: Side,
  b: Side,
  idx: TermIndex,
): SentenceDiff {
  const changes = diffWordsWithSpace(a.text, b.text);
  const parts: DiffPart[] = [];
  let pa = a.start;
  let pb = b.start;
  for (const c of changes) {
    const len = c.value.length;
    if (c.added) {
      parts.push({ op: 'insert', text: c.value, a: null, b: { start: pb, end: pb + len } });
      pb += len;
    } else if (c.removed) {
      parts.push({ op: 'delete', text: c.value, a: { start: pa, end: pa + len }, b: null });
      pa += len;
    } else {
      parts.push({ op: 'equal', text: c.value, a: { start: pa, end: pa + len }, b: { start: pb, end: pb + len } });
      pa += len;
      pb += len;
    }
  }
  const substitutions: SentenceDiff['substitutions'] = [];
  const aFull = { text: a.text, offset: a.start };
  const bFull = { text: b.text, offset: b.start };
  for (let k = 0; k + 1 < parts.length; k++) {
    const x = parts[k]!;
    const y = parts[k + 1]!;
    if (x.op !== 'delete' || y.op !== 'insert') continue;
    // Only anchored replacements: shared words right before and after (or the sentence edge), so that
    // the two runs stand in the same slot of the sentence rather than being noise of a loose paraphrase.
    const before = parts[k - 1];
    const after = parts[k + 2];
    const anchored = (p: DiffPart | undefined) => p === undefined || (p.op === 'equal' && WORD.test(p.text));
    if (!anchored(before) || !anchored(after) || (before === undefined && after === undefined)) continue;
    if (words(x.text) === 0 || words(y.text) === 0 || words(x.text) > MAX_SUB_WORDS || words(y.text) > MAX_SUB_WORDS) continue;
    const as = trimSpan(aFull.text, x.a!.start - aFull.offset, x.a!.end - aFull.offset);
    const bs = trimSpan(bFull.text, y.b!.start - bFull.offset, y.b!.end - bFull.offset);
    const aSpan = { start: as.start + aFull.offset, end: as.end + aFull.offset };
    const bSpan = { start: bs.start + bFull.offset, end: bs.end + bFull.offset };
    const ca = conceptsIn(a.tokens, aSpan, idx);
    const cb = conceptsIn(b.tokens, bSpan, idx);
    let concept: string | null = null;
    for (const [id, surface] of ca) if (cb.has(id) && cb.get(id) !== surface) concept ??= id;
    substitutions.push({
      concept_id: concept,
      a_text: aFull.text.slice(as.start, as.end),
      b_text: bFull.text.slice(bs.start, bs.end),
      a: aSpan,
      b: bSpan,
    });
  }
  return { claim_id: claimId, a_sentence_id: aId, b_sentence_id: bId, parts, substitutions };
}

export const diffsStage: CorpusStage = {
  name: 'diffs',
  run(state, ctx) {
    const idx = ctx.tables.get('terms', () => compileTerms(ctx.lexicons.terms, ctx.nlp));
    const where = new Map<string, { an: ArticleAnalysis; index: number }>();
    for (const an of state.articles) an.article.sentences.forEach((s, index) => where.set(s.id, { an, index }));
    const side = (sid: string): Side | null => {
      const w = where.get(sid);
      if (!w) return null;
      const s = w.an.article.sentences[w.index]!;
      return { text: w.an.article.text.slice(s.start, s.end), start: s.start, tokens: w.an.tokens[w.index] ?? [] };
    };
    const diffs: SentenceDiff[] = [];
    for (const c of state.claims) {
      if (c.article_ids.length < 2) continue;
      const ids = c.sentence_ids;
      const articleOf = (sid: string) => where.get(sid)?.an.article.id;
      const first = diffs.length;
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          if (ids.length > ALL_PAIRS_UP_TO && i > 0) break;
          if (articleOf(ids[i]!) === articleOf(ids[j]!)) continue;
          const a = side(ids[i]!);
          const b = side(ids[j]!);
          if (a && b) diffs.push(diffSentences(c.claim_id, ids[i]!, ids[j]!, a, b, idx));
        }
      }
      // Every pair of articles gets at least one diff (the app shows one per pair and never
      // diffs on its own): above ALL_PAIRS_UP_TO, the first sentences of the pairs left out.
      if (ids.length > ALL_PAIRS_UP_TO) {
        const covered = new Set(diffs.slice(first).map((d) => `${articleOf(d.a_sentence_id)}\u0000${articleOf(d.b_sentence_id)}`));
        const firsts: string[] = [];
        const seen = new Set<string | undefined>();
        for (const sid of ids) {
          if (!seen.has(articleOf(sid))) firsts.push(sid);
          seen.add(articleOf(sid));
        }
        for (let i = 0; i < firsts.length; i++) {
          for (let j = i + 1; j < firsts.length; j++) {
            const x = articleOf(firsts[i]!);
            const y = articleOf(firsts[j]!);
            if (covered.has(`${x}\u0000${y}`) || covered.has(`${y}\u0000${x}`)) continue;
            const a = side(firsts[i]!);
            const b = side(firsts[j]!);
            if (a && b) diffs.push(diffSentences(c.claim_id, firsts[i]!, firsts[j]!, a, b, idx));
          }
        }
      }
    }
    state.diffs = diffs;
  },
};
