/**
 * Stage `numeric-entities`: the dates, times, numbers, percentages and amounts of
 * money wink-nlp found while segmenting (stage `segment`), as entity mentions with
 * rule `wink:<wink type>`. Other wink types are left out.
 */
import type { ArticleStage } from '../../model';
import type { EntityMention, EntityType } from '../../schema';

const WINK_TYPES: Record<string, EntityType> = {
  DATE: 'DATE',
  TIME: 'TIME',
  DURATION: 'DATE',
  CARDINAL: 'CARDINAL',
  ORDINAL: 'CARDINAL',
  PERCENT: 'PERCENT',
  MONEY: 'MONEY',
};

export const numericEntitiesStage: ArticleStage = {
  name: 'numeric-entities',
  run(state) {
    const entities: EntityMention[] = [];
    for (const e of state.winkEntities ?? []) {
      const type = WINK_TYPES[e.type];
      if (type) entities.push({ start: e.start, end: e.end, text: e.text, type, entity_id: null, rule: `wink:${e.type}` });
    }
    state.article.entities = entities;
    // Read once: the working field does not travel on with the analysis (workers, shards).
    delete state.winkEntities;
  },
};
