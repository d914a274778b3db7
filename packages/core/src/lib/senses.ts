/**
 * Word senses: which tokens of a sentence are NOT cues of a measure family because of the
 * phrase they stand in (lexicon `senses`): "Social Security" is not security_defense, the
 * month "May" is not a hedge, "health care" and "the Justice Department" are not evaluations,
 * "criminal justice" is not loaded language. Entries with a `valence` are sentiment phrases
 * in their own right ("obstruction of justice" −2.4, racial epithets); with a `category`
 * they are loaded language. Every rule carries its `reason` (shown in the evidence).
 */
import type { Lexicons, SenseEntry } from '@parallax/lexicons';
import type { Token } from '../model';
import { compile, matchPhrases } from './phrase-match';
import { LookupTables } from './lookup-tables';

export type SenseFamily = SenseEntry['blocks'][number];

export interface SenseHit {
  from: number;
  to: number;
  entry: SenseEntry;
}

export interface SenseMap {
  hits: readonly SenseHit[];
  /** The rule that blocks token i for `family`, or undefined. */
  blocked(i: number, family: SenseFamily): SenseEntry | undefined;
  /** A valence phrase starting at token i. */
  valenceAt(i: number): SenseHit | undefined;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isCap = (t: Token | undefined) => t !== undefined && t.kind === 'word' && isUpper(t.text.charCodeAt(0));
const isNumber = (t: Token | undefined) => t !== undefined && /^\d/.test(t.text);

/**
 * The sense rules that apply in one sentence, kept per token array in `tables` (the
 * engine's: the stages that read a sentence's senses share one map).
 */
export function senseMap(tokens: readonly Token[], lex: Lexicons, tables: LookupTables = new LookupTables()): SenseMap {
  return tables.of('senses:map', tokens, () => buildSenseMap(tokens, lex, tables));
}

function buildSenseMap(tokens: readonly Token[], lex: Lexicons, tables: LookupTables): SenseMap {
  const compiled = tables.get('senses:phrases', () => compile(lex.senses, (e: SenseEntry) => e.phrase));
  let firstWord = 0;
  while (firstWord < tokens.length && tokens[firstWord]!.kind !== 'word') firstWord++;
  // Capitalised for a reason other than starting the sentence: inside the sentence, or before a number or another capitalised word.
  const hits: SenseHit[] = matchPhrases(tokens, compiled, (e, from, to) => {
    const t = tokens[from]!;
    if (e.pos && t.pos !== e.pos) return false;
    return !(e.case === 'capitalised' && !(isCap(t) && (from > firstWord || isNumber(tokens[to]) || isCap(tokens[to]))));
  });
  const byToken = new Map<number, SenseHit>();
  const starts = new Map<number, SenseHit>();
  for (const h of hits) {
    for (let i = h.from; i < h.to; i++) byToken.set(i, h);
    if (h.entry.valence !== undefined) starts.set(h.from, h);
  }
  const map: SenseMap = {
    hits,
    blocked(i, family) {
      const h = byToken.get(i);
      return h && h.entry.blocks.includes(family) ? h.entry : undefined;
    },
    valenceAt: (i) => starts.get(i),
  };
  return map;
}

/** Whether token i is inside any sense phrase that has its own valence (its words are not scored one by one). */
export function inValencePhrase(m: SenseMap, i: number): boolean {
  return m.hits.some((h) => h.entry.valence !== undefined && i > h.from && i < h.to);
}
