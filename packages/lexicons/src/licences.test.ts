import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lexicons } from './index';
import { licenseIds, licenseProblem, PROJECT_LICENSE } from './licences';
import type { Lexicon } from './define';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../../..');
const dataDir = resolve(here, '../data');

describe('licenseIds / licenseProblem', () => {
  test.each([
    ['MIT', ['MIT'], null],
    ['MIT (VADER lexicon); Apache-2.0 (vader-sentiment JS port)', ['MIT', 'Apache-2.0'], null],
    ['CC0-1.0 (Wikidata facts); list compiled for Parallax under MIT', ['CC0-1.0', 'MIT'], null],
    ['PDDL-1.0 (GloVe vectors); MIT (packaging)', ['PDDL-1.0', 'MIT'], null],
    ['GPL-3.0-or-later', ['GPL-3.0'], 'licence GPL-3.0 is not compatible with MIT'],
    ['GNU GPL (MPQA download page)', [], 'licence "GNU GPL (MPQA download page)" names copyleft or non-commercial terms'],
    ['MSR-SSLA, non-commercial use only', ['MSR-SSLA'], 'licence MSR-SSLA is not compatible with MIT'],
    ['free for research', [], 'licence "free for research" names no SPDX identifier this project recognises'],
    ['', [], 'no licence field'],
  ])('%j', (text, ids, problem) => {
    expect(licenseIds(text)).toEqual(ids);
    expect(licenseProblem(text)).toBe(problem);
  });
});

describe('everything Parallax ships has a licence compatible with ' + PROJECT_LICENSE, () => {
  test('the project licence file is MIT', () => {
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  test.each((Object.values(lexicons) as Lexicon<unknown>[]).map((l) => [l.id, l.license]))('lexicon %s', (_id, license) => {
    expect(licenseProblem(license)).toBeNull();
  });

  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
  test.each(files)('data/%s has a compatible licence and is listed in THIRD_PARTY.md', (file) => {
    const raw = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as { id?: string; license?: string };
    expect(licenseProblem(raw.license)).toBeNull();
    const notices = readFileSync(join(root, 'THIRD_PARTY.md'), 'utf8');
    expect(notices).toContain(`\`${file}\``);
  });

  test('every runtime dependency of every workspace package is in THIRD_PARTY.md with a compatible licence', () => {
    const notices = readFileSync(join(root, 'THIRD_PARTY.md'), 'utf8');
    const pkgs = ['packages/core', 'packages/lexicons', 'packages/ingest', 'packages/encoder', 'apps/cli', 'apps/web'];
    const problems: string[] = [];
    for (const p of pkgs) {
      const pj = JSON.parse(readFileSync(join(root, p, 'package.json'), 'utf8')) as { license?: string; dependencies?: Record<string, string> };
      if (pj.license !== PROJECT_LICENSE) problems.push(`${p}: package.json license is ${pj.license}`);
      for (const dep of Object.keys(pj.dependencies ?? {})) {
        if (dep.startsWith('@parallax/')) continue;
        const file = join(root, p, 'node_modules', dep, 'package.json');
        if (!existsSync(file)) {
          problems.push(`${p}: ${dep} is not installed`);
          continue;
        }
        const dj = JSON.parse(readFileSync(file, 'utf8')) as { license?: string };
        const why = licenseProblem(dj.license);
        if (why) problems.push(`${p}: ${dep}: ${why}`);
        if (!notices.includes(`\`${dep}\``)) problems.push(`${p}: ${dep} is missing from THIRD_PARTY.md`);
      }
    }
    expect(problems).toEqual([]);
  });
});
