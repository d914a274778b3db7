/**
 * Derive data/bias-words.json from the Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013)
 * lexicons as redistributed (MIT repository) by rpryzant/neutralizing-bias, commit
 * b7b42e71d211b4f9a757a5e8d9aa98236fb733ec, src/lexicons/ (read from the dev-data copy):
 * bias-inducing lemmas, hedges (Hyland 2005), factives and assertives (Hooper 1975),
 * implicatives (Karttunen 1971), report verbs. Deterministic: lines in file order,
 * lower-cased, comments (#) and terms the Term pattern rejects dropped, first kind wins.
 *
 *   pnpm exec tsx packages/lexicons/scripts/build-bias-words.ts ../shared/dev-data/lexicons/recasens2013 packages/lexicons/data/bias-words.json
 *
 * Not used on purpose: MPQA subjectivity clues (GPL), Hu & Liu (no licence stated).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) throw new Error('usage: build-bias-words.ts <recasens2013 dir> <out.json>');
const FILES: [string, string, string][] = [
  ['bias_lexicon.txt', 'bias', 'Recasens et al. (2013) bias lexicon: lemma that was the before-form of NPOV edits'],
  ['hedges_hyland2005.txt', 'hedge', 'Hyland (2005) Metadiscourse hedges, via Recasens et al. (2013)'],
  ['factives_hooper1975.txt', 'factive', 'Hooper (1975) factive verbs, via Recasens et al. (2013)'],
  ['assertives_hooper1975.txt', 'assertive', 'Hooper (1975) assertive verbs, via Recasens et al. (2013)'],
  ['implicatives_karttunen1971.txt', 'implicative', 'Karttunen (1971) implicative verbs, via Recasens et al. (2013)'],
  ['report_verbs.txt', 'report', 'Report verbs of Recasens et al. (2013)'],
];
const TERM = /^[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)*$/;
const seen = new Set<string>();
const entries: { term: string; kind: string; source: string }[] = [];
for (const [file, kind, source] of FILES) {
  for (const raw of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    const term = raw.trim().toLowerCase();
    if (!term || term.startsWith('#') || !TERM.test(term) || seen.has(term)) continue;
    seen.add(term);
    entries.push({ term, kind, source });
  }
}
const lex = {
  id: 'bias-words',
  version: '1.0.0',
  description:
    'Word lists of Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013), Linguistic models for analyzing and detecting biased language (ACL): bias-inducing lemmas (from Wikipedia NPOV edits), hedges, factives, assertives, implicatives and report verbs. Features of the learned `bias` model (bias-model); each term has one kind (the first list it appears in).',
  source:
    'Recasens et al. (2013), as redistributed in rpryzant/neutralizing-bias (MIT), commit b7b42e71d211b4f9a757a5e8d9aa98236fb733ec, src/lexicons/; derived by packages/lexicons/scripts/build-bias-words.ts.',
  license: 'No licence stated by the authors (released for research, cite the paper); redistributed in an MIT-licensed repository. Lead: confirm before release.',
  entries,
};
const body = ['{', ...Object.entries(lex).filter(([k]) => k !== 'entries').map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`), '  "entries": [', entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n'), '  ]', '}', ''].join('\n');
writeFileSync(out, body);
console.log(`${entries.length} entries -> ${out}`);
