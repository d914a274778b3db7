/**
 * Shared inputs of the matcher training script and the alignment quality figures:
 * the fixture events with their gold pairs, MSRP pairs as sentence keys, and the
 * encoder vectors (cached outside the repo, see encoder-cache.ts). Dev data is read
 * from ../shared/dev-data at run time, never copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alignResources,
  CORPUS_STAGES,
  createEngine,
  createNlp,
  LookupTables,
  DEFAULT_CLAIM_OPTIONS,
  sentenceKeys,
  unit,
  vectorsFrom,
  type SentenceVectors,
  type ArticleAnalysis,
  type ArticleInput,
  type CorpusState,
  type EngineContext,
  type SentenceKeys,
} from '@parallax/core';
import { lexicons } from '@parallax/lexicons';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { encodeCached } from './encoder-cache';
import { readAllsides, toInput } from './allsides';
import { createHash } from 'node:crypto';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEV = path.resolve(ROOT, '../shared/dev-data');

export function loadFixtureDir(dir: string): ArticleInput[] {
  const abs = path.join(ROOT, 'fixtures', dir);
  return fs
    .readdirSync(abs)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(abs, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
      if (!m) throw new Error(`${f}: no front matter`);
      const fm: Record<string, string> = {};
      for (const line of m[1]!.split('\n')) {
        const kv = /^(\w+):\s*(.*)$/.exec(line);
        if (kv) fm[kv[1]!] = kv[2]!.replace(/^"|"$/g, '');
      }
      const val = (k: string) => (fm[k] && fm[k] !== 'null' ? fm[k]! : null);
      return {
        id: fm.id!,
        outlet: fm.outlet ?? '',
        title: fm.title ?? '',
        published: val('published'),
        url: val('url'),
        language: val('language'),
        text: raw.slice(m[0].length),
        source: { path: `${dir}/${f}`, line: null },
      };
    });
}

const engine = createEngine({ matcher: 'lexical' });
export const ctx: EngineContext = Object.freeze({ options: engine.options, lexicons, sides: null, nlp: createNlp(), tables: new LookupTables() });

/** One event given as a whole (alignment alone: the events stage is not involved). */
export interface GoldEvent {
  name: string;
  analyses: ArticleAnalysis[];
  /** Sentence keys of every sentence (what claimsForEvent sees). */
  keys: SentenceKeys[];
  /** The sentences that take part (at least minKeys keys). */
  items: SentenceKeys[];
  /** Gold cross-article pairs "a|b" with a < b. */
  gold: Set<string>;
  goldGroups: string[][];
  state: CorpusState;
}

export const articleOf = (sid: string) => sid.slice(0, sid.lastIndexOf(':s'));
export function crossPairs(groups: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) for (const a of g) for (const b of g) if (a < b && articleOf(a) !== articleOf(b)) out.add(`${a}|${b}`);
  return out;
}
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function goldEvent(name: string, dir: string, goldFile: string): GoldEvent {
  const g = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures/gold', goldFile), 'utf8')) as { claims: { sentences: { sentence_id: string }[] }[] };
  return goldEventOf(name, loadFixtureDir(dir), g.claims.map((c) => c.sentences.map((s) => s.sentence_id)));
}

/** A gold event from its articles and its gold claims (lists of sentence ids). */
export function goldEventOf(name: string, inputs: readonly ArticleInput[], goldGroups: string[][]): GoldEvent {
  const analyses = inputs
    .map((a) => engine.analyzeArticle(a))
    .sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const state = { articles: analyses, entityMerges: {}, events: [], claims: [], omissions: [], diffs: [], terms: [], scores: [], evidence: [], warnings: [] } as CorpusState;
  CORPUS_STAGES.find((s) => s.name === 'entity-merge' || s.name === 'entityMerge' || s.name === 'merge')!.run(state, ctx);
  const res = alignResources(state, ctx);
  const keys = analyses.flatMap((an, i) => sentenceKeys(an, i, res));
  const items = keys.filter((k) => k.keys.size >= DEFAULT_CLAIM_OPTIONS.minKeys);
  return { name, analyses, keys, items, gold: crossPairs(goldGroups), goldGroups, state };
}

interface AllsidesGoldFile {
  events: { event: string; split: string; article_ids: string[]; claims: { id: string; sentences: { article_id: string; index: number; start: number; end: number; sha: string }[] }[] }[];
}

/**
 * The events of fixtures/gold/allsides-alignment.json (hand-labelled, train split), read
 * with their articles from ../shared/dev-data at run time; [] when the dev data is
 * missing. Throws when a member's offsets or text hash no longer match the engine's
 * segmentation (the gold must then be rebuilt: bench/gold-align-build.ts).
 */
export function allsidesGoldEvents(): GoldEvent[] {
  const g = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures/gold/allsides-alignment.json'), 'utf8')) as AllsidesGoldFile;
  const ids = new Set(g.events.flatMap((e) => e.article_ids));
  const rows = readAllsides(ROOT, null);
  const inputs = new Map(rows.map((r, n) => [r.id, { r, n }] as const).filter(([id]) => ids.has(id)));
  if (inputs.size === 0) return [];
  return g.events.map((e) => {
    const ev = goldEventOf(
      e.event,
      e.article_ids.map((id) => {
        const x = inputs.get(id);
        if (!x) throw new Error(`allsides-alignment gold: article ${id} not in the dev data`);
        return toInput(x.r, x.n);
      }),
      e.claims.map((c) => c.sentences.map((s) => `${s.article_id}:s${s.index}`)),
    );
    for (const c of e.claims)
      for (const s of c.sentences) {
        const an = ev.analyses.find((a) => a.article.id === s.article_id)!;
        const sen = an.article.sentences[s.index];
        const text = sen ? an.article.text.slice(sen.start, sen.end) : '';
        if (!sen || sen.start !== s.start || sen.end !== s.end || createHash('sha256').update(text).digest('hex').slice(0, 16) !== s.sha || sen.id !== `${s.article_id}:s${s.index}`)
          throw new Error(`allsides-alignment gold: ${e.event} ${c.id}: ${s.article_id} sentence ${s.index} no longer matches (rebuild with bench/gold-align-build.ts)`);
      }
    return ev;
  });
}

export interface MsrpPair {
  id: string;
  s1: string;
  s2: string;
  label: 0 | 1;
  k1: SentenceKeys;
  k2: SentenceKeys;
}

/** The keys of one free-standing sentence (all of its segments merged), built by the same article stages. */
export function keysOfSentence(text: string, id: string): SentenceKeys {
  const an = engine.analyzeArticle({ id, outlet: 'msrp', title: '', published: null, url: null, language: 'en', text, source: { path: id, line: null } });
  const state = { articles: [an], entityMerges: {} } as unknown as CorpusState;
  const parts = sentenceKeys(an, 0, alignResources(state, ctx));
  const keys = new Map<string, number>();
  const lw = new Map<string, number>();
  let speaker: string | null = null;
  let nWords = 0;
  const words: string[] = [];
  for (const p of parts) {
    for (const [k, v] of p.keys) keys.set(k, (keys.get(k) ?? 0) + v);
    for (const [k, v] of p.lw) lw.set(k, Math.max(lw.get(k) ?? 0, v));
    speaker ??= p.speaker;
    nWords += p.nWords;
    words.push(...p.words);
  }
  return { sentence_id: `${id}:s0`, article_id: id, a: 0, index: 0, keys, words, lw, speaker, nWords, text };
}

export function loadMsrp(): MsrpPair[] | null {
  const file = path.join(DEV, 'msrp_train/train.jsonl');
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; s1: string; s2: string; label: 0 | 1 })
    .map((r) => ({ ...r, k1: keysOfSentence(r.s1, `${r.id}-a`), k2: keysOfSentence(r.s2, `${r.id}-b`) }));
}

/** Unit-length encoder vectors of `texts` (cached by text hash outside the repo). */
export async function vectorsFor(texts: readonly string[], log: (s: string) => void = () => {}): Promise<SentenceVectors> {
  const enc = await loadNodeEncoder();
  const raw = await encodeCached(enc, texts, (d, n) => {
    if (d % 640 === 0 || d === n) log(`  encoded ${d}/${n}`);
  });
  const m = new Map<string, Float32Array>();
  for (const [t, v] of raw) m.set(t, unit(v));
  return vectorsFrom({ id: enc.id, version: enc.version, sha256: enc.sha256 }, m);
}
