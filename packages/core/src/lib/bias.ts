/**
 * Sentence bias: the probability that a sentence is worded in a biased (subjective,
 * one-sided) way, from a logistic regression over inspectable features (lexicon `bias-model`,
 * trained by bench/train-bias.ts on NewsSD-ENG and WNC train splits).
 *
 * Features of a sentence (each occurrence is one evidence item over its tokens):
 * - `w:<lemma>` every word that is not part of a name, by lemma (the model keeps only words
 *   whose weight survived training and pruning);
 * - `lex:<kind>` a word of the Recasens et al. (2013) lists (`bias-words`: bias-inducing lemma,
 *   hedge, factive, assertive, implicative, report verb), unless a sense rule says its use is
 *   an institution or a legal category ("criminal justice");
 * - `vader:pos` / `vader:neg` an evaluative word of the sentiment lexicon (not blocked by `senses`);
 * - `loaded:<category>` a word of the `loaded` lexicon or a loaded sense phrase (epithets);
 * - `shape:name` a run of capitalised words inside the sentence, `shape:number` a number,
 *   `punct:exclamation`, `punct:question`, `punct:quote`;
 * - `bias:intercept` once per sentence (its span is the whole sentence).
 * S = Σ weights of the items; value = 1 / (1 + e^(−S)).
 */
import type { BiasWordEntry, LoadedEntry, Lexicons } from '@parallax/lexicons';
import type { Token } from '../model';
import { compile, compileMap, matchPhrases } from './phrase-match';
import { senseMap } from './senses';
import { LookupTables } from './lookup-tables';

export interface BiasHit {
  feature: string;
  /** Token range. */
  from: number;
  to: number;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isCap = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.text.length > 0 && isUpper(t.text.charCodeAt(0));

/** Feature occurrences of one sentence, in token order (same order for training and scoring). */
export function biasFeatures(tokens: readonly Token[], lex: Lexicons, tables: LookupTables = new LookupTables()): BiasHit[] {
  const out: BiasHit[] = [];
  const sm = senseMap(tokens, lex, tables);
  const valence = tables.get('bias:valence', () => compileMap(lex.sentiment, (e) => e.term, (e) => e.valence));
  let firstWord = 0;
  while (firstWord < tokens.length && tokens[firstWord]!.kind !== 'word') firstWord++;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') {
      out.push({ feature: 'shape:number', from: i, to: i + 1 });
      continue;
    }
    if (t.kind === 'punctuation' || t.kind === 'symbol') {
      if (t.text.includes('!')) out.push({ feature: 'punct:exclamation', from: i, to: i + 1 });
      else if (t.text.includes('?')) out.push({ feature: 'punct:question', from: i, to: i + 1 });
      else if (t.text === '"') out.push({ feature: 'punct:quote', from: i, to: i + 1 });
      continue;
    }
    if (t.kind !== 'word') continue;
    if (i > firstWord && isCap(t)) {
      let j = i + 1;
      while (j < tokens.length && isCap(tokens[j])) j++;
      out.push({ feature: 'shape:name', from: i, to: j });
      i = j - 1;
      continue;
    }
    out.push({ feature: `w:${t.lemma}`, from: i, to: i + 1 });
    if (!sm.blocked(i, 'sentiment')) {
      const v = valence.get(t.norm) ?? valence.get(t.lemma);
      if (v !== undefined && Math.abs(v) >= 1) out.push({ feature: v > 0 ? 'vader:pos' : 'vader:neg', from: i, to: i + 1 });
    }
  }
  const blocked = (h: { from: number; to: number }) => {
    for (let i = h.from; i < h.to; i++) if (sm.blocked(i, 'loaded')) return true;
    return false;
  };
  for (const h of matchPhrases(tokens, tables.get('bias:bias-words', () => compile(lex.biasWords, (e: BiasWordEntry) => e.term)))) if (!blocked(h)) out.push({ feature: `lex:${h.entry.kind}`, from: h.from, to: h.to });
  for (const h of matchPhrases(tokens, tables.get('bias:loaded', () => compile(lex.loaded, (e: LoadedEntry) => e.term)))) if (!blocked(h)) out.push({ feature: `loaded:${h.entry.category}`, from: h.from, to: h.to });
  for (const h of sm.hits) if (h.entry.category) out.push({ feature: `loaded:${h.entry.category}`, from: h.from, to: h.to });
  return out.sort((a, b) => a.from - b.from || a.to - b.to || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
}

export interface BiasItem {
  start: number;
  end: number;
  text: string;
  rule: string;
  weight: number;
  reason: string;
}

export const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));

/** Evidence items (features with a non-zero weight, plus the intercept) and the probability. */
/** `text` is the string the token offsets point into (the article's normalized text). */
export function sentenceBias(tokens: readonly Token[], lex: Lexicons, text: string, tables: LookupTables = new LookupTables()): { value: number; items: BiasItem[] } {
  const sentenceText = (from: number, to: number) => text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  const weights = tables.get('bias:weights', () => compileMap(lex.biasModel, (e) => e.feature, (e) => e.weight));
  const items: BiasItem[] = [];
  if (tokens.length === 0) return { value: sigmoid(weights.get('bias:intercept') ?? 0), items };
  const b = weights.get('bias:intercept') ?? 0;
  items.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, text: sentenceText(0, tokens.length), rule: 'bias-model:bias:intercept', weight: b, reason: 'intercept of the bias model (the log-odds of a sentence with no feature)' });
  let s = b;
  for (const h of biasFeatures(tokens, lex, tables)) {
    const w = weights.get(h.feature);
    if (w === undefined || w === 0) continue;
    s += w;
    items.push({
      start: tokens[h.from]!.start, end: tokens[h.to - 1]!.end, text: sentenceText(h.from, h.to), rule: `bias-model:${h.feature}`, weight: w,
      reason: `feature ${h.feature} ${w > 0 ? 'raises' : 'lowers'} the log-odds of biased wording by ${Math.abs(Math.round(w * 1000) / 1000)}`,
    });
  }
  return { value: sigmoid(s), items };
}
