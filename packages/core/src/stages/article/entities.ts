/**
 * Stage `entities`: named-entity detection and in-document resolution for people,
 * organisations, places and governments (wink's lite model has none of these).
 *
 * Per sentence, left to right over wink tokens:
 *   1. gazetteer: longest alias match (case-checked) -> `gazetteer:<id>`; a country or
 *      capital that acts as a subject ("Moscow seeks", "Kyiv condemned"), a capital in
 *      the possessive ("Moscow's invasion") or a pair of them ("Washington and Moscow")
 *      stands for its government -> GOV `gov:<country>` (`pattern:gov-metonym:<id>`);
 *   2. cues: a title ("Secretary of State", "spokesperson") or honorific ("Mr.") marks
 *      the next capitalised run as a person; capitalised non-entities (days, months) are skipped;
 *   3. proper-noun runs: capitalised PROPN/NOUN/ADJ tokens (with name particles such as
 *      "bin", "von", and "of"/"for"/"on"/"and" inside organisation names) -> ORG by an
 *      organisation head noun, PLACE by a place head noun, PERSON after a title or as a
 *      2-4 word name; a transliteration key first looks the run up in the gazetteer
 *      (Zelenskyi -> Zelenskyy);
 *   4. coreference: a lone surname ("Rubio", "Mr. Waltz") links to the nearest full
 *      name with that surname in the article (preceding first) -> `coref:surname`.
 * Every mention keeps its span; wink's numeric/date mentions are kept; sorted by start.
 */
import type { ArticleStage, Token } from '../../model';
import type { EntityMention, EntityType } from '../../schema';
import { compileGazetteer, type AliasPattern, type Gazetteer } from '../../lib/gazetteer';
import { isAllCaps, isCapitalized, nameKey, slugify } from '../../lib/text';
import { nameClasses, type NameClass } from '../../lib/name-classes';

const POSSESSIVE_END = /^(.*\p{L})(?:'s|')$/u;
/** "Trump's" as one token -> "Trump" + "'s", so no possessive entity (trump-s) is formed. */
export function splitPossessives(toks: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of toks) {
    const m = t.kind === 'word' && isCapitalized(t.text) ? POSSESSIVE_END.exec(t.text) : null;
    if (!m || (t.text.endsWith("'") ? !/s'$/.test(t.text) : false)) {
      out.push(t);
      continue;
    }
    const base = m[1]!;
    const cut = t.start + base.length;
    out.push({ ...t, text: base, norm: base.toLowerCase(), lemma: base.toLowerCase(), end: cut, pos: 'PROPN' });
    out.push({ ...t, text: t.text.slice(base.length), norm: "'s", lemma: "'s", start: cut, pos: 'PART', kind: 'punctuation', stop: true });
  }
  return out;
}

const cls = (phrase: string): ReadonlySet<NameClass> | undefined => nameClasses().get(phrase.toLowerCase());
/** A common English word in compromise's lexicon that is not also a name ("Senate", "Care"). */
export function isCommonWord(word: string): boolean {
  const c = cls(word);
  if (c && (c.has('first') || c.has('last'))) return false;
  return commonWords().has(word.toLowerCase());
}
let common: ReadonlySet<string> | null = null;
function commonWords(): ReadonlySet<string> {
  common ??= commonLexicon();
  return common;
}
import nlpc from 'compromise';
function commonLexicon(): ReadonlySet<string> {
  const lex = (nlpc as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const out = new Set<string>();
  for (const [k, v] of Object.entries(lex)) {
    if (k.includes(' ')) continue;
    const tags = Array.isArray(v) ? v : [v];
    if (tags.some((t) => /Noun|Adjective|Verb|Adverb|Determiner|Preposition|Conjunction|Pronoun|Plural|Singular|Demonym|Value|Uncountable|Infinitive/.test(t)) && !tags.some((t) => /Name|Place|City|Country|Region|Organization/.test(t))) out.add(k);
  }
  return out;
}
/** Common-noun endings ("Security", "Amendment", "Democrats"): such a run is not a person unless its last word is a known surname. */
const NOUN_END = /(?:ity|ment|tion|sion|ance|ence|ness|ics|ism|ure|ary|ery|day|[a-z](?<![usi])s)$/i;
/** A 2-4 word capitalised run reads as a person's name: a known first name first, or a known surname last, or no common-word sign. */
export function personLike(words: readonly string[]): boolean {
  const last = words[words.length - 1]!;
  if (cls(words[0]!)?.has('first')) return true;
  // A common word first that is no first name ("Upstart Gillette", "Business Insider") is a descriptor or a company, not a given name.
  if (isCommonWord(words[0]!)) return false;
  if (cls(last)?.has('last')) return true;
  if (NOUN_END.test(last)) return false;
  return words.every((w) => !isCommonWord(w));
}
/** A surname's shape: "Flynn", "McConnell", "DeVos", "O'Rourke" (no all-caps, no digits). */
const SURNAME_SHAPE = /^(?:\p{Lu}\p{Ll}+|(?:Mc|Mac|De|Di|La|Le|Van|O')\p{Lu}\p{Ll}+)$/u;
/** "D-Mich.", "Ill.": a short capitalised word after a hyphen or before a full stop is an abbreviation, no surname. */
function isAbbreviationAt(toks: readonly Token[], i: number): boolean {
  const t = toks[i]!;
  return (i > 0 && toks[i - 1]!.text === '-') || (t.text.length <= 4 && toks[i + 1]?.text === '.');
}
/** "Alameda, Alpine, Amador": a word inside a comma list of capitalised words (counties, teams) has no type to read. */
function inCapitalisedList(toks: readonly Token[], i: number): boolean {
  const capAt = (k: number) => k >= 0 && k < toks.length && toks[k]!.kind === 'word' && isCapitalized(toks[k]!.text);
  // (A capitalised first word before the comma is only capitalised by position: "Later, Zorvath said".)
  // The word before the comma must itself be a list member ("Alameda, Alpine and ...": a
  // comma or "and"/"or" after this word, or a comma before that one), not a name that ends a
  // clause ("Speaking to Bill O'Reilly, Trump shrugged").
  const listAfter = (k: number) => toks[k]?.text === ',' || toks[k]?.norm === 'and' || toks[k]?.norm === 'or';
  return (toks[i - 1]?.text === ',' && capAt(i - 2) && i - 2 > 0 && (listAfter(i + 1) || toks[i - 3]?.text === ',')) || (toks[i + 1]?.text === ',' && capAt(i + 2) && toks[i + 3]?.text === ',');
}
/**
 * Context that a lone surname allows: not glued to a hyphen or another capitalised word
 * ("English-speaking", "Treasury Secretary"), not a noun modifier ("Breitbart editor",
 * "Kincade fire": a lower-case noun or adjective right after), not the tail of
 * "District of Columbia", and not inside a list ("Facebook, YouTube and Vimeo").
 */
function loneContextOk(toks: readonly Token[], i: number, j: number): boolean {
  const next = toks[j];
  const prev = toks[i - 1];
  const cap = (u: Token | undefined) => u !== undefined && u.kind === 'word' && isCapitalized(u.text);
  if (next && cap(next)) return false;
  // After a capitalised word the run was cut by a cue or an alias ("Grant Thornton"): a tail, not a surname.
  if (prev && cap(prev) && i > 1 && !isMonthOrDay(prev.text)) return false;
  // "English-speaking" is an adjective; "Clinton-Trump" (capitalised on both sides) is two names.
  if (next && next.text === '-' && !cap(toks[j + 1])) return false;
  if (prev && prev.text === '-' && !cap(toks[i - 2])) return false;
  if (next && next.kind === 'word' && /^\p{Ll}/u.test(next.text) && next.pos === 'NOUN') return false;
  if (prev && prev.norm === 'of' && cap(toks[i - 2])) return false;
  if (next && (next.norm === 'of' || next.norm === 'for') && cap(toks[j + 1])) return false;
  if (inCapitalisedList(toks, i)) return false;
  // Common-noun suffixes a surname seldom has: "Tracking", "Democrat", "Democracy", "Satanist".
  return !/(?:ing|crat|cy|ist)$/.test(toks[i]!.text);
}
/** A verb at j, or one adverb and then a verb ("then referenced", "also leads"). */
function isVerbAt(toks: readonly Token[], j: number): boolean {
  const v = (t: Token | undefined) => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
  return v(toks[j]) || (toks[j]?.pos === 'ADV' && v(toks[j + 1]));
}
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);
const NOT_PERSON_PREP = new Set(['at', 'in', 'to', 'from', 'near', 'outside', 'across', 'throughout', 'around', 'into', 'via']);
const LOCATION_PREP = new Set(['in', 'near', 'outside', 'across', 'throughout', 'around']);
const isMonthOrDay = (w: string) => {
  const c = cls(w.replace(/\.$/, ''));
  return c !== undefined && (c.has('month') || c.has('weekday'));
};

const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X']);
/** Particles inside person names and connectors inside organisation names. */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'von', 'van', 'der', 'den', 'da', 'di', 'del', 'le', 'la']);
const ORG_CONNECTORS = new Set(['of', 'for', 'on', 'and', '&']);
const POSSESSIVE = new Set(["'s", "'"]);
const TERMINAL = new Set(['.', '?', '!', '"', "'", ')']);

interface Pending {
  start: number;
  end: number;
  text: string;
  /** nameKey of the surname (last word). */
  key: string;
  /** Titled or after an honorific: a person even when no full name is found. */
  titled: boolean;
  honorific: boolean;
  /** Rule for the mention when no full name is found and it stands alone (titled). */
  rule?: string;
}

function isCapTok(t: Token): boolean {
  return t.kind === 'word' && NAME_POS.has(t.pos) && isCapitalized(t.text);
}

function caseOk(tok: Token, rule: 0 | 1 | 2): boolean {
  if (rule === 2) return isAllCaps(tok.text);
  if (rule === 1) return isCapitalized(tok.text);
  return true;
}

/** Longest gazetteer alias starting at i, or null. */
export function matchAlias(g: Gazetteer, toks: readonly Token[], i: number): AliasPattern | null {
  const list = g.aliases.get(toks[i]!.norm);
  if (!list) return null;
  for (const p of list) {
    if (i + p.norms.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < p.norms.length; k++) {
      const t = toks[i + k]!;
      if (t.norm !== p.norms[k] || !caseOk(t, p.cases[k]!)) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return null;
}

export function matchCue(g: Gazetteer, toks: readonly Token[], i: number): { len: number; cue: string } | null {
  const list = g.cues.get(toks[i]!.norm);
  if (!list) return null;
  for (const p of list) {
    if (i + p.norms.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < p.norms.length; k++) if (toks[i + k]!.norm !== p.norms[k]) ok = false;
    if (ok) return { len: p.norms.length, cue: p.cue };
  }
  return null;
}

/** Title, honorific and non-entity cues end a capitalised run; organisation/place head nouns do not. */
function isStopCue(c: { cue: string } | null): boolean {
  return c !== null && (c.cue === 'title' || c.cue === 'honorific' || c.cue === 'not-entity');
}

/** A title-case line without final punctuation (a sub-heading): no bare-name pattern there. */
function isHeading(toks: readonly Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of toks) {
    if (t.kind !== 'word') continue;
    words++;
    if (isCapitalized(t.text)) caps++;
  }
  const last = toks[toks.length - 1];
  return words >= 2 && caps / words >= 0.6 && !(last && TERMINAL.has(last.text));
}

const typeOfId = (id: string): EntityType =>
  id.startsWith('person:') ? 'PERSON' : id.startsWith('org:') ? 'ORG' : id.startsWith('gov:') ? 'GOV' : id.startsWith('group:') ? 'GROUP' : 'PLACE';

/** Detect named entities in one article's sentences (tokens per sentence). Pure. */
export function detectEntities(text: string, sentences: readonly (readonly Token[])[], g: Gazetteer): EntityMention[] {
  const out: EntityMention[] = [];
  const pending: Pending[] = [];
  const emit = (start: number, end: number, type: EntityType, id: string | null, rule: string) =>
    out.push({ start, end, text: text.slice(start, end), type, entity_id: id, rule });

  // Words the article also writes in lower case ("hope", "crime") are common words here, not surnames.
  const lowerInText = new Set<string>();
  for (const toks of sentences) for (const u of toks) if (u.kind === 'word' && /^\p{Ll}/u.test(u.text)) lowerInText.add(u.norm);
  for (const toks of sentences) {
    const heading = isHeading(toks);
    let titled = false;
    let honorific = false;
    let forceGovAt = -1;
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      const alias = matchAlias(g, toks, i);
      if (alias) {
        const j = i + alias.norms.length;
        const e = alias.entry;
        const start = t.start;
        const end = toks[j - 1]!.end;
        let gov = false;
        let why = '';
        if (e.government) {
          const next = toks[j];
          if (i === forceGovAt) {
            gov = true;
            why = 'pair';
          } else if (next && next.kind === 'word' && (next.pos === 'AUX' || next.pos === 'VERB') && !(i > 0 && toks[i - 1]!.pos === 'ADP')) {
            gov = true;
            why = 'subject';
          } else if (next && e.kind === 'city' && POSSESSIVE.has(next.norm)) {
            gov = true;
            why = 'possessive';
          } else if (next && next.norm === 'and' && toks[j + 1]) {
            const other = matchAlias(g, toks, j + 1);
            if (other?.entry.government) {
              gov = true;
              why = 'pair';
              forceGovAt = j + 1;
            }
          }
        }
        // "U.S. District Court", "New York Police Department": a place alias followed by a capitalised run ending in an organisation head names the organisation.
        let k = j;
        while (!gov && e.type === 'PLACE' && k < toks.length && isCapTok(toks[k]!) && !matchAlias(g, toks, k) && !isStopCue(matchCue(g, toks, k))) k++;
        if (k > j && g.headCue.get(toks[k - 1]!.norm) === 'org-suffix') {
          emit(start, toks[k - 1]!.end, 'ORG', `org:${slugify(text.slice(start, toks[k - 1]!.end))}`, 'pattern:place-org-head');
          titled = honorific = false;
          i = k;
          continue;
        }
        if (gov) emit(start, end, 'GOV', e.government!, `pattern:gov-metonym-${why}:${e.id}`);
        else emit(start, end, e.type, e.id, `gazetteer:${e.id}`);
        titled = honorific = false;
        i = j;
        continue;
      }
      const cue = matchCue(g, toks, i);
      if (cue && (cue.cue === 'title' || cue.cue === 'honorific' || cue.cue === 'not-entity')) {
        titled = cue.cue === 'title';
        honorific = cue.cue === 'honorific';
        i += cue.len;
        continue;
      }
      if (g.demonyms.has(t.norm)) {
        i++; // "Russian" in "Russian Foreign Minister": an adjective, keeps a pending title
        continue;
      }
      // A sentence's capitalised first word starts a name only when wink reads it as a proper noun ("Lawmakers on Capitol Hill" is not a place).
      const first = toks.findIndex((u) => u.kind === 'word') === i;
      // After a title or honorific a capitalised word starts a name whatever wink tags it ("Ms. Lynch", "Senator Ted Cruz").
      const afterCue = (titled || honorific) && t.kind === 'word' && isCapitalized(t.text) && !isAllCaps(t.text);
      if ((!isCapTok(t) && !afterCue) || (first && t.pos !== 'PROPN' && !titled && !honorific && !cls(t.text)?.has('first'))) {
        titled = honorific = false;
        i++;
        continue;
      }
      // A capitalised run, stopped where a gazetteer alias or a cue begins.
      let j = i + 1;
      let hasOrgHead = g.headCue.get(t.norm) === 'org-suffix';
      let lastHead = g.headCue.get(t.norm);
      let cut = -1;
      while (j < toks.length) {
        const u = toks[j]!;
        const inner = isCapTok(u) && !g.demonyms.has(u.norm) && !isStopCue(matchCue(g, toks, j)) ? matchAlias(g, toks, j) : null;
        if (inner && (inner.entry.type === 'PLACE' || inner.entry.type === 'ORG') && !inner.entry.government) {
          // "North America", "National Security Council": a capitalised word before an alias is part of a longer name when the whole run is a known place or ends in a head noun.
          let k = j + inner.norms.length;
          while (k < toks.length && isCapTok(toks[k]!) && !matchAlias(g, toks, k) && !isStopCue(matchCue(g, toks, k))) k++;
          const whole = text.slice(t.start, toks[k - 1]!.end);
          const head = g.headCue.get(toks[k - 1]!.norm);
          const compass = j === i + 1 && inner.entry.type === 'PLACE' && COMPASS.has(t.norm);
          if (compass) {
            lastHead = 'place-suffix'; // "North America", "South Korea"-like names: a compass word before a place
            j = k;
          } else if (cls(whole)?.has('place') || head === 'org-suffix' || head === 'place-suffix') {
            if (head === 'org-suffix') hasOrgHead = true;
            lastHead = head;
            j = k;
          }
          break;
        }
        if ((isCapTok(u) || (afterCue && u.kind === 'word' && isCapitalized(u.text) && !isAllCaps(u.text) && u.pos === 'VERB')) && !g.demonyms.has(u.norm) && !matchAlias(g, toks, j) && !isStopCue(matchCue(g, toks, j))) {
          lastHead = g.headCue.get(u.norm);
          if (lastHead === 'org-suffix') hasOrgHead = true;
          j++;
          continue;
        }
        const next = toks[j + 1];
        if (next && isCapTok(next) && (NAME_PARTICLES.has(u.norm) || ORG_CONNECTORS.has(u.norm))) {
          if (ORG_CONNECTORS.has(u.norm) && cut < 0) cut = j;
          j++;
          continue;
        }
        break;
      }
      if (cut >= 0 && !hasOrgHead && lastHead !== 'place-suffix') j = cut;
      // Never end on a connector or particle ("Capitol Hill on" before a stop cue).
      while (j > i + 1 && (ORG_CONNECTORS.has(toks[j - 1]!.norm) || NAME_PARTICLES.has(toks[j - 1]!.norm))) j--;
      const run = toks.slice(i, j);
      const start = t.start;
      const end = run[run.length - 1]!.end;
      const surface = text.slice(start, end);
      const known = g.byKey.get(nameKey(surface));
      if (known) {
        emit(start, end, known.type, known.id, `gazetteer-translit:${known.id}`);
      } else if (hasOrgHead && run.length > 1 && (run[run.length - 1]!.pos === 'ADJ' || (run.length >= 3 && g.headCue.get(run[run.length - 1]!.norm) !== 'org-suffix' && /\p{Ll}s$/u.test(run[run.length - 1]!.text) && isCommonWord(run[run.length - 1]!.text.slice(0, -1))))) {
        // "House Democratic (Leader)", "House Gun Control Votes": a run that ends in an adjective or a plain plural noun is a modifier or a headline, not a name.
      } else if (hasOrgHead) {
        emit(start, end, 'ORG', `org:${slugify(surface)}`, 'pattern:org-head');
      } else if (lastHead === 'place-suffix') {
        emit(start, end, 'PLACE', `place:${slugify(surface)}`, 'pattern:place-head');
      } else if (run.some((u) => isMonthOrDay(u.text))) {
        // "January", "Tuesday", "Election Day" are dates, never names.
      } else if (cls(surface)?.has('place')) {
        emit(start, end, 'PLACE', `place:${slugify(surface)}`, 'compromise:place');
      } else if (cls(surface)?.has('org') && !(run.length === 1 && (titled || honorific))) {
        emit(start, end, 'ORG', `org:${slugify(surface)}`, 'compromise:organization');
      } else if (run.length === 1) {
        if (isAllCaps(t.text)) {
          // acronyms without a gazetteer entry stay untyped
        } else if (!titled && !honorific && !isCommonWord(t.text) && (cls(t.text)?.has('last') || cls(t.text)?.has('first')) && t.pos === 'PROPN') {
          // A lone known name ("Obama"): coreference below may link it to a full name;
          // else it stands as its own person (merged across articles by entity-merge).
          pending.push({ start, end, text: surface, key: nameKey(t.text), titled: true, honorific, rule: 'pattern:lone-known-name' });
        } else if (!titled && !honorific && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !isCommonWord(t.text) && !NOUN_END.test(t.text) && i > 0 && LOCATION_PREP.has(toks[i - 1]!.norm)) {
          // "in Malatya", "near Limni": a lone unknown proper noun after a preposition of place.
          emit(start, end, 'PLACE', `place:${slugify(surface)}`, 'pattern:prep-place');
        } else if (!titled && !honorific && t.pos === 'PROPN' && SURNAME_SHAPE.test(t.text) && !isCommonWord(t.text) && (g.personHeads.has(toks[j]?.norm ?? '') || g.personHeads.has(toks[j]?.lemma ?? '')) && /^\p{Ll}/u.test(toks[j]!.text) && !(i > 0 && isCapTok(toks[i - 1]!) && i > 1) && !isAbbreviationAt(toks, i)) {
          // "the Trump administration", "Clinton aides": a surname as the modifier of a noun that belongs to one person.
          pending.push({ start, end, text: surface, key: nameKey(t.text), titled: true, honorific, rule: 'pattern:lone-modifier' });
        } else if (!titled && !honorific && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !isCommonWord(t.text) && !(NOUN_END.test(t.text) && !/(?:ence|ity)$/.test(t.text)) && isVerbAt(toks, j) && loneContextOk(toks, i, j)) {
          // "Mueller said", "Spicer told", "Winfrey then referenced": a lone unknown proper noun as the subject of a verb is a person (surname).
          pending.push({ start, end, text: surface, key: nameKey(t.text), titled: true, honorific, rule: 'pattern:lone-subject' });
        } else if (
          !titled &&
          !honorific &&
          !heading &&
          t.pos === 'PROPN' &&
          SURNAME_SHAPE.test(t.text) &&
          !(commonWords().has(t.norm) && !cls(t.text)?.has('last')) &&
          !NOUN_END.test(t.text) &&
          !lowerInText.has(t.norm) &&
          loneContextOk(toks, i, j) &&
          (!first || POSSESSIVE.has(toks[j]?.norm ?? '') || toks[j]?.text === ',' || toks[j]?.text === ':') &&
          // After "at", "in", "to", "from" a lone name is as often a place or a company ("at Grant Thornton", "in Ferguson", "according to Cepheid").
          !(i > 0 && NOT_PERSON_PREP.has(toks[i - 1]!.norm) && !POSSESSIVE.has(toks[j]?.norm ?? '')) &&
          !isAbbreviationAt(toks, i)
        ) {
          // A lone capitalised proper noun inside a sentence that is no common word ("with Flynn", "Kaine's lines", "McConnell"): a surname.
          pending.push({ start, end, text: surface, key: nameKey(t.text), titled: true, honorific, rule: 'pattern:lone-propn' });
        } else pending.push({ start, end, text: surface, key: nameKey(t.text), titled, honorific });
      } else if (titled || honorific) {
        emit(start, end, 'PERSON', `person:${slugify(surface)}`, 'pattern:title-name');
      } else if (run.length >= 3 && run.length <= 5 && isCommonWord(run[0]!.text) && cls(run[1]!.text)?.has('first') && !heading && personLike(run.slice(1).map((u) => u.text))) {
        // A descriptor before a full name ("Republican Mitt Romney", "Democrat Conor Lamb"): the name without it.
        emit(run[1]!.start, end, 'PERSON', `person:${slugify(text.slice(run[1]!.start, end))}`, 'pattern:propn-name');
      } else if (
        (!heading || (run.length >= 2 && cls(run[0]!.text)?.has('first') && !isCommonWord(run[run.length - 1]!.text))) &&
        run.length <= 4 &&
        run.every((u) => !isAllCaps(u.text)) &&
        personLike(run.map((u) => u.text))
      ) {
        // (In a title-case heading only a known first name and a last word that is no common word make a name: "Donald Trump Dominates in Nevada".)
        emit(start, end, 'PERSON', `person:${slugify(surface)}`, 'pattern:propn-name');
      }
      titled = honorific = false;
      i = j;
    }
  }

  // In-document coreference: lone surnames -> full names with that surname.
  if (pending.length > 0) {
    const full: { start: number; key: string; id: string }[] = [];
    for (const m of out) {
      if (m.type !== 'PERSON' || m.entity_id === null) continue;
      const words = m.text.split(/\s+/);
      if (words.length < 2) continue;
      full.push({ start: m.start, key: nameKey(words[words.length - 1]!), id: m.entity_id });
    }
    for (const p of pending) {
      let best: { start: number; id: string } | null = null;
      for (const f of full) {
        if (f.key !== p.key) continue;
        if (f.start < p.start) best = f; // nearest preceding (full is in text order)
        else if (!best) {
          best = f; // else the first following
          break;
        }
      }
      if (best) emit(p.start, p.end, 'PERSON', best.id, p.honorific ? 'coref:honorific-surname' : 'coref:surname');
      else if (p.titled || p.honorific) emit(p.start, p.end, 'PERSON', `person:${slugify(p.text)}`, p.rule ?? 'pattern:title-name');
    }
  }
  return out;
}

export const entitiesStage: ArticleStage = {
  name: 'entities',
  englishOnly: true,
  run(state, ctx) {
    const g = ctx.tables.get('gazetteer', () => compileGazetteer(ctx.lexicons.entities, ctx.nlp));
    const found = detectEntities(state.article.text, state.tokens.map(splitPossessives), g);
    const all = [...state.article.entities, ...found];
    all.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    state.article.entities = all;
  },
};

export { typeOfId };
