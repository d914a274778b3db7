/**
 * Corpus stage `sides`: only with a study lexicon (`--lexicon FILE`, EngineOptions.sides).
 * Each quote's `side` is the lexicon's side of its speaker's entity (after the cross-outlet
 * entity merges), else of a description word stated with the speaker (its own words and
 * the affiliation evidence: "a Russian official", "Republican senator"); then
 * `source_balance:side:<side>` per article, like the other source-balance attributes.
 */
import type { SideEntry } from '@parallax/lexicons';
import type { CorpusStage } from '../../model';
import type { Quote } from '../../schema';
import { sourceBalance } from '../article/quotes';

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}.'-]+/gu) ?? [];

export function sideOf(q: Quote, byEntity: ReadonlyMap<string, string>, byWord: ReadonlyMap<string, string>, merges: Readonly<Record<string, string>>): string | null {
  if (q.speaker_entity) {
    const id = merges[q.speaker_entity] ?? q.speaker_entity;
    const s = byEntity.get(id) ?? byEntity.get(q.speaker_entity);
    if (s) return s;
  }
  for (const text of [q.speaker ?? '', ...q.affiliations.map((a) => a.text)]) {
    const ws = words(text);
    for (let n = 3; n >= 1; n--) {
      for (let i = 0; i + n <= ws.length; i++) {
        const hit = byWord.get(ws.slice(i, i + n).join(' '));
        if (hit) return hit;
      }
    }
  }
  return null;
}

export const sidesStage: CorpusStage = {
  name: 'sides',
  run(state, ctx) {
    const lex = ctx.sides;
    if (!lex) return;
    const byEntity = new Map<string, string>();
    const byWord = new Map<string, string>();
    for (const e of lex.entries as readonly SideEntry[]) (e.kind === 'entity' ? byEntity : byWord).set(e.kind === 'entity' ? e.key : e.key.toLowerCase(), e.side);
    for (const a of state.articles) {
      for (const q of a.quotes) q.side = sideOf(q, byEntity, byWord, state.entityMerges);
      if (a.quotes.length === 0) continue;
      const { scores, evidence } = sourceBalance(a.article.id, a.article.outlet, a.quotes, 'side', (q) => q.side);
      state.scores.push(...scores);
      state.evidence.push(...evidence);
    }
  },
};
