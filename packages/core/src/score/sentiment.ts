/**
 * Lexicon sentiment over wink tokens, VADER-style but news-aware:
 *
 * - each word's valence comes from the `sentiment` lexicon (VADER, −4 … +4), looked up
 *   by lower-case form, then lemma;
 * - boosters/dampeners within 3 tokens before it add ±scalar (×1, ×0.95, ×0.9 by distance);
 * - a negator within 3 tokens before it (same clause) multiplies by −0.74;
 * - after the last contrast marker ("but", "however", …) words count ×1.5, before it ×0.5;
 * - topic words (`sentiment-topic`: war, killed, peace, talks …) name the event, not the
 *   outlet's evaluation (Boukes et al. 2020): they are evidence with weight 0;
 * - a word in CAPITALS in a mixed-case sentence gets ±0.733, and each "!" (up to 4) adds
 *   ±0.292 in the direction of the sentence's sum (VADER's emphasis rules).
 *
 * Sentence value = S / √(S² + α) with S = Σ evidence weights and α = 15 (VADER's
 * normalisation), so it lies in (−1, 1).
 */
import type { Lexicons } from '@parallax/lexicons';
import type { Token } from '../model';
import { compileMap } from './match';

export const ALPHA = 15;
const CAPS_INCR = 0.733;
const EXCL_INCR = 0.292;

export interface SentimentParams {
  alpha: number;
  negation: number;
  contrastBefore: number;
  contrastAfter: number;
  /** Weight of a sentiment word in another clause than the entity mention (entity scope). */
  otherClause: number;
  /** Factor applied to topic words' valence in entity scope when the entity is in the same clause (0 = ignored). */
  topicForEntity: number;
}

export const DEFAULT_PARAMS: Readonly<SentimentParams> = Object.freeze({
  alpha: ALPHA,
  negation: -0.74,
  contrastBefore: 0.5,
  contrastAfter: 1.5,
  otherClause: 0.35,
  topicForEntity: 0.6,
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
  /** Final contribution (0 for topic words). */
  weight: number;
  /** Raw lexicon valence. */
  valence: number;
  topic: boolean;
  /** Contrast factor applied (1 when none); entity scope undoes it in the target's own clause. */
  contrast: number;
  reason: string;
}

interface Tables {
  valence: Map<string, number>;
  topic: Map<string, number>;
  mods: Map<string, { kind: string; scalar: number }>;
}

function tables(lex: Lexicons): Tables {
  return {
    valence: compileMap(lex.sentiment, (e) => e.term, (e) => e.valence),
    topic: compileMap(lex.sentimentTopic, (e) => e.term, (e) => e.valence),
    mods: compileMap(lex.sentimentModifiers, (e) => e.term, (e) => ({ kind: e.kind, scalar: e.scalar })),
  };
}

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

const isNegator = (t: Token, mods: Tables['mods']) => t.norm === "n't" || t.norm === 'not' || mods.get(t.norm)?.kind === 'negator';

/** Sentiment evidence items of one sentence (positions in `tokens`). */
export function sentenceItems(tokens: readonly Token[], lex: Lexicons, p: Readonly<SentimentParams> = DEFAULT_PARAMS): SentimentItem[] {
  const { valence, topic, mods } = tables(lex);
  const items: SentimentItem[] = [];
  let contrastAt = -1;
  let contrastWord = '';
  for (let i = 0; i < tokens.length; i++) {
    const m = mods.get(tokens[i]!.norm);
    if (m?.kind === 'contrast') {
      contrastAt = i;
      contrastWord = tokens[i]!.norm;
    }
  }
  const clause = clauses(tokens);
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 2) continue;
    if (t.text === t.text.toUpperCase() && /[A-Z]/.test(t.text)) upper++;
    else lower++;
  }
  const mixedCase = upper > 0 && lower > 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    // Parts of names and titles ("Defense Secretary", "Hope Hicks") are not evaluations.
    if (t.pos === 'PROPN' && i > 0 && /^[A-Z][a-z]/.test(t.text)) continue;
    const tv = topic.get(t.norm) ?? topic.get(t.lemma);
    if (tv !== undefined) {
      const key = topic.has(t.norm) ? t.norm : t.lemma;
      items.push({
        index: i, start: t.start, end: t.end, text: t.text, rule: `topic:${key}`, weight: 0, valence: tv, topic: true, contrast: 1,
        reason: `topic word (VADER ${tv}): names the event, not the outlet's evaluation; not counted`,
      });
      continue;
    }
    const key = valence.has(t.norm) ? t.norm : valence.has(t.lemma) ? t.lemma : null;
    if (key === null) continue;
    // A modifier word is not itself scored when it modifies a sentiment word (VADER skips boosters).
    const mk = mods.get(t.norm);
    if (mk && (mk.kind === 'booster' || mk.kind === 'dampener')) {
      const next = tokens[i + 1];
      if (next && (valence.has(next.norm) || valence.has(next.lemma))) continue;
    }
    const v0 = valence.get(key)!;
    let v = v0;
    const why: string[] = [`VADER ${v0}`];
    let negatedBy: string | null = null;
    for (let d = 1; d <= 3; d++) {
      const prev = tokens[i - d];
      if (!prev || clause[i - d] !== clause[i]) break;
      const pm = mods.get(prev.norm);
      if (pm && (pm.kind === 'booster' || pm.kind === 'dampener')) {
        const s = pm.scalar * (d === 1 ? 1 : d === 2 ? 0.95 : 0.9) * (v0 < 0 ? -1 : 1);
        v += s;
        why.push(`${pm.kind} "${prev.text}" ${s >= 0 ? '+' : ''}${round3(s)}`);
      }
      if (negatedBy === null && isNegator(prev, mods)) negatedBy = prev.text;
    }
    if (mixedCase && t.text.length > 1 && t.text === t.text.toUpperCase() && /[A-Z]/.test(t.text)) {
      const s = v0 < 0 ? -CAPS_INCR : CAPS_INCR;
      v += s;
      why.push(`in capitals ${s >= 0 ? '+' : ''}${s}`);
    }
    if (negatedBy !== null) {
      v *= p.negation;
      why.push(`negated by "${negatedBy}" ×${p.negation}`);
    }
    let f = 1;
    if (contrastAt >= 0 && i !== contrastAt) {
      f = i < contrastAt ? p.contrastBefore : p.contrastAfter;
      v *= f;
      why.push(`${i < contrastAt ? 'before' : 'after'} contrast "${contrastWord}" ×${f}`);
    }
    items.push({ index: i, start: t.start, end: t.end, text: t.text, rule: `vader:${key}`, weight: v, valence: v0, topic: false, contrast: f, reason: why.join('; ') });
  }
  // Exclamation emphasis: each "!" (at most 4) pushes the sum further from 0.
  const sum = sumWeights(items);
  if (sum !== 0) {
    let n = 0;
    for (let i = 0; i < tokens.length && n < 4; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'punctuation' || !t.text.includes('!')) continue;
      n++;
      const w = sum > 0 ? EXCL_INCR : -EXCL_INCR;
      items.push({ index: i, start: t.start, end: t.end, text: t.text, rule: 'rule:exclamation', weight: w, valence: 0, topic: false, contrast: 1, reason: `exclamation mark amplifies the sentence's ${sum > 0 ? 'positive' : 'negative'} tone ${w >= 0 ? '+' : ''}${w}` });
    }
  }
  return items;
}

export function sumWeights(items: readonly { weight: number }[]): number {
  let s = 0;
  for (const it of items) s += it.weight;
  return s;
}

/** Sentence sentiment in (−1, 1). */
export function sentenceSentiment(tokens: readonly Token[], lex: Lexicons, p: Readonly<SentimentParams> = DEFAULT_PARAMS): { value: number; items: SentimentItem[] } {
  const items = sentenceItems(tokens, lex, p);
  return { value: squash(sumWeights(items), p.alpha), items };
}

/**
 * Entity-targeted items of one sentence: the sentence's items re-weighted by where the
 * target is. Words in the clause of a mention count fully, words in other clauses
 * × `otherClause`; words inside a mention are skipped; topic words in the mention's
 * clause count × `topicForEntity` (0 by default).
 */
export function entityItems(
  tokens: readonly Token[],
  items: readonly SentimentItem[],
  mentionTokens: readonly { from: number; to: number }[],
  p: Readonly<SentimentParams> = DEFAULT_PARAMS,
): SentimentItem[] {
  const clause = clauses(tokens);
  const targetClauses = new Set<number>();
  for (const m of mentionTokens) for (let i = m.from; i < m.to; i++) targetClauses.add(clause[i]!);
  const out: SentimentItem[] = [];
  for (const it of items) {
    if (mentionTokens.some((m) => it.index >= m.from && it.index < m.to)) continue;
    const same = targetClauses.has(clause[it.index]!);
    if (it.topic) {
      if (same && p.topicForEntity !== 0) {
        out.push({ ...it, weight: it.valence * p.topicForEntity, reason: `topic word (VADER ${it.valence}) in the target's clause: what happens to or is done by the target, counted ×${p.topicForEntity}` });
      }
      continue;
    }
    if (same && it.contrast !== 1) {
      out.push({ ...it, weight: it.weight / it.contrast, contrast: 1, reason: `${it.reason}; in the target's clause: contrast weighting undone` });
    } else if (same) out.push({ ...it, reason: `${it.reason}; in the target's clause` });
    else if (p.otherClause !== 0) out.push({ ...it, weight: it.weight * p.otherClause, reason: `${it.reason}; other clause ×${p.otherClause}` });
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
