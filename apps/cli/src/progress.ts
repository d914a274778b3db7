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
