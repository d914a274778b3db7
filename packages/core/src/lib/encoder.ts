/**
 * The sentence encoder boundary. Core never loads weights or wasm: a shell (CLI,
 * worker pool, web worker) loads a model and hands an `Encoder` to `createEngine`;
 * the engine asks it for the vectors of the sentences it can align and records the
 * encoder's id, version and weight hash in the report, like a lexicon.
 */

export interface EncoderRef {
  id: string;
  version: string;
  /** sha256 of the weight files (model graph, every shard, vocabulary). */
  sha256: string;
}

export interface Encoder extends EncoderRef {
  /** Vector length. */
  readonly dim: number;
  /** One vector per text, in order. May be called with up to `ENCODE_BATCH` texts at a time. */
  encode(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Encoded sentences of one run: text -> unit-length vector (each distinct text encoded once). */
export interface SentenceVectors {
  readonly encoder: EncoderRef;
  get(text: string): Float32Array | undefined;
}

export const ENCODE_BATCH = 32;

/** Unit length (the cosine is then a dot product); a zero vector stays zero. */
export function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n);
  if (n === 0) return v;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / n;
  return out;
}

/**
 * Encode distinct texts in a fixed (sorted) order, in batches, each text once (the
 * within-run cache), reporting progress after every batch.
 */
export async function encodeTexts(
  encoder: Encoder,
  texts: Iterable<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<SentenceVectors> {
  const todo = [...new Set(texts)].sort();
  const map = new Map<string, Float32Array>();
  for (let i = 0; i < todo.length; i += ENCODE_BATCH) {
    const batch = todo.slice(i, i + ENCODE_BATCH);
    const vecs = await encoder.encode(batch);
    if (vecs.length !== batch.length) throw new Error(`encoder ${encoder.id} returned ${vecs.length} vectors for ${batch.length} texts`);
    batch.forEach((t, j) => map.set(t, unit(vecs[j]!)));
    onProgress?.(Math.min(i + ENCODE_BATCH, todo.length), todo.length);
  }
  return vectorsFrom({ id: encoder.id, version: encoder.version, sha256: encoder.sha256 }, map);
}

export function vectorsFrom(encoder: EncoderRef, map: ReadonlyMap<string, Float32Array>): SentenceVectors {
  return Object.freeze({ encoder: Object.freeze({ ...encoder }), get: (t: string) => map.get(t) });
}

/** Cosine of two unit vectors, rounded to 4 decimals so float noise across platforms never flips a threshold. */
export function encoderCosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return Math.round(s * 10000) / 10000;
}
