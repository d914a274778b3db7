/**
 * The corpus phase, streamed: from spill directories (shard format: analyses.jsonl
 * + summaries.jsonl) to the output contract, with only per-article summaries and
 * one event's analyses at a time in memory.
 *
 *   grouping   summaries -> duplicates, input accounting, entity merges, events (main thread)
 *   aligning   each event's analyses read back from disk, event stages on the pool,
 *              claims / omissions / diffs / terms written as events finish, in event order
 *   writing    each article's analysis head (no tokens) read back, rendered on the pool,
 *              articles / sentences / scores / evidence / quotes written in input order
 *
 * The bytes equal `exportFileChunks(engine.buildReport(...))` (scale.test.ts). For
 * more than `JSON_REPORT_MAX_ARTICLES` articles report.json becomes the directory
 * `report/` of JSONL parts (index.json says which file holds which array).
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconRefs } from '@parallax/lexicons';
import {
  buildCodebook,
  codebookMarkdown,
  compareSource,
  createEngine,
  csvHeader,
  csvLines,
  CSV_HEADERS,
  eventsFromArticles,
  jsonChunks,
  JSON_REPORT_MAX_ARTICLES,
  mergeEntityNames,
  naturalOrder,
  analysisParameters,
  ARTICLES_CSV_TRAILING,
  reportItems,
  SCHEMA_VERSION,
  TOOL_VERSION,
  type AnalysisReport,
  type Event,
  type InputRecord,
  type Rejection,
  type RenderedArticle,
  type RenderedEvent,
  type ReportForm,
  type Warning,
} from '@parallax/core';
import type { Worker } from 'node:worker_threads';
import { createCorpusPool, inFlight, ordered } from './corpus-pool';
import type { ArticlePiece, EventPiece, JobSetup, Pieces, SpillRef } from './jobs';
import { openOutDir } from './output';
import { csvToParquet } from './parquet';
import { readSummaries, SHARD_FILES, type SummaryLine } from './shard';
import type { Phases } from './progress';

export { JSON_REPORT_MAX_ARTICLES };

export type ReportFormat = 'auto' | 'json' | 'jsonl';

export interface CorpusRunOptions {
  workers: number;
  reportFormat?: ReportFormat;
  phases: Phases;
  /** Group events within windows of this many days (0: the whole corpus is one window). */
  windowDays?: number;
  /** Also write every CSV as <table>.parquet (parquet.ts). */
  parquet?: boolean;
  /** Worker threads of the per-article phase to reuse (same engine options). */
  threads?: readonly Worker[];
  /** Write only part i of n of the output (contiguous windows; see docs/scaling.md). */
  part?: { index: number; count: number };
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The window of an article: days since 1970-01-01 (UTC) of its date, divided by
 * `windowDays`, rounded down. Undated articles (or unreadable dates) all go to one last
 * window of their own, grouped only among themselves. windowDays 0: one window.
 */
export function windowOf(published: string | null, windowDays: number): number {
  if (windowDays <= 0) return 0;
  const m = published ? ISO_DAY.exec(published) : null;
  if (!m) return Number.MAX_SAFE_INTEGER;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS / windowDays) : Number.MAX_SAFE_INTEGER;
}

export interface CorpusSummary {
  inputs: number;
  analysed: number;
  rejected: number;
  duplicate: number;
  /** What the console summary reads (summary.ts consoleSummary): the report's warnings and rejected inputs. */
  console: { warnings: Warning[]; inputs: { status: string; reason: string | null }[] };
}

/** The report's arrays, in report.json's key order. */
const SECTIONS = ['inputs', 'articles', 'events', 'claims', 'omissions', 'diffs', 'terms', 'scores', 'evidence', 'quotes', 'warnings', 'entity_merges'] as const;
type Section = (typeof SECTIONS)[number];

/** A file written in ~1 MB writes. */
class Sink {
  private fd: number;
  private buf: (string | Uint8Array)[] = [];
  private size = 0;
  count = 0;
  /** `discard`: count items, write nothing (the split report's evidence is ../evidence.jsonl). */
  constructor(
    readonly path: string,
    private readonly discard = false,
  ) {
    this.fd = discard ? -1 : openSync(path, 'w');
  }
  write(s: string, items = 0): void {
    this.count += items;
    if (s === '' || this.discard) return;
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }
  /**
   * Append bytes a worker encoded (jobs.ts Pieces). Small pieces are copied (a view would keep
   * the worker's whole reply buffer alive until this file's next flush), large ones written now.
   */
  put(bytes: Uint8Array, items = 0): void {
    this.count += items;
    if (bytes.length === 0 || this.discard) return;
    if (bytes.length >= 1 << 16) {
      this.raw(bytes);
      return;
    }
    this.buf.push(Buffer.from(bytes));
    this.size += bytes.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    for (const piece of this.buf) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off, bytes.length - off);
    }
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    if (this.discard || this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
  /** Start the file again, empty. */
  reopen(): void {
    this.close();
    this.fd = openSync(this.path, 'w');
  }
  /** Append bytes as they are (after what is buffered). */
  raw(bytes: Uint8Array): void {
    if (this.discard) return;
    this.flush();
    for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off, bytes.length - off);
  }
}

type RenderedEventCounts = RenderedEvent['counts'];

const rank = (s: InputRecord['status']) => (s === 'analysed' ? 0 : s === 'duplicate' ? 1 : 2);

/**
 * Run the corpus phase over the spill directories `dirs` and write `out`
 * atomically. `rejections` and `warnings` come from reading the inputs.
 */
export async function runCorpus(
  dirs: readonly string[],
  rejections: readonly Rejection[],
  ingestWarnings: readonly Warning[],
  options: Record<string, unknown>,
  out: string,
  opts: CorpusRunOptions,
): Promise<CorpusSummary> {
  const { phases } = opts;
  const engineOptions = { language: typeof options.language === 'string' ? options.language : 'auto' };
  const engine = createEngine(engineOptions);
  const { sides: _sides, ...shownOptions } = engine.options;
  const files = dirs.map((d) => join(d, SHARD_FILES.analyses));

  // ---- grouping: summaries only --------------------------------------------------
  phases.start('grouping', null);
  type Item = { s: SummaryLine; ref: SpillRef };
  const all: Item[] = [];
  for (const [file, dir] of dirs.entries()) {
    for await (const s of readSummaries(dir)) all.push({ s, ref: { file, offset: s.offset, length: s.length, head: s.head } });
  }
  all.sort((a, b) => a.s.ordinal - b.s.ordinal); // input order across shards
  const sortedItems = [...all].sort((a, b) => compareSource(a.s.source, b.s.source));
  all.length = 0;
  const inputs: InputRecord[] = [];
  const kept: Item[] = [];
  const failedWarnings: Warning[] = [];
  {
    const byText = new Map<string, Item>();
    const byId = new Map<string, Item>();
    const where = (x: Item) => `${x.s.source.path}${x.s.source.line ? `:${x.s.source.line}` : ''}`;
    for (const a of sortedItems) {
      const rec = { path: a.s.source.path, line: a.s.source.line, article_id: a.s.id };
      if (a.s.failed != null) {
        // An article stage threw (isolate.ts): rejected, with the warning buildReport gives it.
        const stage = a.s.failed_stage ?? 'unknown';
        inputs.push({ ...rec, status: 'rejected', reason: a.s.failed, source: stage, code: 'internal-error' });
        failedWarnings.push({ article_id: a.s.id, code: 'internal-error', message: `${a.s.failed}; the article is rejected`, source: stage, severity: 'error', place: null });
        continue;
      }
      const sameText = byText.get(a.s.text_key);
      if (sameText) {
        inputs.push({ ...rec, status: 'duplicate', reason: `same text as article "${sameText.s.id}" (${where(sameText)}); not counted twice`, source: 'input', code: 'duplicate-text' });
        continue;
      }
      const sameId = byId.get(a.s.id);
      if (sameId) {
        inputs.push({ ...rec, status: 'rejected', reason: `duplicate id "${a.s.id}" with different text (first used at ${where(sameId)}); give each article a unique id`, source: 'input', code: 'duplicate-id' });
        continue;
      }
      byText.set(a.s.text_key, a);
      byId.set(a.s.id, a);
      kept.push(a);
      inputs.push({ ...rec, status: 'analysed', reason: null, source: null, code: null });
    }
  }
  sortedItems.length = 0;
  for (const r of rejections) inputs.push({ path: r.path, line: r.line, status: 'rejected', article_id: null, reason: r.reason, source: r.source ?? 'input', code: r.code ?? 'unreadable-input' });
  inputs.sort((a, b) => compareSource(a, b) || rank(a.status) - rank(b.status));

  const mergeReasons: Record<string, string> = {};
  const merges = mergeEntityNames(
    kept.map((k) => (k.s.english ? k.s.names : [])),
    engine.context,
    mergeReasons,
  );
  // Events never cross a window: group each window's articles on their own, windows in order.
  const windowDays = opts.windowDays ?? 0;
  const winOf = kept.map((k) => windowOf(k.s.published, windowDays));
  const windowIds = [...new Set(winOf)].sort((a, b) => a - b);
  const byWindow = new Map<number, number[]>(windowIds.map((w) => [w, []]));
  winOf.forEach((w, i) => byWindow.get(w)!.push(i));
  // Part i of n: a contiguous run of windows, balanced by article count (the same cut in every job).
  const part = opts.part ?? { index: 0, count: 1 };
  const mine: number[] = [];
  {
    let before = 0;
    windowIds.forEach((w, k) => {
      if (Math.floor((before * part.count) / Math.max(1, kept.length)) === part.index) mine.push(k);
      before += byWindow.get(w)!.length;
    });
  }
  const events: Event[] = [];
  const windowEvents: [number, number][] = []; // per window: first event index, end
  const mineSet = new Set(mine);
  for (const [k, w] of windowIds.entries()) {
    const first = events.length;
    if (!mineSet.has(k)) {
      windowEvents.push([first, first]); // another part groups this window
      continue;
    }
    for (const e of eventsFromArticles(
      byWindow.get(w)!.map((i) => ({ id: kept[i]!.s.id, title: kept[i]!.s.title, published: kept[i]!.s.published, features: kept[i]!.s.features })),
      merges,
    ))
      events.push(e);
    windowEvents.push([first, events.length]);
  }
  const keptIndex = new Map<string, number>();
  kept.forEach((k, i) => keptIndex.set(k.s.id, i));
  const eventOfKept = new Int32Array(kept.length).fill(-1);
  const members: number[][] = events.map((e, ei) =>
    e.article_ids.map((id) => {
      const i = keptIndex.get(id)!;
      eventOfKept[i] = ei;
      return i;
    }),
  );
  keptIndex.clear();
  const docMeasures = [...new Set(kept.flatMap((k) => k.s.doc_measures))].sort();
  const measures = [...new Set(kept.flatMap((k) => k.s.measures))].sort();
  const aligned = (i: number) => kept[i]!.s.english && kept[i]!.s.n_sentences > 0;
  // Free what grouping needed; keep only references and flags.
  for (const k of kept) {
    k.s.names = [];
    k.s.features = null;
  }
  phases.done('grouping', events.length);
  phases.finish('grouping', events.length);

  const first = part.index === 0;
  const format = part.count > 1 ? 'jsonl' : (opts.reportFormat ?? 'auto');
  const form: ReportForm = format === 'jsonl' || (format === 'auto' && kept.length > JSON_REPORT_MAX_ARTICLES) ? 'jsonl' : 'json';
  const dir = openOutDir(out);
  const pool = createCorpusPool(engineOptions, kept.length > 64 ? opts.workers : 1, kept.length > 64 && opts.workers > 1 ? (opts.threads ?? []) : []);
  try {
    const partDir = form === 'json' ? dir.file('.parts') : dir.file('report');
    mkdirSync(partDir);
    // The split report's evidence array is evidence.jsonl itself (the same lines): not written twice.
    const parts = Object.fromEntries(
      SECTIONS.map((s) => [s, new Sink(join(partDir, `${s}.${form === 'json' ? 'part' : 'jsonl'}`), form === 'jsonl' && s === 'evidence')]),
    ) as Record<Section, Sink>;
    // Event-level scores / evidence / warnings come after every article's in the report.
    const eventEvidenceLines = new Sink(join(partDir, 'event-evidence-lines.tmp'));
    const eventParts: Record<'scores' | 'evidence' | 'warnings', Sink> = {
      scores: new Sink(join(partDir, 'event-scores.tmp')),
      evidence: new Sink(join(partDir, 'event-evidence.tmp')),
      warnings: new Sink(join(partDir, 'event-warnings.tmp')),
    };
    const csvNames = Object.keys(CSV_HEADERS) as (keyof typeof CSV_HEADERS)[];
    const csv = Object.fromEntries(csvNames.map((n) => [n, new Sink(dir.file(n))])) as Record<keyof typeof CSV_HEADERS, Sink>;
    if (first) for (const n of csvNames) csv[n].write(csvHeader(n === 'articles.csv' ? [...CSV_HEADERS[n], ...docMeasures, ...ARTICLES_CSV_TRAILING] : CSV_HEADERS[n]));
    const evidenceJsonl = new Sink(dir.file('evidence.jsonl'));

    if (first) {
      parts.inputs.write(reportItems(inputs, form), inputs.length);
      csv['rejected.csv'].write(
        csvLines(inputs.filter((i) => i.status !== 'analysed').map((i) => [i.path, i.line, i.status === 'duplicate' ? `duplicate: ${i.reason}` : i.reason])),
      );
    }
    const shellWarnings = [...naturalOrder(ingestWarnings), ...failedWarnings];
    const consoleWarnings: Warning[] = [...shellWarnings];
    const counts = {
      inputs: inputs.length,
      analysed: kept.length,
      rejected: inputs.filter((i) => i.status === 'rejected').length,
      duplicate: inputs.filter((i) => i.status === 'duplicate').length,
      console: { warnings: consoleWarnings, inputs: inputs.filter((i) => i.status === 'rejected').map((i) => ({ status: i.status, reason: i.reason })) },
    };
    inputs.length = 0;
    if (first) parts.warnings.write(reportItems(shellWarnings, form), shellWarnings.length);
    if (first) {
      // Provenance of every entity id rename (as engine.buildReport writes it): sorted by the old id.
      const entityMerges = Object.keys(merges)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((from) => ({ from, to: merges[from]!, reason: mergeReasons[from] ?? 'entity-merge' }));
      parts.entity_merges.write(reportItems(entityMerges, form), entityMerges.length);
    }

    const setup: JobSetup = { engineOptions, files, merges, docMeasures, form };
    pool.setup(setup);

    const groups: (Int32Array | null)[] = new Array<Int32Array | null>(kept.length).fill(null);
    const totalMine = mine.reduce((n, k) => n + byWindow.get(windowIds[k]!)!.length, 0);
    let doneArticles = 0;
    let written = 0;
    // Window by window (one window without --window-days): its events are aligned, then its
    // articles written, then the event-level items, so the parts of windows concatenate.
    for (const k of mine) {
      const [e0, e1] = windowEvents[k]!;
      for (let e = e0; e < e1; e++) parts.events.write(reportItems([events[e]!], form), 1);

      // ---- aligning: one event at a time, on the pool ----------------------------------
      phases.start('aligning', totalMine, 'articles', doneArticles);
      const toAlign: number[] = [];
      for (let e = e0; e < e1; e++) if (members[e]!.some(aligned)) toAlign.push(e);
      // Batches of whole events, about 24 articles each (fewer messages; still balanced).
      const batches: number[][] = [];
      for (let i = 0, cur: number[] = [], size = 0; i < toAlign.length; i++) {
        cur.push(toAlign[i]!);
        size += members[toAlign[i]!]!.length;
        if (size >= 24 || i === toAlign.length - 1) {
          batches.push(cur);
          cur = [];
          size = 0;
        }
      }
      for await (const [batch, rendered] of ordered(
        batches,
        (b) => pool.align({ events: b.map((e) => ({ event: events[e]!, members: members[e]!.map((i) => kept[i]!.ref) })) }),
        inFlight(pool),
      )) {
        // Each file gets the batch's events' pieces, in event order (one encoded range per file).
        const piece = (k: EventPiece) => bytesOf(rendered.pieces, k);
        const total = (k: keyof RenderedEventCounts) => rendered.events.reduce((n, r) => n + r.counts[k], 0);
        parts.claims.put(piece('claims'), total('claims'));
        parts.omissions.put(piece('omissions'), total('omissions'));
        parts.diffs.put(piece('diffs'), total('diffs'));
        parts.terms.put(piece('terms'), total('terms'));
        eventParts.scores.put(piece('scores'), total('scores'));
        eventParts.evidence.put(piece('evidence'), total('evidence'));
        eventParts.warnings.put(piece('warnings'), total('warnings'));
        eventEvidenceLines.put(piece('evidence.jsonl'));
        csv['claims.csv'].put(piece('claims.csv'));
        csv['coverage.csv'].put(piece('coverage.csv'));
        csv['terms.csv'].put(piece('terms.csv'));
        rendered.events.forEach((r, j) => {
          const e = batch[j]!;
          consoleWarnings.push(...r.warningItems);
          for (const i of members[e]!) {
            const g = r.groups[kept[i]!.s.id];
            if (g) groups[i] = Int32Array.from(g);
          }
          doneArticles += members[e]!.length;
        });
        phases.tick(doneArticles);
      }
      doneArticles = Math.max(doneArticles, 0);
      phases.done('aligning', 0);

      // ---- writing: the window's articles in input order, rendered on the pool -----------
      phases.start('writing', totalMine, 'articles', written);
      const numbers = { scores: [] as Warning[], evidence: [] as Warning[] };
      const list = byWindow.get(windowIds[k]!)!;
      const chunks: number[][] = [];
      for (let i = 0; i < list.length; i += 16) chunks.push(list.slice(i, i + 16));
      for await (const [chunk, reply] of ordered(
        chunks,
        (c) =>
          pool.render({
            articles: c.map((i) => {
              const e = eventOfKept[i]!;
              const g = groups[i];
              return { ref: kept[i]!.ref, eventId: e >= 0 ? events[e]!.event_id : null, groups: g ? Array.from(g) : null };
            }),
          }),
        inFlight(pool),
      )) {
        // Each file gets the chunk's articles' pieces, in input order (one encoded range per file).
        const piece = (k: ArticlePiece) => bytesOf(reply.pieces, k);
        const total = (k: keyof RenderedArticle['counts']) => reply.articles.reduce((n, a) => n + a.counts[k], 0);
        parts.articles.put(piece('articles'), reply.articles.length);
        parts.scores.put(piece('scores'), total('scores'));
        parts.evidence.put(piece('evidence'), total('evidence'));
        parts.quotes.put(piece('quotes'), total('quotes'));
        parts.warnings.put(piece('warnings'), total('warnings'));
        for (const a of reply.articles) consoleWarnings.push(...a.warningItems);
        csv['articles.csv'].put(piece('articles.csv'));
        csv['sentences.csv'].put(piece('sentences.csv'));
        csv['events.csv'].put(piece('events.csv'));
        csv['scores.csv'].put(piece('scores.csv'));
        csv['quotes.csv'].put(piece('quotes.csv'));
        evidenceJsonl.put(piece('evidence.jsonl'));
        numbers.scores.push(...reply.numbers.scores);
        numbers.evidence.push(...reply.numbers.evidence);
        for (const i of chunk) groups[i] = null; // done with it
        written += chunk.length;
        phases.tick(written);
      }
      // Event-level items after the window's articles' (buildReport: [...articles' items, ...corpus items]).
      for (const key of ['scores', 'evidence', 'warnings'] as const) {
        eventParts[key].close();
        appendFile(parts[key], eventParts[key].path, eventParts[key].count);
        eventParts[key] = new Sink(eventParts[key].path);
      }
      eventEvidenceLines.close();
      appendFile(evidenceJsonl, eventEvidenceLines.path, 0);
      eventEvidenceLines.reopen();
      parts.warnings.write(reportItems([...numbers.scores, ...numbers.evidence], form), numbers.scores.length + numbers.evidence.length);
      consoleWarnings.push(...numbers.scores, ...numbers.evidence);
      phases.done('writing', 0);
    }
    for (const key of ['scores', 'evidence', 'warnings'] as const) eventParts[key].close();
    eventEvidenceLines.close();
    rmFile(eventEvidenceLines.path);
    for (const s of Object.values(parts)) s.close();
    for (const s of Object.values(csv)) s.close();
    evidenceJsonl.close();

    if (opts.parquet) {
      for (const n of csvNames) {
        const header = n === 'articles.csv' ? [...CSV_HEADERS[n], ...docMeasures, ...ARTICLES_CSV_TRAILING] : [...CSV_HEADERS[n]];
        await csvToParquet(n, header, dir.file(n), dir.file(n.replace(/\.csv$/, '.parquet')), first);
      }
    }

    // ---- the report: one file, or the directory of parts -------------------------------
    const head = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'parallax', version: TOOL_VERSION },
      options: { ...shownOptions, ...options, ...analysisParameters() },
      lexicons: lexiconRefs(),
    };
    if (form === 'json') {
      writeReportJson(dir.file('report.json'), head, parts);
      for (const s of Object.values(parts)) rmFile(s.path);
      for (const s of Object.values(eventParts)) rmFile(s.path);
      rmDir(partDir);
    } else {
      for (const s of Object.values(eventParts)) rmFile(s.path);
      const index = {
        format: 'parallax-report-parts',
        format_version: 1,
        ...head,
        parts: Object.fromEntries(SECTIONS.map((s) => [s, { file: s === 'evidence' ? '../evidence.jsonl' : `${s}.jsonl` }])),
      };
      if (first) writeFileSync(join(partDir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    }
    if (first) {
      const codebook = buildCodebook({ ...head, scores: measures.map((m) => ({ measure: m })) } as unknown as AnalysisReport);
      writeFileSync(dir.file('codebook.md'), codebookMarkdown(codebook));
      writeFileSync(dir.file('codebook.json'), JSON.stringify(codebook, null, 2) + '\n');
    }
    phases.finish('aligning', doneArticles);
    phases.finish('writing', written);
    dir.commit(TOOL_VERSION);
    return counts;
  } catch (err) {
    dir.abort();
    throw err;
  } finally {
    await pool.close();
  }
}

function bytesOf<K extends string>(pieces: Pieces<K>, key: K): Uint8Array {
  const [start, end] = pieces.ranges[key];
  return pieces.bytes.subarray(start, end);
}

function appendFile(sink: Sink, path: string, items: number): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      sink.raw(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  sink.count += items;
}


/** report.json from the parts: exactly `JSON.stringify(report, null, 2) + '\n'` (jsonChunks). */
function writeReportJson(path: string, head: Record<string, unknown>, parts: Record<Section, Sink>): void {
  const fd = openSync(path, 'w');
  const put = (s: string | Uint8Array) => {
    const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  };
  try {
    const text = [...jsonChunks(head)].join('');
    put(text.slice(0, -3) + ',\n'); // drop "\n}\n": the arrays follow
    SECTIONS.forEach((s, k) => {
      const sep = k + 1 < SECTIONS.length ? ',\n' : '\n';
      if (parts[s].count === 0) {
        put(`  ${JSON.stringify(s)}: []${sep}`);
        return;
      }
      put(`  ${JSON.stringify(s)}: [\n`);
      const src = openSync(parts[s].path, 'r');
      try {
        const size = fstatSync(src).size - 2; // the last element's ",\n"
        const buf = Buffer.allocUnsafe(1 << 20);
        for (let pos = 0; pos < size; ) {
          const n = readSync(src, buf, 0, Math.min(buf.length, size - pos), pos);
          if (n === 0) break;
          put(buf.subarray(0, n));
          pos += n;
        }
      } finally {
        closeSync(src);
      }
      put(`\n  ]${sep}`);
    });
    put('}\n');
  } finally {
    closeSync(fd);
  }
}

const rmFile = (p: string) => rmSync(p, { force: true });
const rmDir = (p: string) => rmSync(p, { recursive: true, force: true });
