/**
 * The subject of a speech verb: ordered rules, the first that applies wins. Each returns
 * a Speaker (with `rule`) or null. A candidate that names an outlet, programme, time or
 * place (lexicon `affiliations`, `not-speaker`; wink DATE/TIME entities) is never a
 * speaker; "told X" makes X the listener, so `tell` never takes a subject after it.
 *
 *  1. `subject:appositive`       Podolyak, a top adviser to Mr. Zelenskyy, said / Nadler, D-N.Y., …, told
 *  2. `subject:entity`           Lavrov said / Russian Foreign Minister Sergei Lavrov also said
 *  3. pronoun (coref.ts)         he said
 *  4. `subject:possessive`       Donald Trump's son said (the possessor is not the speaker)
 *  5. `subject:group[-of X]`     State Department officials said
 *  6. descriptor (coref.ts)      the U.S. president said
 *  7. `subject:proper-noun`      Mr. Zhu said (a name the entity stage did not list)
 *  8. `subject:after-verb`       said Peskov / said spokesman Josh Schwerin / said Ryan's spokeswoman, AshLee Strong
 *  9. `subject:according-to`     according to Russian state television
 * 10. `subject:participle-clause` …, telling reporters that
 */
import type { EntityMention } from '../../../schema';
import {
  NP_POS, PLURAL_PRONOUNS, PRONOUNS, STOP_PUNCT, WINDOWS, fromMention, inDirect, inTime, mentionOver, notPersonPhrase, notSpeaker, spanSpeaker,
  tokenAt, type QuoteContext, type Speaker,
} from './context';
import { resolveDescriptor, resolvePronoun } from './coref';

const possessiveAfter = (c: QuoteContext, i: number) => c.flat[i + 1]?.norm === "'s" || c.flat[i + 1]?.norm === "'";
/** Last token index of the mention over token i. */
function mentionEnd(c: QuoteContext, i: number): number {
  const m = mentionOver(c, i);
  if (!m) return i;
  let k = i;
  while (k + 1 < c.flat.length && c.flat[k + 1]!.start < m.end) k++;
  return k;
}

/**
 * A candidate speaks unless it names an outlet, programme, time or place, or (without an
 * entity) is a noun phrase that cannot speak ("the severity", "Both sides"): then the
 * reason is kept on the context for the attribution's rule, and no speaker is guessed.
 */
function speaks(c: QuoteContext, s: Speaker | null): Speaker | null {
  if (!s) return null;
  // A person the article names in full ("Michael Bloomberg") speaks even where a short form is an outlet's name ("said Bloomberg").
  const named = s.entity?.startsWith('person:') === true && c.mentions.some((m) => m.entity_id === s.entity && /\s/.test(m.text.trim()));
  const never = notSpeaker(c, s.start, s.end);
  if (never && named && (never === 'outlet' || never === 'programme')) return s;
  if (never) {
    c.refused = `refused:${never} "${s.text}"`;
    return null;
  }
  const why = s.entity ? null : notPersonPhrase(c, s.start, s.end);
  if (why) {
    c.refused = `refused:${why}`;
    return null;
  }
  return s;
}

function mentionSpeaker(c: QuoteContext, m: EntityMention, rule: string): Speaker | null {
  return speaks(c, fromMention(m, rule));
}

/**
 * A name the entity stage did not list here ("Rice told CNN", "said Staff Mick Mulvaney") is the
 * person the article names with the same last word(s) elsewhere ("Rep. Kathleen Rice"), when exactly
 * one person does; else it stays a name without an entity. A capitalised function word ("Few would
 * call …") is no name.
 */
function byName(c: QuoteContext, s: Speaker): Speaker | null {
  const words = c.flat.slice(tokenAt(c, s.start), tokenAt(c, s.end)).filter((t) => t.kind === 'word');
  if (words.length === 0 || words.every((t) => t.stop)) {
    c.refused = `refused:not-a-name "${s.text}"`;
    return null;
  }
  const last = words[words.length - 1]!.norm;
  const ids = new Set<string>();
  for (const m of c.mentions) {
    if (m.type !== 'PERSON' || !m.entity_id) continue;
    const mw = m.text.toLowerCase().split(/\s+/);
    if (mw.length >= 2 && mw[mw.length - 1] === last) ids.add(m.entity_id);
  }
  if (ids.size !== 1) return s;
  const id = [...ids][0]!;
  const m = c.mentions.find((x) => x.entity_id === id)!;
  return { ...s, entity: id, rule: `${s.rule}->same-name ${m.text}`, evidence: { start: m.start, end: m.end } };
}

/**
 * "it said in a statement": the organisation or government opening one of the previous
 * WINDOWS.pronounSentences sentences (or this one), else the last speaker when it is one;
 * else unresolved (`coref:it-unresolved`), never a person.
 */
function resolveIt(c: QuoteContext, i: number): Speaker | null {
  const { flat, sentOf } = c;
  const t = flat[i]!;
  const ts = sentOf[i]!;
  const org = (m: EntityMention | undefined): m is EntityMention => m !== undefined && (m.type === 'ORG' || m.type === 'GOV') && m.entity_id !== null;
  for (let s = ts; s >= 0 && s >= ts - WINDOWS.pronounSentences; s--) {
    let f = c.sentenceStart.get(s);
    if (f === undefined) continue;
    while (f < flat.length && (flat[f]!.norm === 'the' || flat[f]!.kind === 'punctuation')) f++;
    const m = mentionOver(c, f);
    if (org(m) && !inDirect(c, f) && f < i) return { text: t.text, start: t.start, end: t.end, entity: m.entity_id, rule: `coref:it->subject ${m.text}`, evidence: { start: m.start, end: m.end } };
  }
  const r = c.recent;
  if (r && ts - r.sentence <= WINDOWS.pronounSentences && !r.entity.startsWith('person:')) return { text: t.text, start: t.start, end: t.end, entity: r.entity, rule: `coref:it->last-speaker ${r.text}`, evidence: { start: r.start, end: r.end } };
  c.refused = 'refused:it-unresolved';
  return null;
}

/** Backwards from the verb, within the clause. */
function before(c: QuoteContext, v: number): Speaker | null {
  const { flat, sentOf } = c;
  const sentence = sentOf[v];
  let j = v - 1;
  const skippable = (i: number) => {
    const t = flat[i]!;
    // Adverbs, auxiliaries and time adjuncts between subject and verb: "Trump on Friday threatened", "Pelosi has also said".
    return t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART' || t.norm === 'also' || inTime(c, i) || (['on', 'last', 'this', 'earlier', 'late'].includes(t.norm) && i + 1 < v && inTime(c, i + 1));
  };
  while (j >= 0 && sentOf[j] === sentence && skippable(j)) j--;
  // A parenthesis right before the verb ("Graham (R-S.C.) said") belongs to the subject.
  if (j >= 0 && flat[j]!.text === ')') {
    let o = j - 1;
    while (o >= 0 && sentOf[o] === sentence && flat[o]!.text !== '(' && j - o <= WINDOWS.appositive) o--;
    if (o >= 1 && flat[o]!.text === '(') j = o - 1;
  }
  if (j < 0 || sentOf[j] !== sentence) return null;
  // 1. Appositive: "the center's executive director, Steven Goldstein, told": the name right before the comma;
  //    else the person before one of the commas of the apposition ("Podolyak, a top adviser to …, said").
  if (flat[j]!.text === ',') {
    const named = j > 0 ? mentionOver(c, j - 1) : undefined;
    let ns = j - 1;
    while (ns - 1 >= 0 && named && mentionOver(c, ns - 1) === named) ns--;
    // Only a name set off by commas on both sides (", Steven Goldstein, told"), not the end of an apposition ("… to Mr. Zelenskyy, said").
    // …and a name, not a description the entity stage took for one (", Oregon Democrat,").
    const described = [...Array(j - ns).keys()].some((k) => c.T.cues.get(flat[ns + k]!.norm)?.some((e) => e.attribute === 'party' || e.attribute === 'role'));
    if (named && named.type === 'PERSON' && flat[ns - 1]?.text === ',' && !described && !possessiveAfter(c, j - 1)) return mentionSpeaker(c, named, 'subject:appositive-name');
    for (let k = j - 1; k >= 0 && k >= j - WINDOWS.appositive && sentOf[k] === sentence; k--) {
      if (flat[k]!.text !== ',' && flat[k]!.text !== '(') continue;
      const m = k > 0 ? mentionOver(c, k - 1) : undefined;
      if (m && m.type === 'PERSON' && !possessiveAfter(c, k - 1)) return mentionSpeaker(c, m, 'subject:appositive');
      if (inDirect(c, k - 1) || flat[k - 1]?.pos === 'CCONJ' || flat[k - 1]?.pos === 'VERB') break;
    }
    return null;
  }
  // "Trump described the magazine as … and noted that": a coordinated verb shares the sentence's subject.
  if (flat[j]!.pos === 'CCONJ') return sentenceSubject(c, v, 'subject:coordinated-verb');
  // 2. An entity right before the verb (not a possessor, not the object of a preposition).
  const m = mentionOver(c, j);
  if (m) {
    let s0 = j;
    while (s0 - 1 >= 0 && mentionOver(c, s0 - 1) === m) s0--;
    const prep = flat[s0 - 1];
    if (prep && prep.pos === 'ADP' && sentOf[s0 - 1] === sentence) {
      // "A spokesperson for Kerry dismissed": the noun phrase before the preposition speaks.
      let a0 = s0 - 1;
      while (a0 - 1 >= 0 && sentOf[a0 - 1] === sentence && s0 - a0 <= WINDOWS.descriptor && (NP_POS.has(flat[a0 - 1]!.pos) && !mentionOver(c, a0 - 1))) a0--;
      if (a0 < s0 - 1 && flat[s0 - 2]!.pos === 'NOUN') return speaks(c, resolveDescriptor(c, a0, s0 - 1));
    }
    if (!possessiveAfter(c, j)) return mentionSpeaker(c, m, 'subject:entity');
  }
  // 3. Pronouns.
  const n = flat[j]!.norm;
  if (PRONOUNS[n]) return resolvePronoun(c, j);
  if (PLURAL_PRONOUNS.has(n)) return null;
  if (n === 'it') return resolveIt(c, j);
  // Descriptor or proper-noun run ending at j.
  let a = j;
  const inNP = (i: number) => {
    const t = flat[i]!;
    return NP_POS.has(t.pos) || t.norm === "'s" || t.norm === 'of' || (t.text === '.' && t.pos !== 'PUNCT') || mentionOver(c, i) !== undefined;
  };
  while (a - 1 >= 0 && sentOf[a - 1] === sentence && j - a < WINDOWS.descriptor && inNP(a - 1)) a--;
  const head = flat[j]!;
  const start = flat[a]!.start;
  const end = head.end;
  // 4. "Donald Trump's son said": a possessive descriptor is the speaker, without the possessor's id.
  for (let k = a; k < j; k++) {
    const possessor = mentionOver(c, k - 1);
    if (flat[k]!.norm !== "'s" || head.pos !== 'NOUN' || possessor?.type !== 'PERSON') continue;
    // "Galli's editorial states", "Lavrov's comments suggested": a work speaks with its author's words.
    const voice = [...(c.T.cues.get(head.norm) ?? []), ...(c.T.cues.get(head.lemma) ?? [])].find((e) => e.attribute === 'possessor-voice');
    // A preposition's object is not the subject: "A White House official briefing reporters on Mr Trump's speech said".
    if (flat[a - 1]?.pos === 'ADP' && c.sentOf[a - 1] === sentence) return sentenceSubject(c, v, 'subject:sentence-subject');
    if (voice?.value === 'author') {
      return speaks(c, { ...fromMention(possessor, `subject:possessive-work "${head.text}"`), evidence: { start, end } });
    }
    // "Zelenskyy's office said": an office or campaign speaks for its principal; "Ryan's spokeswoman" or "Trump's son" does not.
    if (voice?.value === 'principal') {
      return speaks(c, spanSpeaker(c, start, end, possessor.entity_id, `subject:possessive-voice ${possessor.text}`, { start: possessor.start, end: possessor.end }));
    }
    return speaks(c, spanSpeaker(c, start, end, null, 'subject:possessive'));
  }
  if (head.pos === 'NOUN') {
    const plural = head.norm !== head.lemma && head.norm.endsWith('s');
    if (plural) {
      // 5. "State Department officials": members of an organisation speak for it.
      const org = c.mentions.find((x) => x.start >= start && x.end <= end && (x.type === 'ORG' || x.type === 'GOV'));
      if (org) return speaks(c, spanSpeaker(c, start, end, org.entity_id, `subject:group-of ${org.text}`, { start: org.start, end: org.end }));
      return speaks(c, spanSpeaker(c, start, end, null, 'subject:group'));
    }
    const inner = [...Array(j - a + 1).keys()].map((k) => mentionOver(c, a + k)).filter((x): x is EntityMention => x !== undefined);
    // "the U.S. president": a descriptor headed by a common noun, even if it holds a place name.
    if (inner.length === 0 || inner.every((x) => x.type !== 'PERSON')) return speaks(c, resolveDescriptor(c, a, j + 1));
  }
  if (head.pos === 'NOUN' || head.pos === 'PROPN') {
    const inner = [...Array(j - a + 1).keys()].map((k) => mentionOver(c, a + k)).filter((x): x is EntityMention => x !== undefined);
    const last = inner[inner.length - 1];
    if (last) return mentionSpeaker(c, last, 'subject:entity');
    if (head.pos === 'PROPN') {
      // 7. A proper-noun run the entity stage did not list.
      let p = j;
      while (p - 1 >= a && flat[p - 1]!.pos === 'PROPN') p--;
      return speaks(c, byName(c, spanSpeaker(c, flat[p]!.start, head.end, null, 'subject:proper-noun')));
    }
  }
  return null;
}

/** 8. After the verb: "said Peskov", "said spokesman Josh Schwerin", "said Ryan's spokeswoman, AshLee Strong". */
function after(c: QuoteContext, v: number): Speaker | null {
  const { flat, sentOf } = c;
  if (flat[v]!.lemma === 'tell' || flat[v]!.norm === 'according') return null;
  // "…, highlighting the severity of the situation": what follows a participle is its object, never its subject.
  if (flat[v]!.norm.endsWith('ing')) return null;
  // Inversion ("…," said Peskov / , added spokesman X) follows a quote or a comma; elsewhere the noun
  // phrase after the verb is its object ("which frequently criticizes Trump").
  const p1 = flat[v - 1];
  const p2 = flat[v - 2];
  const opener = (t: typeof p1) => t !== undefined && (t.text === ',' || t.text === '"' || t.text === ':' || t.text === '—');
  if (flat[v]!.lemma !== 'say' && !opener(p1) && !(p1?.pos === 'ADV' && opener(p2))) return null;
  const sentence = sentOf[v];
  let possessor = false;
  let descStart = -1;
  for (let k = v + 1; k < flat.length && k <= v + WINDOWS.subjectAfterVerb && sentOf[k] === sentence; k++) {
    const t = flat[k]!;
    if (t.text === ',' && (possessor || descStart >= 0)) {
      // "Ryan's spokeswoman, AshLee Strong": the name after the comma is the speaker.
      const m = mentionOver(c, k + 1);
      if (m && m.type === 'PERSON') return mentionSpeaker(c, m, 'subject:after-verb-appositive');
      break;
    }
    if (STOP_PUNCT.has(t.text) && t.kind === 'punctuation') break;
    const m = mentionOver(c, k);
    if (m) {
      const e = mentionEnd(c, k);
      if (possessiveAfter(c, e)) {
        possessor = true;
        if (descStart < 0) descStart = k;
        k = e + 1;
        continue;
      }
      // The last mention of the run ("Kremlin spokesman Dmitry Peskov" -> Peskov).
      let mm = m;
      for (let q = e + 1; q < flat.length && q <= v + WINDOWS.subjectAfterVerb && !STOP_PUNCT.has(flat[q]!.text); q++) mm = mentionOver(c, q) ?? mm;
      return mentionSpeaker(c, mm, 'subject:after-verb');
    }
    if (t.pos === 'VERB' || t.norm === 'that' || t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'PRON') break;
    if (t.pos === 'PROPN' && descStart < 0 && !possessor) {
      // "said Mr. Zhu": an unlisted name (a run holding a listed one, "said US Representative Jake Auchincloss", reaches it).
      let e = k;
      while (e + 1 < flat.length && (flat[e + 1]!.pos === 'PROPN' || flat[e + 1]!.pos === 'NOUN') && sentOf[e + 1] === sentence) e++;
      let holds = false;
      for (let q = k + 1; q <= e; q++) if (mentionOver(c, q)?.type === 'PERSON') holds = true;
      if (holds) continue;
      while (e > k && flat[e]!.pos !== 'PROPN') e--;
      return speaks(c, byName(c, spanSpeaker(c, t.start, flat[e]!.end, null, 'subject:after-verb-proper-noun')));
    }
    if (descStart < 0 && (t.pos === 'NOUN' || t.pos === 'DET' || t.pos === 'ADJ')) descStart = k;
  }
  if (!possessor && descStart >= 0 && flat[descStart]!.pos === 'DET') {
    // "said a developer who asked not to be named", "said a spokeswoman for the mayor": an inverted descriptor
    // (not "said the plan would fail", where the noun phrase opens a clause).
    let e = descStart;
    while (e + 1 < flat.length && sentOf[e + 1] === sentence && (flat[e + 1]!.pos === 'NOUN' || flat[e + 1]!.pos === 'ADJ' || flat[e + 1]!.pos === 'PROPN')) e++;
    const next = flat[e + 1];
    const closes = !next || sentOf[e + 1] !== sentence || next.kind === 'punctuation' || next.norm === 'who' || next.pos === 'ADP';
    if (flat[e]!.pos === 'NOUN' && closes) return speaks(c, resolveDescriptor(c, descStart, e + 1));
  }
  if (possessor && descStart >= 0) {
    // "said Donald Trump's son": the descriptor, without the possessor's id.
    let e = descStart;
    while (e + 1 < flat.length && sentOf[e + 1] === sentence && !STOP_PUNCT.has(flat[e + 1]!.text) && flat[e + 1]!.pos !== 'VERB') e++;
    return speaks(c, spanSpeaker(c, flat[descStart]!.start, flat[e]!.end, null, 'subject:after-verb-possessive'));
  }
  return null;
}

/** 9. "according to Russian state television": the noun phrase after "to". */
function accordingTo(c: QuoteContext, v: number): Speaker | null {
  const { flat, sentOf } = c;
  if (flat[v]!.norm !== 'according' || flat[v + 1]?.norm !== 'to') return null;
  const sentence = sentOf[v];
  let e = v + 2;
  // Hyphenated compounds stay in the phrase ("according to English-language media accounts").
  const inPhrase = (k: number) => NP_POS.has(flat[k]!.pos) || flat[k]!.norm === "'s" || (flat[k]!.text === '-' && k > v + 2 && NP_POS.has(flat[k + 1]?.pos ?? ''));
  while (e < flat.length && sentOf[e] === sentence && inPhrase(e)) e++;
  if (e <= v + 2) return null;
  const inner = [...Array(e - v - 2).keys()].map((k) => mentionOver(c, v + 2 + k)).filter((x): x is EntityMention => x !== undefined);
  const last = inner[inner.length - 1];
  const start = flat[v + 2]!.start;
  const end = flat[e - 1]!.end;
  if (last && last.type === 'PERSON' && !possessiveAfter(c, mentionEnd(c, tokenIndex(c, last)))) return mentionSpeaker(c, last, 'subject:according-to');
  return speaks(c, spanSpeaker(c, start, end, last && last.type !== 'PERSON' ? last.entity_id : null, 'subject:according-to'));
}
const tokenIndex = (c: QuoteContext, m: EntityMention) => c.flat.findIndex((t) => t.start >= m.start);

/** 10. Participle clause ("…, telling reporters that", "adding that", "calling it …"): the sentence's subject. */
function participle(c: QuoteContext, v: number): Speaker | null {
  if (!c.flat[v]!.norm.endsWith('ing')) return null;
  return sentenceSubject(c, v, 'subject:participle-clause');
}

/** The subject opening the sentence of token v (a name, a pronoun, or a descriptor). */
function sentenceSubject(c: QuoteContext, v: number, rule: string): Speaker | null {
  const { flat, sentOf } = c;
  const sentence = sentOf[v];
  let f = c.sentenceStart.get(sentence!) ?? v;
  while (f < v && (flat[f]!.kind === 'punctuation' || flat[f]!.pos === 'ADV' || flat[f]!.pos === 'CCONJ')) f++;
  if (f >= v || inDirect(c, f)) return null;
  // The subject opens the sentence: a name, a pronoun, or a descriptor ("The magazine's editor-in-chief took …, calling …").
  const m = mentionOver(c, f);
  if (m && !possessiveAfter(c, mentionEnd(c, f))) return m.type === 'PERSON' || m.type === 'ORG' || m.type === 'GOV' ? mentionSpeaker(c, m, rule) : null;
  if (PRONOUNS[flat[f]!.norm]) return resolvePronoun(c, f);
  let e = f;
  // …up to a participle after its head ("A White House official briefing reporters …").
  while (e + 1 < v && sentOf[e + 1] === sentence && (NP_POS.has(flat[e + 1]!.pos) || flat[e + 1]!.norm === "'s" || mentionOver(c, e + 1) !== undefined) && flat[e + 1]!.pos !== 'VERB' && !(flat[e + 1]!.norm.endsWith('ing') && flat[e]!.pos === 'NOUN' && !mentionOver(c, e + 1))) e++;
  if (!NP_POS.has(flat[f]!.pos) && !mentionOver(c, f)) return null;
  // "German Chancellor Olaf Scholz echoed …, saying": the person the subject noun phrase ends in.
  const inner = mentionOver(c, e);
  if (inner && inner.type === 'PERSON') return mentionSpeaker(c, inner, rule);
  const head = flat[e]!;
  // "A spokesperson for Kerry dismissed …, saying": the noun phrase before its prepositional phrase.
  if (head.pos === 'NOUN' && !mentionOver(c, e)) {
    const plural = head.norm !== head.lemma && head.norm.endsWith('s');
    if (plural) return speaks(c, spanSpeaker(c, flat[f]!.start, head.end, null, `${rule}-group`));
    if ([...Array(e - f + 1).keys()].some((k) => flat[f + k]!.norm === "'s" && mentionOver(c, f + k - 1)?.type === 'PERSON')) return speaks(c, spanSpeaker(c, flat[f]!.start, head.end, null, `${rule}-possessive`));
    return speaks(c, resolveDescriptor(c, f, e + 1));
  }
  return null;
}

/** The subject of the speech verb at token v, by the rules above in order. */
export function subjectOf(c: QuoteContext, v: number): Speaker | null {
  if (c.flat[v]!.norm === 'according') return accordingTo(c, v);
  return before(c, v) ?? after(c, v) ?? participle(c, v);
}
