/**
 * Stage `segment`: paragraphs (lines) of the text outside boilerplate go through
 * wink-nlp, giving sentences and lossless tokens (wink's numeric/date entity spans are
 * kept for stage `numeric-entities`).
 * Paragraphs are split first because wink does not end a sentence at a bare newline.
 */
import type { BoundaryEntry } from '@parallax/lexicons';
import type { ArticleStage } from '../../model';
import type { Sentence } from '../../schema';

/** Regions of `text` not covered by `removed` (which is sorted and non-overlapping), split at newlines. */
export function keptParagraphs(text: string, removed: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cursor = 0;
  const pushRegion = (a: number, b: number) => {
    let s = a;
    for (let i = a; i <= b; i++) {
      if (i === b || text[i] === '\n') {
        // trim spaces
        let x = s;
        let y = i;
        while (x < y && /\s/.test(text[x]!)) x++;
        while (y > x && /\s/.test(text[y - 1]!)) y--;
        if (y > x) out.push({ start: x, end: y });
        s = i + 1;
      }
    }
  };
  for (const r of removed) {
    if (r.start > cursor) pushRegion(cursor, r.start);
    cursor = Math.max(cursor, r.end);
  }
  if (cursor < text.length) pushRegion(cursor, text.length);
  return out;
}

type Parsed = ReturnType<import('../../nlp').Nlp['parse']>['sentences'];

const INITIAL_END = /(?:^|[^\p{L}])\p{Lu}\.$/u;
const INITIAL_START = /^\p{Lu}\./u;
/** A quote ending in ? or ! (with `rules`, curly closing quotes too; without, as before the boundary lexicon). */
const QUOTE_END = /[?!]["'”’]$/;
const QUOTE_END_STRAIGHT = /[?!]["']$/;
/** The word with its period(s) that ends a piece ("Cpl.", "N.Y.", "Calif." of "D-Calif."). */
const LAST_ABBREVIATION = /(?:^|[^\p{L}.])(\p{L}[\p{L}.]*\.)$/u;
/** A next piece that cannot start a sentence after an abbreviation: lower case, a digit, or closing punctuation. */
const NOT_A_START = /^[\p{Ll}\d,;:)\]}%]/u;
/** Glued on without a space and lower case or a digit ("ESPN.com", "BA.2", "pic.twitter"): never a break. */
const GLUED = /^[\p{Ll}\d]/u;

function countKind(tokens: readonly { kind: string }[], kind: string, other = kind): number {
  let n = 0;
  for (const t of tokens) if (t.kind === kind || t.kind === other) n++;
  return n;
}

/** Compiled `sentence-boundaries` lexicon (see packages/lexicons/data/sentence-boundaries.json). */
export interface BoundaryRules {
  titles: ReadonlySet<string>;
  abbreviations: ReadonlySet<string>;
  patterns: readonly { term: string; cls: 'never-ends' | 'inside' | 'lower-next'; re: RegExp }[];
}

/** Compile the boundary lexicon (the stage keeps it in ctx.tables). */
export function boundaryRules(entries: readonly BoundaryEntry[]): BoundaryRules {
  const titles = new Set<string>();
  const abbreviations = new Set<string>();
  const patterns: BoundaryRules['patterns'][number][] = [];
  for (const e of entries) {
    if (e.kind === 'title') titles.add(e.term);
    else if (e.kind === 'abbreviation') abbreviations.add(e.term);
    else patterns.push({ term: e.term, cls: e.class, re: new RegExp(e.pattern, 'gu') });
  }
  return { titles, abbreviations, patterns };
}

type Match = { start: number; end: number; cls: BoundaryRules['patterns'][number]['cls'] };

function patternMatches(text: string, from: number, to: number, rules: BoundaryRules): Match[] {
  const region = text.slice(from, to);
  const out: Match[] = [];
  for (const p of rules.patterns) {
    p.re.lastIndex = 0;
    for (const m of region.matchAll(p.re)) out.push({ start: from + m.index, end: from + m.index + m[0].length, cls: p.cls });
  }
  return out;
}

/**
 * Is the break between `prev` (ending at prevEnd) and the next piece (starting at nextStart)
 * a false one by the boundary lexicon? Rules, in order:
 * - the next piece is glued on (no space) and starts in lower case or with a digit;
 * - the previous piece ends with a title ("Cpl.", "Sen."), or with an abbreviation ("Calif.",
 *   "Jan.", "No.") and the next piece cannot start a sentence (lower case, digit, punctuation);
 * - a pattern match spans the break (`inside`: tickers, domains, codes, decimals), or also ends
 *   right at it (`never-ends`: "(D-Calif.)"), or ends at it before a non-start (`lower-next`).
 */
export function falseBreak(text: string, prevStart: number, prevEnd: number, nextStart: number, rules: BoundaryRules, matches: () => Match[]): boolean {
  const next = text.slice(nextStart, nextStart + 2);
  if (prevEnd === nextStart && GLUED.test(next)) return true;
  const notStart = NOT_A_START.test(next);
  const abbr = LAST_ABBREVIATION.exec(text.slice(Math.max(prevStart, prevEnd - 16), prevEnd));
  if (abbr) {
    const word = abbr[1]!.toLowerCase();
    if (rules.titles.has(word)) return true;
    if (notStart && rules.abbreviations.has(word)) return true;
  }
  for (const m of matches()) {
    if (m.start >= prevEnd) continue;
    if (m.end > nextStart) return true; // spans the break
    if (m.end === prevEnd && (m.cls === 'never-ends' || (m.cls === 'lower-next' && notStart))) return true;
  }
  return false;
}

/**
 * Repairs wink sentence-splitting slips that are common in news copy:
 * - a break after a single-letter initial inside an abbreviation ("then-U." + "S. Secretary");
 * - a break between a quote ending in ? or ! and its attribution ('"…what?" Lavrov questioned.',
 *   '"…?" he asked.'): merged when the next piece starts in lower case or is a short attribution;
 * - with `rules` (the `sentence-boundaries` lexicon): breaks after titles, abbreviations and
 *   party-state tags and inside tickers, domains, codes and decimals (see `falseBreak`).
 * A real boundary with a missing space ("in March.It was") stays a boundary.
 */
export function repairSentences(text: string, sentences: Parsed, rules?: BoundaryRules): Parsed {
  const out: Parsed = [];
  let matches: Match[] | null = null;
  const lazyMatches = () => (matches ??= rules ? patternMatches(text, sentences[0]!.start, sentences[sentences.length - 1]!.end, rules) : []);
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev) {
      // Only the end of the previous sentence matters (at most 5 code units: a non-letter,
      // a capital and "." with astral letters): test a short tail, not the whole sentence.
      const prevText = text.slice(Math.max(prev.start, prev.end - 8), prev.end);
      const nextText = text.slice(s.start, s.end);
      const initial = INITIAL_END.test(prevText) && INITIAL_START.test(nextText);
      const attribution = (rules ? QUOTE_END : QUOTE_END_STRAIGHT).test(prevText) && (/^\p{Ll}/u.test(nextText) || (countKind(s.tokens, 'word') <= 4 && nextText.endsWith('.')));
      if (initial || attribution || (rules !== undefined && falseBreak(text, prev.start, prev.end, s.start, rules, lazyMatches))) {
        out[out.length - 1] = { start: prev.start, end: s.end, tokens: [...prev.tokens, ...s.tokens] };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

export const segmentStage: ArticleStage = {
  name: 'segment',
  run(state, ctx) {
    const { article } = state;
    const rules = ctx.tables.get('segment:boundaries', () => boundaryRules(ctx.lexicons.sentenceBoundaries.entries));
    const sentences: Sentence[] = [];
    const tokens: typeof state.tokens = [];
    const winkEntities: typeof state.winkEntities = [];
    let paragraph = -1;
    let lastEnd = -1;
    for (const p of keptParagraphs(article.text, article.removed)) {
      // A new paragraph starts after a newline; inline removals do not split one.
      if (lastEnd < 0 || article.text.slice(lastEnd, p.start).includes('\n')) paragraph++;
      lastEnd = p.end;
      const parsed = ctx.nlp.parse(article.text.slice(p.start, p.end), p.start);
      for (const s of repairSentences(article.text, parsed.sentences, rules)) {
        if (s.tokens.length === 0) continue;
        const index = sentences.length;
        sentences.push({
          id: `${article.id}:s${index}`,
          index,
          start: s.start,
          end: s.end,
          paragraph,
          n_words: countKind(s.tokens, 'word', 'number'),
        });
        tokens.push(s.tokens);
      }
      winkEntities.push(...parsed.entities);
    }
    article.sentences = sentences;
    state.tokens = tokens;
    state.winkEntities = winkEntities;
    article.n_words = sentences.reduce((n, s) => n + s.n_words, 0);
  },
};
