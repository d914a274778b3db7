/**
 * Quality of the score measures (issue 14), each figure beside its baselines measured in the
 * same run and the goal. Prints, never pass/fail. Dev data is read from
 * ../shared/dev-data at run time (never copied); a missing file skips its section.
 *
 *  1. sentence sentiment vs human ratings: VADER's tweets/movies/amazon (all items, nothing is
 *     tuned on them) and NewsMTSC sentences (test20 held out; mean target polarity), Pearson r
 *     and Spearman ρ, next to vader-sentiment and natural's AFINN;
 *  2. entity sentiment: NewsMTSC targets, macro-F1 and ρ on test20 (held out; the
 *     `sentiment-news` lexicon, parameters and neutral bands tuned on train80);
 *  3. sentence bias: NewsSD-ENG test and WNC test (held out), biased-class P/R/F1 and AUC,
 *     next to lexicon word classifiers (Recasens bias lexicon; MPQA strong-subjective clues,
 *     a dev-time baseline only, GPL, never shipped), "every sentence biased" and today's
 *     loaded-language flag;
 *  4. frames against our own MFC labels of allsides_events dev articles (bench/gold/);
 *  5. loaded-language spans against our own span gold of allsides_events dev articles;
 *  1c. (runEncoderSentimentQuality, async) the encoder sentence-sentiment design.
 */
import fs from 'node:fs';
import path from 'node:path';
import vader from 'vader-sentiment';
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { createNlp, DEFAULT_PARAMS, encoderEntitySentiment, encoderSentenceSentiment, encoderSentimentModel, entityEncoderModel, entityItems, macroF1, pearson, sentenceContext, sentenceEvidence, sentenceItems, spearman, squash, sumWeights, tokenRange, unit } from '@parallax/core';
import { loadNodeEncoder } from '@parallax/encoder/node';
import { readCache } from './encoder-cache';
import { lexicons as lex, sentimentEncoder, sentimentEntityEncoder } from '@parallax/lexicons';
import type { Nlp, SentimentParams, Token } from '@parallax/core';
import { bandLabels, bestBand, fnv1a, isTest20, isTrain80, loadNewsMtsc, polarity, scoreTargets, type MtscRow } from './newsmtsc';
import { auc, bestThreshold, loadBiasData, prf } from './bias-data';
import { runFrameGold, runLoadedGold } from './quality-frames';

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function runScoreQuality(dev: string, log: (...a: unknown[]) => void): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const models = Object.fromEntries([lex.biasModel, lex.sentimentNews, lex.senses, lex.loaded, lex.frames].map((l) => [l.id, `${l.version} sha256 ${l.sha256}`]));
  result.models = models;
  log('learned/lexicon data used below:');
  for (const [id, v] of Object.entries(models)) log(`  ${id} ${v}`);
  const nlp = createNlp();
  const afinn = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
  const words = (text: string) => text.toLowerCase().match(/[a-z']+|[^\sa-z']/g) ?? [];
  const tokensOf = (text: string): Token[][] => nlp.parse(text, 0).sentences.map((s) => s.tokens);
  const ourScore = (text: string, p: SentimentParams = DEFAULT_PARAMS): number => {
    let s = 0;
    for (const t of tokensOf(text)) s += sumWeights(sentenceItems(t, lex, p));
    return squash(s, p.alpha);
  };
  const readJsonl = (file: string): Record<string, unknown>[] | null => {
    const p = path.join(dev, file);
    if (!fs.existsSync(p)) {
      log(`skip: ${p} not found (dev data lives in ../shared/dev-data; see its README)`);
      return null;
    }
    return fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  };
  const vaderScore = (t: string) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;

  // 1. Sentence sentiment on the VADER human-rated sets.
  log('== sentence sentiment (goal: news r >= 0.55 and above VADER on every set) ==');
  for (const set of ['tweets', 'movies', 'amazon']) {
    const rows = readJsonl(`vader/${set}.jsonl`);
    if (!rows) continue;
    const gold = rows.map((x) => Number(x.gold));
    const texts = rows.map((x) => String(x.text));
    const ours = texts.map((t) => ourScore(t));
    const vad = texts.map(vaderScore);
    const afi = texts.map((t) => afinn.getSentiment(words(t)));
    const row = {
      n: rows.length,
      parallax: { pearson: r3(pearson(ours, gold)), spearman: r3(spearman(ours, gold)) },
      vader: { pearson: r3(pearson(vad, gold)), spearman: r3(spearman(vad, gold)) },
      afinn: { pearson: r3(pearson(afi, gold)), spearman: r3(spearman(afi, gold)) },
    };
    result[`vader-${set}`] = row;
    log(`${set.padEnd(7)} n=${row.n}  Pearson r: parallax ${row.parallax.pearson}  vader ${row.vader.pearson}  afinn ${row.afinn.pearson}   Spearman: parallax ${row.parallax.spearman}  vader ${row.vader.spearman}  afinn ${row.afinn.spearman}`);
  }

  // 1b + 2. NewsMTSC: sentence (mean target polarity) and entity-targeted, held out (test20).
  const mtsc = loadNewsMtsc(dev, nlp);
  if (!mtsc) log(`skip: ${path.join(dev, 'newsmtsc/train.jsonl')} not found`);
  else result.newsmtsc = newsMtsc(mtsc, log, afinn, words, vaderScore);

  // 3. Sentence bias.
  // A fresh tokenizer: wink-nlp's output for a few tokens ("’s") depends on what it parsed
  // before, so the bias figures are measured as bench/train-bias.ts measures them.
  result.bias = biasQuality(dev, createNlp(), log);

  // 4-5. Frames and loaded-language spans on our allsides_events gold.
  result.frames = runFrameGold(dev, log);
  result.loaded_spans = runLoadedGold(dev, log);
  return result;
}

function newsMtsc(
  mtsc: MtscRow[],
  log: (...a: unknown[]) => void,
  afinn: { getSentiment(w: string[]): number },
  words: (t: string) => string[],
  vaderScore: (t: string) => number,
): Record<string, unknown> {
  interface Scored { gold: number[]; scores: Record<string, number[]>; sentGold: number[]; sentScores: Record<string, number[]> }
  const run = (rows: readonly MtscRow[]): Scored => {
    const s = scoreTargets(rows, lex);
    const vad: number[] = [];
    const afi: number[] = [];
    const sVad: number[] = [];
    const sAfi: number[] = [];
    for (const row of rows) {
      const v = vaderScore(row.text);
      const a = afinn.getSentiment(words(row.text)) / 5;
      for (let k = 0; k < row.targets.length; k++) {
        vad.push(v);
        afi.push(a);
      }
      sVad.push(v);
      sAfi.push(a);
    }
    return { gold: s.gold, scores: { parallax_entity: s.entity, parallax_sentence: s.sentence, vader: vad, afinn: afi }, sentGold: s.sentGold, sentScores: { parallax: s.sentScore, vader: sVad, afinn: sAfi } };
  };
  const train = run(mtsc.filter(isTrain80));
  const test = run(mtsc.filter(isTest20));
  const entity: Record<string, { band: number; test20: { macroF1: number; spearman: number }; train80: { macroF1: number; spearman: number } }> = {};
  for (const k of Object.keys(train.scores)) {
    // The neutral band is one threshold per system, chosen on train80 and applied unchanged to test20.
    const tuned = bestBand(train.gold, train.scores[k]!);
    const te = test.scores[k]!;
    entity[k] = {
      band: r3(tuned.band),
      test20: { macroF1: r3(macroF1(test.gold, bandLabels(te, tuned.band))), spearman: r3(spearman(te, test.gold)) },
      train80: { macroF1: r3(tuned.f1), spearman: r3(spearman(train.scores[k]!, train.gold)) },
    };
  }
  const sentence: Record<string, { test20: { pearson: number; spearman: number }; train80: { pearson: number; spearman: number } }> = {};
  for (const k of Object.keys(train.sentScores)) {
    sentence[k] = {
      test20: { pearson: r3(pearson(test.sentScores[k]!, test.sentGold)), spearman: r3(spearman(test.sentScores[k]!, test.sentGold)) },
      train80: { pearson: r3(pearson(train.sentScores[k]!, train.sentGold)), spearman: r3(spearman(train.sentScores[k]!, train.sentGold)) },
    };
  }
  log(`NewsMTSC sentences, HELD-OUT test20 (${test.sentGold.length} sentences): Pearson r / Spearman rho with the mean target polarity  [train80 in brackets]   (goal r >= 0.55)`);
  for (const [k, v] of Object.entries(sentence)) log(`  ${k.padEnd(18)} r ${v.test20.pearson.toFixed(3)}  rho ${v.test20.spearman.toFixed(3)}   ([train80 r ${v.train80.pearson.toFixed(3)} rho ${v.train80.spearman.toFixed(3)}])`);
  log('== entity sentiment (goal: macro-F1 >= 0.60) ==');
  log(`NewsMTSC targets, HELD-OUT test20 (${test.gold.length} targets; everything tuned or learned on train80 = ${train.gold.length} targets): macro-F1 with the neutral band chosen on train80 / Spearman rho`);
  for (const [k, v] of Object.entries(entity)) log(`  ${k.padEnd(18)} F1 ${v.test20.macroF1.toFixed(3)}  rho ${v.test20.spearman.toFixed(3)}   (band ${v.band}; [train80 F1 ${v.train80.macroF1.toFixed(3)} rho ${v.train80.spearman.toFixed(3)}])`);
  return {
    split: 'FNV-1a-32(primary_gid) mod 100: < 80 train80 (lexicon sentiment-news, parameters and neutral bands tuned here), >= 80 test20 (held out, reported)',
    n_targets: { train80: train.gold.length, test20: test.gold.length },
    n_sentences: { train80: train.sentGold.length, test20: test.sentGold.length },
    entity,
    sentence,
  };
}

/** MPQA strong-subjective clue words (dev-time baseline only: GPL, never shipped). */
function mpqaStrong(dev: string): Set<string> | null {
  const p = path.join(dev, 'lexicons/mpqa_subjectivity/subjclueslen1-HLTEMNLP05.tff');
  if (!fs.existsSync(p)) return null;
  const out = new Set<string>();
  for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
    const m = /type=strongsubj .*word1=(\S+)/.exec(line);
    if (m) out.add(m[1]!);
  }
  return out;
}

function biasQuality(dev: string, nlp: Nlp, log: (...a: unknown[]) => void): Record<string, unknown> | null {
  const rows = loadBiasData(dev, nlp, lex);
  if (!rows) {
    log('skip: newssd_eng/ or wnc_sample/ not found');
    return null;
  }
  log('== sentence bias (goal: biased-class F1 >= 0.60 on held-out news sentences) ==');
  const model = new Map(lex.biasModel.entries.map((e) => [e.feature, e.weight]));
  const t = model.get('meta:threshold') ?? 0.5;
  const prob = (x: Map<string, number>) => {
    let s = model.get('bias:intercept') ?? 0;
    for (const [f, v] of x) if (!f.startsWith('meta:')) s += (model.get(f) ?? 0) * v;
    return 1 / (1 + Math.exp(-s));
  };
  const strong = mpqaStrong(dev);
  const bias = new Set(lex.biasWords.entries.filter((e) => e.kind === 'bias').map((e) => e.term));
  const lemmas = (text: string) => nlp.parse(text, 0).sentences.flatMap((s) => s.tokens).filter((k) => k.kind === 'word');
  const countIn = (text: string, set: Set<string>) => lemmas(text).filter((k) => set.has(k.lemma) || set.has(k.norm)).length;
  const loadedFlag = (x: Map<string, number>) => ([...x.keys()].some((f) => f.startsWith('loaded:')) ? 1 : 0);
  // Word-classifier baselines: biased when at least k lexicon words; k (1…4) chosen on the NewsSD training pool.
  const trainPool = rows.filter((r) => r.set === 'newssd' && r.split === 'train');
  const pickK = (set: Set<string>) => {
    let best = { k: 1, f1: -1 };
    for (let k = 1; k <= 4; k++) {
      const f1 = prf(trainPool.map((r) => r.y), trainPool.map((r) => (countIn(r.text, set) >= k ? 1 : 0))).f1;
      if (f1 > best.f1) best = { k, f1 };
    }
    return best.k;
  };
  const kBias = pickK(bias);
  const kMpqa = strong ? pickK(strong) : 0;
  const out: Record<string, unknown> = { threshold: t, k_recasens: kBias, k_mpqa: kMpqa };
  for (const [name, set] of [['NewsSD-ENG test (news, held out)', 'newssd'], ['WNC test (Wikipedia, held out)', 'wnc']] as const) {
    const test = rows.filter((r) => r.set === set && r.split === 'test');
    const gold = test.map((r) => r.y);
    const probs = test.map((r) => prob(r.x));
    const sys = prf(gold, probs.map((p) => (p >= t ? 1 : 0)));
    const fmt = (x: { p: number; r: number; f1: number }) => `F1 ${x.f1.toFixed(3)} (P ${x.p.toFixed(3)} R ${x.r.toFixed(3)})`;
    const rec = prf(gold, test.map((r) => (countIn(r.text, bias) >= kBias ? 1 : 0)));
    const mpqa = strong ? prf(gold, test.map((r) => (countIn(r.text, strong) >= kMpqa ? 1 : 0))) : null;
    const all = prf(gold, gold.map(() => 1));
    const loaded = prf(gold, test.map((r) => loadedFlag(r.x)));
    const oracle = bestThreshold(gold, probs);
    log(`${name}: n=${test.length}, ${gold.filter((y) => y === 1).length} biased`);
    log(`  parallax bias model (t=${t}, prior-neutral CV on the pool)  ${fmt(sys)}  AUC ${auc(gold, probs).toFixed(3)}   [threshold chosen on this test set, for information only: F1 ${oracle.f1.toFixed(3)} at ${oracle.t}]`);
    log(`  baseline Recasens bias-lexicon words >= ${kBias}   ${fmt(rec)}`);
    if (mpqa) log(`  baseline MPQA strongsubj words >= ${kMpqa} (dev only) ${fmt(mpqa)}`);
    log(`  baseline today's loaded_language flag   ${fmt(loaded)}`);
    log(`  baseline every sentence biased          ${fmt(all)}`);
    out[set] = { n: test.length, parallax: { ...mapR(sys), auc: r3(auc(gold, probs)) }, recasens: mapR(rec), mpqa: mpqa ? mapR(mpqa) : null, loaded_flag: mapR(loaded), all_biased: mapR(all) };
  }
  return out;
}

const mapR = (x: { p: number; r: number; f1: number }) => ({ precision: r3(x.p), recall: r3(x.r), f1: r3(x.f1) });

/**
 * 1c. The encoder sentence-sentiment design (lexicon `sentiment-encoder`, trained by
 * bench/train-sentence-encoder.ts on NewsMTSC train80): NewsMTSC test20 (held out) and every
 * 10th item of the VADER sets, beside the lexicon score and VADER on the same items, and its
 * cost (sentences/s of the encoder beside the lexicon score, measured in this run). Vectors are
 * read from the bench encoder cache only (warm it with bench/encode-newsmtsc.ts and
 * bench/encode-vader-sample.ts); a set whose vectors are missing is skipped.
 */
export async function runEncoderSentimentQuality(dev: string, log: (...a: unknown[]) => void): Promise<Record<string, unknown> | null> {
  const model = encoderSentimentModel(sentimentEncoder);
  let enc: Awaited<ReturnType<typeof loadNodeEncoder>>;
  try {
    enc = await loadNodeEncoder();
  } catch (e) {
    log(`skip encoder sentiment: the encoder did not load (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
  const cache = readCache(enc);
  const vecOf = (t: string) => cache.get(bytesToHex(sha256(utf8ToBytes(t))));
  const nlp = createNlp();
  const vaderScore = (t: string) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
  const out: Record<string, unknown> = { model: `${sentimentEncoder.id} ${sentimentEncoder.version} sha256 ${sentimentEncoder.sha256}`, encoder: `${enc.id} ${enc.version} sha256 ${enc.sha256}` };
  log(`== sentence sentiment with the sentence encoder (${out.model}; encoder ${enc.id}; not in the default pipeline) ==`);
  /** Lexicon value and encoder-model value of a text (its sentences' evidence pooled, as ourScore does). */
  const both = (text: string, v: Float32Array) => {
    const items = nlp.parse(text, 0).sentences.flatMap((s) => sentenceItems(s.tokens, lex, DEFAULT_PARAMS));
    return { lexicon: squash(sumWeights(sentenceEvidence(items)), DEFAULT_PARAMS.alpha), model: encoderSentenceSentiment(items, unit(v), model).value };
  };
  const sets: [string, { text: string; gold: number }[]][] = [];
  const mtscFile = path.join(dev, 'newsmtsc/train.jsonl');
  if (fs.existsSync(mtscFile)) {
    const rows = fs.readFileSync(mtscFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { primary_gid: string; sentence_normalized: string; targets: { polarity: number }[] });
    const test = rows.filter((r) => fnv1a(r.primary_gid) % 100 >= 80);
    sets.push(['NewsMTSC test20 (held out; mean target polarity)', test.map((r) => ({ text: r.sentence_normalized, gold: r.targets.reduce((a, t) => a + polarity(t.polarity), 0) / r.targets.length }))]);
  }
  for (const set of ['tweets', 'movies', 'amazon']) {
    const p = path.join(dev, `vader/${set}.jsonl`);
    if (!fs.existsSync(p)) continue;
    const rows = fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; gold: number });
    sets.push([`VADER ${set}, every 10th item (nothing tuned on them)`, rows.filter((_, i) => i % 10 === 0)]);
  }
  for (const [name, items] of sets) {
    const missing = items.filter((x) => !vecOf(x.text)).length;
    if (missing > 0) {
      log(`  skip ${name}: ${missing} of ${items.length} vectors not in the encoder cache (run bench/encode-newsmtsc.ts / bench/encode-vader-sample.ts)`);
      continue;
    }
    const gold = items.map((x) => x.gold);
    const sc = items.map((x) => both(x.text, vecOf(x.text)!));
    const row = { n: items.length, encoder_model: r3(pearson(sc.map((s) => s.model), gold)), lexicon: r3(pearson(sc.map((s) => s.lexicon), gold)), vader: r3(pearson(items.map((x) => vaderScore(x.text)), gold)) };
    out[name] = row;
    log(`  ${name} n=${row.n}: Pearson r  encoder model ${row.encoder_model}  lexicon (today) ${row.lexicon}  vader ${row.vader}`);
  }
  // Entity scope: the entity encoder model's label on NewsMTSC test20 targets (held out), beside today's banded entity score.
  const mtsc = loadNewsMtsc(dev, createNlp());
  const test = mtsc?.filter(isTest20) ?? [];
  if (mtsc && test.every((r) => vecOf(r.text))) {
    const ent = entityEncoderModel(sentimentEntityEncoder);
    out.entity_model = `${sentimentEntityEncoder.id} ${sentimentEntityEncoder.version} sha256 ${sentimentEntityEncoder.sha256}`;
    const gold: number[] = [];
    const pred: number[] = [];
    for (const row of test) {
      const items = sentenceItems(row.tokens, lex, DEFAULT_PARAMS);
      const ctx = sentenceContext(row.tokens);
      const v = unit(vecOf(row.text)!);
      for (const t of row.targets) {
        const range = tokenRange(row.tokens, t.from, t.to);
        const ranges = range ? [range] : [];
        for (const m of t.further_mentions ?? []) {
          const r = tokenRange(row.tokens, m.from, m.to);
          if (r) ranges.push(r);
        }
        gold.push(polarity(t.polarity));
        pred.push(encoderEntitySentiment(row.tokens, range ? entityItems(row.tokens, items, ranges, DEFAULT_PARAMS, ctx) : [], ranges, v, ent).label);
      }
    }
    const tr = scoreTargets(mtsc.filter(isTrain80), lex);
    const te = scoreTargets(test, lex);
    const band = bestBand(tr.gold, tr.entity).band;
    const row = { n: gold.length, encoder_model: r3(macroF1(gold, pred)), lexicon_banded: r3(macroF1(te.gold, bandLabels(te.entity, band))) };
    out.entity = row;
    log(`  entity scope, NewsMTSC test20 targets (held out) n=${row.n}: macro-F1  entity encoder model ${row.encoder_model} (${out.entity_model}; argmax label)  lexicon entity score ${row.lexicon_banded} (band from train80)   (goal 0.60)`);
  } else log('  skip entity scope: NewsMTSC test20 vectors not in the encoder cache (run bench/encode-newsmtsc.ts)');
  // Cost: 64 fixed sentences, encoded fresh (no cache) vs the lexicon score (parse + evidence).
  const sample = (sets[0]?.[1] ?? []).slice(0, 64).map((x) => x.text);
  if (sample.length) {
    const t0 = performance.now();
    for (let i = 0; i < sample.length; i += 32) await enc.encode(sample.slice(i, i + 32));
    const encRate = (sample.length / (performance.now() - t0)) * 1000;
    const t1 = performance.now();
    for (let k = 0; k < 20; k++) for (const t of sample) for (const s of nlp.parse(t, 0).sentences) sentenceItems(s.tokens, lex, DEFAULT_PARAMS);
    const lexRate = ((20 * sample.length) / (performance.now() - t1)) * 1000;
    out.cost = { encoder_sentences_per_s: Math.round(encRate), lexicon_sentences_per_s: Math.round(lexRate) };
    log(`  cost (this run, this machine): encoder ${encRate.toFixed(1)} sentences/s (batch 32) vs lexicon score ${lexRate.toFixed(0)} sentences/s (parse included): ×${(lexRate / encRate).toFixed(0)}`);
  }
  return out;
}
