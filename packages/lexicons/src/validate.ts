/**
 * `pnpm --filter @parallax/lexicons validate`: loads every lexicon (each load
 * validates entries, rejects duplicates and malformed rows) and prints a table of
 * ids, versions, entry counts and hashes. Exits non-zero on the first bad lexicon.
 */
import { lexiconRefs, lexicons } from './index';

const rows = lexiconRefs().map((r) => {
  const lex = Object.values(lexicons).find((l) => l.id === r.id)!;
  return `${r.id.padEnd(22)} ${r.version.padEnd(8)} ${String(lex.entries.length).padStart(6)} entries  sha256 ${r.sha256}`;
});
process.stdout.write(rows.join('\n') + `\n${rows.length} lexicons valid\n`);
