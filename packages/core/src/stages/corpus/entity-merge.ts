/**
 * Corpus stage `entity-merge`: one entity, many spellings across outlets. Entity ids
 * that the per-article stage made from a surface form (`pattern:*`, e.g.
 * `person:volodimir-zelenskyi` when a spelling is in no list) are compared with each
 * other and with the gazetteer's aliases by a transliteration-aware key (nameKey) and
 * Jaro-Winkler similarity, inside blocks of the same type and surname key, so the cost
 * stays linear in the number of distinct names. Merges go to `state.entityMerges`
 * (old id -> canonical id); engine.buildReport applies them everywhere.
 */
import type { ArticleAnalysis, CorpusStage, CorpusState, EngineContext } from '../../model';
import { compileGazetteer, type Gazetteer } from '../../lib/gazetteer';
import { cmp, jaroWinkler, nameKey } from '../../lib/text';
import { nameClasses } from '../../lib/name-classes';
import { isCommonWord } from '../article/entities';
import { UnionFind } from '../../lib/union-find';

/**
 * A lone word may join a full name as its surname only when it looks like one: a
 * capitalised letters-only word (or Mc/O' forms). Unless a title or honorific made it
 * a person ("Mr. Brown"), it must also be no common English word (compromise's
 * lexicon) and no plural-looking word ("Democrats" never merges).
 */
export function loneSurnameMayMerge(word: string, titled: boolean): boolean {
  if (!/^(?:\p{Lu}\p{Ll}+|(?:Mc|Mac|O')\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+)$/u.test(word)) return false;
  const plural = /\p{Ll}{2,}(?<![su])s$/u.test(word) && !nameClasses().get(word.toLowerCase())?.has('last');
  return !plural && (titled || !isCommonWord(word));
}

export interface NameRecord {
  id: string;
  type: string;
  /** A surface form (the longest seen). */
  name: string;
  count: number;
  /** True for ids from the gazetteer (they win as canonical). */
  known: boolean;
}

/** Two person names are the same: same folded surname and compatible first names, or near-identical keys. */
export function sameName(a: string, b: string, type: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  if (type === 'PERSON') {
    if (wa.length < 2 || wb.length < 2) return false;
    const la = wa[wa.length - 1]!;
    const lb = wb[wb.length - 1]!;
    if (la !== lb && jaroWinkler(la, lb) < 0.94) return false;
    const fa = wa[0]!;
    const fb = wb[0]!;
    return fa === fb || jaroWinkler(fa, fb) >= 0.88 || (Math.min(fa.length, fb.length) >= 3 && (fa.startsWith(fb) || fb.startsWith(fa)));
  }
  return jaroWinkler(ka, kb) >= 0.95;
}

function blockKey(type: string, name: string): string {
  const words = nameKey(name).split(' ');
  const anchor = type === 'PERSON' ? words[words.length - 1]! : words[0]!;
  return `${type}|${anchor.slice(0, 3)}`;
}

/** Union-find merge of name records; returns old id -> canonical id for every non-canonical id. */
export function mergeNames(records: readonly NameRecord[]): Record<string, string> {
  const sorted = [...records].sort((a, b) => cmp(a.id, b.id));
  const index = new Map(sorted.map((r, i) => [r.id, i]));
  const sets = new UnionFind(sorted.length);
  const find = (id: string): string => sorted[sets.find(index.get(id)!)]!.id;
  const blocks = new Map<string, NameRecord[]>();
  for (const r of sorted) {
    const k = blockKey(r.type, r.name);
    const list = blocks.get(k);
    if (list) list.push(r);
    else blocks.set(k, [r]);
  }
  const better = (a: NameRecord, b: NameRecord) =>
    a.known !== b.known ? (a.known ? a : b) : a.count !== b.count ? (a.count > b.count ? a : b) : cmp(a.id, b.id) <= 0 ? a : b;
  const best = new Map<string, NameRecord>(sorted.map((r) => [r.id, r]));
  for (const key of [...blocks.keys()].sort(cmp)) {
    const list = blocks.get(key)!;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.known && b.known) continue; // the gazetteer already says they differ
        if (!sameName(a.name, b.name, a.type)) continue;
        const ra = find(a.id);
        const rb = find(b.id);
        if (ra === rb) continue;
        const winner = better(best.get(ra)!, best.get(rb)!);
        const root = winner.id;
        // The winner is the best record of one of the two sets, so `root` is ra or rb.
        sets.join(index.get(root)!, index.get(root === ra ? rb : ra)!);
        best.set(root, winner);
      }
    }
  }
  const out: Record<string, string> = {};
  for (const r of sorted) {
    const root = find(r.id);
    if (root !== r.id) out[r.id] = root;
  }
  return out;
}

function gazetteerRecords(g: Gazetteer, types: ReadonlySet<string>, wanted: ReadonlySet<string>): NameRecord[] {
  const out: NameRecord[] = [];
  for (const e of [...g.byId.values()].sort((a, b) => cmp(a.id, b.id))) {
    if (!types.has(e.type)) continue;
    for (const alias of [e.name, ...e.aliases]) {
      // Only aliases in a block that some article name falls into.
      if (!wanted.has(blockKey(e.type, alias))) continue;
      out.push({ id: e.id, type: e.type, name: alias, count: 0, known: true });
    }
  }
  return out;
}

/** A name mention that entity merging looks at (an English article's PERSON/ORG mentions with an id). */
export interface NameMention {
  id: string;
  type: string;
  text: string;
  rule: string;
  /**
   * How often the mention's last word occurs in lower case in the same article ("boy"
   * beside "Boy"): a word the article also writes as a common word (optional for
   * mentions recorded by older code).
   */
  lower?: number;
}

/** The mentions of one article that `mergeEntityNames` needs (small; kept per article when analyses are spilled to disk). */
export function nameMentions(a: ArticleAnalysis): NameMention[] {
  if (!a.article.english) return [];
  const lower = new Map<string, number>();
  for (const sent of a.tokens) for (const t of sent) if (t.kind === 'word' && /^\p{Ll}/u.test(t.text)) lower.set(t.norm, (lower.get(t.norm) ?? 0) + 1);
  const out: NameMention[] = [];
  for (const m of a.article.entities) {
    if (!m.entity_id || (m.type !== 'PERSON' && m.type !== 'ORG')) continue;
    const last = m.text.toLowerCase().split(/\s+/).pop()!;
    out.push({ id: m.entity_id, type: m.type, text: m.text, rule: m.rule, lower: lower.get(last) ?? 0 });
  }
  return out;
}

/**
 * Entity merges (old id -> canonical id) from the name mentions of every article, in
 * article order; `reasons` (if given) receives why each id was merged.
 */
export function mergeEntityNames(mentionLists: Iterable<readonly NameMention[]>, ctx: EngineContext, reasons: Record<string, string> = {}): Record<string, string> {
  const lists = [...mentionLists];
  const merges: Record<string, string> = {};
  const g = ctx.tables.get('gazetteer', () => compileGazetteer(ctx.lexicons.entities, ctx.nlp));
  const byId = new Map<string, NameRecord>();
  for (const list of lists) {
    for (const m of list) {
      if (!m.rule.startsWith('pattern:')) continue;
      const r = byId.get(m.id);
      if (r) {
        r.count++;
        if (m.text.length > r.name.length) r.name = m.text;
      } else byId.set(m.id, { id: m.id, type: m.type, name: m.text, count: 1, known: false });
    }
  }
  if (byId.size === 0) return merges;
  const unknown = [...byId.values()];
  const wanted = new Set(unknown.map((r) => blockKey(r.type, r.name)));
  // A gazetteer entity may appear under several aliases: records share its id, so they union trivially.
  const known = gazetteerRecords(g, new Set(['PERSON', 'ORG']), wanted);
  const merged = mergeNamesMulti([...unknown, ...known]);
  for (const [from, to] of Object.entries(merged)) {
    if (from !== to && !g.byId.has(from)) {
      merges[from] = to;
      reasons[from] = 'same name by transliteration key / Jaro-Winkler (sameName)';
    }
  }
  // A lone surname used as a person id in some article ("President Obama" ->
  // person:obama) joins the one full name with that surname in the corpus
  // (person:barack-obama); two full names with that surname (Bill / Hillary Clinton)
  // contradict it and nothing is merged.
  const fullBySurname = new Map<string, Set<string>>();
  /** Lower-case last word as written -> full-name targets: the lone surname must equal it letter for letter ("Salah" never joins "Sallah"). */
  const exactSurname = new Map<string, Set<string>>();
  const addFull = (id: string, name: string) => {
    const words = nameKey(name).split(' ');
    if (words.length < 2) return;
    // A full name glued to link text ("John McCain John Sidney McCain2020 Democrats") is no merge target.
    if (words.length > 4 || /\d/.test(name)) return;
    const k = words[words.length - 1]!;
    const target = merges[id] ?? id;
    const exact = name.toLowerCase().split(/\s+/).pop()!;
    if (commonInCorpus(exact)) return;
    const ex = exactSurname.get(exact) ?? new Set<string>();
    ex.add(target);
    exactSurname.set(exact, ex);
    const set = fullBySurname.get(k) ?? new Set<string>();
    set.add(target);
    fullBySurname.set(k, set);
  };
  // Words the corpus writes as common words: over the articles that name a person with
  // this last word, lower-case uses ("boy", "class", "defense") at least half as many as the
  // name mentions. Such a word is neither a lone surname nor the surname of a merge target
  // ("Danny Boy", "First Class").
  const capUses = new Map<string, number>();
  const lowUses = new Map<string, number>();
  for (const list of lists) {
    const seen = new Set<string>();
    for (const m of list) {
      if (m.type !== 'PERSON') continue;
      const w = m.text.toLowerCase().split(/\s+/).pop()!;
      capUses.set(w, (capUses.get(w) ?? 0) + 1);
      if (!seen.has(w)) {
        seen.add(w);
        lowUses.set(w, (lowUses.get(w) ?? 0) + (m.lower ?? 0));
      }
    }
  }
  const commonInCorpus = (w: string) => (lowUses.get(w) ?? 0) * 2 >= (capUses.get(w) ?? 1) && (lowUses.get(w) ?? 0) > 0;
  /** Articles naming each full-name target, for the dominant-name rule below. */
  const targetArticles = new Map<string, number>();
  for (const list of lists) {
    const seen = new Set<string>();
    for (const m of list) {
      if (m.type !== 'PERSON' || nameKey(m.text).split(' ').length < 2) continue;
      const t = merges[m.id] ?? m.id;
      if (!seen.has(t)) {
        seen.add(t);
        targetArticles.set(t, (targetArticles.get(t) ?? 0) + 1);
      }
    }
  }
  const lone: NameRecord[] = [];
  for (const list of lists) {
    for (const m of list) {
      if (m.type !== 'PERSON') continue;
      // A full name counts when it is surely a person: from the gazetteer, after a title, or with a known first name or surname (compromise's lexicon).
      const words = m.text.toLowerCase().split(/\s+/);
      const first = words[0]!;
      const lastWord = words[words.length - 1]!;
      if (nameKey(m.text).split(' ').length >= 2) {
        if (m.rule.startsWith('gazetteer') || m.rule === 'pattern:title-name' || nameClasses().get(first)?.has('first') || nameClasses().get(lastWord)?.has('last')) addFull(m.id, m.text);
        continue;
      }
      // A lone first name ("Barbara", "Donald") is not a surname.
      const c = nameClasses().get(m.text.toLowerCase());
      if (c?.has('first') && !c.has('last')) continue;
      if (m.rule.startsWith('pattern:') && !m.id.slice(7).includes('-')) lone.push({ id: m.id, type: 'PERSON', name: m.text, count: 1, known: m.rule === 'pattern:title-name' });
    }
  }
  for (const r of lone.sort((a, b) => cmp(a.id, b.id))) {
    if (merges[r.id]) continue;
    if (!loneSurnameMayMerge(r.name, r.known)) continue; // `known` here: made a person by a title or honorific
    if (!r.known && commonInCorpus(r.name.toLowerCase())) continue;
    const set = fullBySurname.get(nameKey(r.name));
    if (!set) continue;
    const exact = exactSurname.get(r.name.toLowerCase());
    const cands = [...set].filter((t) => t !== r.id && exact?.has(t)).sort((a, b) => (targetArticles.get(b) ?? 0) - (targetArticles.get(a) ?? 0) || cmp(a, b));
    if (cands.length === 0) continue;
    const to = cands[0]!;
    if (set.size === 1) {
      merges[r.id] = to;
      reasons[r.id] = `lone surname "${r.name}": the only full name with that surname in the corpus`;
      continue;
    }
    // Several full names share the surname (Donald / Melania Trump): the lone name joins one
    // only when it dominates, named in at least DOMINANT times as many articles as all others together.
    const top = targetArticles.get(to) ?? 0;
    const rest = [...set].filter((t) => t !== to).reduce((sum, t) => sum + (targetArticles.get(t) ?? 0), 0);
    if (top < DOMINANT * Math.max(1, rest)) continue;
    merges[r.id] = to;
    reasons[r.id] = `lone surname "${r.name}": the dominant full name with that surname in the corpus (named in ${top} articles, the ${set.size - 1} other full names in ${rest})`;
  }
  return merges;
}

/** A lone surname joins the most-named of several full names with it only at this many times the articles of all the others. */
const DOMINANT = 4;

export const entityMergeStage: CorpusStage = {
  name: 'entity-merge',
  run(state: CorpusState, ctx) {
    Object.assign(state.entityMerges, mergeEntityNames(state.articles.map(nameMentions), ctx, (state.entityMergeReasons ??= {})));
  },
};

/** mergeNames where several records may share one id (gazetteer aliases). */
function mergeNamesMulti(records: readonly NameRecord[]): Record<string, string> {
  // Give each record a unique handle, merge, then map handles back to ids.
  const handles = records.map((r, k) => ({ ...r, id: `${r.id}\u0000${k}`, real: r.id }));
  const realOf = new Map(handles.map((h) => [h.id, h.real]));
  // Records of one id are always together: pre-link them by giving them the same name block and exact key.
  const res = mergeNames(handles);
  const groups = new Map<string, Set<string>>();
  for (const h of handles) {
    const root = realOf.get(res[h.id] ?? h.id)!;
    const set = groups.get(h.real) ?? new Set<string>();
    set.add(root);
    groups.set(h.real, set);
  }
  const out: Record<string, string> = {};
  for (const [id, roots] of [...groups.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const target = [...roots].sort(cmp)[0]!;
    if (target !== id) out[id] = target;
  }
  return out;
}
