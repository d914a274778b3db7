/**
 * Stage `segment`: paragraphs (lines) of the text outside boilerplate go through
 * wink-nlp, giving sentences, lossless tokens and wink's numeric/date entities.
 * Paragraphs are split first because wink does not end a sentence at a bare newline.
 */
import type { ArticleStage } from '../model';
import type { EntityMention, EntityType, Sentence } from '../schema';

const WINK_TYPES: Record<string, EntityType> = {
  DATE: 'DATE',
  TIME: 'TIME',
  DURATION: 'DATE',
  CARDINAL: 'CARDINAL',
  ORDINAL: 'CARDINAL',
  PERCENT: 'PERCENT',
  MONEY: 'MONEY',
};

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

type Parsed = ReturnType<import('../nlp').Nlp['parse']>['sentences'];

const INITIAL_END = /(?:^|[^\p{L}])\p{Lu}\.$/u;
const INITIAL_START = /^\p{Lu}\./u;
const QUOTE_END = /[?!]["']$/;

function countKind(tokens: readonly { kind: string }[], kind: string, other = kind): number {
  let n = 0;
  for (const t of tokens) if (t.kind === kind || t.kind === other) n++;
  return n;
}

/**
 * Repairs two wink sentence-splitting slips that are common in news copy:
 * - a break after a single-letter initial inside an abbreviation ("then-U." + "S. Secretary");
 * - a break between a quote ending in ? or ! and its attribution ('"…what?" Lavrov questioned.',
 *   '"…?" he asked.'): merged when the next piece starts in lower case or is a short attribution.
 */
export function repairSentences(text: string, sentences: Parsed): Parsed {
  const out: Parsed = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev) {
      // Only the end of the previous sentence matters (at most 5 code units: a non-letter,
      // a capital and "." with astral letters): test a short tail, not the whole sentence.
      const prevText = text.slice(Math.max(prev.start, prev.end - 8), prev.end);
      const nextText = text.slice(s.start, s.end);
      const initial = INITIAL_END.test(prevText) && INITIAL_START.test(nextText);
      const attribution = QUOTE_END.test(prevText) && (/^\p{Ll}/u.test(nextText) || (countKind(s.tokens, 'word') <= 4 && nextText.endsWith('.')));
      if (initial || attribution) {
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
    const sentences: Sentence[] = [];
    const tokens: typeof state.tokens = [];
    const entities: EntityMention[] = [];
    let paragraph = -1;
    let lastEnd = -1;
    for (const p of keptParagraphs(article.text, article.removed)) {
      // A new paragraph starts after a newline; inline removals do not split one.
      if (lastEnd < 0 || article.text.slice(lastEnd, p.start).includes('\n')) paragraph++;
      lastEnd = p.end;
      const parsed = ctx.nlp.parse(article.text.slice(p.start, p.end), p.start);
      for (const s of repairSentences(article.text, parsed.sentences)) {
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
      for (const e of parsed.entities) {
        const type = WINK_TYPES[e.type];
        if (type) entities.push({ start: e.start, end: e.end, text: e.text, type, entity_id: null, rule: `wink:${e.type}` });
      }
    }
    article.sentences = sentences;
    state.tokens = tokens;
    article.entities = entities;
    article.n_words = sentences.reduce((n, s) => n + s.n_words, 0);
  },
};
