/**
 * Atomic output directories: everything is written into a temporary sibling
 * directory, then renamed into place, so an interrupted run never leaves files
 * that look complete. A marker file says the directory was written by Parallax;
 * `--out` refuses a non-empty directory without it unless `--force`.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const MARKER = '.parallax-output';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Throws a UsageError when `out` may not be (over)written. */
export function checkOutDir(out: string, force: boolean): void {
  const dir = resolve(out);
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${out} exists and is not a directory; choose another path.`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(MARKER) || force) return;
  throw new UsageError(
    `--out ${out} is not empty and was not written by Parallax (${entries.length} entries, e.g. ${entries.slice(0, 3).join(', ')}); choose an empty or new directory, or pass --force to replace it.`,
  );
}

/** Write `files` into `out` atomically (temp dir + rename). */
export function writeOutDir(out: string, files: readonly { name: string; content: string }[], toolVersion: string): void {
  const dir = resolve(out);
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.parallax-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const f of files) writeFileSync(join(tmp, f.name), f.content);
    writeFileSync(join(tmp, MARKER), `parallax ${toolVersion}\n`);
    if (existsSync(dir)) {
      const old = `${tmp}-old`;
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
