import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { TOOL_VERSION } from './version';

test('TOOL_VERSION is the version in packages/core/package.json and the root package.json', () => {
  const core = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(TOOL_VERSION).toBe(core.version);
  expect(root.version).toBe(core.version);
});
