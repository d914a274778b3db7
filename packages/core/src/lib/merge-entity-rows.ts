/**
 * One row per (article, scope, target, measure) after cross-outlet entity merges.
 *
 * The corpus stage `entity-merge` maps one entity id onto another ("person:ryan" ->
 * "person:paul-ryan"). When both ids occur in one article, each had its own entity-scope
 * score, and renaming them made two rows for one target with conflicting values. Here the
 * rows of one target are recombined from their evidence, the way the measure aggregates
 * it: each evidence item (span + rule) counted once (the larger weight kept when both ids
 * scored the same word), value = squash(Σ weights) for `sentiment`. Pure; applied by the
 * engine after renaming.
 */
import type { Evidence, Score } from '../schema';
import { squash } from './sentence-sentiment';

const key = (s: { article_id: string; scope: string; target: string; measure: string }) => `${s.article_id}\u0000${s.scope}\u0000${s.target}\u0000${s.measure}`;

/** Aggregation of an entity-scope measure from its evidence weights. */
const AGGREGATE: Readonly<Record<string, (sum: number) => number>> = Object.freeze({
  sentiment: (sum: number) => squash(sum),
});

export function mergeEntityRows(scores: readonly Score[], evidence: readonly Evidence[]): { scores: Score[]; evidence: Evidence[] } {
  const count = new Map<string, number>();
  for (const s of scores) if (s.scope === 'entity') count.set(key(s), (count.get(key(s)) ?? 0) + 1);
  const dup = new Set([...count].filter(([, n]) => n > 1).map(([k]) => k));
  if (dup.size === 0) return { scores: [...scores], evidence: [...evidence] };
  for (const k of dup) {
    const measure = k.split('\u0000')[3]!;
    if (!AGGREGATE[measure]) throw new Error(`mergeEntityRows: no aggregation for entity-scope measure "${measure}"; add one to AGGREGATE`);
  }
  // Evidence of a duplicated target: one item per (span, rule), the larger |weight| kept (first on ties).
  const kept = new Map<string, Map<string, Evidence>>();
  for (const e of evidence) {
    const k = e.scope === 'entity' ? key(e) : '';
    if (!dup.has(k)) continue;
    let m = kept.get(k);
    if (!m) kept.set(k, (m = new Map()));
    const ik = `${e.start}\u0000${e.end}\u0000${e.rule}`;
    const prev = m.get(ik);
    if (!prev || Math.abs(e.weight) > Math.abs(prev.weight)) m.set(ik, prev ? { ...e, reason: `${e.reason}; also scored under a merged alias of the entity (counted once)` } : e);
  }
  const itemsOf = new Map<string, Evidence[]>();
  for (const [k, m] of kept) itemsOf.set(k, [...m.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
  // The merged items take the place of the first item of their target (the order stays stable).
  const outEvidence: Evidence[] = [];
  const placed = new Set<string>();
  for (const e of evidence) {
    const k = e.scope === 'entity' ? key(e) : '';
    if (!dup.has(k)) outEvidence.push(e);
    else if (!placed.has(k)) {
      placed.add(k);
      outEvidence.push(...itemsOf.get(k)!);
    }
  }
  const outScores: Score[] = [];
  const done = new Set<string>();
  for (const s of scores) {
    const k = s.scope === 'entity' ? key(s) : '';
    if (!dup.has(k)) {
      outScores.push(s);
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    const items = itemsOf.get(k) ?? [];
    let sum = 0;
    for (const e of items) sum += e.weight;
    outScores.push({ ...s, value: AGGREGATE[s.measure]!(sum), n_evidence: items.length });
  }
  return { scores: outScores, evidence: outEvidence };
}
