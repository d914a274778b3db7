import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

// The file reader must not load the engine (wink's model, every lexicon) through
// core's barrel: only type imports from '@parallax/core', values from its subpaths.
test('ingest imports only types from the @parallax/core barrel', () => {
  const dir = new URL('.', import.meta.url);
  const offenders = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) =>
      [...readFileSync(new URL(f, dir), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*from\s+'@parallax\/core'/gm)].map((m) => `${f}: ${m[0]}`),
    );
  expect(offenders).toEqual([]);
});
