/**
 * Lexicon sentiment over wink tokens: VADER's rules (Hutto & Gilbert 2014), news-aware.
 *
 * Sentence scope (`sentenceItems`): each word's valence from `sentiment` (VADER, −4 … +4; form,
 * then lemma; idioms as phrases), emoticons from `sentiment-emoticons`; VADER's modifiers
 * within 3 preceding words of the same clause (boosters/dampeners incl. "kind of", negators
 * ×−0.74, "least", "never so"), contrast (before the last "but" ×0.5, after ×1.5), CAPITALS and
 * "!"/"??" emphasis; topic words (`sentiment-topic`) ×`topicSentence`; names, job titles
 * ("special envoy") and HTML entity names are skipped; learned news words (`sentiment-news`)
 * are items with weight × `newsSentence` (1: they count in sentence scope as in the entity's clause).
 *
 * Entity scope (`entityItems`): a product of documented factors per item (clause, distance,
 * quotes, the entity's own speech verb, topic and news words in the entity's clause).
 *
 * Value = S / √(S² + α) with S = Σ evidence weights and α = 15 (VADER's normalisation), so it
 * lies in (−1, 1). See README.md for the factors and how they were chosen.
 */
import type { Lexicons, ModifierEntry, SentimentEntry } from '@parallax/lexicons';
import type { QuotedSpan, Token } from '../model';
import { quotationIndexOfTokens, quotationsOfTokens } from '../stages/article/quotations';
import { compile, compileMap, visitMatchesAt, type Compiled } from './phrase-match';
import { inValencePhrase, senseMap } from './senses';
import { LookupTables } from './lookup-tables';

export const ALPHA = 15;
const CAPS_INCR = 0.733;
const EXCL_INCR = 0.292;
const QM_INCR = 0.18;

export interface SentimentParams {
  alpha: number;
  negation: number;
  contrastBefore: number;
  contrastAfter: number;
  /** Weight of a sentiment word in another clause than the entity mention (entity scope). */
  otherClause: number;
  /** Factor applied to topic words' valence in entity scope when the entity is in the same clause (0 = ignored). */
  topicForEntity: number;
  /** Factor applied to topic words in sentence scope (0 = recorded, not counted). */
  topicSentence: number;
  /** Skip capitalised words inside multi-word names and titles ("Hope Hicks", "Defense Secretary"). */
  skipNames: boolean;
  /** Entity scope: decay per word of distance between a sentiment word and the nearest mention. */
  distanceDecay: number;
  /** Entity scope: factor for words inside a quotation that does not contain the mention. */
  quoteForEntity: number;
  /** Entity scope: factor for a speech verb ("warned", "praised") in the target's clause with the target before it (the speaker). */
  speakerVerb: number;
  /** Factor for learned news-lexicon words (`sentiment-news`) in sentence scope. */
  newsSentence: number;
  /** Factor for learned news-lexicon words in the target's clause (entity scope). */
  newsEntity: number;
}

export const DEFAULT_PARAMS: Readonly<SentimentParams> = Object.freeze({
  alpha: ALPHA,
  negation: -0.74,
  contrastBefore: 0.5,
  contrastAfter: 1.5,
  otherClause: 0.35,
  topicForEntity: 0.6,
  topicSentence: 0.5,
  skipNames: true,
  distanceDecay: 0.1,
  quoteForEntity: 0.5,
  speakerVerb: 0.5,
  newsSentence: 1,
  newsEntity: 1,
});

/** The squashing function: S / √(S² + α). */
export function squash(sum: number, alpha: number = ALPHA): number {
  return sum === 0 ? 0 : sum / Math.sqrt(sum * sum + alpha);
}

export interface SentimentItem {
  /** Token index in the sentence. */
  index: number;
  start: number;
  end: number;
  text: string;
  rule: string;
  /** Contribution in sentence scope (topic and news words: × `topicSentence` / `newsSentence`). */
  weight: number;
  /** Raw lexicon valence (0 for emphasis). */
  valence: number;
  /** word: VADER lexicon; topic: `sentiment-topic`; news: `sentiment-news` (learned); emoticon; emphasis ("!", "??"); skipped: a lexicon word a `senses` rule does not count here (weight 0, with the rule's reason). */
  kind: 'word' | 'topic' | 'news' | 'emoticon' | 'emphasis' | 'skipped';
  /** Valence after modifiers and contrast, before any scope factor. */
  scored: number;
  /** How `scored` was reached (lexicon value and modifiers). */
  why: string;
  /** The word is a speech verb ("warned", "praised"): its tone is usually that of what is said. */
  speech?: boolean;
  /** Contrast factor applied (1 when none); entity scope undoes it in the target's own clause. */
  contrast: number;
  reason: string;
}

interface Tables {
  valence: Map<string, number>;
  /** Multi-word entries of `sentiment` (VADER idioms such as "bad ass", "kiss of death"). */
  phrases: Compiled<SentimentEntry>;
  topic: Map<string, number>;
  mods: Map<string, { kind: string; scalar: number }>;
  /** Multi-word modifiers ("kind of", "sort of"). */
  modPhrases: Compiled<ModifierEntry>;
  emoticons: Map<string, number>;
  news: Map<string, number>;
  /** Speech/attribution verb lemmas (`attribution-verbs`). */
  speech: Map<string, string>;
}

/** Multi-word entries only, by first word, longest first (hyphens kept: VADER's phrases are matched on the words as written). */
function phraseIndex<E>(entries: readonly E[], term: (e: E) => string): Compiled<E> {
  return compile({ entries }, term, { splitHyphens: false, minWords: 2 });
}

/** The sentiment lookup tables of a lexicon set, built once per LookupTables (the engine's). */
function tables(lex: Lexicons, lookup: LookupTables): Tables {
  return lookup.get('sentiment:tables', () => ({
    valence: compileMap(lex.sentiment, (e) => e.term, (e) => e.valence),
    phrases: phraseIndex(lex.sentiment.entries, (e) => e.term),
    topic: compileMap(lex.sentimentTopic, (e) => e.term, (e) => e.valence),
    mods: compileMap(lex.sentimentModifiers, (e) => e.term, (e) => ({ kind: e.kind, scalar: e.scalar })),
    modPhrases: phraseIndex(lex.sentimentModifiers.entries, (e) => e.term),
    emoticons: compileMap(lex.sentimentEmoticons, (e) => e.term, (e) => e.valence),
    news: compileMap(lex.sentimentNews, (e) => e.term, (e) => e.valence),
    speech: compileMap(lex.attributionVerbs, (e) => e.lemma, (e) => e.class),
  }));
}

/** Parts of speech of `sentiment-news` words (as in bench/learn-sentiment-news.ts). */
export const NEWS_POS: ReadonlySet<string> = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

/** Symbols that glue a following word into a URL or identifier. */
const GLUE: ReadonlySet<string> = new Set(['_', '/', '://', '=', '\\']);

const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')', '"']);
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', 'however', 'yet']);

/** Clause number of each token: a new clause starts at clause punctuation or a subordinating/contrast word. */
export function clauses(tokens: readonly Token[]): number[] {
  const out = new Array<number>(tokens.length);
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.kind === 'punctuation' && CLAUSE_PUNCT.has(t.text)) || CLAUSE_WORDS.has(t.norm)) c++;
    out[i] = c;
  }
  return out;
}

/** ALL CAPS: two or more characters, at least one A–Z, no lower-case letter. */
function isCaps(text: string): boolean {
  if (text.length < 2) return false;
  let letter = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letter = true;
  }
  return letter && text === text.toUpperCase();
}
/** Capitalised word: "Hope", not "HOPE" or "hope". */
function isCapitalised(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word' || t.text.length < 2) return false;
  const a = t.text.charCodeAt(0);
  const b = t.text.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 97 && b <= 122;
}

/** Longest phrase of `c` (two words or more) starting at token i, or null (lower-cased text only, no lemmas). */
function phraseAt<E>(tokens: readonly Token[], i: number, c: Compiled<E>): { to: number; entry: E } | null {
  let hit: { to: number; entry: E } | null = null;
  visitMatchesAt(tokens, i, c, (entry, to) => ((hit = { to, entry }), true), false);
  return hit;
}

/** An emoticon: one token or a run of up to 4 adjacent tokens, with whitespace (or the sentence edge) on both sides. */
function emoticonAt(tokens: readonly Token[], i: number, emoticons: Map<string, number>): { to: number; text: string; v: number } | null {
  const t = tokens[i]!;
  if (i > 0 && tokens[i - 1]!.end === t.start) return null;
  let hit: { to: number; text: string; v: number } | null = null;
  let text = '';
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    if (j > i && tokens[j]!.start !== tokens[j - 1]!.end) break;
    text += tokens[j]!.text;
    const next = tokens[j + 1];
    if (next && next.start === tokens[j]!.end) continue;
    const v = emoticons.get(text) ?? emoticons.get(text.toLowerCase());
    if (v !== undefined) hit = { to: j + 1, text, v };
  }
  return hit;
}

/**
 * Sentiment evidence items of one sentence (positions in `tokens`).
 *
 * Follows VADER (Hutto & Gilbert 2014): lexicon valence; modifiers among the 3 preceding
 * words of the same clause (punctuation and one-letter words not counted, a word that is
 * itself in the lexicon neither boosts nor negates); "kind of"/"sort of" dampen; "least"
 * negates (not "at least"); "never so/this" intensifies instead of negating; emoticons;
 * capitals, "!" and "??" emphasis; contrast.
 */
export function sentenceItems(tokens: readonly Token[], lex: Lexicons, p: Readonly<SentimentParams> = DEFAULT_PARAMS, lookup: LookupTables = new LookupTables()): SentimentItem[] {
  const tb = tables(lex, lookup);
  const { valence, topic, mods, emoticons, news } = tb;
  const items: SentimentItem[] = [];
  let contrastAt = -1;
  let contrastWord = '';
  // Each token's modifier entry, looked up once (a token is read as a modifier of up to 3 later words).
  const modOf = new Array<{ kind: string; scalar: number } | undefined>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const m = (modOf[i] = mods.get(tokens[i]!.norm));
    if (m?.kind === 'contrast') {
      contrastAt = i;
      contrastWord = tokens[i]!.norm;
    }
  }
  const clause = clauses(tokens);
  const sm = senseMap(tokens, lex, lookup);
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 2) continue;
    if (isCaps(t.text)) upper++;
    else lower++;
  }
  const mixedCase = upper > 0 && lower > 0;
  // The sentence's first word (after any @mention, hashtag or punctuation) is capitalised anyway.
  let firstWord = 0;
  while (firstWord < tokens.length && tokens[firstWord]!.kind !== 'word') firstWord++;
  // Token index -> length of a modifier phrase ("kind of") starting there.
  const modPhrase = new Map<number, { to: number; scalar: number; text: string }>();
  // Per token, once: 1 = a lexicon word that is not a negator (not a modifier of the next words), 2 = not, 0 = not yet known.
  const lexNotNeg = new Uint8Array(tokens.length);
  const isNeg = (j: number) => tokens[j]!.lemma === 'not' || tokens[j]!.norm === "n't" || modOf[j]?.kind === 'negator';
  const lexWordNotNegator = (j: number) => {
    if (lexNotNeg[j] === 0) {
      const u = tokens[j]!;
      lexNotNeg[j] = (valence.has(u.norm) || topic.has(u.norm)) && !isNeg(j) ? 1 : 2;
    }
    return lexNotNeg[j] === 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'emoji') {
      const v = emoticons.get(t.text.replace(/\uFE0F/g, ''));
      if (v !== undefined) items.push({ index: i, start: t.start, end: t.end, text: t.text, rule: `emoji:${t.text}`, weight: v, valence: v, kind: 'emoticon', scored: v, why: `emoji ${v}`, contrast: 1, reason: `emoji ${v} (emoji-emotion, rescaled to VADER)` });
      continue;
    }
    if (t.kind !== 'word') {
      const em = emoticonAt(tokens, i, emoticons);
      if (em) {
        const last = tokens[em.to - 1]!;
        items.push({ index: i, start: t.start, end: last.end, text: em.text, rule: `emoticon:${em.text}`, weight: em.v, valence: em.v, kind: 'emoticon', scored: em.v, why: `VADER emoticon ${em.v}`, contrast: 1, reason: `VADER emoticon ${em.v}` });
        i = em.to - 1;
      }
      continue;
    }
    const mp = phraseAt(tokens, i, tb.modPhrases);
    if (mp) {
      modPhrase.set(mp.to - 1, { to: mp.to, scalar: mp.entry.scalar, text: tokens.slice(i, mp.to).map((x) => x.text).join(' ') });
      i = mp.to - 1;
      continue;
    }
    // Word senses (lexicon `senses`): a phrase with its own valence ("obstruction of justice", an
    // epithet) is scored as one item; words of institutions, titles and topic nouns ("Social
    // Security", "health care", "Justice Kennedy", "special election") are not evaluations.
    const sv = sm.valenceAt(i);
    if (!sv && inValencePhrase(sm, i)) continue;
    const block = sv ? undefined : sm.blocked(i, 'sentiment');
    if (block) {
      // Shown, with its reason, at weight 0 when the lexicon would have scored the word.
      const bv = valence.get(t.norm) ?? valence.get(t.lemma) ?? topic.get(t.norm) ?? topic.get(t.lemma);
      if (bv !== undefined) items.push({ index: i, start: t.start, end: t.end, text: t.text, rule: `senses:${block.phrase}`, weight: 0, valence: bv, kind: 'skipped', scored: 0, why: `not counted (${block.reason})`, contrast: 1, reason: `not an evaluation here: ${block.reason} (lexicon valence ${bv} not counted)` });
      continue;
    }
    // Parts of URLs and identifiers ("http://url_removed") are not words.
    if (i > 0 && tokens[i - 1]!.end === t.start && GLUE.has(tokens[i - 1]!.text)) continue;
    // HTML entity names left in the text ("&gt;", "&amp;") are not words.
    if (tokens[i - 1]?.text === '&' && tokens[i - 1]!.end === t.start && tokens[i + 1]?.text === ';' && tokens[i + 1]!.start === t.end) continue;
    // Parts of names and titles ("Defense Secretary", "Hope Hicks") are not evaluations: a
    // capitalised word after the first word next to another capitalised word.
    if (!sv && p.skipNames && i > firstWord && isCapitalised(t) && (isCapitalised(tokens[i + 1]) || (i > 1 && isCapitalised(tokens[i - 1])))) continue;
    // An evaluative adjective in a job title ("special envoy", "top aide", "senior adviser") names a post.
    if (t.pos === 'ADJ' && (modOf[i + 1]?.kind === 'title' || (tokens[i + 1]?.pos === 'ADJ' && modOf[i + 2]?.kind === 'title'))) continue;
    // Multi-word idioms first ("bad ass", "kiss of death"), then the word itself.
    const ph = phraseAt(tokens, i, tb.phrases);
    let key: string | null;
    let v0: number;
    let to = i + 1;
    let kind: SentimentItem['kind'] = 'word';
    if (sv) {
      key = sv.entry.phrase;
      v0 = sv.entry.valence!;
      to = sv.to;
    } else if (ph) {
      key = ph.entry.term;
      v0 = ph.entry.valence;
      to = ph.to;
    } else {
      // Form first, then lemma (lexicon values are numbers, never undefined).
      const tn = topic.get(t.norm);
      const tv = tn ?? topic.get(t.lemma);
      if (tv !== undefined) {
        key = tn !== undefined ? t.norm : t.lemma;
        v0 = tv;
        kind = 'topic';
      } else {
        const vn = valence.get(t.norm);
        const vv = vn ?? valence.get(t.lemma);
        key = vn !== undefined ? t.norm : vv !== undefined ? t.lemma : null;
        if (vv !== undefined) v0 = vv;
        else {
          // The learner's candidates: content words (not stop words, not names), by lemma.
          if (t.stop || !NEWS_POS.has(t.pos) || (i > firstWord && isCapitalised(t))) continue;
          const nv = news.get(t.lemma);
          if (nv === undefined) continue;
          key = t.lemma;
          v0 = nv;
          kind = 'news';
        }
      }
      // A modifier word is not itself scored when it modifies a sentiment word (VADER skips boosters).
      const mk = modOf[i];
      if (mk && (mk.kind === 'booster' || mk.kind === 'dampener')) continue;
    }
    let v = v0;
    const why: string[] = [sv ? `sense phrase ${v0} (${sv.entry.reason})` : kind === 'news' ? `${v0}` : `VADER ${v0}`];
    if (mixedCase && isCaps(t.text)) {
      const s = v0 < 0 ? -CAPS_INCR : CAPS_INCR;
      v += s;
      why.push(`in capitals ${s >= 0 ? '+' : ''}${s}`);
    }
    // Up to 3 preceding words of the same clause.
    let d = 0;
    let neg = 1;
    const negWords: string[] = [];
    for (let j = i - 1; j >= 0 && d < 3; j--) {
      const prev = tokens[j]!;
      if (clause[j] !== clause[i]) break;
      if (prev.kind !== 'word' || prev.text.length < 2) continue;
      d++;
      const dist = d === 1 ? 1 : d === 2 ? 0.95 : 0.9;
      const mph = modPhrase.get(j);
      if (mph) {
        const s = mph.scalar * dist * (v0 < 0 ? -1 : 1);
        v += s;
        why.push(`dampener "${mph.text}" ${s >= 0 ? '+' : ''}${round3(s)}`);
        continue;
      }
      if (lexWordNotNegator(j)) continue;
      const pm = modOf[j];
      if (pm && (pm.kind === 'booster' || pm.kind === 'dampener')) {
        let s = pm.scalar * dist * (v0 < 0 ? -1 : 1);
        if (mixedCase && isCaps(prev.text)) s += (s >= 0 ? 1 : -1) * CAPS_INCR;
        v += s;
        why.push(`${pm.kind} "${prev.text}" ${s >= 0 ? '+' : ''}${round3(s)}`);
      }
      if (isNeg(j) || (prev.norm === 'least' && tokens[j - 1]?.norm !== 'at' && tokens[j - 1]?.norm !== 'very')) {
        // VADER: "never so good" / "never this bad" intensify (×1.5), and so does any negator
        // three words back when "so"/"this" comes right before the word (×1.25).
        const between = tokens[i - 1]!.norm;
        const soThis = between === 'so' || between === 'this';
        const f = d === 2 && prev.norm === 'never' && soThis ? 1.5 : d === 3 && soThis ? 1.25 : p.negation;
        neg *= f;
        negWords.push(f === p.negation ? `negated by "${prev.text}" ×${f}` : `"${prev.text} … ${tokens[i - 1]!.text}" ×${f}`);
      }
    }
    if (neg !== 1) {
      v *= neg;
      why.push(...negWords);
    }
    let f = 1;
    if (contrastAt >= 0 && i !== contrastAt) {
      f = i < contrastAt ? p.contrastBefore : p.contrastAfter;
      v *= f;
      why.push(`${i < contrastAt ? 'before' : 'after'} contrast "${contrastWord}" ×${f}`);
    }
    const last = tokens[to - 1]!;
    const text = to === i + 1 ? t.text : tokens.slice(i, to).reduce((a, x, k) => (k === 0 ? x.text : a + ' '.repeat(Math.max(0, x.start - tokens[i + k - 1]!.end)) + x.text), '');
    // Learned news nouns ("percent", "email") are what targets co-occur with, not evaluations: they count in entity scope only.
    const newsNoun = kind === 'news' && t.pos === 'NOUN';
    const w = kind === 'topic' ? v * p.topicSentence : kind === 'news' ? (newsNoun ? 0 : v * p.newsSentence) : v;
    const reason =
      kind === 'topic'
        ? `topic word: names the event rather than the outlet's evaluation (${why.join('; ')}); counted ×${p.topicSentence}`
        : kind === 'news'
          ? `news lexicon (learned) ${why.join('; ')}${newsNoun ? '; a noun: entity scope only' : p.newsSentence !== 1 ? `; sentence scope ×${p.newsSentence}` : ''}`
          : why.join('; ');
    // News-lexicon items with sentence weight 0 are kept for entity scope (see `sentenceEvidence`).
    const item: SentimentItem = { index: i, start: t.start, end: last.end, text, rule: `${sv ? 'senses' : kind === 'word' ? 'vader' : kind}:${key}`, weight: w, valence: v0, kind, scored: v, why: why.join('; '), contrast: f, reason };
    if (t.pos === 'VERB' && tb.speech.has(t.lemma)) item.speech = true;
    items.push(item);
    i = to - 1;
  }
  // Punctuation emphasis (VADER): each "!" (at most 4 per sentence) and 2+ "?" push the sum further from 0.
  const sum = sumWeights(items);
  if (sum !== 0) {
    let n = 0;
    const qs: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'punctuation') continue;
      if (t.text.includes('?')) qs.push(i);
      if (!t.text.includes('!') || n >= 4) continue;
      n++;
      const w = sum > 0 ? EXCL_INCR : -EXCL_INCR;
      items.push({ index: i, start: t.start, end: t.end, text: t.text, rule: 'rule:exclamation', weight: w, valence: 0, kind: 'emphasis', scored: w, why: 'exclamation mark', contrast: 1, reason: `exclamation mark amplifies the sentence's ${sum > 0 ? 'positive' : 'negative'} tone ${w >= 0 ? '+' : ''}${w}` });
    }
    if (qs.length > 1) {
      // 2–3 question marks add 0.18 each; more add 0.96 in all (spread over the first 4).
      const each = qs.length <= 3 ? QM_INCR : 0.96 / 4;
      for (const i of qs.slice(0, qs.length <= 3 ? qs.length : 4)) {
        const t = tokens[i]!;
        const w = sum > 0 ? each : -each;
        items.push({ index: i, start: t.start, end: t.end, text: t.text, rule: 'rule:question-marks', weight: w, valence: 0, kind: 'emphasis', scored: w, why: 'question marks', contrast: 1, reason: `repeated question marks amplify the sentence's ${sum > 0 ? 'positive' : 'negative'} tone ${w >= 0 ? '+' : ''}${w}` });
      }
    }
  }
  return items;
}

/** The items that are sentence-scope evidence: all but learned news words that weigh 0 there. */
export function sentenceEvidence(items: readonly SentimentItem[]): SentimentItem[] {
  return items.filter((it) => it.kind !== 'news' || it.weight !== 0);
}

export function sumWeights(items: readonly { weight: number }[]): number {
  let s = 0;
  for (const it of items) s += it.weight;
  return s;
}

/** Sentence sentiment in (−1, 1). */
export function sentenceSentiment(tokens: readonly Token[], lex: Lexicons, p: Readonly<SentimentParams> = DEFAULT_PARAMS, lookup: LookupTables = new LookupTables()): { value: number; items: SentimentItem[] } {
  const items = sentenceItems(tokens, lex, p, lookup);
  return { value: squash(sumWeights(items), p.alpha), items };
}

/** Per-sentence structure shared by every target of the sentence (computed once). */
export interface SentenceContext {
  clause: number[];
  /** Quote number of each token inside a pair of quotation marks, else −1. */
  quote: number[];
  /** Word index of each token (punctuation does not count), for token distances. */
  word: number[];
}

/**
 * `quoted`: the article's quoted spans (stage `quotations`, which may open sentences
 * earlier); without them, the quotations of the sentence's own tokens.
 */
export function sentenceContext(tokens: readonly Token[], quoted: readonly QuotedSpan[] = quotationsOfTokens(tokens)): SentenceContext {
  const clause = clauses(tokens);
  const quote = quotationIndexOfTokens(tokens, quoted);
  const word = new Array<number>(tokens.length);
  let w = 0;
  for (let i = 0; i < tokens.length; i++) {
    word[i] = w;
    if (tokens[i]!.kind !== 'punctuation') w++;
  }
  return { clause, quote, word };
}

/**
 * Entity-targeted items of one sentence: the sentence's items re-weighted by where the
 * target is (a documented product of factors, each named in the item's reason):
 * - clause: words in the clause of a mention count fully (contrast undone), words in other
 *   clauses × `otherClause`; words inside a mention are skipped;
 * - distance: × 1 / (1 + `distanceDecay` · max(0, d − 1)), d = words between the item and
 *   the nearest mention;
 * - quotes: words inside quotation marks that do not contain the mention are someone's
 *   words about something, usually said by or to the target, × `quoteForEntity`;
 * - topic words in the mention's clause × `topicForEntity` (what happens to or is done by
 *   the target), elsewhere not counted.
 */
export function entityItems(
  tokens: readonly Token[],
  items: readonly SentimentItem[],
  mentionTokens: readonly { from: number; to: number }[],
  p: Readonly<SentimentParams> = DEFAULT_PARAMS,
  ctx: SentenceContext = sentenceContext(tokens),
): SentimentItem[] {
  const { clause, quote, word } = ctx;
  const targetClauses = new Set<number>();
  const targetQuotes = new Set<number>();
  for (const m of mentionTokens) {
    for (let i = m.from; i < m.to; i++) {
      targetClauses.add(clause[i]!);
      targetQuotes.add(quote[i]!);
    }
  }
  const out: SentimentItem[] = [];
  for (const it of items) {
    if (it.kind === 'skipped' || mentionTokens.some((m) => it.index >= m.from && it.index < m.to)) continue;
    const same = targetClauses.has(clause[it.index]!);
    let d = Infinity;
    for (const m of mentionTokens) {
      const dd = it.index < m.from ? word[m.from]! - word[it.index]! : word[it.index]! - word[m.to - 1]!;
      if (dd < d) d = dd;
    }
    const why: string[] = [];
    let f = 1;
    let base: number;
    if (it.kind === 'topic' || it.kind === 'news') {
      const g = it.kind === 'topic' ? p.topicForEntity : p.newsEntity;
      if (!same || g === 0) continue;
      base = (it.scored / it.contrast) * g;
      why.push(
        it.kind === 'topic'
          ? `topic word (${it.why}) in the target's clause: what happens to or is done by the target, ×${g}`
          : `news lexicon (learned) ${it.why} in the target's clause${g !== 1 ? ` ×${g}` : ''}`,
      );
    } else if (same) {
      base = it.contrast !== 1 ? it.weight / it.contrast : it.weight;
      why.push(it.reason, it.contrast !== 1 ? "in the target's clause: contrast weighting undone" : "in the target's clause");
    } else {
      if (p.otherClause === 0) continue;
      base = it.weight;
      f *= p.otherClause;
      why.push(it.reason, `other clause ×${p.otherClause}`);
    }
    if (it.speech && same && p.speakerVerb !== 1 && mentionTokens.some((m) => m.to <= it.index)) {
      f *= p.speakerVerb;
      why.push(`speech verb of the target (the speaker's words, not an evaluation of the speaker) ×${p.speakerVerb}`);
    }
    if (p.distanceDecay > 0 && d > 1) {
      const g = 1 / (1 + p.distanceDecay * (d - 1));
      f *= g;
      why.push(`${d} words from the target ×${round3(g)}`);
    }
    const q = quote[it.index]!;
    if (q >= 0 && !targetQuotes.has(q) && p.quoteForEntity !== 1) {
      f *= p.quoteForEntity;
      why.push(`inside a quote the target is not in ×${p.quoteForEntity}`);
    }
    out.push({ ...it, weight: base * f, contrast: 1, reason: why.join('; ') });
  }
  return out;
}

/** Token index range of a character span within a sentence's tokens (null when none overlaps). */
export function tokenRange(tokens: readonly Token[], start: number, end: number): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end > start && t.start < end) {
      if (from < 0) from = i;
      to = i + 1;
    }
  }
  return from < 0 ? null : { from, to };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The encoder sentence-sentiment model (lexicon `sentiment-encoder`), compiled. */
export interface EncoderSentimentModel {
  id: string;
  version: string;
  sha256: string;
  intercept: number;
  /** Factor of the lexicon sentence score squash(S). */
  lexicon: number;
  /** Weights of the unit-length sentence vector, in dimension order. */
  weights: Float64Array;
}

/** Compile a `sentiment-encoder` lexicon (features model:intercept, lex:sentence, enc:000 …). Throws when a feature is missing or unknown. */
export function encoderSentimentModel(lex: { id: string; version: string; sha256: string; entries: readonly { feature: string; weight: number }[] }): EncoderSentimentModel {
  const dims = lex.entries.filter((e) => e.feature.startsWith('enc:')).length;
  const weights = new Float64Array(dims);
  let intercept: number | undefined;
  let lexicon: number | undefined;
  const seen = new Uint8Array(dims);
  for (const e of lex.entries) {
    if (e.feature === 'model:intercept') intercept = e.weight;
    else if (e.feature === 'lex:sentence') lexicon = e.weight;
    else {
      const m = /^enc:(\d+)$/.exec(e.feature);
      const j = m ? Number(m[1]) : -1;
      if (j < 0 || j >= dims) throw new Error(`Lexicon "${lex.id}": unknown feature ${JSON.stringify(e.feature)} (expected model:intercept, lex:sentence or enc:000 … enc:${String(dims - 1).padStart(3, '0')}).`);
      weights[j] = e.weight;
      seen[j] = 1;
    }
  }
  if (intercept === undefined || lexicon === undefined || seen.includes(0)) throw new Error(`Lexicon "${lex.id}" needs model:intercept, lex:sentence and every enc:NNN weight.`);
  return { id: lex.id, version: lex.version, sha256: lex.sha256, intercept, lexicon, weights };
}

/** An evidence item of the encoder model: a lexicon item with its rescaled weight, or the dense sentence item. */
export interface EncoderSentimentItem {
  start: number;
  end: number;
  text: string;
  rule: string;
  weight: number;
  reason: string;
}

/**
 * Sentence sentiment from the lexicon evidence plus one dense encoder item (issue 14):
 * value = clamp(b + c·squash(S) + w·v, −1, 1), with S = Σ lexicon evidence weights and v the
 * sentence's unit-length encoder vector. Evidence: each lexicon item with weight
 * c·squash(S)·(its weight / S) (its share of the lexicon term), and one item over the whole
 * sentence (`encoder:<model id>`) with weight b + w·v; the value is the clamped sum of the
 * evidence weights.
 */
export function encoderSentenceSentiment(
  items: readonly SentimentItem[],
  vector: ArrayLike<number>,
  model: EncoderSentimentModel,
  sentence?: { start: number; end: number; text: string },
  p: Readonly<SentimentParams> = DEFAULT_PARAMS,
): { value: number; items: EncoderSentimentItem[] } {
  if (vector.length !== model.weights.length) throw new Error(`encoderSentenceSentiment: vector has ${vector.length} dimensions, model ${model.id} expects ${model.weights.length}.`);
  const shown = sentenceEvidence(items);
  const S = sumWeights(shown);
  const lexTerm = model.lexicon * squash(S, p.alpha);
  const out: EncoderSentimentItem[] = [];
  if (S !== 0) {
    for (const it of shown) {
      if (it.weight === 0) continue;
      out.push({ start: it.start, end: it.end, text: it.text, rule: it.rule, weight: (lexTerm * it.weight) / S, reason: `${it.reason}; share of the lexicon score ×${round3(model.lexicon)}·squash(S)/S (${model.id} ${model.version})` });
    }
  }
  let dense = model.intercept;
  for (let j = 0; j < vector.length; j++) dense += model.weights[j]! * vector[j]!;
  const first = items[0];
  const last = items[items.length - 1];
  const span = sentence ?? { start: first?.start ?? 0, end: last?.end ?? 0, text: '' };
  out.push({ start: span.start, end: span.end, text: span.text, rule: `encoder:${model.id}`, weight: dense, reason: `sentence encoder: learned direction of the sentence vector (${model.id} ${model.version}, NewsMTSC train80) ${dense >= 0 ? '+' : ''}${round3(dense)}, including the intercept ${round3(model.intercept)}` });
  const value = Math.max(-1, Math.min(1, sumWeights(out)));
  return { value, items: out };
}

/** The entity encoder model (lexicon `sentiment-entity-encoder`), compiled: per class (negative, neutral, positive) an intercept, weights per evidence kind and vector weights. */
export interface EntityEncoderModel {
  id: string;
  version: string;
  sha256: string;
  /** Index 0 negative, 1 neutral, 2 positive. */
  intercept: [number, number, number];
  kinds: Map<string, [number, number, number]>;
  weights: [Float64Array, Float64Array, Float64Array];
}

const ENTITY_CLASSES = ['neg', 'neu', 'pos'] as const;

/**
 * The evidence kind of an entity-scope item, as the entity encoder model weighs it:
 * `<word|topic|news><+|->:<in|out>` (emoticon and emphasis items count as words; in = in the
 * clause of a mention).
 */
export function entityEvidenceKind(it: SentimentItem, inTargetClause: boolean): string {
  const kind = it.kind === 'topic' || it.kind === 'news' ? it.kind : 'word';
  return `${kind}${it.weight >= 0 ? '+' : '-'}:${inTargetClause ? 'in' : 'out'}`;
}

/** Compile a `sentiment-entity-encoder` lexicon (features `<neg|neu|pos>:model:intercept`, `…:k:<kind>`, `…:enc:NNN`). */
export function entityEncoderModel(lex: { id: string; version: string; sha256: string; entries: readonly { feature: string; weight: number }[] }): EntityEncoderModel {
  const dims = lex.entries.filter((e) => e.feature.startsWith('neg:enc:')).length;
  const weights: [Float64Array, Float64Array, Float64Array] = [new Float64Array(dims), new Float64Array(dims), new Float64Array(dims)];
  const intercept: [number, number, number] = [NaN, NaN, NaN];
  const kinds = new Map<string, [number, number, number]>();
  let seen = 0;
  for (const e of lex.entries) {
    const m = /^(neg|neu|pos):(model:intercept|k:(\S+)|enc:(\d+))$/.exec(e.feature);
    const c = m ? ENTITY_CLASSES.indexOf(m[1] as (typeof ENTITY_CLASSES)[number]) : -1;
    const j = m?.[4] !== undefined ? Number(m[4]) : -1;
    if (!m || (m[4] !== undefined && j >= dims)) throw new Error(`Lexicon "${lex.id}": unknown feature ${JSON.stringify(e.feature)}.`);
    if (m[2] === 'model:intercept') intercept[c] = e.weight;
    else if (m[3] !== undefined) {
      const w = kinds.get(m[3]) ?? [0, 0, 0];
      w[c] = e.weight;
      kinds.set(m[3], w);
    } else {
      weights[c]![j] = e.weight;
      seen++;
    }
  }
  if (intercept.some((x) => Number.isNaN(x)) || seen !== 3 * dims) throw new Error(`Lexicon "${lex.id}" needs an intercept and every enc:NNN weight for neg, neu and pos.`);
  return { id: lex.id, version: lex.version, sha256: lex.sha256, intercept, kinds, weights };
}

/**
 * Entity-targeted sentiment of one entity in one sentence from its entity-scope evidence
 * (`entityItems`) and the sentence's encoder vector (issue 14): a linear score per class
 * (negative, neutral, positive) = intercept + Σ item weight × the weight of its evidence kind
 * + vector · class weights; the label is the class with the largest score. The value is
 * clamp(positive − negative score, −1, 1) and is the clamped sum of the evidence: each item
 * with weight (w_pos − w_neg of its kind) × its entity-scope weight, and one item over the
 * sentence (`encoder:<model id>`) with the vector's and intercepts' share.
 */
export function encoderEntitySentiment(
  tokens: readonly Token[],
  eItems: readonly SentimentItem[],
  mentionTokens: readonly { from: number; to: number }[],
  vector: ArrayLike<number>,
  model: EntityEncoderModel,
  sentence?: { start: number; end: number; text: string },
): { value: number; label: -1 | 0 | 1; scores: [number, number, number]; items: EncoderSentimentItem[] } {
  if (vector.length !== model.weights[0].length) throw new Error(`encoderEntitySentiment: vector has ${vector.length} dimensions, model ${model.id} expects ${model.weights[0].length}.`);
  const clause = clauses(tokens);
  const target = new Set<number>();
  for (const m of mentionTokens) for (let i = m.from; i < m.to; i++) target.add(clause[i]!);
  const scores: [number, number, number] = [...model.intercept];
  const out: EncoderSentimentItem[] = [];
  for (const it of eItems) {
    const key = entityEvidenceKind(it, target.has(clause[it.index]!));
    const w = model.kinds.get(key);
    if (!w) continue;
    for (let c = 0; c < 3; c++) scores[c]! += w[c]! * it.weight;
    const margin = (w[2]! - w[0]!) * it.weight;
    if (margin !== 0) out.push({ start: it.start, end: it.end, text: it.text, rule: it.rule, weight: margin, reason: `${it.reason}; evidence kind ${key} ×${round3(w[2]! - w[0]!)} (positive − negative class weight, ${model.id} ${model.version})` });
  }
  const dense: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const wc = model.weights[c]!;
    let s = 0;
    for (let j = 0; j < vector.length; j++) s += wc[j]! * vector[j]!;
    dense[c] = s;
    scores[c]! += s;
  }
  const dm = dense[2] - dense[0] + model.intercept[2] - model.intercept[0];
  const span = sentence ?? { start: eItems[0]?.start ?? 0, end: eItems[eItems.length - 1]?.end ?? 0, text: '' };
  out.push({ start: span.start, end: span.end, text: span.text, rule: `encoder:${model.id}`, weight: dm, reason: `sentence encoder: learned direction of the sentence vector and the intercepts (positive − negative, ${model.id} ${model.version}, NewsMTSC train80) ${dm >= 0 ? '+' : ''}${round3(dm)}` });
  let arg = 0;
  for (let c = 1; c < 3; c++) if (scores[c]! > scores[arg]!) arg = c;
  return { value: Math.max(-1, Math.min(1, sumWeights(out))), label: (arg - 1) as -1 | 0 | 1, scores, items: out };
}
