/**
 * Encoder vectors for bench/training runs, cached by text hash in a file OUTSIDE the
 * repo (default: $TMPDIR/parallax-encoder-cache/<encoder sha256 prefix>.bin), so
 * training and quality runs do not re-encode thousands of dev-data sentences.
 * Record format: 32-byte sha256(text) + dim float32 (little-endian).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { LoadedEncoder } from '@parallax/encoder';

export function cacheFile(enc: LoadedEncoder): string {
  const dir = process.env.PARALLAX_ENCODER_CACHE ?? path.join(os.tmpdir(), 'parallax-encoder-cache');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${enc.id}-${enc.sha256.slice(0, 16)}.bin`);
}

const textKey = (t: string) => bytesToHex(sha256(utf8ToBytes(t)));

export function readCache(enc: LoadedEncoder): Map<string, Float32Array> {
  const file = cacheFile(enc);
  const out = new Map<string, Float32Array>();
  if (!fs.existsSync(file)) return out;
  const buf = fs.readFileSync(file);
  const rec = 32 + enc.dim * 4;
  for (let at = 0; at + rec <= buf.length; at += rec) {
    const key = buf.subarray(at, at + 32).toString('hex');
    const v = new Float32Array(enc.dim);
    for (let i = 0; i < enc.dim; i++) v[i] = buf.readFloatLE(at + 32 + i * 4);
    out.set(key, v);
  }
  return out;
}

/** Vectors for `texts` (deduplicated; encoded in fixed order, batch 32; new ones appended to the cache). */
export async function encodeCached(
  enc: LoadedEncoder,
  texts: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, Float32Array>> {
  const cache = readCache(enc);
  const todo = [...new Set(texts)].filter((t) => !cache.has(textKey(t))).sort();
  const file = cacheFile(enc);
  const B = 32;
  for (let i = 0; i < todo.length; i += B) {
    const batch = todo.slice(i, i + B);
    const vecs = await enc.encode(batch);
    const parts: Buffer[] = [];
    batch.forEach((t, j) => {
      const key = textKey(t);
      const v = vecs[j]!;
      cache.set(key, v);
      const b = Buffer.alloc(32 + enc.dim * 4);
      Buffer.from(key, 'hex').copy(b, 0);
      for (let k = 0; k < enc.dim; k++) b.writeFloatLE(v[k]!, 32 + k * 4);
      parts.push(b);
    });
    fs.appendFileSync(file, Buffer.concat(parts));
    onProgress?.(Math.min(i + B, todo.length), todo.length);
  }
  const out = new Map<string, Float32Array>();
  for (const t of texts) out.set(t, cache.get(textKey(t))!);
  return out;
}
