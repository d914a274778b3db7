/**
 * Licence checks for what Parallax ships. Parallax itself is MIT-licensed (LICENSE at
 * the repo root); every lexicon, word list and model it ships must carry a licence
 * that allows redistribution inside an MIT project. A lexicon's `license` field is
 * free text ("MIT (VADER lexicon); Apache-2.0 (vader-sentiment JS port)"); the SPDX
 * identifiers in it are what is checked.
 */

/** The project's own licence (SPDX). */
export const PROJECT_LICENSE = 'MIT';

/**
 * Licences whose terms allow shipping the data or code inside an MIT project, with
 * what each requires of us (the THIRD_PARTY notices satisfy these).
 */
export const COMPATIBLE_LICENSES: Readonly<Record<string, string>> = Object.freeze({
  MIT: 'keep the copyright and permission notice',
  ISC: 'keep the copyright and permission notice',
  'BSD-2-Clause': 'keep the copyright notice, conditions and disclaimer',
  'BSD-3-Clause': 'keep the copyright notice, conditions and disclaimer; no endorsement',
  'Apache-2.0': 'keep the licence and any NOTICE; state changes',
  '0BSD': 'none',
  'CC0-1.0': 'none (public-domain dedication)',
  'CC-BY-4.0': 'attribution (name the source and licence; say if changed)',
  'PDDL-1.0': 'none (public-domain dedication)',
  'ODC-By-1.0': 'attribution',
  Unlicense: 'none',
  'BlueOak-1.0.0': 'keep the licence notice',
  'Python-2.0': 'keep the licence and copyright notice',
});

/** Licences that cannot ship inside an MIT project (copyleft or non-commercial). */
export const INCOMPATIBLE_LICENSES: readonly string[] = Object.freeze([
  'GPL-2.0', 'GPL-3.0', 'LGPL-2.1', 'LGPL-3.0', 'AGPL-3.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0',
  'CC-BY-SA-4.0', 'CC-BY-ND-4.0', 'MSR-SSLA', 'SSPL-1.0',
]);

const KNOWN = [...Object.keys(COMPATIBLE_LICENSES), ...INCOMPATIBLE_LICENSES].sort((a, b) => b.length - a.length);
const ID = new RegExp(`(?<![A-Za-z0-9.-])(${KNOWN.map((k) => k.replace(/[.+]/g, '\\$&')).join('|')})(?:-only|-or-later|\\+)?(?![A-Za-z0-9-])`, 'g');
/** Words that mark a licence we do not ship even when no SPDX id is written. */
const INCOMPATIBLE_WORDS = /\b(GPL|GNU General Public|non-?commercial|NonCommercial|ShareAlike|research use only)\b/i;

/** The SPDX identifiers named in a free-text licence field, in order, without duplicates. */
export function licenseIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ID)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Why a licence field cannot ship in this project, or null when it can. */
export function licenseProblem(text: string | undefined | null): string | null {
  if (!text || !text.trim()) return 'no licence field';
  const ids = licenseIds(text);
  const bad = ids.filter((id) => INCOMPATIBLE_LICENSES.includes(id));
  if (bad.length) return `licence ${bad.join(', ')} is not compatible with ${PROJECT_LICENSE}`;
  if (INCOMPATIBLE_WORDS.test(text)) return `licence "${text}" names copyleft or non-commercial terms`;
  if (ids.length === 0) return `licence "${text}" names no SPDX identifier this project recognises`;
  return null;
}
