/**
 * Where the attribution of a direct quote is: ordered rules, the first that finds a
 * speech verb (lexicon `attribution-verbs`) wins; its subject comes from subject.ts.
 *
 *  1. `verb-before-mark`       said, "…" / said: "…" / stating, "…"
 *  2. `verb-after-mark`        "…," X said. / "…," said X.
 *  3. `name-after-mark`        "…," Bradley Bowman, senior director of …, said.
 *  4. `verb-earlier-in-sentence` Lavrov highlighted that Trump and Putin had agreed to end this "…"
 *                              (the outermost speech verb: nested reports quote the outer speaker)
 *  5. `colon-previous-sentence` X said: ¶ "…"
 *  6. `attribution-sentence-after` "…?" Mr. Clyburn said. (the sentence ended inside the quote and
 *                              the next one, within WINDOWS.attributionSentence tokens, attributes it)
 *  6. `attribution-sentence-after` "…?" Mr. Clyburn said. (the sentence ended inside the quote;
 *                              the next one, within WINDOWS.attributionSentence tokens, attributes it)
 * A quote none of these attribute keeps the speaker of the previous quote when it continues
 * it (`coref:continued-quote`, a multi-paragraph quote), shares its paragraph
 * (`coref:same-paragraph`) or opens the next paragraph with no attribution of its own
 * (`coref:next-paragraph`); else it has no speaker (rule `unattributed`).
 */
import type { QuotedSpan } from '../../../model';
import { WINDOWS, fromMention, inDirect, mentionOver, paragraphOf, verbAt, type Attribution, type QuoteContext } from './context';
import { subjectOf } from './subject';

type Rule = (c: QuoteContext, q: QuotedSpan, qa: number, qb: number) => Attribution | null;

const withSubject = (c: QuoteContext, v: number, rule: string): Attribution => {
  c.refused = null;
  const speaker = subjectOf(c, v);
  // No speaker: say why (`refused:not-a-person "the severity"`, `refused:outlet "CNN"`) or `no-subject`.
  return { verb: v, speaker, rule: speaker ? `${rule}/${speaker.rule}` : `${rule}/${c.refused ?? 'no-subject'}` };
};

const verbBeforeMark: Rule = (c, _q, qa) => {
  const s = c.sentOf[qa];
  for (let k = qa - 1; k >= 0 && k >= qa - WINDOWS.verbBeforeMark && c.sentOf[k] === s; k--) {
    if (verbAt(c, k)) return withSubject(c, k, 'verb-before-mark');
    if (c.flat[k]!.kind !== 'punctuation') break;
  }
  return null;
};

/** The sentence that holds the attribution after the closing mark: the quote's last, or the next when it ended inside the quote. */
function afterSentence(c: QuoteContext, qa: number, qb: number): number {
  const last = c.sentOf[Math.max(qa, qb - 1)]!;
  // `…anymore!" Trump said`: wink ends the sentence at (or just after) the closing mark.
  const k = c.flat[qb]?.text === '"' ? qb + 1 : qb;
  const next = c.sentOf[k];
  if (next === undefined || next === last) return last;
  return paragraphOf(c, k) === paragraphOf(c, qb - 1) && /[.?!]$/.test(c.text.slice(c.flat[qa]!.start, c.flat[Math.max(qa, qb - 1)]!.end)) ? next : last;
}

const verbAfterMark: Rule = (c, _q, qa, qb) => scanAfterMark(c, qa, qb, c.sentOf[Math.max(qa, qb - 1)]!, WINDOWS.verbAfterMark, 'verb-after-mark');

/** `"…anymore!" Trump said in September.`: the sentence ended inside the quote and the next one is its attribution. */
const attributionSentenceAfter: Rule = (c, _q, qa, qb) => {
  const s = afterSentence(c, qa, qb);
  if (s === c.sentOf[Math.max(qa, qb - 1)]) return null;
  return scanAfterMark(c, qa, qb, s, WINDOWS.attributionSentence, 'attribution-sentence-after');
};

function scanAfterMark(c: QuoteContext, _qa: number, qb: number, s: number, window: number, rule: string): Attribution | null {
  const { flat, sentOf } = c;
  for (let k = qb; k < flat.length && k <= qb + window; k++) {
    if (sentOf[k] !== s && k !== qb) break;
    if (flat[k]!.text === '"' && k > qb + 1) break;
    if (verbAt(c, k)) return withSubject(c, k, rule);
    // `" but cautioned that …`: a new clause, not an attribution — unless the word belongs to a title run
    // that ends in a person and a speech verb (`," air traffic controller Josh Maria told`, `," Customs and
    // Border Protection acting commissioner Mark Morgan said`).
    if (flat[k]!.pos === 'CCONJ' || flat[k]!.pos === 'SCONJ' || flat[k]!.pos === 'VERB') {
      const next = titleRunToPerson(c, k, s);
      if (next < 0) break;
      k = next - 1;
    }
  }
  return null;
}

/** From token k inside a title run, the index of the speech verb right after the person the run ends in, else −1. */
function titleRunToPerson(c: QuoteContext, k: number, s: number): number {
  const { flat, sentOf } = c;
  for (let p = k + 1; p < flat.length && p <= k + WINDOWS.descriptor && sentOf[p] === s; p++) {
    const t = flat[p]!;
    if (t.kind === 'punctuation' && t.text !== '.' && t.text !== '-') return -1;
    const m = mentionOver(c, p);
    if (!m) continue;
    if (m.type !== 'PERSON') continue;
    let e = p;
    while (e + 1 < flat.length && flat[e + 1]!.start < m.end) e++;
    let v = e + 1;
    while (v < flat.length && flat[v]!.pos === 'ADV') v++;
    return verbAt(c, v) ? v : -1;
  }
  return -1;
}

const nameAfterMark: Rule = (c, _q, qa, qb) => {
  const s = c.sentOf[Math.max(qa, qb - 1)]!;
  const { flat, sentOf } = c;
  for (let k = qb; k < flat.length && k <= qb + WINDOWS.nameAfterMark && (sentOf[k] === s || k === qb); k++) {
    const m = mentionOver(c, k);
    if (!m || m.type !== 'PERSON') continue;
    for (let j = k + 1; j < flat.length && sentOf[j] === s && flat[j]!.text !== '"'; j++) {
      if (verbAt(c, j)) return { verb: j, speaker: fromMention(m, 'subject:name-after-quote'), rule: 'name-after-mark/subject:name-after-quote' };
    }
    break;
  }
  return null;
};

const verbEarlierInSentence: Rule = (c, _q, qa) => {
  const s = c.sentOf[qa]!;
  let first: Attribution | null = null;
  for (let k = c.sentenceStart.get(s) ?? qa; k < qa; k++) {
    if (inDirect(c, k)) continue;
    // "Asked about …, he said": the question is not the quote.
    if (!verbAt(c, k) || c.flat[k]!.lemma === 'ask') continue;
    const a = withSubject(c, k, 'verb-earlier-in-sentence');
    if (a.speaker) return a;
    first ??= a;
  }
  return first;
};

const colonPreviousSentence: Rule = (c, _q, qa) => {
  if (qa < 2 || c.flat[qa - 2]?.text !== ':') return null;
  for (let k = qa - 3; k >= 0 && c.sentOf[k] === c.sentOf[qa - 2]; k--) if (verbAt(c, k)) return withSubject(c, k, 'colon-previous-sentence');
  return null;
};

export const DIRECT_RULES: readonly { name: string; find: Rule }[] = Object.freeze([
  { name: 'verb-before-mark', find: verbBeforeMark },
  { name: 'verb-after-mark', find: verbAfterMark },
  { name: 'name-after-mark', find: nameAfterMark },
  { name: 'verb-earlier-in-sentence', find: verbEarlierInSentence },
  { name: 'colon-previous-sentence', find: colonPreviousSentence },
  { name: 'attribution-sentence-after', find: attributionSentenceAfter },
]);

/** The attribution of a direct quote: the first rule with a speaker, else the first with a verb. */
export function attributeDirect(c: QuoteContext, q: QuotedSpan, qa: number, qb: number): Attribution | null {
  let verbOnly: Attribution | null = null;
  for (const r of DIRECT_RULES) {
    const a = r.find(c, q, qa, qb);
    if (!a) continue;
    if (a.speaker) return a;
    verbOnly ??= a;
  }
  return verbOnly;
}
