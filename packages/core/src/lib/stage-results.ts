/**
 * Small helpers shared by the document-measure stages (frames, markers): the span of
 * a token range, a document score summed from its evidence, and the sense veto.
 */
import type { ArticleAnalysis } from '../model';
import type { Evidence, Score } from '../schema';
import type { SenseFamily, SenseMap } from './senses';

export function tokenSpan(state: ArticleAnalysis, k: number, h: { from: number; to: number }): { start: number; end: number; text: string } {
  const toks = state.tokens[k]!;
  const start = toks[h.from]!.start;
  const end = toks[h.to - 1]!.end;
  return { start, end, text: state.article.text.slice(start, end) };
}

export function docScore(state: ArticleAnalysis, measure: string, ev: readonly Evidence[]): Score {
  let v = 0;
  for (const e of ev) v += e.weight;
  return { article_id: state.article.id, outlet: state.article.outlet, event_id: null, scope: 'document', target: '', measure, value: v, n_evidence: ev.length };
}

/** Whether any token of the hit is read in a sense that is no cue of `family`. */
export function blockedHit(sm: SenseMap, h: { from: number; to: number }, family: SenseFamily): boolean {
  for (let i = h.from; i < h.to; i++) if (sm.blocked(i, family)) return true;
  return false;
}
