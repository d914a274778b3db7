/**
 * Train the learned claim matcher and write packages/lexicons/data/claim-matcher.json.
 *
 *   nice -n 10 pnpm exec tsx bench/train-matcher.ts        (from the repo root)
 *
 * Data: the fixture gold fixtures/gold/riyadh-alignment.json (every cross-article sentence
 * pair of the Riyadh event, labelled by the gold claims; Parallax-authored, MIT). The
 * shipped weights are learned from it alone: MSRP (../shared/dev-data/msrp_train, 3,774
 * news sentence pairs) is licensed for non-commercial use only (MSR-SSLA), so weights
 * derived from it cannot ship in an MIT project. `--with-msrp` fits on MSRP + the gold
 * for comparison and only prints (or writes to `--out FILE`, outside the repo); MSRP
 * stays a development-time evaluation set (bench/quality-align.ts's 10-fold CV).
 * fixtures/gold/heldout-alignment.json is NOT used (it is reported only).
 * Deterministic: features are fixed functions, IRLS from zero, fixed row order and
 * iteration count; the grouping thresholds come from a fixed grid (first best wins).
 * Encoder vectors are cached outside the repo (see encoder-cache.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FEATURES } from '@parallax/core';
import { goldEvent, loadMsrp, ROOT, vectorsFor } from './align-data';
import { asWeights, balance, eventF1, eventFeatures, eventRows, fit, L2, msrpRows, r6, trainingRows } from './matcher-fit';

/** Probabilities are read at an even prior; few pairs of an event are the same fact, so the useful thresholds are high. */
export const THRESHOLDS = Array.from({ length: 25 }, (_, k) => Math.round((0.5 + 0.02 * k) * 100) / 100);
export const GROUP_THRESHOLDS = THRESHOLDS;

export async function trainMatcher(log: (s: string) => void = console.log, withMsrp = false) {
  const msrp = withMsrp ? loadMsrp() : [];
  if (!msrp) throw new Error('../shared/dev-data/msrp_train/train.jsonl not found (needed by --with-msrp)');
  const riyadh = goldEvent('riyadh', 'riyadh-2025-02-18', 'riyadh-alignment.json');
  const vec = await vectorsFor([...msrp.flatMap((p) => [p.s1, p.s2]), ...riyadh.items.map((k) => k.text)], log);
  const mRows = msrpRows(msrp, vec);
  const eRows = eventRows(riyadh, vec, 1);
  const feats = eventFeatures(riyadh.items, vec);
  const fitted = fit(mRows.length ? trainingRows(mRows, eRows) : balance(eRows, eRows.length));
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
  'Parallax-authored training, bench/train-matcher.ts: logistic regression (IRLS, L2 = 1 on feature weights; classes balanced) on the cross-article sentence pairs of the Parallax fixture gold fixtures/gold/riyadh-alignment.json';

async function main() {
  const withMsrp = process.argv.includes('--with-msrp');
  const outAt = process.argv.indexOf('--out');
  const out = await trainMatcher(console.log, withMsrp);
  const entries = [
    ...FEATURES.map((f) => ({ id: f, kind: 'weight', value: r6(out.fitted.weights[f]), source: SRC_W })),
    { id: 'bias', kind: 'bias', value: r6(out.fitted.biases[1]), source: `${SRC_W}; the event-pair bias (MSRP rows have their own bias, ${r6(out.fitted.biases[0])}, not shipped)` },
    { id: 'threshold', kind: 'threshold', value: out.threshold, source: 'bench/train-matcher.ts: best pairwise F1 on fixtures/gold/riyadh-alignment.json over a fixed grid (Parallax-authored procedure)' },
    { id: 'group_threshold', kind: 'threshold', value: out.groupThreshold, source: 'bench/train-matcher.ts: best pairwise F1 on fixtures/gold/riyadh-alignment.json over a fixed grid (Parallax-authored procedure)' },
  ];
  const lex = {
    id: 'claim-matcher',
    version: '1.0.0',
    description: `Learned claim matcher: logistic-regression weights over explainable sentence-pair features (${FEATURES.join(', ')}) and the average-link grouping thresholds. p(same fact) = sigmoid(bias + sum weight * feature). Trained on ${out.nMsrp ? `${out.nMsrp} MSRP pairs and ` : ''}${out.nEvent} Riyadh fixture pairs with encoder ${out.encoder.id} ${out.encoder.version} (weights sha256 ${out.encoder.sha256}).`,
    source: withMsrp
      ? `NOT FOR SHIPPING: bench/train-matcher.ts --with-msrp; derived from the Microsoft Research Paraphrase Corpus train split (non-commercial) and Parallax's fixture gold. L2 = ${L2}.`
      : `Parallax-authored training (bench/train-matcher.ts, reproduces this file exactly) on Parallax's own fixture gold (fixtures/gold/riyadh-alignment.json). L2 = ${L2}.`,
    license: withMsrp
      ? 'MSR-SSLA (non-commercial): derived from MSRP; never ship'
      : 'MIT (learned from Parallax-authored fixture gold only; MSRP is used for evaluation, never for these weights)',
    entries,
  };
  if (withMsrp && outAt < 0) {
    console.log('--with-msrp: weights below are not written (MSRP-derived weights cannot ship); pass --out FILE outside the repo to keep them');
    for (const e of entries) console.log(`  ${e.id.padEnd(18)} ${e.value}`);
    return;
  }
  const file = outAt >= 0 ? path.resolve(process.argv[outAt + 1] ?? '') : path.join(ROOT, 'packages/lexicons/data/claim-matcher.json');
  fs.writeFileSync(file, `${JSON.stringify(lex, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, file)}`);
  for (const e of entries) console.log(`  ${e.id.padEnd(18)} ${e.value}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
