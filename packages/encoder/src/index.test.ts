import { expect, test } from 'vitest';
import { ENCODER_DIM, ENCODER_SHA256, lazyEncoder, memoEncoder, type LoadedEncoder } from './index';
import { loadNodeEncoder, readEncoderFiles } from './node';

const cos = (a: Float32Array, b: Float32Array) => {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return d / Math.sqrt(na * nb);
};

test('the installed weights are the pinned ones (sha256 over model.json, shards, vocab.json)', () => {
  expect(readEncoderFiles().sha256).toBe(ENCODER_SHA256);
});

test('loadNodeEncoder: 512-d vectors, the same text gives the same vector in any batch, a paraphrase is closer than an unrelated sentence', async () => {
  const enc = await loadNodeEncoder();
  const s = ['The ministers met in Riyadh on Tuesday.', 'Foreign ministers convened in Riyadh on Tuesday.', 'Heavy rain flooded the village overnight.'];
  const [a, b, c] = await enc.encode(s);
  expect(a).toHaveLength(ENCODER_DIM);
  expect(cos(a!, b!)).toBeGreaterThan(cos(a!, c!));
  const [again] = await enc.encode([s[0]!]);
  expect([...again!]).toEqual([...a!]);
  // No process-wide error listeners left behind by the wasm runtime.
  expect(process.listeners('unhandledRejection').some((l) => String(l).includes('ExitStatus'))).toBe(false);
}, 300_000);

test('lazyEncoder loads on first encode only; memoEncoder encodes each distinct text once', async () => {
  let loads = 0;
  let encoded = 0;
  const fake: LoadedEncoder = {
    id: 'fake',
    version: '0',
    sha256: 'x',
    dim: 2,
    encode: async (t) => {
      encoded += t.length;
      return t.map((x) => new Float32Array([x.length, 1]));
    },
  };
  const lazy = lazyEncoder(async () => {
    loads++;
    return fake;
  });
  expect(loads).toBe(0);
  expect(lazy.sha256).toBe(ENCODER_SHA256);
  await lazy.encode(['a']);
  expect(loads).toBe(1);
  const memo = memoEncoder(fake);
  encoded = 0;
  const v = await memo.encode(['ab', 'c', 'ab']);
  await memo.encode(['c']);
  expect(encoded).toBe(2);
  expect([...v[0]!]).toEqual([2, 1]);
});
