/**
 * Reported (indirect) speech: ordered rules over one sentence; the first speech verb
 * outside quotes whose content and subject are found gives the sentence's indirect quote.
 *
 *  1. `according-to`       "According to X, content." / "content, according to X."
 *  2. `verb-that`          X said (on Monday) that content / X told reporters that content
 *  3. `verb-clause`        X said content (a clause opening with a pronoun, determiner or noun)
 *  4. `saying`             …, saying (that) content
 * The content runs to the end of the sentence (final punctuation trimmed). A content that is
 * wholly one direct quote is left to the direct quote.
 */
import { WINDOWS, inDirect, verbAt, type QuoteContext, type Speaker } from './context';
import { subjectOf } from './subject';

export interface IndirectHit {
  start: number;
  end: number;
  verb: number;
  speaker: Speaker | null;
  rule: string;
}

const CLAUSE_START = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);

/** Indirect speech in the sentence of tokens [base, end), or null. */
export function findIndirect(c: QuoteContext, base: number, end: number): IndirectHit | null {
  const { flat } = c;
  const last = flat[end - 1]!.kind === 'punctuation' ? end - 2 : end - 1;
  const wholeQuote = (from: number) => {
    // The content opens a direct quote that runs to the sentence's end.
    let a = from;
    if (flat[a]?.text === '"') a++;
    if (!inDirect(c, a)) return false;
    for (let k = a; k <= last; k++) if (!inDirect(c, k) && flat[k]!.text !== '"' && flat[k]!.kind !== 'punctuation') return false;
    return true;
  };
  for (let v = base; v < end; v++) {
    if (inDirect(c, v)) continue;
    const cls = verbAt(c, v);
    if (!cls) continue;
    const t = flat[v]!;
    if (t.norm === 'according') {
      const speaker = subjectOf(c, v);
      let k = v + 2;
      while (k < end && flat[k]!.text !== ',') k++;
      if (v === base && k < end - 1) return { start: flat[k + 1]!.start, end: flat[last]!.end, verb: v, speaker, rule: `according-to/${speaker?.rule ?? 'no-subject'}` };
      if (v > base + 2) {
        const e = flat[v - 1]!.text === ',' ? flat[v - 2]!.end : flat[v - 1]!.end;
        return { start: flat[base]!.start, end: e, verb: v, speaker, rule: `according-to/${speaker?.rule ?? 'no-subject'}` };
      }
      return null;
    }
    // A direct quote introduced here (`said, "…"`, `said: "…"`) is not reported speech.
    if ((flat[v + 1]?.text === ',' || flat[v + 1]?.text === ':') && flat[v + 2]?.text === '"') continue;
    let from = -1;
    let rule = '';
    let k = v + 1;
    while (k < end && k <= v + WINDOWS.verbToThat && flat[k]!.norm !== 'that' && flat[k]!.kind !== 'punctuation' && flat[k]!.pos !== 'VERB') k++;
    if (k < end && flat[k]!.norm === 'that') {
      from = k + 1;
      rule = 'verb-that';
    } else if (t.norm === 'saying' && v + 1 < end && CLAUSE_START.has(flat[v + 1]!.pos)) {
      from = v + 1;
      rule = 'saying';
    } else if (t.lemma === 'say' && v + 1 < end && (CLAUSE_START.has(flat[v + 1]!.pos) || flat[v + 1]!.text === '"') && flat[v + 1]!.pos !== 'ADJ') {
      from = v + 1;
      rule = 'verb-clause';
    }
    if (from < 0 || from > last) continue;
    if (wholeQuote(from)) continue;
    const speaker = subjectOf(c, v);
    // "said Dmitry Peskov": a subject after the verb is not the content.
    if (!speaker || (speaker.start >= flat[from]!.start && speaker.start <= flat[last]!.end)) continue;
    return { start: flat[from]!.start, end: flat[last]!.end, verb: v, speaker, rule: `${rule}/${speaker.rule}` };
  }
  return null;
}
