/**
 * Train the learned claim matcher and write packages/lexicons/data/claim-matcher.json.
 *
 *   nice -n 10 pnpm exec tsx bench/train-matcher.ts        (from the repo root)
 *
 * Data (read at run time, never copied): ../shared/dev-data/msrp_train/train.jsonl
 * (3,774 MSRP news sentence pairs) and the fixture gold fixtures/gold/riyadh-alignment.json
 * (every cross-article sentence pair of the Riyadh event, labelled by the gold claims).
 * fixtures/gold/heldout-alignment.json is NOT used (it is reported only).
 * Deterministic: features are fixed functions, IRLS from zero, fixed row order and
 * iteration count; the grouping thresholds come from a fixed grid (first best wins).
 * Encoder vectors are cached outside the repo (see encoder-cache.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FEATURES } from '@parallax/core';
import { goldEvent, loadMsrp, ROOT, vectorsFor } from './align-data';
import { asWeights, eventF1, eventFeatures, eventRows, fit, L2, msrpRows, r6, trainingRows } from './matcher-fit';

/** Probabilities are read at an even prior; few pairs of an event are the same fact, so the useful thresholds are high. */
export const THRESHOLDS = Array.from({ length: 25 }, (_, k) => Math.round((0.5 + 0.02 * k) * 100) / 100);
export const GROUP_THRESHOLDS = THRESHOLDS;

export async function trainMatcher(log: (s: string) => void = console.log) {
  const msrp = loadMsrp();
  if (!msrp) throw new Error('../shared/dev-data/msrp_train/train.jsonl not found: the matcher is trained on it');
  const riyadh = goldEvent('riyadh', 'riyadh-2025-02-18', 'riyadh-alignment.json');
  const vec = await vectorsFor([...msrp.flatMap((p) => [p.s1, p.s2]), ...riyadh.items.map((k) => k.text)], log);
  const mRows = msrpRows(msrp, vec);
  const eRows = eventRows(riyadh, vec, 1);
  const feats = eventFeatures(riyadh.items, vec);
  const fitted = fit(trainingRows(mRows, eRows));
  let best = { f1: -1, t: 0, g: 0 };
  const grid: string[] = [];
  for (const t of THRESHOLDS)
    for (const g of GROUP_THRESHOLDS) {
      if (g > t) continue;
      const m = eventF1(riyadh, asWeights(fitted, 1, t, g), feats);
      grid.push(`${t}/${g}:${m.f1.toFixed(3)}`);
      if (m.f1 > best.f1 + 1e-12) best = { f1: m.f1, t, g };
    }
  if (process.env.GRID) log(grid.join(' '));
  log(`fitted on ${mRows.length} MSRP pairs + ${eRows.length} Riyadh pairs (${eRows.filter((r) => r.y === 1).length} gold); Riyadh F1 ${best.f1.toFixed(3)} at threshold ${best.t}, group ${best.g}`);
  return { fitted, threshold: best.t, groupThreshold: best.g, encoder: vec.encoder, nMsrp: mRows.length, nEvent: eRows.length };
}

const SRC_W =
  'bench/train-matcher.ts: logistic regression (IRLS, L2 = 1 on feature weights; classes balanced within each source) on MSRP train pairs (Dolan, Quirk & Brockett 2005; ../shared/dev-data/msrp_train, non-commercial licence) + Parallax fixture gold fixtures/gold/riyadh-alignment.json pairs';

async function main() {
  const out = await trainMatcher();
  const entries = [
    ...FEATURES.map((f) => ({ id: f, kind: 'weight', value: r6(out.fitted.weights[f]), source: SRC_W })),
    { id: 'bias', kind: 'bias', value: r6(out.fitted.biases[1]), source: `${SRC_W}; the event-pair bias (MSRP rows have their own bias, ${r6(out.fitted.biases[0])}, not shipped)` },
    { id: 'threshold', kind: 'threshold', value: out.threshold, source: 'bench/train-matcher.ts: best pairwise F1 on fixtures/gold/riyadh-alignment.json over a fixed grid (Parallax-authored procedure)' },
    { id: 'group_threshold', kind: 'threshold', value: out.groupThreshold, source: 'bench/train-matcher.ts: best pairwise F1 on fixtures/gold/riyadh-alignment.json over a fixed grid (Parallax-authored procedure)' },
  ];
  const lex = {
    id: 'claim-matcher',
    version: '1.0.0',
    description: `Learned claim matcher: logistic-regression weights over explainable sentence-pair features (${FEATURES.join(', ')}) and the average-link grouping thresholds. p(same fact) = sigmoid(bias + sum weight * feature). Trained on ${out.nMsrp} MSRP pairs and ${out.nEvent} Riyadh fixture pairs with encoder ${out.encoder.id} ${out.encoder.version} (weights sha256 ${out.encoder.sha256}).`,
    source: `Parallax-authored training (bench/train-matcher.ts, reproduces this file exactly); derived from the Microsoft Research Paraphrase Corpus train split (Dolan, Quirk & Brockett 2004/2005) and Parallax's own fixture gold. L2 = ${L2}.`,
    license:
      'Weights derived from MSRP, whose Microsoft Research Shared Source License Agreement allows non-commercial use only: these weights must not ship in a commercial product without a licence review (see ../shared/dev-data/msrp_train/LICENSE-MSR-SSLA.txt). Fixture gold: Parallax project licence.',
    entries,
  };
  const file = path.join(ROOT, 'packages/lexicons/data/claim-matcher.json');
  fs.writeFileSync(file, `${JSON.stringify(lex, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, file)}`);
  for (const e of entries) console.log(`  ${e.id.padEnd(18)} ${e.value}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
