/**
 * Lexicons are reviewable data with provenance (CONVENTIONS §6). Each lexicon is one
 * JSON file in `data/`: metadata plus `entries`, every entry carrying its own `source`.
 * `defineLexicon` validates a file against its entry schema, rejects duplicate keys,
 * and computes the sha256 of its canonical JSON so every report can cite it exactly.
 */
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const LexiconMeta = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string().min(1),
  /** Where the list as a whole comes from (paper, project, URL) and its licence. */
  source: z.string().min(1),
  license: z.string().min(1),
});

export interface Lexicon<E> {
  id: string;
  version: string;
  description: string;
  source: string;
  license: string;
  sha256: string;
  entries: readonly E[];
}

/** Fields every entry must have. */
export const BaseEntry = z.object({ source: z.string().min(1) });

export class LexiconError extends Error {
  override name = 'LexiconError';
}

/**
 * Validate raw JSON data as a lexicon whose entries match `entry` and are unique by `key(entry)`.
 * Throws a LexiconError naming the lexicon and the offending entry.
 */
export function defineLexicon<S extends z.ZodType<{ source: string }>>(
  raw: unknown,
  entry: S,
  key: (e: z.infer<S>) => string,
): Lexicon<z.infer<S>> {
  const meta = LexiconMeta.extend({ entries: z.array(z.unknown()).min(1) }).safeParse(raw);
  if (!meta.success) {
    throw new LexiconError(`Malformed lexicon metadata: ${z.prettifyError(meta.error)}`);
  }
  const { entries: rawEntries, ...m } = meta.data;
  const entries: z.infer<S>[] = [];
  const seen = new Map<string, number>();
  rawEntries.forEach((r, i) => {
    const parsed = entry.safeParse(r);
    if (!parsed.success) {
      throw new LexiconError(`Lexicon "${m.id}" entry #${i}: ${z.prettifyError(parsed.error)} in ${JSON.stringify(r)}`);
    }
    const k = key(parsed.data);
    const prev = seen.get(k);
    if (prev !== undefined) {
      throw new LexiconError(`Lexicon "${m.id}" has a duplicate entry "${k}" (#${prev} and #${i}).`);
    }
    seen.set(k, i);
    entries.push(parsed.data);
  });
  return Object.freeze({
    ...m,
    sha256: bytesToHex(sha256(utf8ToBytes(JSON.stringify(raw)))),
    entries: Object.freeze(entries),
  });
}
