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

export interface CompileOptions {
  /** Split hyphens off as the tokenizer does ("so-called" -> so - called); default true. */
  splitHyphens?: boolean;
  /** Leave out entries of fewer words (e.g. 2: multi-word phrases only); default 1. */
  minWords?: number;
}

/** Compile `entries` (keyed by `term(entry)`, a lower-case word or space-separated phrase). */
export function compile<E>(lexicon: { entries: readonly E[] }, term: (e: E) => string, options: CompileOptions = {}): Compiled<E> {
  const { splitHyphens = true, minWords = 1 } = options;
  const byFirst = new Map<string, { words: string[]; entry: E }[]>();
  for (const entry of lexicon.entries) {
    // The tokenizer splits hyphens off ("so-called" -> so - called): entries are matched the same way.
    const words = (splitHyphens ? term(entry).replace(/-/g, ' - ') : term(entry)).split(' ');
    if (words.length < minWords) continue;
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
const sameNorm = (t: Token | undefined, w: string) => t !== undefined && t.norm === w;

/**
 * The one matcher: calls `visit` with every entry of `compiled` whose words stand at
 * token i, longest first, until `visit` returns true. A word matches a token's lower-cased
 * text or (with `lemma`, the default) its lemma.
 */
export function visitMatchesAt<E>(tokens: readonly Token[], i: number, compiled: Compiled<E>, visit: (entry: E, to: number) => boolean, lemma = true): void {
  const t = tokens[i]!;
  const cands = compiled.byFirst.get(t.norm) ?? (lemma && t.lemma !== t.norm ? compiled.byFirst.get(t.lemma) : undefined);
  if (!cands) return;
  const eq = lemma ? same : sameNorm;
  for (const c of cands) {
    let ok = true;
    for (let k = 1; k < c.words.length; k++) {
      if (!eq(tokens[i + k], c.words[k]!)) {
        ok = false;
        break;
      }
    }
    if (ok && visit(c.entry, i + c.words.length)) return;
  }
}

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
    let next = i;
    visitMatchesAt(tokens, i, compiled, (entry, to) => {
      if (accept && !accept(entry, i, to)) return false;
      out.push({ from: i, to, entry });
      next = to - 1;
      return true;
    });
    i = next;
  }
  return out;
}

/**
 * Every match at every token, overlaps included, but at most one entry per `group`
 * at a token (the longest): e.g. a cue that serves several frames, once per frame.
 */
export function matchAllPhrases<E>(tokens: readonly Token[], compiled: Compiled<E>, group: (entry: E) => string): PhraseHit<E>[] {
  const out: PhraseHit<E>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Groups already matched at this token (few: a plain array beats a Set here).
    const done: string[] = [];
    visitMatchesAt(tokens, i, compiled, (entry, to) => {
      const g = group(entry);
      if (done.includes(g)) return false;
      done.push(g);
      out.push({ from: i, to, entry });
      return false;
    });
  }
  return out;
}
