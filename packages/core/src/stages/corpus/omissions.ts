/**
 * Stage `omissions`: per event, the claims most of its articles report and one
 * leaves out (`omitted_by`), and the claims only one article reports (`unique_to`),
 * from the claims of stage `claims`.
 */
import type { ArticleAnalysis, CorpusStage } from '../../model';
import type { Claim, Event, Omission } from '../../schema';
import { cmp } from '../../lib/text';
import { eventMembers, type ClaimCoverage } from './claims';

/**
 * Omissions of one event, ranked by salience:
 *   - `omitted_by`: a claim that at least half of the event's articles (and at least
 *     two) report and this article does not; salience = share of the other articles
 *     that report it (0.5 … 1);
 *   - `unique_to`: a claim only this article reports; salience = 0.4 × min(1, named
 *     entities in it / 4) (below every omitted_by, ordered by how much it names).
 */
export function omissionsForEvent(
  event: Event,
  claims: readonly Claim[],
  analyses: readonly ArticleAnalysis[],
  keyCount: ReadonlyMap<string, number>,
  coverage: ClaimCoverage | null = null,
): Omission[] {
  const k = analyses.length;
  if (k < 2) return [];
  const outletOf = new Map(analyses.map((a) => [a.article.id, a.article.outlet]));
  const out: Omission[] = [];
  // An article with a sentence close to one of the claim's members may report the fact in other words: no omission.
  const reports = (c: Claim, id: string) => {
    if (!coverage) return false;
    const hit = coverage.near.get(c.claim_id)?.get(id);
    if (hit !== undefined && hit.score >= coverage.coverThreshold) return true;
    const s = coverage.soft.get(c.claim_id)?.get(id);
    return coverage.softCover > 0 && s !== undefined && s.score >= coverage.softCover;
  };
  for (const c of claims) {
    const n = c.article_ids.length;
    if (n >= 2 && n >= Math.ceil(k / 2) && n < k) {
      if (coverage && (coverage.cohesion.get(c.claim_id) ?? 0) < coverage.cohesionThreshold) continue;
      for (const a of analyses) {
        const id = a.article.id;
        if (c.article_ids.includes(id) || reports(c, id)) continue;
        out.push({
          kind: 'omitted_by',
          claim_id: c.claim_id,
          event_id: event.event_id,
          article_id: id,
          outlet: a.article.outlet,
          salience: n / (k - 1),
          reason: `reported by ${n} of ${k} articles (${c.article_ids.join(', ')}) but not by this one`,
        });
      }
    } else if (n === 1) {
      const id = c.article_ids[0]!;
      if (analyses.some((a) => a.article.id !== id && reports(c, a.article.id))) continue;
      const named = keyCount.get(c.sentence_ids[0]!) ?? 0;
      out.push({
        kind: 'unique_to',
        claim_id: c.claim_id,
        event_id: event.event_id,
        article_id: id,
        outlet: outletOf.get(id) ?? '',
        salience: 0.4 * Math.min(1, named / 4),
        reason: `only this article of ${k} reports it`,
      });
    }
  }
  return out;
}

export const omissionsStage: CorpusStage = {
  name: 'omissions',
  run(state) {
    const named = state.namedKeys ?? new Map<string, number>();
    const byEvent = new Map<string, Claim[]>();
    for (const c of state.claims) {
      const list = byEvent.get(c.event_id) ?? [];
      list.push(c);
      byEvent.set(c.event_id, list);
    }
    const omissions: Omission[] = [];
    const allMembers = eventMembers(state);
    state.events.forEach((ev, e) => {
      const members = allMembers[e]!;
      if (members.length === 0) return;
      omissions.push(...omissionsForEvent(ev, byEvent.get(ev.event_id) ?? [], members, named, state.claimCoverage?.get(ev.event_id) ?? null));
    });
    omissions.sort(
      (a, b) => b.salience - a.salience || cmp(a.event_id, b.event_id) || cmp(a.claim_id, b.claim_id) || cmp(a.article_id, b.article_id) || cmp(a.kind, b.kind),
    );
    state.omissions = omissions.map((o) => ({ ...o, salience: Math.round(o.salience * 10000) / 10000 }));
  },
};
