/**
 * Fuzzer: two kinds of cases, alternating.
 * - file cases: mutated fixture files and random Unicode through ingest, the engine and
 *   the exporters: nothing throws, every file is accounted for, every span points at its
 *   own text;
 * - news cases (fuzz-news.ts): real sentences perturbed the way news copy goes wrong
 *   (missing spaces, mixed quotes, possessives, abbreviations, tickers, URLs, emoji, RTL,
 *   combining marks, very long paragraphs), checked for the same invariants plus lossless
 *   tokens, no internal error and determinism.
 *
 *   pnpm fuzz                 # 10,000 cases (seed 1), sentences from the fixtures + dev data
 *   pnpm fuzz --runs 500 --seed 7 --no-dev-data
 *
 * CI runs a seeded few hundred through fuzz.test.ts (FUZZ_RUNS, default 200; fixtures only,
 * so the cases do not depend on what a machine holds in ../shared/dev-data).
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngine, exportFiles, mulberry32, type AnalysisReport } from '@parallax/core';
import { parseFile } from '@parallax/ingest';
import { newsCase, runNewsCase, sentencePool } from './fuzz-news';

const EXTENSIONS = ['.txt', '.md', '.html', '.jsonl', '.csv'];

/** Replayable randomness: each fuzz case is `rng(seed)`. */
export const rng = mulberry32;

function corpusFiles(root: string): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (statSync(p).size < 200_000) out.push({ name: n, bytes: new Uint8Array(readFileSync(p)) });
    }
  };
  walk(join(root, 'fixtures/riyadh-2025-02-18'));
  walk(join(root, 'fixtures/hostile'));
  return out;
}

const SPICE = ['“', '”', '"', "'", '\n', '\n\n', '---\n', '<script>', '</p>', '{', '}', ',', '\r\n', '\u0000', '\uFFFD', '🙂', 'ש', '\u200B', 'é', 'said', ' not ', ' but ', '=', '@'];

function mutate(bytes: Uint8Array, r: () => number, others: Uint8Array[]): Uint8Array {
  let b = Array.from(bytes);
  const ops = 1 + Math.floor(r() * 6);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(r() * (b.length + 1));
    switch (Math.floor(r() * 7)) {
      case 0: // flip a byte
        if (b.length) b[at % b.length] = Math.floor(r() * 256);
        break;
      case 1: // insert a spicy string
        b.splice(at, 0, ...new TextEncoder().encode(SPICE[Math.floor(r() * SPICE.length)]!));
        break;
      case 2: // delete a run
        b.splice(at, Math.floor(r() * 200));
        break;
      case 3: // truncate
        b = b.slice(0, at);
        break;
      case 4: {
        // splice in a piece of another file
        const o = others[Math.floor(r() * others.length)]!;
        const s = Math.floor(r() * o.length);
        b.splice(at, 0, ...o.slice(s, s + Math.floor(r() * 400)));
        break;
      }
      case 5: // duplicate a run
        b.splice(at, 0, ...b.slice(at, at + Math.floor(r() * 300)));
        break;
      default: {
        // random code points
        let s = '';
        for (let i = Math.floor(r() * 40); i > 0; i--) s += String.fromCodePoint(Math.floor(r() * 0x2ffff) % 0x10ffff);
        b.splice(at, 0, ...new TextEncoder().encode(s.replace(/[\uD800-\uDFFF]/g, '')));
      }
    }
  }
  return Uint8Array.from(b);
}

export interface FuzzResult {
  runs: number;
  files: number;
  articles: number;
  rejections: number;
  /** News cases run (each two articles) and where their sentences came from. */
  news: number;
  pool: Record<string, number>;
  failures: { seed: number; name: string; error: string }[];
}

export interface FuzzOptions {
  /** Also sample sentences from ../shared/dev-data (in memory only). Default false. */
  devData?: boolean;
}

function check(report: AnalysisReport): void {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const span = (id: string, s: { start: number; end: number; text?: string }, what: string) => {
    const a = byId.get(id);
    if (!a) throw new Error(`${what}: unknown article ${id}`);
    if (!(s.start >= 0 && s.end >= s.start && s.end <= a.text.length)) throw new Error(`${what}: span ${s.start}-${s.end} outside text of ${a.text.length}`);
    if (s.text !== undefined && a.text.slice(s.start, s.end) !== s.text) throw new Error(`${what}: text does not match its offsets`);
  };
  for (const a of report.articles) {
    for (const s of a.sentences) span(a.id, s, 'sentence');
    for (const e of a.entities) span(a.id, e, 'entity');
    for (const r of a.removed) span(a.id, r, 'removed');
  }
  for (const e of report.evidence) {
    span(e.article_id, e, `evidence ${e.measure}`);
    if (!Number.isFinite(e.weight)) throw new Error(`evidence ${e.measure}: weight not finite`);
  }
  for (const q of report.quotes) span(q.article_id, q, 'quote');
  for (const s of report.scores) if (!Number.isFinite(s.value)) throw new Error(`score ${s.measure}: not finite`);
}

export function fuzz(runs: number, seed: number, root = resolve(fileURLToPath(new URL('../../..', import.meta.url))), opts: FuzzOptions = {}): FuzzResult {
  const corpus = corpusFiles(root);
  const pool = sentencePool(root, rng(seed), opts.devData ?? false);
  const engine = createEngine();
  const result: FuzzResult = { runs, files: 0, articles: 0, rejections: 0, news: 0, pool: pool.sources, failures: [] };
  for (let i = 0; i < runs; i++) {
    const caseSeed = seed * 1_000_003 + i;
    const r = rng(caseSeed);
    if (i % 2 === 1) {
      const name = `news-${i}`;
      try {
        const articles = newsCase(pool, r, i);
        result.news++;
        result.articles += articles.length;
        exportFiles(runNewsCase(engine, articles, check, i % 4 === 1));
      } catch (err) {
        result.failures.push({ seed: caseSeed, name, error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err) });
      }
      continue;
    }
    const base = corpus[Math.floor(r() * corpus.length)]!;
    const bytes = r() < 0.15 ? new TextEncoder().encode(Array.from({ length: Math.floor(r() * 300) }, () => String.fromCodePoint(Math.floor(r() * 0xd7ff))).join('')) : mutate(base.bytes, r, corpus.map((c) => c.bytes));
    const name = `fuzz-${i}${r() < 0.8 ? base.name.slice(base.name.lastIndexOf('.')) : EXTENSIONS[Math.floor(r() * EXTENSIONS.length)]}`;
    try {
      const parsed = parseFile(name, bytes);
      result.files++;
      result.articles += parsed.articles.length;
      result.rejections += parsed.rejections.length;
      if (parsed.articles.length + parsed.rejections.length === 0) throw new Error('file produced neither an article nor a rejection');
      const report = engine.analyze({ articles: parsed.articles, rejections: parsed.rejections });
      const internal = report.warnings.find((w) => w.code === 'internal-error');
      if (internal) throw new Error(`internal-error warning: ${internal.message}`);
      const accounted = report.inputs.length;
      if (accounted !== parsed.articles.length + parsed.rejections.length) throw new Error(`inputs ${accounted} != articles + rejections`);
      check(report);
      exportFiles(report);
    } catch (err) {
      result.failures.push({ seed: caseSeed, name, error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err) });
    }
  }
  return result;
}

const invoked = process.argv[1] ?? '';
if (/fuzz\.[cm]?[jt]s$/.test(invoked)) {
  const arg = (k: string, d: number) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const runs = arg('--runs', 10_000);
  const seed = arg('--seed', 1);
  const t0 = Date.now();
  const r = fuzz(runs, seed, undefined, { devData: !process.argv.includes('--no-dev-data') });
  const pool = Object.entries(r.pool).map(([k, v]) => `${v} ${k}`).join(', ');
  process.stdout.write(
    `fuzz: ${r.runs} cases (${r.runs - r.news} file cases, ${r.news} news cases from ${pool} sentences), ${r.files} files parsed, ${r.articles} articles, ${r.rejections} rejections, ${r.failures.length} failures (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  for (const f of r.failures.slice(0, 20)) process.stdout.write(`  seed ${f.seed} ${f.name}: ${f.error}\n`);
  process.exitCode = r.failures.length ? 1 : 0;
}
