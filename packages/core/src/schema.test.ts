import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { reportJsonSchema, SCHEMA_VERSION } from './schema';

const published = fileURLToPath(new URL('../../../docs/report.schema.json', import.meta.url));

test('docs/report.schema.json is the published JSON Schema of the current AnalysisReport (UPDATE_SCHEMA=1 rewrites it)', () => {
  const current = JSON.stringify({ $comment: `Parallax AnalysisReport schema ${SCHEMA_VERSION}; generated from packages/core/src/schema.ts`, ...(reportJsonSchema() as object) }, null, 2) + '\n';
  if (process.env.UPDATE_SCHEMA) writeFileSync(published, current);
  expect(readFileSync(published, 'utf8')).toBe(current);
});
