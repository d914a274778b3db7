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
 * ETA per phase on a TTY, and the time of each phase for the end summary. Nothing
 * of this goes into the report.
 */
export interface Phases {
  start(name: string, total: number | null, unit?: string): void;
  tick(done: number): void;
  done(name: string, count: number): void;
  /** Record a phase measured elsewhere (e.g. the per-article phase's own bar). */
  record(name: string, ms: number, count: number): void;
  /** "analysing 12.3 s (1,000 articles) · grouping 0.4 s · …" */
  summary(): string;
  readonly times: { name: string; ms: number; count: number }[];
}

export function createPhases(enabled: boolean, now: () => number = () => performance.now()): Phases {
  const tty = enabled && process.stderr.isTTY === true;
  const times: { name: string; ms: number; count: number }[] = [];
  let t0 = 0;
  let bar: cliProgress.SingleBar | null = null;
  return {
    times,
    start(name, total, unit = 'articles') {
      t0 = now();
      if (!tty) return;
      bar?.stop();
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
      bar.start(Math.max(1, total ?? 1), 0);
    },
    tick(done) {
      bar?.update(done);
    },
    done(name, count) {
      bar?.stop();
      bar = null;
      times.push({ name, ms: now() - t0, count });
    },
    record(name, ms, count) {
      times.push({ name, ms, count });
    },
    summary() {
      const total = times.reduce((s, t) => s + t.ms, 0);
      return `time: ${times.map((t) => `${t.name} ${(t.ms / 1000).toFixed(1)} s`).join(' · ')} · total ${(total / 1000).toFixed(1)} s`;
    },
  };
}
