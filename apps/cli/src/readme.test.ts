import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildProgram } from './main';

// apps/cli/README.md documents every command and every option the program has.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const program = buildProgram();

test.each(program.commands.map((c) => [c.name(), c] as const))('README documents `parallax %s` and all its options', (name, cmd) => {
  expect(readme).toContain(`parallax ${name}`);
  const missing = cmd.options.map((o) => o.long ?? o.short ?? '').filter((flag) => flag && !readme.includes(`\`${flag}`));
  expect(missing).toEqual([]);
});
