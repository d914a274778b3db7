/**
 * The compiled gazetteer: alias token sequences indexed by their first token, cue
 * words (titles, honorifics, organisation/place head nouns, non-entities), a
 * transliteration-key index for spellings the lexicon does not list, and demonyms.
 * Built once per entities lexicon (aliases are tokenized by the same wink model as
 * articles, so "U.S." or "Al-Aiban" split the same way) and then only read.
 */
import { isGazetteerEntity, type EntityCue, type GazetteerEntity, type Lexicon, type EntityEntry } from '@parallax/lexicons';
import type { Nlp } from '../nlp';
import { isAllCaps, isCapitalized, nameKey } from './text';

/** How the case of one alias token must match: 0 any, 1 capitalized, 2 all caps. */
type CaseRule = 0 | 1 | 2;

export interface AliasPattern {
  norms: string[];
  cases: CaseRule[];
  entry: GazetteerEntity;
}

export interface CuePattern {
  norms: string[];
  cue: EntityCue['cue'];
}

export interface Gazetteer {
  /** First token norm -> alias patterns, longest first. */
  aliases: ReadonlyMap<string, readonly AliasPattern[]>;
  /** First token norm -> cue patterns, longest first (matched case-insensitively). */
  cues: ReadonlyMap<string, readonly CuePattern[]>;
  /** Single-token cues by norm (org/place head nouns). */
  headCue: ReadonlyMap<string, EntityCue['cue']>;
  /** Lower-case nouns after a surname used as a modifier ("administration" in "the Trump administration"). */
  personHeads: ReadonlySet<string>;
  /** nameKey(alias) -> entity, for spellings not in the list (ambiguous keys dropped). */
  byKey: ReadonlyMap<string, GazetteerEntity>;
  byId: ReadonlyMap<string, GazetteerEntity>;
  /** Lower-case demonym ("russian") -> country id (`place:russia`). */
  demonyms: ReadonlyMap<string, string>;
  /** Ids of places of kind `city`. */
  cities: ReadonlySet<string>;
}

function caseRule(text: string): CaseRule {
  if (isAllCaps(text)) return 2;
  if (isCapitalized(text)) return 1;
  return 0;
}

const byLengthDesc = <T extends { norms: string[] }>(a: T, b: T) => b.norms.length - a.norms.length;

/** Compile the gazetteer of an entities lexicon (stages keep it in ctx.tables as `gazetteer`). */
export function compileGazetteer(lexicon: Lexicon<EntityEntry>, nlp: Nlp): Gazetteer {
  const tokenize = (s: string) => nlp.parse(s, 0).sentences.flatMap((x) => x.tokens);
  const aliases = new Map<string, AliasPattern[]>();
  const cues = new Map<string, CuePattern[]>();
  const headCue = new Map<string, EntityCue['cue']>();
  const personHeads = new Set<string>();
  const keyed = new Map<string, GazetteerEntity | null>();
  const byId = new Map<string, GazetteerEntity>();
  const demonyms = new Map<string, string>();
  const cities = new Set<string>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const e of lexicon.entries) {
    if (!isGazetteerEntity(e)) {
      const toks = tokenize(e.text);
      if (toks.length === 0) continue;
      if (e.cue === 'person-head') {
        for (const t of toks) personHeads.add(t.norm);
        continue;
      }
      push(cues, toks[0]!.norm, { norms: toks.map((t) => t.norm), cue: e.cue });
      if (toks.length === 1 && (e.cue === 'org-suffix' || e.cue === 'place-suffix')) headCue.set(toks[0]!.norm, e.cue);
      continue;
    }
    byId.set(e.id, e);
    if (e.kind === 'city') cities.add(e.id);
    if (e.kind === 'country') for (const d of e.demonyms ?? []) demonyms.set(d.toLowerCase(), e.id);
    const seen = new Set<string>();
    for (const alias of [e.name, ...e.aliases]) {
      const text = alias.startsWith('the ') ? alias.slice(4) : alias;
      const toks = tokenize(text);
      if (toks.length === 0) continue;
      const norms = toks.map((t) => t.norm);
      const sig = norms.join(' ');
      if (seen.has(sig)) continue;
      seen.add(sig);
      push(aliases, norms[0]!, { norms, cases: toks.map((t) => caseRule(t.text)), entry: e });
      const key = nameKey(text);
      if (key.length >= 4) {
        const prev = keyed.get(key);
        keyed.set(key, prev === undefined || prev === e ? e : null);
      }
    }
  }
  for (const list of aliases.values()) list.sort(byLengthDesc);
  for (const list of cues.values()) list.sort(byLengthDesc);
  const byKey = new Map<string, GazetteerEntity>();
  for (const [k, v] of keyed) if (v) byKey.set(k, v);
  return { aliases, cues, headCue, personHeads, byKey, byId, demonyms, cities };
}
