/**
 * The bundled example: the five Riyadh articles (fixtures/riyadh-2025-02-18), passed
 * to the engine under the same paths the CLI sees when run from the repo root, so the
 * app's exports are byte-identical to `parallax analyze fixtures/riyadh-2025-02-18`.
 */
import ap from '../../../../fixtures/riyadh-2025-02-18/ap.md?raw';
import mediaite from '../../../../fixtures/riyadh-2025-02-18/mediaite.md?raw';
import npr from '../../../../fixtures/riyadh-2025-02-18/npr.md?raw';
import tasnim from '../../../../fixtures/riyadh-2025-02-18/tasnim.md?raw';
import washingtonTimes from '../../../../fixtures/riyadh-2025-02-18/washington-times.md?raw';
import type { InputFile } from '../worker/protocol';

export const EXAMPLE_DIR = 'fixtures/riyadh-2025-02-18';

const SOURCES: readonly (readonly [string, string])[] = [
  ['ap.md', ap],
  ['mediaite.md', mediaite],
  ['npr.md', npr],
  ['tasnim.md', tasnim],
  ['washington-times.md', washingtonTimes],
];

export function exampleFiles(): InputFile[] {
  const enc = new TextEncoder();
  return SOURCES.map(([name, text]) => ({ name: `${EXAMPLE_DIR}/${name}`, bytes: enc.encode(text) }));
}
