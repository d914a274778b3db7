/**
 * What every quote rule reads: the article's tokens in one array, the sentence of each,
 * the speaker-capable entity mentions, the quoted spans of stage `quotations`, and the
 * word lists (lexicons `attribution-verbs`, `affiliations`). Built once per article.
 *
 * Windows are named here, once (counted in tokens unless said otherwise).
 */
import type { AffiliationEntry, AttributionVerbEntry, Lexicons } from '@parallax/lexicons';
import type { ArticleAnalysis, QuotedSpan, Token } from '../../../model';
import type { EntityMention, Quote } from '../../../schema';
import { compileGazetteer, type Gazetteer } from '../../../lib/gazetteer';
import type { Nlp } from '../../../nlp';
import { LookupTables } from '../../../lib/lookup-tables';

export const WINDOWS = Object.freeze({
  /** Tokens between a speech verb and the opening mark: `said, "…"`, `said: "…"`. */
  verbBeforeMark: 3,
  /** Tokens after the closing mark searched for the attribution: `," the former senator from Ohio said`. */
  verbAfterMark: 25,
  /** Tokens after the closing mark searched when the sentence ended inside the quote: `"…?" Mr. Clyburn said.` */
  attributionSentence: 6,
  /** Tokens after the closing mark where a name opens an attribution: `," Bradley Bowman, senior director …, said`. */
  nameAfterMark: 2,
  /** Tokens back from a comma before the verb to the appositive's head name: `Podolyak, a top adviser to Mr. Zelenskyy, said`. */
  appositive: 14,
  /** Longest descriptor or proper-noun run before a verb: `the longtime Russian foreign minister`. */
  descriptor: 6,
  /** Tokens after the verb searched for its subject: `said Kremlin spokesman Dmitry Peskov`. */
  subjectAfterVerb: 8,
  /** Title run before a name read for affiliations: `former US Ambassador to Russia`. */
  titleRun: 6,
  /** Tokens of an appositive after a name read for affiliations: `, a Republican strategist who …`. */
  appositiveAfter: 10,
  /** Tokens between a speech verb and its `that`: `told reporters on Monday that`. */
  verbToThat: 8,
  /** Sentences searched back for the antecedent of a pronoun. */
  pronounSentences: 3,
  /** An unattributed quote with fewer words is a scare quote, not a quote. */
  minUnattributedWords: 4,
  /** A quote of at most this many words, all capitalized, without , or . is a title. */
  titleWords: 6,
});

export interface Speaker {
  text: string;
  start: number;
  end: number;
  entity: string | null;
  /** The rule that found (and, for pronouns and descriptors, resolved) the speaker. */
  rule: string;
  /** Where the resolution's evidence is: the antecedent mention, or the speaker itself. */
  evidence: { start: number; end: number };
}

/** The attribution of one quote: its verb token (−1: none) and speaker. */
export interface Attribution {
  verb: number;
  speaker: Speaker | null;
  rule: string;
}

export const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GOV', 'GROUP']);
export const TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);
export const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
export const STOP_PUNCT = new Set([',', '.', ';', ':', '"', '(', ')', '?', '!', '—', '–']);
/** Singular third-person pronouns with their gender; plural ones speak for a group. */
export const PRONOUNS: Record<string, 'm' | 'f'> = { he: 'm', she: 'f' };
export const PLURAL_PRONOUNS = new Set(['they']);
const MALE_CUES = new Set(['mr', 'mr.', 'he', 'him', 'his', 'spokesman', 'congressman', 'chairman', 'businessman', 'assemblyman', 'councilman', 'father', 'son', 'brother', 'husband', 'king']);
const FEMALE_CUES = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'she', 'her', 'spokeswoman', 'congresswoman', 'chairwoman', 'businesswoman', 'assemblywoman', 'councilwoman', 'mother', 'daughter', 'sister', 'wife', 'queen']);

export const isWord = (t: Token) => t.kind === 'word' || t.kind === 'number';

export interface Tables {
  verbs: Map<string, AttributionVerbEntry['class']>;
  /** Lower-cased phrase (tokens joined by a space) -> entries, for roles, parties and names that never speak. */
  cues: Map<string, AffiliationEntry[]>;
  longestCue: number;
  gazetteer: Gazetteer;
  /** Common nouns that can head a speaker's noun phrase (lexicon `speaker-nouns`, from WordNet). */
  speakerNouns: Map<string, 'person' | 'group'>;
  /** Person nouns -> the role they state, from WordNet hypernyms (lexicon `speaker-nouns`, role blocks). */
  roleNouns: Map<string, string>;
}

/** Compiled word lists of the quote rules, built once per LookupTables (the engine's). */
export function tables(lex: Lexicons, nlp: Nlp, lookup: LookupTables): Tables {
  return lookup.get('quotes:tables', () => buildTables(lex, nlp, lookup));
}

function buildTables(lex: Lexicons, nlp: Nlp, lookup: LookupTables): Tables {
  const verbs = new Map<string, AttributionVerbEntry['class']>();
  for (const e of lex.attributionVerbs.entries) verbs.set(e.lemma, e.class);
  const cues = new Map<string, AffiliationEntry[]>();
  let longestCue = 1;
  for (const e of lex.affiliations.entries) {
    const key = e.key.split(/\s+/).join(' ');
    longestCue = Math.max(longestCue, key.split(' ').length);
    const list = cues.get(key) ?? [];
    list.push(e);
    cues.set(key, list);
  }
  const speakerNouns = new Map<string, 'person' | 'group'>();
  const roleNouns = new Map<string, string>();
  for (const e of lex.speakerNouns.entries) {
    for (const w of e.words.split(' ')) {
      if (!speakerNouns.has(w)) speakerNouns.set(w, e.class);
      if (e.role && !roleNouns.has(w)) roleNouns.set(w, e.role);
    }
  }
  return { verbs, cues, longestCue, gazetteer: lookup.get('gazetteer', () => compileGazetteer(lex.entities, nlp)), speakerNouns, roleNouns };
}

export interface QuoteContext {
  state: ArticleAnalysis;
  text: string;
  T: Tables;
  flat: Token[];
  sentOf: number[];
  sentenceStart: Map<number, number>;
  /** Sentence groups (see buildContext) as token ranges [base, end), in order. */
  groups: { id: number; base: number; end: number }[];
  mentions: EntityMention[];
  /** Depth-0 quoted spans of stage `quotations`. */
  direct: QuotedSpan[];
  quoted: Uint8Array;
  mentionIdx: Int32Array;
  /** Gender evidence per entity id ('m' | 'f'), from honorifics and gendered nouns next to its mentions. */
  gender: Map<string, 'm' | 'f'>;
  /** Why the last candidate speaker was refused (not a person, an outlet …), read once by the attribution rule. */
  refused: string | null;
  /** The last resolved speaker (entity, sentence), for AP-style pronoun continuation. */
  recent: { entity: string; text: string; sentence: number; start: number; end: number } | null;
}

export function tokenAt(c: QuoteContext, offset: number): number {
  const { flat } = c;
  let lo = 0;
  let hi = flat.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = flat[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return lo; // first token at or after offset
}

export const inDirect = (c: QuoteContext, i: number) => c.quoted[i] === 1;
export function mentionOver(c: QuoteContext, i: number): EntityMention | undefined {
  const k = c.mentionIdx[i];
  return k === undefined || k < 0 ? undefined : c.mentions[k];
}
export const paragraphOf = (c: QuoteContext, i: number) => c.state.article.sentences[c.sentOf[i] ?? 0]?.paragraph ?? -1;

/** The class of the speech verb at token i (lexicon `attribution-verbs`), or null. */
export function verbAt(c: QuoteContext, i: number): Quote['verb_class'] {
  const t = c.flat[i];
  if (!t) return null;
  if (t.norm === 'according' && c.flat[i + 1]?.norm === 'to') return 'neutral';
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return null;
  return c.T.verbs.get(t.lemma) ?? c.T.verbs.get(t.norm) ?? null;
}

/** Lexicon `affiliations` cues starting at token i, longest first. */
export function cuesAt(c: QuoteContext, i: number): { len: number; entries: AffiliationEntry[] } | null {
  for (let n = Math.min(c.T.longestCue, c.flat.length - i); n >= 1; n--) {
    const key = c.flat
      .slice(i, i + n)
      .map((t) => t.norm)
      .join(' ');
    const hit = c.T.cues.get(key);
    if (hit) return { len: n, entries: hit };
  }
  return null;
}

/** Is token i inside a DATE or TIME entity ("on Friday", "last week")? */
export function inTime(c: QuoteContext, i: number): boolean {
  const t = c.flat[i];
  if (!t) return false;
  return c.state.article.entities.some((m) => (m.type === 'DATE' || m.type === 'TIME') && m.start <= t.start && t.end <= m.end) || c.T.cues.get(t.norm)?.some((e) => e.attribute === 'not-speaker' && e.value === 'time') === true;
}

/** Is the span [start, end) a name that never speaks (outlet, programme, time, weekday, date)? */
export function notSpeaker(c: QuoteContext, start: number, end: number): string | null {
  const words = c.flat.slice(tokenAt(c, start), tokenAt(c, end)).filter((t) => t.kind !== 'punctuation');
  const key = words.map((t) => t.norm).join(' ');
  const noDet = words
    .filter((t, k) => !(k === 0 && t.norm === 'the'))
    .map((t) => t.norm)
    .join(' ');
  for (const k of [key, noDet, `the ${noDet}`]) {
    const hit = c.T.cues.get(k)?.find((e) => e.attribute === 'not-speaker');
    if (hit) return hit.value;
  }
  for (const m of c.state.article.entities) {
    if ((m.type === 'DATE' || m.type === 'TIME') && m.start < end && start < m.end) return 'time';
    if (m.type === 'PLACE' && m.start <= start && end <= m.end) return 'place';
  }
  return null;
}

/**
 * Can the noun phrase [start, end) without an entity speak? Its head (last word) must be a
 * name (a proper noun that is not a bare nationality: "English"), a person or group noun
 * (lexicon `speaker-nouns`: "official", "analysts", "the company") or a role word of lexicon
 * `affiliations` ("spokesperson", "the White House"). "the severity", "Both sides",
 * "a detailed story" cannot. Returns the reason it cannot, or null.
 */
export function notPersonPhrase(c: QuoteContext, start: number, end: number): string | null {
  const words = c.flat.slice(tokenAt(c, start), tokenAt(c, end)).filter((t) => isWord(t));
  const head = words[words.length - 1];
  if (!head) return 'no words';
  // (A work, "a tweet", speaks only through its author: possessor-voice `author` is not a speaker noun.)
  const known = (k: string) => c.T.speakerNouns.has(k) || c.T.cues.get(k)?.some((e) => e.attribute === 'role' || (e.attribute === 'possessor-voice' && e.value === 'principal')) === true;
  if (known(head.norm) || known(head.lemma)) return null;
  // A multi-word role ("the White House", "secretary of state") ends the phrase.
  for (let n = 2; n <= Math.min(c.T.longestCue, words.length); n++) {
    const key = words.slice(words.length - n).map((t) => t.norm).join(' ');
    if (c.T.cues.get(key)?.some((e) => e.attribute === 'role')) return null;
  }
  if (head.pos === 'PROPN' || (head.pos !== 'NOUN' && /^\p{Lu}/u.test(head.text))) {
    if (words.length === 1 && c.T.gazetteer.demonyms.has(head.norm)) return `not-a-person "${head.text}" (a nationality alone)`;
    return null;
  }
  return `not-a-person "${c.text.slice(start, end)}"`;
}

export function buildContext(state: ArticleAnalysis, lex: Lexicons, nlp: Nlp, lookup: LookupTables = new LookupTables()): QuoteContext {
  const T = tables(lex, nlp, lookup);
  const flat: Token[] = [];
  const sentOf: number[] = [];
  // Sentences the splitter cut after a single capital and a full stop inside a name's
  // abbreviation ("Graham (R-S. | C.) said", "Nadler, D-N. | Y., said") are read as one:
  // each sentence belongs to the group of the first sentence it was cut from.
  let group = 0;
  state.tokens.forEach((ts, k) => {
    const prev = state.article.sentences[k - 1];
    const cur = state.article.sentences[k];
    const cutAfterInitial = prev && cur && prev.paragraph === cur.paragraph && /(?:^|[\s(,-])[A-Z]\.$/.test(state.article.text.slice(Math.max(prev.start, prev.end - 4), prev.end));
    if (!cutAfterInitial) group = k;
    for (const t of ts) {
      flat.push(t);
      sentOf.push(group);
    }
  });
  const sentenceStart = new Map<number, number>();
  sentOf.forEach((k, i) => {
    if (!sentenceStart.has(k)) sentenceStart.set(k, i);
  });
  const groups: { id: number; base: number; end: number }[] = [];
  sentOf.forEach((g, i) => {
    const last = groups[groups.length - 1];
    if (last && last.id === g) last.end = i + 1;
    else groups.push({ id: g, base: i, end: i + 1 });
  });
  const mentions = state.article.entities.filter((m) => SPEAKER_TYPES.has(m.type)).sort((a, b) => a.start - b.start || b.end - a.end);
  const c: QuoteContext = {
    state,
    text: state.article.text,
    T,
    flat,
    sentOf,
    sentenceStart,
    groups,
    mentions,
    direct: state.quotations.filter((q) => q.depth === 0),
    quoted: new Uint8Array(flat.length),
    mentionIdx: new Int32Array(flat.length).fill(-1),
    gender: new Map(),
    refused: null,
    recent: null,
  };
  for (const q of c.direct) for (let i = tokenAt(c, q.start); i < flat.length && flat[i]!.end <= q.end; i++) c.quoted[i] = 1;
  mentions.forEach((m, k) => {
    for (let i = tokenAt(c, m.start); i < flat.length && flat[i]!.start < m.end; i++) if (flat[i]!.end > m.start && c.mentionIdx[i] === -1) c.mentionIdx[i] = k;
  });
  // Gender evidence: an honorific or gendered noun right before a PERSON mention ("Mr. Bone", "spokeswoman Kerri Kupec").
  for (const m of mentions) {
    if (m.type !== 'PERSON' || !m.entity_id || c.gender.has(m.entity_id)) continue;
    const i = tokenAt(c, m.start);
    for (let j = i - 1; j >= 0 && j >= i - 2 && sentOf[j] === sentOf[i]; j--) {
      const n = flat[j]!.norm;
      if (MALE_CUES.has(n)) c.gender.set(m.entity_id, 'm');
      else if (FEMALE_CUES.has(n)) c.gender.set(m.entity_id, 'f');
      else continue;
      break;
    }
  }
  return c;
}

/** Gender evidence from a pronoun that resolved to the entity (he/she), kept for later pronouns. */
export function noteGender(c: QuoteContext, entity: string | null, pronoun: string): void {
  const g = PRONOUNS[pronoun];
  if (entity && g && !c.gender.has(entity)) c.gender.set(entity, g);
}

export function fromMention(m: EntityMention, rule: string): Speaker {
  return { text: m.text, start: m.start, end: m.end, entity: m.entity_id, rule, evidence: { start: m.start, end: m.end } };
}

export function spanSpeaker(c: QuoteContext, start: number, end: number, entity: string | null, rule: string, evidence = { start, end }): Speaker {
  return { text: c.text.slice(start, end), start, end, entity, rule, evidence };
}
