/**
 * Resolving the URL's choices against a report: unknown ids fall back to defaults
 * (the story with most outlets, all its articles), so a stale link still opens.
 */
import type { AnalysisReport } from '@parallax/core';
import type { ViewState } from '../state/url';
import { defaultStory, stories, type Story } from './facts';

/** Above this many articles in a story, only the first DEFAULT_COLUMNS are shown until the user picks. */
export const MAX_DEFAULT_COLUMNS = 8;
export const DEFAULT_COLUMNS = 6;

export interface Resolved {
  groups: Story[];
  group: Story | null;
  /** Articles of the story that are shown, in column order. */
  articleIds: string[];
  a: string | null;
  b: string | null;
}

export function resolveView(report: AnalysisReport, view: ViewState, all: Story[] = stories(report)): Resolved {
  const group = all.find((g) => g.id === view.event) ?? defaultStory(all);
  const inGroup = group?.articleIds ?? [];
  const chosen = view.outlets.filter((id) => inGroup.includes(id));
  // Many articles in one story: start with the first few columns; the outlet chips add more.
  const articleIds = chosen.length > 0 ? chosen : inGroup.slice(0, inGroup.length > MAX_DEFAULT_COLUMNS ? DEFAULT_COLUMNS : inGroup.length);
  const a = view.a && articleIds.includes(view.a) ? view.a : (articleIds[0] ?? null);
  const bCandidate = view.b && articleIds.includes(view.b) && view.b !== a ? view.b : null;
  const b = bCandidate ?? articleIds.find((id) => id !== a) ?? null;
  return { groups: all, group, articleIds, a, b };
}
