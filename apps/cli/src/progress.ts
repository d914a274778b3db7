/**
 * Progress on a TTY: a bar over input bytes, articles done, rate and ETA. The
 * total is the size of every input file, found by a stat-only walk before the
 * run (cheap; no file is read). Off with --quiet or when stderr is not a TTY.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';

export interface Progress {
  /** An event from `path` was handled; `approxBytes` is how far into the file it reaches (estimate). */
  tick(path: string, articles: number, approxBytes: number): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

async function totalBytes(paths: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  async function visit(p: string): Promise<void> {
    try {
      const info = await stat(p);
      if (info.isDirectory()) {
        for (const name of await readdir(p)) if (!name.startsWith('.')) await visit(join(p, name));
      } else if (info.isFile()) sizes.set(p, info.size);
    } catch {
      // unreadable paths become rejections in the run itself
    }
  }
  for (const p of paths) await visit(p);
  return sizes;
}

export async function createProgress(paths: readonly string[], enabled: boolean, label: string): Promise<Progress> {
  if (!enabled || !process.stderr.isTTY) return NONE;
  const sizes = await totalBytes(paths);
  let total = 0;
  for (const n of sizes.values()) total += n;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {percentage}% | {articles} articles | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, total), 0, { articles: 0, rate: '0' });
  const t0 = Date.now();
  let doneFiles = 0;
  let current = '';
  let inFile = 0;
  return {
    tick(path, articles, approxBytes) {
      if (path !== current) {
        doneFiles += sizes.get(current) ?? 0;
        current = path;
        inFile = 0;
      }
      inFile = Math.min(sizes.get(path) ?? 0, inFile + approxBytes);
      const secs = Math.max(0.001, (Date.now() - t0) / 1000);
      bar.update(Math.min(total, doneFiles + inFile), { articles, rate: (articles / secs).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * Phases of a run (analysing, grouping, aligning, writing): a bar with counts and
 * ETA per phase on a TTY, and the time of each phase for the end summary. A phase
 * may be entered several times (once per window): its times add up. Nothing of
 * this goes into the report.
 */
export interface Phases {
  /** Enter a phase; `initial` is how much of `total` is already done (a phase entered again). */
  start(name: string, total: number | null, unit?: string, initial?: number): void;
  tick(done: number): void;
  /** Leave the phase; `count` is added to what it handled. */
  done(name: string, count: number): void;
  /** Set what a phase handled in all (when counted across entries). */
  finish(name: string, count: number): void;
  /** Record a phase measured elsewhere (e.g. the per-article phase's own bar). */
  record(name: string, ms: number, count: number): void;
  /** "time: analysing 12.3 s · grouping 0.4 s · …" */
  summary(): string;
  readonly times: { name: string; ms: number; count: number }[];
}

export function createPhases(enabled: boolean, now: () => number = () => performance.now()): Phases {
  const tty = enabled && process.stderr.isTTY === true;
  const times: { name: string; ms: number; count: number }[] = [];
  const entry = (name: string) => {
    let t = times.find((x) => x.name === name);
    if (!t) times.push((t = { name, ms: 0, count: 0 }));
    return t;
  };
  let t0 = 0;
  let bar: cliProgress.SingleBar | null = null;
  let barName = '';
  return {
    times,
    start(name, total, unit = 'articles', initial = 0) {
      t0 = now();
      if (!tty) return;
      if (bar && barName === name) return; // same phase again: keep its bar
      bar?.stop();
      barName = name;
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: total === null ? `${name.padEnd(9)} …` : `${name.padEnd(9)} {bar} {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(1, total ?? 1), initial);
    },
    tick(done) {
      bar?.update(done);
    },
    done(name, count) {
      const t = entry(name);
      t.ms += now() - t0;
      t.count += count;
    },
    finish(name, count) {
      bar?.stop();
      bar = null;
      entry(name).count = count;
    },
    record(name, ms, count) {
      const t = entry(name);
      t.ms += ms;
      t.count += count;
    },
    summary() {
      bar?.stop();
      bar = null;
      const total = times.reduce((s, t) => s + t.ms, 0);
      return `time: ${times.map((t) => `${t.name} ${(t.ms / 1000).toFixed(1)} s`).join(' · ')} · total ${(total / 1000).toFixed(1)} s`;
    },
  };
}
