/**
 * Atomic output directories: everything is written into a temporary sibling
 * directory, then renamed into place, so an interrupted run never leaves files
 * that look complete. A marker file says the directory was written by Parallax;
 * `--out` refuses a non-empty directory without it unless `--force`.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { CSV_HEADERS, OUTPUT_FILES, OUTPUT_MARKER } from '@parallax/core';

export const MARKER = OUTPUT_MARKER;

/** Every name a Parallax command writes into --out (analyze, merge, validate, shards). */
const OUR_FILES: ReadonlySet<string> = new Set([
  ...OUTPUT_FILES,
  MARKER,
  'agreement.csv',
  'agreement.json',
  'confusion.csv',
  'shard.json',
  'analyses.jsonl',
  'summaries.jsonl',
  'report',
  ...Object.keys(CSV_HEADERS).map((n) => n.replace(/\.csv$/, '.parquet')),
  'inputs.jsonl',
]);

const inside = (child: string, parent: string): boolean => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** Bad arguments or an unusable --out: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run completed but no input could be analysed: exit code 1 (the output is still written). */
export class NothingAnalysedError extends Error {
  override name = 'NothingAnalysedError';
}

/**
 * Throws a UsageError when `out` may not be (over)written. Replacing --out deletes
 * what is in it, so it is never allowed for the file-system root, the home or
 * current directory, or a directory that is or holds one of the inputs (not even
 * with --force); a directory with the marker is replaced only while it holds
 * nothing but Parallax's own files; anything else non-empty needs --force.
 */
export function checkOutDir(out: string, force: boolean, inputs: readonly string[] = []): void {
  const dir = resolve(out);
  if (dir === resolve('/') || dir === resolve(homedir()) || dir === resolve(process.cwd())) {
    throw new UsageError(`--out ${out} is the ${dir === resolve('/') ? 'file-system root' : dir === resolve(process.cwd()) ? 'current directory' : 'home directory'}; replacing it would delete everything in it — choose a new directory such as ./out.`);
  }
  for (const input of inputs) {
    if (inside(resolve(input), dir)) {
      throw new UsageError(`--out ${out} is or contains the input ${input}; replacing it would delete the input — choose a directory outside your inputs.`);
    }
  }
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${out} exists and is not a directory; choose another path.`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || force) return;
  const foreign = entries.filter((e) => !OUR_FILES.has(e));
  if (entries.includes(MARKER) && foreign.length === 0) return;
  throw new UsageError(
    entries.includes(MARKER)
      ? `--out ${out} was written by Parallax but now also holds other files (${foreign.slice(0, 3).join(', ')}); move them, choose another directory, or pass --force to replace it.`
      : `--out ${out} is not empty and was not written by Parallax (${entries.length} entries, e.g. ${entries.slice(0, 3).join(', ')}); choose an empty or new directory, or pass --force to replace it.`,
  );
}

/** Write `files` into `out` atomically (temp dir + rename); a file given as chunks is streamed (it may exceed the longest string). */
export function writeOutDir(out: string, files: readonly ({ name: string; content: string } | { name: string; chunks: Iterable<string> })[], toolVersion: string): void {
  const w = openOutDir(out);
  try {
    for (const f of files) {
      if ('content' in f) writeFileSync(w.file(f.name), f.content);
      else writeChunks(w.file(f.name), f.chunks);
    }
    w.commit(toolVersion);
  } catch (err) {
    w.abort();
    throw err;
  }
}

/** Write `chunks` to `path`, batched into writes of about 1 MB. */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  const flush = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  };
  try {
    let buf: string[] = [];
    let size = 0;
    for (const c of chunks) {
      buf.push(c);
      size += c.length;
      if (size >= 1 << 20) {
        flush(buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (size > 0) flush(buf.join(''));
  } finally {
    closeSync(fd);
  }
}

export interface OutDirWriter {
  /** Path of `name` inside the temporary directory (write it there, incrementally if you like). */
  file(name: string): string;
  /** Write the marker and rename the temporary directory into place. */
  commit(toolVersion: string): void;
  /** Remove the temporary directory. */
  abort(): void;
}

/** Start an atomic output directory: files go into a temporary sibling until `commit`. */
export function openOutDir(out: string): OutDirWriter {
  const dir = resolve(out);
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.parallax-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const abort = () => rmSync(tmp, { recursive: true, force: true });
  return {
    file: (name) => join(tmp, name),
    abort,
    commit(toolVersion) {
      try {
        writeFileSync(join(tmp, MARKER), `parallax ${toolVersion}\n`);
        if (existsSync(dir)) {
          const old = `${tmp}-old`;
          renameSync(dir, old);
          try {
            renameSync(tmp, dir);
          } catch (err) {
            renameSync(old, dir); // put the previous output back
            throw err;
          }
          rmSync(old, { recursive: true, force: true });
        } else {
          renameSync(tmp, dir);
        }
      } catch (err) {
        abort();
        throw err;
      }
    },
  };
}
