/**
 * Reported (indirect) speech: ordered rules over one sentence. Every speech verb outside
 * quotes whose content and subject are found gives an indirect quote; a sentence may hold
 * several ("X said A, though critics say B").
 *
 *  1. `according-to`       "According to X, content." / "content, according to X."
 *  2. `verb-that`          X said (on Monday) that content / X told reporters that content
 *  3. `participle`         …, saying (that) content / …, arguing it was …
 *  4. `verb-clause`        X said content / X admitted there would be … (a clause opening with a
 *                          subject: a pronoun, or for `say` also a determiner or noun)
 *  5. `parenthetical`      Because of this, he said, content
 *  6. `clause-then-verb`   content, X said (at the time).
 * The content runs to the end of the sentence (final punctuation trimmed) or to the comma
 * before the next attribution. A content that is wholly one direct quote is left to it; a
 * subject after the verb ("said Dmitry Peskov") is never content.
 */
import { WINDOWS, inDirect, inTime, verbAt, type QuoteContext, type Speaker } from './context';
import { subjectOf } from './subject';

export interface IndirectHit {
  start: number;
  end: number;
  verb: number;
  speaker: Speaker | null;
  rule: string;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'this', 'that']);
const CLAUSE_START = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM']);
/** Verbs whose object is the listener, before `that`: "told reporters that", "warned Democrats that". */
const LISTENER_VERBS = new Set(['tell', 'inform', 'assure', 'remind', 'warn', 'promise', 'reassure', 'urge', 'caution', 'convince']);

/** Indirect quotes in the sentence of tokens [base, end). */
export function findIndirect(c: QuoteContext, base: number, end: number): IndirectHit[] {
  const { flat } = c;
  const sentLast = flat[end - 1]!.kind === 'punctuation' ? end - 2 : end - 1;
  const out: IndirectHit[] = [];
  const wholeQuote = (from: number, last: number) => {
    let a = from;
    if (flat[a]?.text === '"') a++;
    if (!inDirect(c, a)) return false;
    for (let k = a; k <= last; k++) if (!inDirect(c, k) && flat[k]!.text !== '"' && flat[k]!.kind !== 'punctuation') return false;
    return true;
  };
  /** Last content token from `from`: the sentence's end, or before ", [conj] <subject> <speech verb>". */
  const contentEnd = (from: number): number => {
    for (let k = from + 1; k <= sentLast; k++) {
      if (flat[k]!.text !== ',' || inDirect(c, k)) continue;
      for (let j = k + 1; j <= Math.min(sentLast, k + 5); j++) {
        if (inDirect(c, j)) break;
        if (verbAt(c, j) && flat[j]!.norm !== 'according' && !flat[j]!.norm.endsWith('ing')) return k - 1;
        if (flat[j]!.pos === 'VERB') break;
      }
    }
    return sentLast;
  };
  const hit = (from: number, v: number, speaker: Speaker, rule: string): IndirectHit | null => {
    const last = contentEnd(from);
    if (last < from || wholeQuote(from, last)) return null;
    // Reported speech is a clause: its content has a verb ("calling that a matter of …" is not).
    let verb = false;
    for (let k = from; k <= last && !verb; k++) verb = flat[k]!.pos === 'VERB' || flat[k]!.pos === 'AUX';
    if (!verb) return null;
    if (speaker.start >= flat[from]!.start && speaker.start <= flat[last]!.end) return null;
    return { start: flat[from]!.start, end: flat[last]!.end, verb: v, speaker, rule: `${rule}/${speaker.rule}` };
  };
  let v = base;
  while (v < end) {
    const found = at(v);
    if (found) {
      out.push(found);
      v = Math.max(v + 1, tokenIndexAfter(found.end));
    } else v++;
  }
  return out;

  function tokenIndexAfter(offset: number): number {
    let k = base;
    while (k < end && flat[k]!.start < offset) k++;
    return k;
  }

  function at(v: number): IndirectHit | null {
    if (inDirect(c, v)) return null;
    const cls = verbAt(c, v);
    if (!cls) return null;
    const t = flat[v]!;
    if (t.norm === 'according') {
      c.refused = null;
      const speaker = subjectOf(c, v);
      const none = c.refused ?? 'no-subject';
      let k = v + 2;
      while (k < end && flat[k]!.text !== ',') k++;
      if (v === base && k < end - 1) return { start: flat[k + 1]!.start, end: flat[sentLast]!.end, verb: v, speaker, rule: `according-to/${speaker?.rule ?? none}` };
      if (v > base + 2) {
        const e = flat[v - 1]!.text === ',' ? flat[v - 2]!.end : flat[v - 1]!.end;
        return { start: flat[base]!.start, end: e, verb: v, speaker, rule: `according-to/${speaker?.rule ?? none}` };
      }
      return null;
    }
    // A direct quote introduced here (`said, "…"`, `said: "…"`) is not reported speech.
    if ((flat[v + 1]?.text === ',' || flat[v + 1]?.text === ':') && flat[v + 2]?.text === '"') return null;
    // 2. `that` within the window: after adjuncts ("in a statement", "on Monday"), or a listener object for tell-verbs.
    let k = v + 1;
    let objectNoun = false;
    while (k < end && k <= v + WINDOWS.verbToThat && flat[k]!.norm !== 'that') {
      const x = flat[k]!;
      if (x.pos === 'VERB' || (x.kind === 'punctuation' && x.text !== '"' && !inDirect(c, k))) break;
      if ((x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'PRON') && !inDirect(c, k) && !inTime(c, k)) {
        // A noun not inside a prepositional phrase is the verb's object.
        let p = k - 1;
        while (p > v && (flat[p]!.pos === 'DET' || flat[p]!.pos === 'ADJ' || flat[p]!.pos === 'NOUN' || flat[p]!.pos === 'PROPN' || flat[p]!.pos === 'NUM')) p--;
        if (flat[p]!.pos !== 'ADP') objectNoun = true;
      }
      k++;
    }
    const speakerFor = () => subjectOf(c, v);
    if (k < end && flat[k]!.norm === 'that' && (!objectNoun || LISTENER_VERBS.has(t.lemma))) {
      const sp = speakerFor();
      return sp ? hit(k + 1, v, sp, 'verb-that') : null;
    }
    // 3/4. A clause right after the verb (adverbs and time adjuncts skipped).
    let f = v + 1;
    while (f < end && (flat[f]!.pos === 'ADV' || inTime(c, f)) && !inDirect(c, f)) f++;
    const next = flat[f];
    if (!next || f > sentLast) return null;
    // A pronoun opens a clause only when a verb follows it ("admitted there would be", not "accusing it of").
    const verbNext = (i: number) => ['VERB', 'AUX'].includes(flat[i]?.pos ?? '') || (flat[i]?.pos === 'ADV' && ['VERB', 'AUX'].includes(flat[i + 1]?.pos ?? ''));
    const opensClause = (SUBJECT_PRONOUNS.has(next.norm) && verbNext(f + 1)) || (t.lemma === 'say' && CLAUSE_START.has(next.pos)) || (t.lemma === 'say' && next.text === '"');
    if (opensClause) {
      const sp = speakerFor();
      return sp ? hit(f, v, sp, t.norm.endsWith('ing') ? 'participle' : 'verb-clause') : null;
    }
    // 5. Parenthetical: "…, he said, content".
    const openComma = (i: number) => i >= base && flat[i]!.text === ',' && !inDirect(c, i) && flat[i + 1]?.text !== '"' && flat[i - 1]?.text !== '"';
    if (next.text === ',' && (openComma(v - 2) || openComma(v - 3))) {
      const sp = speakerFor();
      return sp && f + 1 <= sentLast ? hit(f + 1, v, sp, 'parenthetical') : null;
    }
    // 6. "content, X said (at the time)." — the verb closes the sentence.
    let tail = f;
    while (tail <= sentLast && (flat[tail]!.pos === 'ADP' || flat[tail]!.pos === 'DET' || flat[tail]!.pos === 'NOUN' || inTime(c, tail)) && tail - v <= 5) tail++;
    if (tail > sentLast) {
      const sp = speakerFor();
      let comma = v - 1;
      while (comma > base && flat[comma]!.text !== ',') comma--;
      if (sp && comma > base + 2 && sp.start >= flat[comma]!.end) {
        const content = { start: flat[base]!.start, end: flat[comma - 1]!.end };
        if (!wholeQuote(base, comma - 1)) return { start: content.start, end: content.end, verb: v, speaker: sp, rule: `clause-then-verb/${sp.rule}` };
      }
    }
    return null;
  }
}
