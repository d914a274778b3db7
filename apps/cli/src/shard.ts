/**
 * Shards: `parallax analyze --shard i/n` analyses the articles whose article
 * ordinal (0-based position among all articles, in input order) is ≡ i mod n,
 * and writes what `buildReport` needs instead of a report:
 *
 *   shard.json      manifest: tool, schema and lexicon versions, options, inputs, shard i/n
 *   analyses.jsonl  {"ordinal":k,"analysis":ArticleAnalysis} per analysed article, input order
 *                   (the analysis's `tokens` is its last key, so the line up to `,"tokens":`
 *                   is the analysis without tokens)
 *   summaries.jsonl one line per analysed article: its ordinal, the byte offset, length and
 *                   head length (bytes before `,"tokens":`) of its analyses.jsonl line, and
 *                   its summary (corpus.ts: ids, text hash, names, grouping features)
 *   inputs.jsonl    {"ordinal":k,"kind":"rejection"|"warning",...} (shard 0 only: every
 *                   shard reads every input, so the records are the same in all)
 *
 * `parallax merge` reads n such directories, checks they are the complete set of
 * one run, restores input order by ordinal and calls buildReport: the result is
 * byte-identical to an unsharded run.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync, truncateSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { lexiconRefs } from '@parallax/lexicons';
import { SCHEMA_VERSION, TOOL_VERSION, type ArticleAnalysis, type Rejection } from '@parallax/core';
import type { IngestWarning } from '@parallax/ingest';
import { UsageError } from './output';
import type { Analysed, CliSummary } from './pool';

/** One line of summaries.jsonl. */
export type SummaryLine = { ordinal: number; offset: number; length: number; head: number } & CliSummary;

export interface ShardSpec {
  index: number;
  count: number;
}

export const SHARD_FORMAT = 'parallax-shard';
export const SHARD_FORMAT_VERSION = 2;
export const SHARD_FILES = { manifest: 'shard.json', analyses: 'analyses.jsonl', summaries: 'summaries.jsonl', records: 'inputs.jsonl' } as const;

/** "2/8" -> {index: 2, count: 8}; indices are 0-based (Kubernetes JOB_COMPLETION_INDEX). */
export function parseShard(spec: string, flag = '--shard'): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new UsageError(`${flag} must be i/n with 0 <= i < n (0-based, e.g. 0/4 ... 3/4), got "${spec}"`);
  }
  return { index, count };
}

/** Article ordinal k belongs to shard k mod n. */
export const inShard = (articleOrdinal: number, shard: ShardSpec | null): boolean =>
  shard === null || articleOrdinal % shard.count === shard.index;

export interface ShardManifest {
  format: typeof SHARD_FORMAT;
  format_version: number;
  tool_version: string;
  schema_version: string;
  lexicons: ReturnType<typeof lexiconRefs>;
  shard: ShardSpec;
  /** Analysis-relevant options (exactly what goes into the report's `options`). */
  options: Record<string, unknown>;
  /** The input paths as given on the command line (every shard must get the same). */
  inputs: string[];
  articles: number;
  records: number;
}

export type InputRecordLine =
  | { ordinal: number; kind: 'rejection'; rejection: Rejection }
  | { ordinal: number; kind: 'warning'; warning: IngestWarning };

/** Append-only writer for one shard directory (inside an atomic OutDirWriter). */
export class ShardWriter {
  private readonly analyses: WriteStream;
  private readonly summaries: WriteStream;
  private readonly records: WriteStream;
  private offset = 0;
  private nArticles = 0;
  private nRecords = 0;

  constructor(
    private readonly file: (name: string) => string,
    private readonly shard: ShardSpec,
    /** Append to a recovered spill (recoverSpill) instead of starting empty. */
    from?: SpillState,
  ) {
    const flags = from ? 'a' : 'w';
    this.analyses = createWriteStream(file(SHARD_FILES.analyses), { flags });
    this.summaries = createWriteStream(file(SHARD_FILES.summaries), { flags });
    this.records = createWriteStream(file(SHARD_FILES.records), { flags });
    if (from) {
      this.offset = from.offset;
      this.nArticles = from.articles;
    }
  }

  /** Analyses written (including recovered ones). */
  get written(): number {
    return this.nArticles;
  }

  /** Flush and close without a manifest (the run stopped; recoverSpill can continue it). */
  async close(): Promise<void> {
    await Promise.all([end(this.analyses), end(this.summaries), end(this.records)]);
  }

  /** Write one analysis (its JSON text as produced by the pool); waits when the disk is slower. */
  async analysis(ordinal: number, a: Analysed): Promise<void> {
    this.nArticles++;
    const prefix = `{"ordinal":${ordinal},"analysis":`; // ASCII: its length is its bytes
    const length = prefix.length + a.bytes.length + 1; // the line: prefix, analysis, "}"
    const head = prefix.length + a.headBytes;
    const summary: SummaryLine = { ordinal, offset: this.offset, length, head, ...a.summary };
    this.offset += length + 1;
    this.analyses.write(prefix);
    this.analyses.write(a.bytes);
    this.analyses.write('}\n');
    this.summaries.write(JSON.stringify(summary) + '\n');
    // Wait for whichever stream is over its buffer (checked after each wait: 'drain' may already have fired).
    if (this.analyses.writableNeedDrain) await drained(this.analyses);
    if (this.summaries.writableNeedDrain) await drained(this.summaries);
  }

  async record(line: InputRecordLine): Promise<void> {
    if (this.shard.index !== 0) return;
    this.nRecords++;
    if (!this.records.write(JSON.stringify(line) + '\n')) await drained(this.records);
  }

  async finish(options: Record<string, unknown>, inputs: readonly string[]): Promise<ShardManifest> {
    await Promise.all([end(this.analyses), end(this.summaries), end(this.records)]);
    const manifest: ShardManifest = {
      format: SHARD_FORMAT,
      format_version: SHARD_FORMAT_VERSION,
      tool_version: TOOL_VERSION,
      schema_version: SCHEMA_VERSION,
      lexicons: lexiconRefs(),
      shard: this.shard,
      options,
      inputs: [...inputs],
      articles: this.nArticles,
      records: this.nRecords,
    };
    writeFileSync(this.file(SHARD_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  }
}

const drained = (s: WriteStream) => new Promise<void>((resolve) => s.once('drain', resolve));
const end = (s: WriteStream) =>
  new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.end(resolve);
  });

export function readManifest(dir: string): ShardManifest {
  let raw: string;
  try {
    raw = readFileSync(join(dir, SHARD_FILES.manifest), 'utf8');
  } catch {
    throw new UsageError(`${dir} is not a shard directory (no ${SHARD_FILES.manifest}); pass the --out directories of \`parallax analyze --shard i/n\` runs`);
  }
  let m: ShardManifest;
  try {
    m = JSON.parse(raw) as ShardManifest;
  } catch (err) {
    throw new UsageError(`${dir}/${SHARD_FILES.manifest} is not valid JSON (${err instanceof Error ? err.message : String(err)}); was the shard run interrupted? Re-run that shard.`);
  }
  if (m.format !== SHARD_FORMAT || m.format_version !== SHARD_FORMAT_VERSION) {
    throw new UsageError(`${dir}/${SHARD_FILES.manifest} is not a parallax shard manifest of format version ${SHARD_FORMAT_VERSION}`);
  }
  return m;
}

/** Check that `manifests` are the n shards of one run (same versions, options, inputs; each index once). */
export function checkShardSet(dirs: readonly string[], manifests: readonly ShardManifest[]): void {
  const first = manifests[0];
  if (!first) throw new UsageError('no shard directories given; usage: parallax merge <shard dirs...> --out DIR');
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const seen = new Map<number, string>();
  manifests.forEach((m, i) => {
    const dir = dirs[i] as string;
    const differs = (what: string) =>
      new UsageError(`${dir} was made with different ${what} than ${dirs[0]}; all shards of a merge must come from one run (same version, options and inputs)`);
    if (m.tool_version !== first.tool_version || m.schema_version !== first.schema_version) throw differs('tool/schema version');
    if (!same(m.lexicons, first.lexicons)) throw differs('lexicons');
    if (!same(m.options, first.options)) throw differs('options');
    if (!same(m.inputs, first.inputs)) throw differs('input paths');
    if (m.shard.count !== first.shard.count) throw differs('shard count');
    const dup = seen.get(m.shard.index);
    if (dup !== undefined) throw new UsageError(`shard ${m.shard.index}/${m.shard.count} given twice (${dup} and ${dir})`);
    seen.set(m.shard.index, dir);
  });
  const missing: number[] = [];
  for (let i = 0; i < first.shard.count; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length > 0) {
    throw new UsageError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')}; merge needs all ${first.shard.count}`);
  }
}

async function* lines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) if (line !== '') yield line;
}

export async function* readAnalyses(dir: string): AsyncGenerator<{ ordinal: number; analysis: ArticleAnalysis }> {
  for await (const line of lines(join(dir, SHARD_FILES.analyses))) yield JSON.parse(line) as { ordinal: number; analysis: ArticleAnalysis };
}

/** How far a stopped spill got: its complete lines. */
export interface SpillState {
  articles: number;
  /** Event ordinal of the last complete article (-1: none). */
  lastOrdinal: number;
  /** Bytes of analyses.jsonl that are complete. */
  offset: number;
}

/**
 * Cut a stopped spill back to its last complete article (a summary line is written
 * after its analysis line, so every summary that parses points at a complete analysis)
 * and say where to continue. Records (rejections, warnings) are re-read from the inputs.
 */
export function recoverSpill(dir: string): SpillState {
  const sumPath = join(dir, SHARD_FILES.summaries);
  const anaPath = join(dir, SHARD_FILES.analyses);
  let text = '';
  try {
    text = readFileSync(sumPath, 'utf8');
  } catch {
    // no summaries yet
  }
  let good = 0;
  let articles = 0;
  let last: SummaryLine | null = null;
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break; // a torn last line
    try {
      last = JSON.parse(text.slice(pos, nl)) as SummaryLine;
    } catch {
      break;
    }
    articles++;
    pos = nl + 1;
    good = pos;
  }
  const offset = last ? last.offset + last.length + 1 : 0;
  if (existsSync(anaPath) && statSync(anaPath).size < offset) throw new UsageError(`--resume: ${anaPath} is shorter than its summaries say; run without --resume to start again`);
  if (existsSync(sumPath)) truncateSync(sumPath, Buffer.byteLength(text.slice(0, good)));
  if (existsSync(anaPath)) truncateSync(anaPath, offset);
  writeFileSync(join(dir, SHARD_FILES.records), '');
  return { articles, lastOrdinal: last?.ordinal ?? -1, offset };
}

export async function* readSummaries(dir: string): AsyncGenerator<SummaryLine> {
  for await (const line of lines(join(dir, SHARD_FILES.summaries))) yield JSON.parse(line) as SummaryLine;
}

export async function* readRecords(dir: string): AsyncGenerator<InputRecordLine> {
  for await (const line of lines(join(dir, SHARD_FILES.records))) yield JSON.parse(line) as InputRecordLine;
}
