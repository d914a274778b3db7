/**
 * A small hand-made AnalysisReport for the view-model unit tests: two articles, two
 * claims (one shared, one only in A), a few scores with evidence. Test data only.
 */
import type { AnalysisReport, ArticleResult } from '@parallax/core';

function article(id: string, outlet: string, text: string, sentences: [number, number][], removed: [number, number][] = []): ArticleResult {
  return {
    id,
    outlet,
    title: `${outlet} title`,
    published: '2025-02-18',
    url: null,
    language: 'en',
    author: null,
    source: { path: `${id}.md`, line: null },
    text,
    offset_map: { anchors: [[0, 0]], rawLength: text.length },
    removed: removed.map(([start, end]) => ({ start, end, text: text.slice(start, end), rule: 'test-rule', reason: 'test boilerplate' })),
    sentences: sentences.map(([start, end], index) => ({ id: `${id}:s${index}`, index, paragraph: 0, start, end, n_words: text.slice(start, end).split(/\s+/).length })),
    entities: [{ start: 0, end: 4, text: text.slice(0, 4), type: 'PLACE', entity_id: 'place:kyiv', rule: 'test' }],
    n_words: text.split(/\s+/).length,
    english: true,
  };
}

// A: "Kyiv was not invited. Talks began in Riyadh." + boilerplate "Subscribe now."
const textA = 'Kyiv was not invited. Talks began in Riyadh.\n\nSubscribe now.';
// B: "Kiev was not invited to the talks."
const textB = 'Kiev was not invited to the talks.';

export function testReport(): AnalysisReport {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'parallax', version: '0.1.0' },
    options: { language: 'auto', maxBytes: null },
    lexicons: [],
    inputs: [
      { path: 'a.md', line: null, status: 'analysed', article_id: 'a', reason: null },
      { path: 'b.md', line: null, status: 'analysed', article_id: 'b', reason: null },
    ],
    articles: [article('a', 'Outlet A (via X)', textA, [[0, 21], [22, 44]], [[46, 60]]), article('b', 'The Outlet B', textB, [[0, 34]])],
    events: [{ event_id: 'e1', label: 'Riyadh talks', date: '2025-02-18', key_entities: [], article_ids: ['a', 'b'] }],
    claims: [
      { claim_id: 'c1', event_id: 'e1', label: 'Kyiv not invited', sentence_ids: ['a:s0', 'b:s0'], article_ids: ['a', 'b'], n_outlets: 2 },
      { claim_id: 'c2', event_id: 'e1', label: 'Talks began', sentence_ids: ['a:s1'], article_ids: ['a'], n_outlets: 1 },
    ],
    omissions: [{ kind: 'omitted_by', claim_id: 'c2', event_id: 'e1', article_id: 'b', outlet: 'The Outlet B', salience: 0.5, reason: 'B does not say talks began' }],
    diffs: [],
    terms: [
      { concept_id: 'place:kyiv', article_id: 'a', outlet: 'Outlet A (via X)', surface: 'Kyiv', count: 1, spans: [{ start: 0, end: 4 }], label: 'Kyiv / Kiev' },
      { concept_id: 'place:kyiv', article_id: 'b', outlet: 'The Outlet B', surface: 'Kiev', count: 1, spans: [{ start: 0, end: 4 }], label: 'Kyiv / Kiev' },
    ],
    scores: [
      { article_id: 'a', outlet: 'Outlet A (via X)', event_id: 'e1', scope: 'document', target: '', measure: 'sentiment', value: -0.25, n_evidence: 1 },
      { article_id: 'b', outlet: 'The Outlet B', event_id: 'e1', scope: 'document', target: '', measure: 'sentiment', value: 0.1, n_evidence: 0 },
      { article_id: 'a', outlet: 'Outlet A (via X)', event_id: 'e1', scope: 'sentence', target: 'a:s0', measure: 'sentiment', value: -0.5, n_evidence: 1 },
      { article_id: 'a', outlet: 'Outlet A (via X)', event_id: 'e1', scope: 'sentence', target: 'a:s1', measure: 'sentiment', value: 0, n_evidence: 0 },
      { article_id: 'a', outlet: 'Outlet A (via X)', event_id: 'e1', scope: 'document', target: '', measure: 'frame:political', value: 0.5, n_evidence: 1 },
      { article_id: 'b', outlet: 'The Outlet B', event_id: 'e1', scope: 'document', target: '', measure: 'generic:conflict', value: 1, n_evidence: 1 },
      { article_id: 'a', outlet: 'Outlet A (via X)', event_id: 'e1', scope: 'entity', target: 'place:kyiv', measure: 'sentiment', value: -0.4, n_evidence: 1 },
    ],
    evidence: [
      { article_id: 'a', measure: 'sentiment', scope: 'document', target: '', start: 9, end: 20, text: 'not invited', rule: 'vader:invited', reason: 'negated positive', weight: -0.25 },
      { article_id: 'a', measure: 'sentiment', scope: 'sentence', target: 'a:s0', start: 9, end: 20, text: 'not invited', rule: 'vader:invited', reason: 'negated positive', weight: -0.5 },
      { article_id: 'a', measure: 'frame:political', scope: 'document', target: '', start: 22, end: 27, text: 'Talks', rule: 'mfc:talks', reason: 'political cue', weight: 0.5 },
    ],
    quotes: [],
    warnings: [],
  };
}
