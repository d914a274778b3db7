/**
 * Quality figures for Parallax's measures (prints, never pass/fail):
 *  1-2. the score measures (bench/quality-scores.ts): sentence sentiment (VADER sets, NewsMTSC
 *     sentences), entity sentiment (NewsMTSC test20, held out), sentence bias (NewsSD-ENG and
 *     WNC test splits), frames and loaded-language spans (our coding of allsides_events dev
 *     excerpts, bench/gold/), each beside its baselines;
 *  3. quotes and speakers on the fixture gold (fixtures/gold/riyadh-quotes.json) and on the dev gold
 *     (fixtures/gold/allsides-quotes.json: tune / report splits; see quality-quotes.ts);
 *  4. term-choice precision on hand-checked dev events (fixtures/gold/terms-sample.json; quality-terms.ts).
 * Run from the repo root: `pnpm quality` (add `--json` for machine-readable output).
 * Dev data is read from ../shared/dev-data (never copied into the repo); missing files are skipped.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printQuoteDevGold, runQuoteGold } from './quality-quotes';
import { printTermPrecision } from './quality-terms';
import { runIngestQuality } from './quality-ingest';
import { runBoundaryQuality } from './quality-boundaries';
import { runEventQuality } from './quality-events';
import { runEncoderSentimentQuality, runScoreQuality } from './quality-scores';
import { runAlignQuality } from './quality-align';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV = path.resolve(ROOT, '../shared/dev-data');
const json = process.argv.includes('--json');
const log = (...a: unknown[]) => {
  if (!json) console.log(...a);
};

const result: Record<string, unknown> = {};

// 1-2 and the other score measures (sentence/entity sentiment, bias, frames, loaded spans): bench/quality-scores.ts.
Object.assign(result, runScoreQuality(DEV, log));
result.sentiment_encoder = await runEncoderSentimentQuality(DEV, log);

// 3. Quotes gold
let q: ReturnType<typeof runQuoteGold> = null;
try {
  q = runQuoteGold(ROOT);
} catch (e) {
  // The quote figures need the whole engine; a failure elsewhere in it must not hide the sentiment figures.
  log(`quotes: skipped, the engine failed on the fixture: ${e instanceof Error ? e.message : String(e)}`);
}
result.quotes = q;
if (q) {
  log(`quotes (fixture gold, direct quotes n=${q.gold}, system ${q.system}): precision ${q.precision}  recall ${q.recall}; speaker accuracy on matched ${q.speakerAccuracy}; speaker P ${q.speakerPrecision} R ${q.speakerRecall}`);
  for (const e of q.errors) log(`  ${e}`);
} else log("skip: fixtures/gold/riyadh-quotes.json or the fixture not found");

// 4. Ingest: outlet names from URLs (bench/quality-ingest.ts)
const ing = runIngestQuality(ROOT);
result.ingest = ing;
if (ing) {
  const pct = (n: number) => `${((100 * n) / Math.max(1, ing.articles)).toFixed(1)}%`;
  log(`ingest (allsides dev, ${ing.articles} pages with only a URL): outlet agrees with AllSides' name ${pct(ing.agreeLexicon)} (baseline bare domain ${pct(ing.agreeBareDomain)}; no goal set); readable name found for ${pct(ing.named)}`);
} else log('skip: ../shared/dev-data/allsides_events not found');
// 5. Sentence boundaries (bench/quality-boundaries.ts)
result.boundaries = runBoundaryQuality(ROOT, log);
// 6. Events and entities (issue 12; bench/quality-events.ts)
result.events = runEventQuality({ split: 'dev', log });
// 7. Quotes on the dev gold and term-choice precision (issue 13)
result.quotesDev = printQuoteDevGold(ROOT, log);
result.terms = printTermPrecision(ROOT, log);
// 8. Claim alignment (issue 11): fixture golds and MSRP 10-fold CV, beside the lexical matcher and TF-IDF.
result.alignment = await runAlignQuality(log);

if (json) console.log(JSON.stringify(result, null, 2));
