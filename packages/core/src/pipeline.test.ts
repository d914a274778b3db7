import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { ARTICLE_STAGES, CORPUS_STAGES, EVENT_STAGES, STAGE_NAMES, normalizeStep } from './pipeline';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '../README.md'), 'utf8');

/** The rows of the README's pipeline table: [stage, kind, file]. */
function readmeStages(): [string, string, string][] {
  const start = readme.indexOf('| stage | kind | file | what |');
  expect(start, 'the README has a pipeline table').toBeGreaterThan(0);
  const rows: [string, string, string][] = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [, stage, kind, file] = line.split('|').map((c) => c.trim());
    rows.push([stage!, kind!, /\(src\/([^)]+)\)/.exec(file!)?.[1] ?? '']);
  }
  return rows;
}

test('the core README lists the stages of pipeline.ts, in order, each with its file', () => {
  const expected: [string, string][] = [
    [normalizeStep.name, 'article'],
    ...ARTICLE_STAGES.map((s) => [s.name, 'article'] as [string, string]),
    ...CORPUS_STAGES.map((s) => [s.name, 'corpus'] as [string, string]),
    ...EVENT_STAGES.map((s) => [s.name, 'event'] as [string, string]),
    ['report', 'last'],
  ];
  const rows = readmeStages();
  expect(rows.map(([s, k]) => [s, k])).toEqual(expected);
  expect(STAGE_NAMES).toEqual(expected.slice(0, -1).map(([s]) => s));
});

test('every stage opens in one hop: stages/<kind>/<name>.ts, the file the README names', () => {
  for (const [stage, kind, file] of readmeStages()) {
    const want = stage === 'report' ? 'stages/report.ts' : `stages/${kind === 'article' ? 'article' : 'corpus'}/${stage}.ts`;
    expect(file, stage).toBe(want);
    expect(existsSync(join(here, file)), file).toBe(true);
  }
});

test('each stage file exports one stage object, the one pipeline.ts runs', async () => {
  const byName = new Map<string, unknown>([[normalizeStep.name, normalizeStep], ...[...ARTICLE_STAGES, ...CORPUS_STAGES, ...EVENT_STAGES].map((s) => [s.name, s] as [string, unknown])]);
  for (const [stage, , file] of readmeStages()) {
    if (stage === 'report') continue;
    const mod = (await import(`./${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
    const stages = Object.values(mod).filter((v) => v !== null && typeof v === 'object' && typeof (v as { run?: unknown }).run === 'function' && typeof (v as { name?: unknown }).name === 'string');
    expect(stages, file).toHaveLength(1);
    expect(stages[0], file).toBe(byName.get(stage));
  }
});
