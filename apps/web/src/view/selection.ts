/**
 * Resolving the URL's choices against a report: unknown ids fall back to defaults
 * (first event, all its articles, first shared claim), so a stale link still opens.
 */
import type { AnalysisReport } from '@parallax/core';
import type { ViewState } from '../state/url';
import { eventGroups, type EventGroup } from './model';

/** Above this many articles in an event, only the first DEFAULT_COLUMNS are shown until the user picks. */
export const MAX_DEFAULT_COLUMNS = 8;
export const DEFAULT_COLUMNS = 6;

export interface Resolved {
  groups: EventGroup[];
  group: EventGroup | null;
  /** Articles of the event that are shown, in column order. */
  articleIds: string[];
  a: string | null;
  b: string | null;
}

export function resolveView(report: AnalysisReport, view: ViewState): Resolved {
  const groups = eventGroups(report);
  const group = groups.find((g) => g.id === view.event) ?? groups[0] ?? null;
  const inGroup = group?.articleIds ?? [];
  const chosen = view.outlets.filter((id) => inGroup.includes(id));
  // Many articles in one event: start with the first few columns; the outlet chips add more.
  const articleIds = chosen.length > 0 ? chosen : inGroup.slice(0, inGroup.length > MAX_DEFAULT_COLUMNS ? DEFAULT_COLUMNS : inGroup.length);
  const a = view.a && articleIds.includes(view.a) ? view.a : (articleIds[0] ?? null);
  const bCandidate = view.b && articleIds.includes(view.b) && view.b !== a ? view.b : null;
  const b = bCandidate ?? articleIds.find((id) => id !== a) ?? null;
  return { groups, group, articleIds, a, b };
}
