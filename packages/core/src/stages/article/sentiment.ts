/**
 * Stage `sentiment`: sentence, document and entity-targeted sentiment with evidence.
 *
 * - sentence: value = squash(Σ w) over the sentence's word evidence (see sentiment.ts);
 * - document: value = Σ w where each non-zero sentence contributes one evidence item
 *   (its span) with w = sentence value / number of sentences, i.e. the mean sentence sentiment;
 * - entity: value = squash(Σ w) over the words around every mention of the entity
 *   (each word counted once per entity, re-weighted by clause, distance, quotes and speech
 *   verbs, plus learned news words in the entity's clause; see entityItems). Every
 *   PERSON/ORG/PLACE/GOV/GROUP entity with a mention in a sentence gets a row; with nothing
 *   evaluative around it the row is 0 with no evidence (neutral, not missing).
 * Sentence evidence includes learned news words (`newsSentence` = 1; with 0 they would be left out, `sentenceEvidence`).
 */
import type { ArticleStage, ArticleAnalysis } from '../../model';
import type { Evidence, Score } from '../../schema';
import type { MeasureDefinition } from '../../measures';
import { DEFAULT_PARAMS, entityItems, type SentimentParams, sentenceContext, sentenceEvidence, sentenceItems, squash, sumWeights, tokenRange, type SentimentItem } from '../../lib/sentence-sentiment';

export const SENTIMENT_TARGET_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP']);

/** The measure the stage declares, its numbers taken from the parameters it runs with. */
export function sentimentMeasures(p: Readonly<SentimentParams> = DEFAULT_PARAMS): MeasureDefinition[] {
  return [sentimentMeasure(p)];
}

const sentimentMeasure = (p: Readonly<SentimentParams>): MeasureDefinition => ({
  name: 'sentiment',
  unit: 'normalised valence',
  label: 'Sentiment (tone)',
  definition:
    `Evaluative tone of the text, from the valence of evaluative words and emoticons (VADER lexicon) with VADER's rules: negation (×${p.negation}), boosters/dampeners ("kind of"), "least", "never so", idioms, contrast ("but": words before ×${p.contrastBefore}, after ×${p.contrastAfter}), CAPITALS and "!"/"??" emphasis. Topic words that name negative or positive events (war, killed, peace, talks) count ×${p.topicSentence} (Boukes et al. 2020 argue they name the event rather than evaluate it; the weight was chosen on NewsMTSC train80). Parts of names and job titles ("Hope Hicks", "special envoy") are not counted. Entity scope: the words around the entity's mentions — its clause ×1, other clauses ×${p.otherClause}, × 1/(1 + ${p.distanceDecay}·(distance − 1)) by word distance, words in a quote the entity is not in ×${p.quoteForEntity}, the entity's own speech verb ("Kozyrev warned") ×${p.speakerVerb}, topic words in its clause ×${p.topicForEntity} — plus words learned from human-coded news (sentiment-news, NewsMTSC train80) in its clause (×${p.newsEntity}); words inside the mention are not counted. The learned news words also count in sentence scope (weight ${p.newsSentence}). Institutions, titles and topic nouns ("Social Security", "health care", "Justice Kennedy", "special election", "party") are not evaluations (lexicon senses, each rule with its reason); "obstruction of justice" and racial epithets are negative phrases.`,
  scale: '-1 … 1 (negative … positive; 0 neutral)',
  scopes: ['sentence', 'document', 'entity'],
  aggregation:
    `sentence and entity: S / sqrt(S² + ${p.alpha}) with S = Σ evidence weights (VADER normalisation); document: Σ evidence weights, one item per non-neutral sentence with weight = sentence value / n_sentences (mean of sentence values).`,
  parameters: { ...p },
  lexicons: ['sentiment', 'sentiment-modifiers', 'sentiment-topic', 'sentiment-emoticons', 'sentiment-news', 'attribution-verbs', 'senses'],
  references: [
    'Hutto & Gilbert (2014) VADER, ICWSM',
    'Boukes, van de Velde, Araujo & Vliegenthart (2020) What\'s the tone? Communication Methods and Measures 14(2)',
    'Hamborg & Donnay (2021) NewsMTSC, EACL',
  ],
  validity: [
    { against: 'NewsMTSC test20 (held out, 1,550 US news sentences; mean of the human polarity of their targets), sentence scope', figure: 'Pearson r 0.454, Spearman 0.445', baseline: 'vader-sentiment r 0.390, natural AFINN r 0.367 (goal r >= 0.55: not met)', date: '2026-12-04' },
    { against: 'VADER human-rated sets (mean of 20 ratings), sentence scope: tweets 4,200 / movie snippets 10,605 / Amazon snippets 3,708', figure: 'Pearson r 0.875 / 0.440 / 0.589', baseline: 'vader-sentiment 0.879 / 0.418 / 0.572; AFINN 0.648 / 0.406 / 0.461 (below VADER on tweets by 0.004)', date: '2026-12-04' },
    { against: 'NewsMTSC test20 (held out, 1,739 targets, negative/neutral/positive), entity scope with the target mention and its coreferent mentions; neutral band chosen on train80', figure: 'macro-F1 0.577, Spearman 0.475', baseline: 'sentence score 0.536, vader-sentiment 0.509, AFINN 0.493 (goal 0.60: not met)', date: '2026-12-04' },
  ],
});

function ev(state: ArticleAnalysis, scope: Evidence['scope'], target: string, it: SentimentItem): Evidence {
  return {
    article_id: state.article.id,
    measure: 'sentiment',
    scope,
    target,
    start: it.start,
    end: it.end,
    text: it.text,
    rule: it.rule,
    weight: it.weight,
    reason: it.reason,
  };
}

function score(state: ArticleAnalysis, scope: Score['scope'], target: string, value: number, n: number): Score {
  return { article_id: state.article.id, outlet: state.article.outlet, event_id: null, scope, target, measure: 'sentiment', value, n_evidence: n };
}

export const sentimentStage: ArticleStage = {
  name: 'sentiment',
  measures: sentimentMeasures(DEFAULT_PARAMS),
  englishOnly: true,
  run(state, ctx) {
    const { article } = state;
    const p = DEFAULT_PARAMS;
    const n = article.sentences.length;
    const perSentence: SentimentItem[][] = [];
    const docEvidence: Evidence[] = [];
    let docSum = 0;
    article.sentences.forEach((s, k) => {
      const tokens = state.tokens[k] ?? [];
      const items = sentenceItems(tokens, ctx.lexicons, p, ctx.tables);
      perSentence.push(items);
      const shown = sentenceEvidence(items);
      const value = squash(sumWeights(shown), p.alpha);
      for (const it of shown) state.evidence.push(ev(state, 'sentence', s.id, it));
      state.scores.push(score(state, 'sentence', s.id, value, shown.length));
      if (value !== 0) {
        const w = value / n;
        docSum += w;
        docEvidence.push({
          article_id: article.id, measure: 'sentiment', scope: 'document', target: '',
          start: s.start, end: s.end, text: article.text.slice(s.start, s.end),
          rule: 'rule:mean-of-sentences', weight: w, reason: `sentence ${s.id} sentiment ${round4(value)} / ${n} sentences`,
        });
      }
    });
    if (n > 0) {
      state.evidence.push(...docEvidence);
      state.scores.push(score(state, 'document', '', docSum, docEvidence.length));
    }

    // Entity-targeted: group mentions by entity id and sentence.
    const bySentence = new Map<number, Map<string, { from: number; to: number }[]>>();
    const sentenceOf = (start: number) => {
      // sentences are sorted by start; binary search
      let lo = 0;
      let hi = article.sentences.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = article.sentences[mid]!;
        if (start < s.start) hi = mid - 1;
        else if (start >= s.end) lo = mid + 1;
        else return mid;
      }
      return -1;
    };
    for (const m of article.entities) {
      if (!m.entity_id || !SENTIMENT_TARGET_TYPES.has(m.type)) continue;
      const k = sentenceOf(m.start);
      if (k < 0) continue;
      const r = tokenRange(state.tokens[k] ?? [], m.start, m.end);
      if (!r) continue;
      let ents = bySentence.get(k);
      if (!ents) bySentence.set(k, (ents = new Map()));
      const list = ents.get(m.entity_id) ?? [];
      list.push(r);
      ents.set(m.entity_id, list);
    }
    const perEntity = new Map<string, Evidence[]>();
    for (const k of [...bySentence.keys()].sort((a, b) => a - b)) {
      const ents = bySentence.get(k)!;
      const tokens = state.tokens[k] ?? [];
      const sctx = sentenceContext(tokens, state.quotations);
      for (const id of [...ents.keys()].sort()) {
        const items = entityItems(tokens, perSentence[k] ?? [], ents.get(id)!, p, sctx);
        // Every entity with a mention gets a row: no evaluative word around it is a neutral score (0, no evidence), not a missing row.
        const list = perEntity.get(id) ?? [];
        for (const it of items) list.push(ev(state, 'entity', id, it));
        perEntity.set(id, list);
      }
    }
    for (const id of [...perEntity.keys()].sort()) {
      const list = perEntity.get(id)!;
      state.evidence.push(...list);
      state.scores.push(score(state, 'entity', id, squash(sumWeights(list), p.alpha), list.length));
    }
  },
};

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
