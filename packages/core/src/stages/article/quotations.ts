/**
 * Stage `quotations`: the quoted spans of an article, found once; every later stage
 * reads `state.quotations` (sentiment's in-quote factor, the speaker attribution of
 * stage `quotes`, the quote keys of claim alignment) instead of pairing marks itself.
 *
 * - Styles: normalize maps every double-quote style (“ ” „ ‟ « » 〝 〞 ＂) to `"`, so
 *   pairs of `"` are the direct quotations.
 * - Scope: marks pair within a paragraph, so one quotation may span sentences. A paragraph
 *   that ends inside an open quotation and is followed by one that opens with `"` is a
 *   continued (multi-paragraph, AP style) quotation: the span is flagged `continued`.
 * - Nesting: single quotes inside a double-quoted span (`"He said 'no deal' to me"`) are
 *   kept as spans of depth 1; they belong to the enclosing quotation.
 *
 * Spans are the words inside the marks (spaces trimmed), half-open offsets into the
 * normalized text.
 */
import type { ArticleAnalysis, ArticleStage, QuotedSpan, Token } from '../../model';

export type { QuotedSpan };

/** Paragraph spans from the sentences (sentences carry their paragraph number). */
export function paragraphSpans(state: Pick<ArticleAnalysis, 'article'>): { start: number; end: number }[] {
  const out: { start: number; end: number; p: number }[] = [];
  for (const s of state.article.sentences) {
    const last = out[out.length - 1];
    if (last && last.p === s.paragraph) last.end = s.end;
    else out.push({ start: s.start, end: s.end, p: s.paragraph });
  }
  return out.map(({ start, end }) => ({ start, end }));
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Pair the quotation marks at `marks` (sorted offsets of `"`) of one paragraph
 * [pStart, pEnd): 1st with 2nd, 3rd with 4th …; an odd last mark opens a quotation that
 * runs to the paragraph's end. `prevOpen`: the previous paragraph ended inside one.
 */
function pairMarks(marks: readonly number[], pStart: number, pEnd: number, prevOpen: boolean): { spans: Omit<QuotedSpan, 'depth'>[]; open: boolean } {
  const spans: Omit<QuotedSpan, 'depth'>[] = [];
  let open = false;
  for (let k = 0; k < marks.length; k += 2) {
    const a = marks[k]!;
    const b = marks[k + 1];
    const continued = k === 0 && prevOpen && a === pStart;
    if (b === undefined) {
      spans.push({ start: a + 1, end: pEnd, open: true, continued });
      open = true;
    } else spans.push({ start: a + 1, end: b, open: false, continued });
  }
  return { spans, open };
}

function trim(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Single-quoted spans nested inside [start, end) (apostrophes, as in "don't" or "Trump's", are not marks). */
function nested(text: string, start: number, end: number): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let openAt = -1;
  for (let i = start; i < end; i++) {
    if (text[i] !== "'") continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (openAt < 0) {
      if ((isSpace(before) || i === start) && isLetter(after)) openAt = i;
    } else if (!isSpace(before) && !isLetter(after)) {
      const [s, e] = trim(text, openAt + 1, i);
      if (e > s) out.push({ start: s, end: e, open: false, continued: false, depth: 1 });
      openAt = -1;
    }
  }
  return out;
}

/** Quoted spans of `text` within `paras` (sorted by start; depth-0 spans and the spans nested in them). */
export function findQuotations(text: string, paras: readonly { start: number; end: number }[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let prevOpen = false;
  for (const p of paras) {
    const marks: number[] = [];
    for (let i = p.start; i < p.end; i++) if (text.charCodeAt(i) === 34) marks.push(i);
    const { spans, open } = pairMarks(marks, p.start, p.end, prevOpen);
    prevOpen = open;
    for (const q of spans) {
      const [s, e] = trim(text, q.start, q.end);
      if (e <= s) continue;
      out.push({ ...q, start: s, end: e, depth: 0 });
      out.push(...nested(text, s, e));
    }
  }
  return out.sort((a, b) => a.start - b.start || a.depth - b.depth);
}

/** The quotations of one sentence's tokens alone (for callers with tokens but no article, e.g. unit tests). */
export function quotationsOfTokens(tokens: readonly Token[]): QuotedSpan[] {
  if (tokens.length === 0) return [];
  const marks = tokens.filter((t) => t.text === '"').map((t) => t.start);
  const pStart = tokens[0]!.start;
  const pEnd = tokens[tokens.length - 1]!.end;
  return pairMarks(marks, pStart, pEnd, false).spans.map((q) => ({ ...q, depth: 0 as const }));
}

/**
 * Per token of `tokens`, the index (into `spans`) of the depth-0 quotation it lies in, else −1.
 * Tokens are sorted; spans are sorted by start.
 */
export function quotationIndexOfTokens(tokens: readonly Token[], spans: readonly QuotedSpan[]): number[] {
  const out = new Array<number>(tokens.length).fill(-1);
  let k = 0;
  const top = spans.map((s, i) => ({ s, i })).filter((x) => x.s.depth === 0);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (k < top.length && top[k]!.s.end <= t.start) k++;
    const q = top[k];
    if (q && q.s.start <= t.start && t.end <= q.s.end) out[i] = q.i;
  }
  return out;
}

export const quotationsStage: ArticleStage = {
  name: 'quotations',
  run(state) {
    state.quotations = state.article.sentences.length === 0 ? [] : findQuotations(state.article.text, paragraphSpans(state));
  },
};
