/**
 * Train the sentence-bias model: writes packages/lexicons/data/bias-model.json (deterministic:
 * fixed data order, fixed grid, full-batch gradient descent, no randomness; rerun to reproduce
 * it byte for byte).
 *
 *   nice -n 10 pnpm exec tsx bench/train-bias.ts [--write]
 *
 * Hyper-parameters (λ, WNC weight, feature min count, class balancing) and the label threshold
 * are chosen by 5-fold cross-validation on the NewsSD-ENG training pool (train + val; WNC train
 * always in the training part); the NewsSD test split and the WNC test split are never used here.
 * The criterion is the prior-neutral biased-class F1: F1 with the held-out fold's negatives
 * re-weighted so both classes weigh the same. The base rate of biased sentences differs between
 * collections (36 % in the NewsSD pool, 52 % in its test split, unknown in a user's corpus); a
 * threshold that maximises F1 at the pool's own base rate over-fits that rate (1.0.0 did:
 * t = 0.33, test F1 below "every sentence biased"), one chosen at a 50 % rate does not assume it.
 * Pruning (weights |w| < p dropped: fewer, clearer evidence items) is part of the CV: the
 * largest p whose CV F1 is within 0.005 of the best setting is taken. The final model is
 * trained on the whole pool, pruned and rounded to 4 decimals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNlp } from '@parallax/core';
import { lexicons as lex } from '@parallax/lexicons';
import { bestThreshold, loadBiasData, predict, prf, trainLr, type LrConfig } from './bias-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV = path.resolve(ROOT, '../shared/dev-data');
const OUT = path.join(ROOT, 'packages/lexicons/data/bias-model.json');
/** Candidate pruning thresholds: weights |w| below are dropped (fewer, clearer evidence items). */
const PRUNES = [0.02, 0.05, 0.1];
const ITER = 300;

const rows = loadBiasData(DEV, createNlp(), lex);
if (!rows) throw new Error(`dev data not found under ${DEV} (newssd_eng/, wnc_sample/)`);
const pool = rows.filter((r) => r.split === 'train');
const news = pool.filter((r) => r.set === 'newssd');
const wnc = pool.filter((r) => r.set === 'wnc');

const grid: LrConfig[] = [];
for (const balance of [false, true]) for (const lambda of [1, 4, 16]) for (const wncWeight of [0, 0.25, 1]) for (const minCount of [2, 4]) grid.push({ lambda, wncWeight, minCount, iterations: ITER, balance });

const prune = (m: { intercept: number; weights: Map<string, number> }, p: number) => ({ intercept: m.intercept, weights: new Map([...m.weights].filter(([, w]) => Math.abs(w) >= p)) });
const results: { cfg: LrConfig; prune: number; f1: number; t: number }[] = [];
for (const cfg of grid) {
  const folds = Array.from({ length: 5 }, (_, f) => trainLr([...news.filter((r) => r.fold !== f), ...wnc], cfg));
  for (const p of PRUNES) {
    const gold: number[] = [];
    const probs: number[] = [];
    folds.forEach((m, f) => {
      const pm = prune(m, p);
      for (const r of news.filter((x) => x.fold === f)) {
        gold.push(r.y);
        probs.push(predict(pm, r.x));
      }
    });
    const bt = bestThreshold(gold, probs, true);
    console.log(`balance=${cfg.balance} λ=${cfg.lambda} wnc=${cfg.wncWeight} min=${cfg.minCount} prune=${p}: CV prior-neutral F1 ${bt.f1.toFixed(4)} at t=${bt.t}`);
    results.push({ cfg, prune: p, f1: bt.f1, t: bt.t });
  }
}
const top = Math.max(...results.map((x) => x.f1));
// Among settings within 0.005 of the best CV F1: the strongest pruning, then the best F1 (first in grid order on ties).
const near = results.filter((x) => x.f1 >= top - 0.005);
const maxPrune = Math.max(...near.map((x) => x.prune));
const chosen = near.filter((x) => x.prune === maxPrune).reduce((a, b) => (b.f1 > a.f1 + 1e-9 ? b : a));
const { cfg, f1, t } = chosen;
const PRUNE = chosen.prune;
const final = trainLr(pool, cfg);
const r4 = (x: number) => Math.round(x * 10000) / 10000;
const kept = [...final.weights.entries()].filter(([, w]) => Math.abs(w) >= PRUNE).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const src = `learned by bench/train-bias.ts (logistic regression, ${cfg.balance ? 'class-balanced, ' : ''}λ=${cfg.lambda}, WNC weight ${cfg.wncWeight}, min count ${cfg.minCount}, pruned |w| < ${PRUNE}, ${ITER} iterations) on NewsSD-ENG 2024 train+val and WNC train (Pryzant et al. 2020)`;
const entries = [
  { feature: 'bias:intercept', weight: r4(final.intercept), source: src },
  ...kept.map(([feature, w]) => ({ feature, weight: r4(w), source: src })),
  { feature: 'meta:threshold', weight: t, source: `5-fold CV on NewsSD-ENG train+val (2024): label threshold maximising the prior-neutral biased-class F1 (negatives re-weighted to the positives' count; ${f1.toFixed(4)}); not a feature` },
];
const model = {
  id: 'bias-model',
  version: '1.1.0',
  description: `Weights of the sentence-bias model (logistic regression; value = 1/(1+e^-S), S = intercept + Σ weights of the sentence's features, see packages/core/src/score/bias.ts). Chosen by 5-fold CV on the NewsSD-ENG training pool: ${cfg.balance ? 'class-balanced training (both classes weigh the same), ' : ''}λ=${cfg.lambda}, WNC weight ${cfg.wncWeight}, feature min count ${cfg.minCount}, pruning |w| < ${PRUNE}; CV prior-neutral biased-class F1 (as at a 50 % base rate) ${f1.toFixed(4)} at threshold ${t} (entry meta:threshold). Rounded to 4 decimals. Reproduce: pnpm exec tsx bench/train-bias.ts --write.`,
  source: 'Parallax project: trained on NewsSD-ENG (Antici et al. 2024, CC BY 4.0) train+val and the WNC sample (Pryzant et al. 2020, MIT / CC BY-SA text) train split; features from bias-words (Recasens et al. 2013), sentiment (VADER), loaded, senses.',
  license: 'MIT (learned weights)',
  entries,
};
const body = ['{', ...Object.entries(model).filter(([k]) => k !== 'entries').map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`), '  "entries": [', entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n'), '  ]', '}', ''].join('\n');
console.log(`chosen: balance=${cfg.balance} λ=${cfg.lambda} wnc=${cfg.wncWeight} min=${cfg.minCount} prune=${PRUNE}; CV F1 ${f1.toFixed(4)} t=${t}; ${kept.length} weights kept of ${final.weights.size}`);
const test = rows.filter((r) => r.split === 'test' && r.set === 'newssd');
const shipped = { intercept: r4(final.intercept), weights: new Map(kept.map(([f, w]) => [f, r4(w)])) };
const pr = prf(test.map((r) => r.y), test.map((r) => (predict(shipped, r.x) >= t ? 1 : 0)));
console.log(`(for information only, not used for any choice) NewsSD test: P ${pr.p.toFixed(3)} R ${pr.r.toFixed(3)} F1 ${pr.f1.toFixed(3)}`);
if (process.argv.includes('--write')) {
  fs.writeFileSync(OUT, body);
  console.log(`wrote ${OUT}`);
}
