/**
 * Back-references to a speaker, resolved to the nearest compatible person or left
 * unresolved (never guessed). Rules, in order; each returns a Speaker whose `rule` names
 * how it was resolved and whose `evidence` is the antecedent mention.
 *
 * Pronouns (he/she):
 *  1. `coref:pronoun->subject`: the person opening one of the previous sentences (subject
 *     position), back to the last speaker's sentence, if compatible;
 *  2. `coref:pronoun->last-speaker`: the speaker of the last attribution within
 *     WINDOWS.pronounSentences sentences (AP style keeps it), if compatible;
 *  3. `coref:pronoun->nearest-subject`: the first compatible person of the nearest earlier
 *     sentence that has one;
 *  4. `coref:pronoun->only-candidate`: the last speaker further back, when no other
 *     compatible person is named in between;
 *  5. `coref:pronoun-unresolved`: no compatible person: the pronoun, with no entity.
 * Compatible: a PERSON outside quotes whose known gender (honorific, gendered noun, an
 * earlier he/she resolved to it) does not contradict the pronoun.
 *
 * Descriptors ("the president", "the spokeswoman"):
 *  1. `coref:descriptor->title`: a person whose title run or appositive holds the
 *     descriptor's head noun ("President Donald Trump", "Kerri Kupec, a spokeswoman for …"):
 *     the most mentioned so far (salience), the nearest on a tie;
 *  2. `coref:descriptor-unresolved`: none: the descriptor itself, with no entity.
 */
import type { EntityMention } from '../../../schema';
import { PRONOUNS, WINDOWS, inDirect, isWord, mentionOver, noteGender, spanSpeaker, tokenAt, TITLES, type QuoteContext, type Speaker } from './context';

function compatible(c: QuoteContext, m: EntityMention | undefined, pronoun: string): m is EntityMention {
  if (!m || m.type !== 'PERSON' || !m.entity_id) return false;
  const want = PRONOUNS[pronoun];
  const have = c.gender.get(m.entity_id);
  return !want || !have || want === have;
}

const inQuote = (c: QuoteContext, m: EntityMention) => inDirect(c, tokenAt(c, m.start));

export function resolvePronoun(c: QuoteContext, i: number): Speaker {
  const { flat, sentOf } = c;
  const t = flat[i]!;
  const ts = sentOf[i]!;
  const pronoun = t.norm;
  const at = (m: EntityMention, rule: string): Speaker => {
    noteGender(c, m.entity_id, pronoun);
    return { text: t.text, start: t.start, end: t.end, entity: m.entity_id, rule: `${rule} ${m.text}`, evidence: { start: m.start, end: m.end } };
  };
  // 0. Later in a sentence opened by a compatible person, the pronoun is that person ("Trump attempted to assure
  //    Americans …, which he described as …"), not the last speaker.
  {
    let f = c.sentenceStart.get(ts);
    while (f !== undefined && f < i && (TITLES.has(flat[f]!.norm) || flat[f]!.kind === 'punctuation')) f++;
    const m = f !== undefined && f < i ? mentionOver(c, f) : undefined;
    if (compatible(c, m, pronoun) && !inDirect(c, f!) && flat[f! + 1]?.norm !== "'s") return at(m, 'coref:pronoun->sentence-subject');
  }
  // 1. A person opening one of the previous sentences, back to the last speaker's sentence.
  const floor = Math.max(ts - WINDOWS.pronounSentences, c.recent ? c.recent.sentence : -1);
  for (let s = ts - 1; s > floor; s--) {
    let f = c.sentenceStart.get(s);
    if (f === undefined) continue;
    while (f < flat.length && TITLES.has(flat[f]!.norm)) f++;
    const m = mentionOver(c, f);
    if (compatible(c, m, pronoun) && !inDirect(c, f)) return at(m, 'coref:pronoun->subject');
  }
  // 2. The last speaker, within the window (AP style keeps the speaker).
  const r = c.recent;
  if (r && ts - r.sentence <= WINDOWS.pronounSentences && r.entity.startsWith('person:')) {
    const m = c.mentions.find((x) => x.entity_id === r.entity && x.start === r.start) ?? c.mentions.find((x) => x.entity_id === r.entity);
    if (compatible(c, m, pronoun)) return at({ ...m, start: r.start, end: r.end, text: r.text }, 'coref:pronoun->last-speaker');
  }
  // 3. The first compatible person of the nearest earlier sentence (or of this one, before the pronoun).
  for (let s = ts; s >= 0 && s >= ts - WINDOWS.pronounSentences; s--) {
    const first = c.mentions.find((m) => m.end <= t.start && (sentOf[tokenAt(c, m.start)] ?? -1) === s && !inQuote(c, m) && compatible(c, m, pronoun));
    if (first) return at(first, 'coref:pronoun->nearest-subject');
  }
  // 4. The last speaker, further back, when no other compatible person is named in between.
  if (r && r.entity.startsWith('person:') && r.end <= t.start) {
    const between = c.mentions.some((m) => m.start >= r.end && m.end <= t.start && m.entity_id !== r.entity && !inQuote(c, m) && compatible(c, m, pronoun));
    const m = c.mentions.find((x) => x.entity_id === r.entity);
    if (!between && compatible(c, m, pronoun)) return at({ ...m, start: r.start, end: r.end, text: r.text }, 'coref:pronoun->only-candidate');
  }
  return { text: t.text, start: t.start, end: t.end, entity: null, rule: 'coref:pronoun-unresolved', evidence: { start: t.start, end: t.end } };
}

/** Does a title run before mention m, or its appositive after, contain the lemma `head`? */
function titledWith(c: QuoteContext, m: EntityMention, head: string): boolean {
  const { flat, sentOf } = c;
  const i = tokenAt(c, m.start);
  for (let j = i - 1; j >= 0 && j >= i - WINDOWS.titleRun && sentOf[j] === sentOf[i]; j--) {
    const t = flat[j]!;
    // Hyphenated titles stay in the run ("editor-in-chief Mark Galli").
    const hyphenated = t.text === '-' || flat[j + 1]?.text === '-' || flat[j - 1]?.text === '-';
    if ((t.kind === 'punctuation' && t.text !== '.' && t.text !== '-') || t.pos === 'VERB' || (t.pos === 'ADP' && !hyphenated)) break;
    if (t.lemma === head || t.norm === head) return true;
  }
  let k = i;
  while (k < flat.length && flat[k]!.start < m.end) k++;
  if (flat[k]?.text !== ',') return false;
  for (let j = k + 1; j < flat.length && j <= k + WINDOWS.appositiveAfter && sentOf[j] === sentOf[i]; j++) {
    const t = flat[j]!;
    if (t.text === ',' || t.pos === 'VERB') break;
    if (t.lemma === head || t.norm === head) return true;
  }
  return false;
}

/** "the U.S. president" (tokens from..to−1, ending in a common noun): the latest person titled with its head noun. */
export function resolveDescriptor(c: QuoteContext, from: number, to: number): Speaker {
  const { flat } = c;
  const words = flat.slice(from, to).filter((t) => isWord(t) && !t.stop);
  const head = words[words.length - 1];
  const start = flat[from]!.start;
  const end = flat[to - 1]!.end;
  // An indefinite descriptor ("a senior administration official", "another official") introduces a
  // source; it never refers back to one named before.
  const indefinite = ['a', 'an', 'another'].includes(flat[from]?.norm ?? '');
  if (indefinite) return spanSpeaker(c, start, end, null, 'coref:descriptor-unresolved/indefinite');
  if (head) {
    // Candidates: persons titled with the head noun before the descriptor. The most salient
    // (most mentions so far) wins, the nearest on a tie ("the president" in a story about Trump
    // that also names "Chinese President Xi Jinping").
    const count = new Map<string, number>();
    const nearest = new Map<string, EntityMention>();
    const titled = new Set<string>();
    // A collective noun ("the team", "the group") stands for an organisation, never a person.
    const collective = c.T.speakerNouns.get(head.lemma) === 'group' || c.T.speakerNouns.get(head.norm) === 'group';
    for (const m of c.mentions) {
      if (collective || m.type !== 'PERSON' || m.end > start || !m.entity_id || inQuote(c, m)) continue;
      count.set(m.entity_id, (count.get(m.entity_id) ?? 0) + 1);
      nearest.set(m.entity_id, m);
      if (titledWith(c, m, head.lemma)) titled.add(m.entity_id);
    }
    // Role compatibility: a descriptor naming a country ("the U.S. president") never resolves to a person
    // whose title states another ("Russian President Vladimir Putin").
    const countryOf = (from: number, to: number) => {
      for (let k = from; k < to; k++) {
        const cc = c.T.gazetteer.demonyms.get(flat[k]!.norm);
        if (cc) return cc;
      }
      return null;
    };
    const wanted = countryOf(from, to);
    const stated = (m: EntityMention) => {
      const i = tokenAt(c, m.start);
      let a = i;
      while (a - 1 >= 0 && i - a < WINDOWS.titleRun && c.sentOf[a - 1] === c.sentOf[i] && !(flat[a - 1]!.kind === 'punctuation' && flat[a - 1]!.text !== '.')) a--;
      return countryOf(a, i);
    };
    let best: EntityMention | null = null;
    for (const id of titled) {
      if (wanted) {
        const theirs = c.mentions.filter((m) => m.entity_id === id && m.end <= start).map(stated).find((x) => x !== null);
        if (theirs && theirs !== wanted) continue;
      }
      const m = nearest.get(id)!;
      if (!best || count.get(id)! > count.get(best.entity_id!)! || (count.get(id) === count.get(best.entity_id!) && m.start > best.start)) best = m;
    }
    if (best) return spanSpeaker(c, start, end, best.entity_id, `coref:descriptor->title ${best.text}`, { start: best.start, end: best.end });
    // "The group said", "the center accused": an organisation whose name or appositive holds the head noun
    // ("the Anne Frank Center", "Purdue Pharma, the company"), the most mentioned so far.
    const orgCount = new Map<string, number>();
    const orgNearest = new Map<string, EntityMention>();
    const orgTitled = new Set<string>();
    for (const m of c.mentions) {
      if ((m.type !== 'ORG' && m.type !== 'GOV') || m.end > start || !m.entity_id || inQuote(c, m)) continue;
      orgCount.set(m.entity_id, (orgCount.get(m.entity_id) ?? 0) + 1);
      orgNearest.set(m.entity_id, m);
      const own = c.flat.slice(tokenAt(c, m.start), tokenAt(c, m.end)).some((t) => t.lemma === head.lemma || t.norm === head.norm);
      if (own || titledWith(c, m, head.lemma)) orgTitled.add(m.entity_id);
    }
    let org: EntityMention | null = null;
    for (const id of orgTitled) {
      const m = orgNearest.get(id)!;
      if (!org || orgCount.get(id)! > orgCount.get(org.entity_id!)! || (orgCount.get(id) === orgCount.get(org.entity_id!) && m.start > org.start)) org = m;
    }
    if (org) return spanSpeaker(c, start, end, org.entity_id, `coref:descriptor->organisation ${org.text}`, { start: org.start, end: org.end });
    // "The group said", "the organization accused": a collective noun (lexicon `speaker-nouns`, class group)
    // stands for the one organisation the article has named most so far, when one is clearly most named.
    if (c.T.speakerNouns.get(head.lemma) === 'group' || c.T.speakerNouns.get(head.norm) === 'group') {
      const ranked = [...orgCount.entries()].filter(([id]) => orgNearest.get(id)!.type === 'ORG').sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      const top = ranked[0];
      if (top && (ranked[1]?.[1] ?? 0) < top[1]) {
        const m = orgNearest.get(top[0])!;
        return spanSpeaker(c, start, end, m.entity_id, `coref:descriptor->salient-organisation ${m.text}`, { start: m.start, end: m.end });
      }
    }
  }
  return spanSpeaker(c, start, end, null, 'coref:descriptor-unresolved');
}

/** Is the token at i a determiner-led descriptor start ("the", "a", "an", "one")? */
export const isDeterminer = (c: QuoteContext, i: number) => ['the', 'a', 'an', 'one', 'another', 'this'].includes(c.flat[i]?.norm ?? '');

export { mentionOver };
