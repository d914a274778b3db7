import { describe, expect, test } from 'vitest';
import { CLAIMS_METHOD, COLUMN_DOCS } from './codebook';
import { definitionFor, measureDefinitions } from './measures';
import { ARTICLE_STAGES, CORPUS_STAGES, EVENT_STAGES } from './pipeline';
import { sentimentMeasures } from './stages/article/sentiment';
import { DEFAULT_PARAMS } from './lib/sentence-sentiment';
import { DEFAULT_CLAIM_OPTIONS } from './stages/corpus/claims';
import { DEFAULT_EVENT_OPTIONS } from './stages/corpus/events';

const text = (d: { definition: string; aggregation: string }) => `${d.definition} ${d.aggregation}`;

describe('measureDefinitions', () => {
  test('are the measures the stages of pipeline.ts declare, sorted by name', () => {
    const declared = [...ARTICLE_STAGES, ...CORPUS_STAGES, ...EVENT_STAGES].flatMap((s) => (s.measures ?? []).map((m) => m.name));
    const names = measureDefinitions().map((d) => d.name);
    expect(names).toEqual([...declared].sort());
    expect(names.length).toBeGreaterThan(0);
  });

  test('definitionFor finds a family by its prefix', () => {
    expect(definitionFor('frame:economic')?.name).toBe('frame:');
    expect(definitionFor('no-such-measure')).toBeUndefined();
  });

  test('every measure states its unit and the values of its parameters', () => {
    for (const d of measureDefinitions()) {
      expect(d.unit, d.name).not.toBe('');
      for (const [k, v] of Object.entries(d.parameters)) {
        if (typeof v === 'number') expect(text(d), `${d.name}: parameter ${k} = ${v} is not in its definition`).toContain(String(v));
      }
    }
  });
});

describe('codebook numbers come from the parameters', () => {
  test('sentiment: the definition is rebuilt from the parameters it is given', () => {
    const [def] = sentimentMeasures(DEFAULT_PARAMS);
    expect(def!.parameters).toEqual({ ...DEFAULT_PARAMS });
    expect(text(def!)).toContain(`other clauses ×${DEFAULT_PARAMS.otherClause}`);
    expect(text(def!)).toContain(`S / sqrt(S² + ${DEFAULT_PARAMS.alpha})`);
    const changed = { ...DEFAULT_PARAMS, otherClause: 0.123, alpha: 17, distanceDecay: 0.456, quoteForEntity: 0.789, topicSentence: 0.321 };
    const [alt] = sentimentMeasures(changed);
    for (const n of ['0.123', '+ 17)', '0.456', '0.789', '0.321']) expect(text(alt!)).toContain(n);
    expect(text(alt!)).not.toContain(`other clauses ×${DEFAULT_PARAMS.otherClause}`);
    expect(alt!.parameters).toEqual(changed);
  });

  test('the stage declares the measure with the parameters it runs with', () => {
    const stage = ARTICLE_STAGES.find((s) => s.name === 'sentiment')!;
    expect(stage.measures).toEqual(sentimentMeasures(DEFAULT_PARAMS));
  });

  test('the lexical claim matcher is described with DEFAULT_CLAIM_OPTIONS', () => {
    const o = DEFAULT_CLAIM_OPTIONS;
    expect(CLAIMS_METHOD.lexical).toContain(`${1 - o.sif} × the idf-weighted cosine`);
    expect(CLAIMS_METHOD.lexical).toContain(`${o.sif} × a SIF word-vector cosine; threshold ${o.threshold}, group threshold ${o.groupThreshold}`);
  });

  test('event grouping is described with DEFAULT_EVENT_OPTIONS', () => {
    const doc = COLUMN_DOCS['events.csv']!.event_id!;
    const o = DEFAULT_EVENT_OPTIONS;
    expect(doc).toContain(`within ${o.maxSpanDays} days`);
    expect(doc).toContain(`at least ${o.threshold}, or when`);
    expect(doc).toContain(`minus ${o.dayPenalty} per day apart`);
    expect(doc).toContain(`${o.cosineWeight} × the TF-IDF cosine of the two bodies`);
    expect(doc).toContain(`average link at least ${o.linkThreshold}`);
  });
});
