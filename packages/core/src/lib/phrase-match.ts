/**
 * Phrase matching over tokens. Lexicons are compiled into Maps keyed by their first
 * word; stages keep the compiled tables in their engine's LookupTables (ctx.tables),
 * so scoring never re-reads a list.
 */
import type { Token } from '../model';

export interface Compiled<E> {
  /** first word -> candidate entries with their words, longest first. */
  byFirst: Map<string, { words: string[]; entry: E }[]>;
}

/** Compile `entries` (keyed by `term(entry)`, a lower-case word or space-separated phrase). */
export function compile<E>(lexicon: { entries: readonly E[] }, term: (e: E) => string): Compiled<E> {
  const byFirst = new Map<string, { words: string[]; entry: E }[]>();
  for (const entry of lexicon.entries) {
    // The tokenizer splits hyphens off ("so-called" -> so - called): entries are matched the same way.
    const words = term(entry).replace(/-/g, ' - ').split(' ');
    const first = words[0]!;
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push({ words, entry });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/** A word -> value map of a lexicon. */
export function compileMap<E, V>(lexicon: { entries: readonly E[] }, key: (e: E) => string, value: (e: E) => V): Map<string, V> {
  const m = new Map<string, V>();
  for (const e of lexicon.entries) m.set(key(e), value(e));
  return m;
}

const same = (t: Token | undefined, w: string) => t !== undefined && (t.norm === w || t.lemma === w);

export interface PhraseHit<E> {
  /** Token index of the first and one past the last matched token. */
  from: number;
  to: number;
  entry: E;
}

/**
 * Non-overlapping, longest-first matches of the compiled lexicon in `tokens`, left to right.
 * `accept` (optional) vetoes a match whose words fit (e.g. a part-of-speech or case
 * condition of the entry); the next candidate at that position is then tried.
 */
export function matchPhrases<E>(tokens: readonly Token[], compiled: Compiled<E>, accept?: (entry: E, from: number, to: number) => boolean): PhraseHit<E>[] {
  const out: PhraseHit<E>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cands = compiled.byFirst.get(t.norm) ?? (t.lemma !== t.norm ? compiled.byFirst.get(t.lemma) : undefined);
    if (!cands) continue;
    for (const c of cands) {
      let ok = true;
      for (let k = 1; k < c.words.length; k++) {
        if (!same(tokens[i + k], c.words[k]!)) {
          ok = false;
          break;
        }
      }
      if (ok && (!accept || accept(c.entry, i, i + c.words.length))) {
        out.push({ from: i, to: i + c.words.length, entry: c.entry });
        i += c.words.length - 1;
        break;
      }
    }
  }
  return out;
}
