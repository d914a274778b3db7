/**
 * Speaker attributes stated in the text, each with its evidence span and rule:
 * - `party`: a party word in the title run or appositive ("Republican senator", "Oregon
 *   Democrat") or a party abbreviation after the name ("(D-Calif.)", ", D-N.Y.,");
 * - `country`: a demonym or country name in the title run or appositive ("a Ukrainian
 *   official", "Italy's prime minister", "a former foreign minister of Poland");
 * - `role`: the role noun nearest the name (lexicon `affiliations`, attribute `role`).
 * Read at every mention of the speaker's entity (first stated wins, in text order), or, for
 * a speaker without an entity ("a spokesperson for Kerry", "White House officials"), in
 * the speaker's own words and around them. Nothing stated: no value (never a guess).
 */
import type { QuoteAffiliation } from '../../../schema';
import { WINDOWS, cuesAt, tokenAt, type QuoteContext, type Speaker } from './context';

export type AttributeName = 'party' | 'country' | 'role';

/** Attribute evidence in tokens [from, to) (a title run, an appositive or the speaker's words); nearest to `anchor` first. */
function scan(c: QuoteContext, from: number, to: number, rule: string, out: Map<AttributeName, QuoteAffiliation>, towardsEnd: boolean, weak?: Map<AttributeName, QuoteAffiliation>): void {
  const { flat } = c;
  const found: { i: number; a: QuoteAffiliation }[] = [];
  const fallback: { i: number; a: QuoteAffiliation }[] = [];
  for (let i = from; i < to; i++) {
    // A person noun whose WordNet hypernyms state a role ("epidemiologist" -> scientist): used only where no
    // lexicon `affiliations` role is stated anywhere around the speaker.
    const t0 = flat[i]!;
    const wn = t0.pos === 'NOUN' ? (c.T.roleNouns.get(t0.lemma) ?? c.T.roleNouns.get(t0.norm)) : undefined;
    if (wn) fallback.push({ i, a: { attribute: 'role', value: wn, start: t0.start, end: t0.end, text: t0.text, rule: `${rule}:role-wordnet "${t0.lemma}"` } });
    const hit = cuesAt(c, i);
    if (hit) {
      const start = flat[i]!.start;
      const end = flat[i + hit.len - 1]!.end;
      for (const e of hit.entries) {
        if (e.attribute !== 'role' && e.attribute !== 'party') continue;
        found.push({ i, a: { attribute: e.attribute, value: e.value, start, end, text: c.text.slice(start, end), rule: `${rule}:${e.attribute} "${e.key}"` } });
      }
    }
    const t = flat[i]!;
    const country = c.T.gazetteer.demonyms.get(t.norm) ?? countryOf(c, i);
    if (country) {
      const name = c.T.gazetteer.byId.get(country)?.name ?? country;
      found.push({ i, a: { attribute: 'country', value: name, start: t.start, end: t.end, text: t.text, rule: `${rule}:country "${t.text}"` } });
    }
  }
  // Nearest to the name first: the end of a title run, the start of an appositive.
  found.sort((x, y) => (towardsEnd ? y.i - x.i : x.i - y.i));
  for (const f of found) if (!out.has(f.a.attribute as AttributeName)) out.set(f.a.attribute as AttributeName, f.a);
  fallback.sort((x, y) => (towardsEnd ? y.i - x.i : x.i - y.i));
  if (weak && fallback[0] && !weak.has('role')) weak.set('role', fallback[0].a);
}

/** A country mention over token i ("Italy's prime minister", "of Poland"): its place id. */
function countryOf(c: QuoteContext, i: number): string | null {
  const m = c.state.article.entities.find((x) => x.start <= c.flat[i]!.start && c.flat[i]!.end <= x.end && (x.type === 'PLACE' || x.type === 'GOV'));
  if (!m?.entity_id) return null;
  const id = m.entity_id.startsWith('gov:') ? `place:${m.entity_id.slice(4)}` : m.entity_id;
  const e = c.T.gazetteer.byId.get(id);
  return e && 'kind' in e && e.kind === 'country' ? id : null;
}

// "(D-Calif.)", ", D-N.Y.," and the Wall Street Journal's "(D., N.Y.)", "(R., La.)".
const PARTY_ABBR = /^\s*[,(]\s*([RDI])(?:-|\.,)\s?([A-Z][A-Za-z.]{0,12}(?:\s?[A-Z][a-z.]*)?)\s*(?:[,)]|\s|$)/;

/** Affiliations around one name or descriptor span [start, end). */
function around(c: QuoteContext, start: number, end: number, out: Map<AttributeName, QuoteAffiliation>, self: boolean, weak: Map<AttributeName, QuoteAffiliation>): void {
  const { flat, sentOf } = c;
  const i = tokenAt(c, start);
  let e = i;
  while (e < flat.length && flat[e]!.start < end) e++;
  // Title run before the name.
  let a = i;
  while (a - 1 >= 0 && i - a < WINDOWS.titleRun && sentOf[a - 1] === sentOf[i]) {
    const t = flat[a - 1]!;
    // Hyphenated titles ("editor-in-chief") stay in the run.
    if ((t.kind === 'punctuation' && t.text !== '.' && t.text !== '-' && t.norm !== "'s") || t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'ADP' && t.norm !== 'of' && flat[a]?.text !== '-' && flat[a - 2]?.text !== '-')) break;
    a--;
  }
  if (self) scan(c, i, e, 'speaker-words', out, true, weak);
  scan(c, a, i, 'title-run', out, true, weak);
  // A descriptor set off before the name: "Another student, Henry Gibbs, 10, said", "Her attorney, John Clune, said".
  if (a === i && flat[i - 1]?.text === ',' && sentOf[i - 1] === sentOf[i]) {
    let p = i - 1;
    while (p - 1 >= 0 && i - 1 - p < WINDOWS.titleRun && sentOf[p - 1] === sentOf[i] && flat[p - 1]!.kind !== 'punctuation' && flat[p - 1]!.pos !== 'VERB' && flat[p - 1]!.pos !== 'AUX') p--;
    if (p < i - 1 && (p === 0 || sentOf[p - 1] !== sentOf[i] || flat[p - 1]!.kind === 'punctuation')) scan(c, p, i - 1, 'pre-appositive', out, true, weak);
  }
  // Party abbreviation right after the name: "(D-Calif.)", ", D-N.Y.,".
  const abbr = PARTY_ABBR.exec(c.text.slice(end, end + 24));
  if (abbr && !out.has('party')) {
    const entry = c.T.cues.get(abbr[1]!.toLowerCase())?.find((x) => x.attribute === 'party-abbreviation');
    if (entry) {
      const s = end + abbr[0].indexOf(abbr[1]!);
      const t = c.text.slice(s, end + abbr[0].indexOf(abbr[2]!) + abbr[2]!.length);
      out.set('party', { attribute: 'party', value: entry.value, start: s, end: s + t.length, text: t, rule: `party-abbreviation "${abbr[1]}-"` });
    }
  }
  // Appositive after the name: ", a Republican strategist who …", ", Oregon Democrat,".
  let k = e;
  if (flat[k]?.text === '(') {
    while (k < flat.length && flat[k]!.text !== ')' && k - e < WINDOWS.appositiveAfter) k++;
    k++;
  }
  if (flat[k]?.text === ',' && sentOf[k] === sentOf[i]) {
    let z = k + 1;
    // A hyphenated modifier ("a left-leaning nonprofit") is not the appositive's verb.
    // So is a participle opening the appositive before a noun ("managing director", "acting secretary").
    const modifier = (q: number) => /ing$/.test(flat[q]!.norm) && flat[q + 1]?.pos === 'NOUN' && (q === k + 1 || flat[q - 1]?.pos === 'DET');
    // And a word opening a multi-word role phrase ("think tank") is not a verb.
    const verbAt = (q: number) => (flat[q]!.pos === 'VERB' || flat[q]!.pos === 'AUX') && flat[q - 1]?.text !== '-' && !modifier(q) && (cuesAt(c, q)?.len ?? 0) < 2;
    const stop = (q: number) => flat[q]!.text === ',' || verbAt(q) || flat[q]!.norm === 'who';
    while (z < flat.length && z - k <= WINDOWS.appositiveAfter && sentOf[z] === sentOf[i] && !stop(z)) z++;
    scan(c, k + 1, z, 'appositive', out, false, weak);
    // The appositive's end: past the window, up to the comma or relative pronoun that closes it.
    let y = z;
    while (y < flat.length && y - k <= 2 * WINDOWS.appositiveAfter && sentOf[y] === sentOf[i] && !stop(y)) y++;
    const segment = (from: number) => {
      let q = from;
      while (q < flat.length && q - from < WINDOWS.appositiveAfter && sentOf[q] === sentOf[i] && !stop(q)) q++;
      return q;
    };
    // A relative clause describing the speaker: ", a former official who was the lead U.S. negotiator".
    if (flat[y]?.norm === 'who' && ['is', 'was', 'are', 'were'].includes(flat[y + 1]?.norm ?? '') && sentOf[y + 1] === sentOf[i]) scan(c, y + 2, segment(y + 2), 'appositive-relative', out, false, weak);
    // The speaker's organisation described in turn: ", managing director … at the Stimson Center, a Washington think tank,".
    const org = c.state.article.entities.find((m) => m.type === 'ORG' && y > 0 && m.start <= flat[y - 1]!.start && flat[y - 1]!.end <= m.end);
    if (flat[y]?.text === ',' && y > z - 1 && org && sentOf[y] === sentOf[i]) scan(c, y + 1, segment(y + 1), 'organisation-appositive', out, false, weak);
  }
}

/** An organisation's kind from a generic word of its name ("Purdue Pharma" -> business, "Heritage Foundation" -> advocacy): lexicon attribute `org-type`. */
function orgTypeOf(c: QuoteContext, m: { start: number; end: number }): QuoteAffiliation | null {
  for (let i = tokenAt(c, m.start); i < c.flat.length && c.flat[i]!.start < m.end; i++) {
    const hit = cuesAt(c, i);
    const e = hit?.entries.find((x) => x.attribute === 'org-type');
    if (hit && e) return { attribute: 'role', value: e.value, start: m.start, end: m.end, text: c.text.slice(m.start, m.end), rule: `org-type "${e.key}"` };
  }
  return null;
}

/**
 * A spokesperson's role is their organisation's ("a FedEx spokesperson", "Purdue spokesman Casey Norton",
 * "a spokeswoman for the Heritage Foundation"): the organisation named in the same sentence next to the
 * speaks-for noun (title run before it, or "for X" after it). GOV: government; an ORG whose name states
 * its kind: that kind; an ORG of unknown kind: no role (not the lexicon's default `government`).
 */
function speaksFor(c: QuoteContext, role: QuoteAffiliation): QuoteAffiliation | null | undefined {
  const noun = role.text.toLowerCase();
  if (!c.T.cues.get(noun)?.some((e) => e.attribute === 'speaks-for')) return undefined;
  const i = tokenAt(c, role.start);
  const sent = c.sentOf[i];
  let from = i;
  while (from - 1 >= 0 && i - from < WINDOWS.titleRun && c.sentOf[from - 1] === sent && c.flat[from - 1]!.kind !== 'punctuation') from--;
  let to = i + 1;
  if (c.flat[to]?.norm === 'for') {
    to++;
    while (to < c.flat.length && to - i <= WINDOWS.titleRun && c.sentOf[to] === sent && c.flat[to]!.kind !== 'punctuation' && c.flat[to]!.pos !== 'VERB' && c.flat[to]!.pos !== 'AUX') to++;
  }
  const lo = c.flat[from]!.start;
  const hi = c.flat[to - 1]!.end;
  const orgs = c.state.article.entities.filter((m) => (m.type === 'ORG' || m.type === 'GOV') && m.start >= lo && m.end <= hi && (m.end <= role.start || m.start >= role.end));
  const org = orgs.sort((x, y) => Math.abs(x.start - role.start) - Math.abs(y.start - role.start))[0];
  if (!org) return undefined;
  if (org.type === 'GOV') return undefined;
  const kind = orgTypeOf(c, org);
  return kind ? { ...kind, rule: `speaks-for "${noun}" ${kind.rule}` } : null;
}

/** The stated affiliations of a speaker. */
export function affiliationsOf(c: QuoteContext, sp: Speaker | null): QuoteAffiliation[] {
  if (!sp) return [];
  const out = new Map<AttributeName, QuoteAffiliation>();
  const weak = new Map<AttributeName, QuoteAffiliation>();
  if (sp.entity) {
    for (const m of c.state.article.entities) if (m.entity_id === sp.entity) around(c, m.start, m.end, out, true, weak);
    // A descriptor resolved to the entity ("the spokeswoman") states a role too.
    if (sp.start !== sp.evidence.start) around(c, sp.start, sp.end, out, true, weak);
  } else around(c, sp.start, sp.end, out, true, weak);
  if (!out.has('role') && weak.has('role')) out.set('role', weak.get('role')!);
  // A government speaks as one ("the Kremlin said", "Ukraine's foreign ministry said": entities of type GOV).
  const gov = sp.entity?.startsWith('gov:') ? c.state.article.entities.find((m) => m.entity_id === sp.entity && m.type === 'GOV') : undefined;
  if (!out.has('role') && gov) out.set('role', { attribute: 'role', value: 'government', start: gov.start, end: gov.end, text: gov.text, rule: 'entity-type:GOV' });
  // An organisation speaking: the kind its name states ("Purdue Pharma said").
  if (!out.has('role') && sp.entity?.startsWith('org:')) {
    for (const m of c.state.article.entities) {
      if (m.entity_id !== sp.entity) continue;
      const kind = orgTypeOf(c, m);
      if (kind) {
        out.set('role', kind);
        break;
      }
    }
  }
  const role = out.get('role');
  const follows = role ? speaksFor(c, role) : undefined;
  if (follows === null) out.delete('role');
  else if (follows) out.set('role', follows);
  return (['party', 'country', 'role'] as const).map((k) => out.get(k)).filter((x): x is QuoteAffiliation => x !== undefined);
}
