/**
 * Step `normalize`, before every article stage: the article's working state, with the
 * normalized text every offset points into and the map back to the raw input
 * (normalize.ts). Its input is the ArticleInput, so it is not an ArticleStage.
 */
import type { ArticleAnalysis, ArticleInput } from '../../model';
import { normalizeText } from '../../normalize';

export const normalizeStep = {
  name: 'normalize',
  run(input: ArticleInput): ArticleAnalysis {
    const { text, map } = normalizeText(input.text);
    const state: ArticleAnalysis = {
      article: {
        id: input.id,
        outlet: input.outlet,
        title: normalizeText(input.title).text,
        published: input.published,
        url: input.url,
        language: input.language ?? 'und',
        author: input.author ?? null,
        source: input.source,
        text,
        offset_map: map,
        removed: [],
        sentences: [],
        entities: [],
        n_words: 0,
        english: true,
      },
      tokens: [],
      scores: [],
      evidence: [],
      quotations: [],
      quotes: [],
      warnings: [],
    };
    return state;
  },
} as const;
