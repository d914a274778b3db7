import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../nlp';
import { normalizeText } from '../normalize';
import type { ArticleAnalysis } from '../model';
import type { EntityMention, Sentence } from '../schema';
import { findDirectQuotes, quoteArticle } from './quotes';
import { findQuotations, paragraphSpans } from '../stages/quotations';

const nlp = createNlp();

/** A hand-built article: paragraphs on lines, entity mentions given by surface text -> id. */
function article(raw: string, people: Record<string, string>): ArticleAnalysis {
  const text = normalizeText(raw).text;
  const sentences: Sentence[] = [];
  const tokens: ArticleAnalysis['tokens'] = [];
  let offset = 0;
  text.split('\n').forEach((para, p) => {
    for (const s of nlp.parse(para, offset).sentences) {
      sentences.push({ id: `t:s${sentences.length}`, index: sentences.length, start: s.start, end: s.end, paragraph: p, n_words: s.tokens.length });
      tokens.push(s.tokens);
    }
    offset += para.length + 1;
  });
  const entities: EntityMention[] = [];
  for (const [surface, id] of Object.entries(people)) {
    let at = text.indexOf(surface);
    while (at >= 0) {
      entities.push({ start: at, end: at + surface.length, text: surface, type: id.startsWith('person:') ? 'PERSON' : 'GOV', entity_id: id, rule: 'test' });
      at = text.indexOf(surface, at + surface.length);
    }
  }
  entities.sort((a, b) => a.start - b.start);
  return {
    article: { id: 't', outlet: 'T', title: '', published: null, url: null, language: 'en', source: { path: 't', line: null }, text, offset_map: { anchors: [], rawLength: text.length }, removed: [], sentences, entities, n_words: 0, english: true },
    tokens, scores: [], evidence: [], quotations: findQuotations(text, paragraphSpans({ article: { sentences } as ArticleAnalysis['article'] })), quotes: [], warnings: [],
  };
}

const PEOPLE = { 'Sergei Lavrov': 'person:sergei-lavrov', Lavrov: 'person:sergei-lavrov', 'Donald Trump': 'person:donald-trump', Trump: 'person:donald-trump', 'Dmitry Peskov': 'person:dmitry-peskov', Peskov: 'person:dmitry-peskov', Russia: 'gov:russia' };

describe('findDirectQuotes', () => {
  test.each([
    { name: 'curly double', raw: 'He said “we will win the peace.”', quote: 'we will win the peace.' },
    { name: 'straight double', raw: 'He said "we will win the peace."', quote: 'we will win the peace.' },
    { name: 'guillemets', raw: 'He said «we will win the peace.»', quote: 'we will win the peace.' },
    { name: 'low-high German', raw: 'He said „we will win the peace.“', quote: 'we will win the peace.' },
  ])('$name', ({ raw, quote }) => {
    const text = normalizeText(raw).text;
    const q = findDirectQuotes(text, [{ start: 0, end: text.length }]);
    expect(q.map((x) => text.slice(x.start, x.end))).toEqual([quote]);
  });
});

describe('quoteArticle', () => {
  test.each([
    { name: 'speaker after quote', raw: '"The talks were useful and we listened to each other," Lavrov said.', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'inverted: said X', raw: '"The talks were useful and we listened," said Dmitry Peskov.', speaker: 'person:dmitry-peskov', verb: 'said', kind: 'direct' },
    { name: 'speaker before, colon', raw: 'Trump said: "We will end this war very soon, believe me."', speaker: 'person:donald-trump', verb: 'said', kind: 'direct' },
    { name: 'multi-sentence quote', raw: 'Lavrov said, "The presidents agreed. They mentioned the Ukrainian issue as well."', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'pronoun back-reference', raw: 'Sergei Lavrov met the delegation on Tuesday.\n"We did not just listen to each other," he said.', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'title back-reference', raw: 'Russian Foreign Minister Sergei Lavrov arrived in Riyadh.\nLater, the longtime Russian foreign minister said: "It is completely unacceptable to us."', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'reported speech with that', raw: 'Trump told reporters that the war would end soon.', speaker: 'person:donald-trump', verb: 'told', kind: 'indirect' },
    { name: 'doubting verb', raw: 'Peskov claimed that Kyiv had no legitimacy at all.', speaker: 'person:dmitry-peskov', verb: 'claimed', kind: 'indirect' },
  ])('$name', ({ raw, speaker, verb, kind }) => {
    const q = quoteArticle(article(raw, PEOPLE), lexicons, nlp);
    expect(q.length).toBeGreaterThan(0);
    const last = q[q.length - 1]!;
    expect({ speaker: last.speaker_entity, verb: last.verb, kind: last.kind }).toEqual({ speaker, verb, kind });
  });

  test('a quote spanning paragraphs (AP continuation) keeps its speaker', () => {
    const q = quoteArticle(article('Lavrov said, "The first part of what we said.\n"And the second part follows here," he added.', PEOPLE), lexicons, nlp);
    expect(q.map((x) => x.speaker_entity)).toEqual(['person:sergei-lavrov', 'person:sergei-lavrov']);
  });

  test('verb class and affiliations stated at another mention', () => {
    const a = article('Russian Foreign Minister Sergei Lavrov arrived.\nLavrov insisted that the plan was fair.', PEOPLE);
    const [q] = quoteArticle(a, lexicons, nlp);
    expect(q).toMatchObject({ verb_class: 'negative', side: null, country: 'Russia', role: 'government', kind: 'indirect' });
  });

  test('titles and unattributed scare quotes are not quotes', () => {
    const q = quoteArticle(article('He appeared on "Sunday Morning Futures" to discuss a "significant chunk" of land.', PEOPLE), lexicons, nlp);
    expect(q).toEqual([]);
  });

  test('quote text equals the article text at its offsets', () => {
    const a = article('"We will see," Trump said. Lavrov said that the meeting went well.', PEOPLE);
    for (const q of quoteArticle(a, lexicons, nlp)) expect(a.article.text.slice(q.start, q.end)).toBe(q.text);
  });
});

