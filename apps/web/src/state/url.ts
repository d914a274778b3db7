/**
 * What the user chose lives in the URL query so a view can be shared or reloaded:
 * `?tab=diff&event=e1&outlets=ap,npr&claim=c3&a=ap&b=npr`. Unknown keys are ignored;
 * bad values fall back to defaults (the page then picks sensible ones).
 */
export const TABS = ['side', 'diff', 'coverage', 'charts', 'evidence'] as const;
export type Tab = (typeof TABS)[number];

export const TAB_LABELS: Readonly<Record<Tab, string>> = {
  side: 'Side by side',
  diff: 'Diff',
  coverage: 'Coverage',
  charts: 'Charts',
  evidence: 'Evidence & data',
};

export interface ViewState {
  tab: Tab;
  /** Event id, or null for the first event. */
  event: string | null;
  /** Article ids to compare, in column order; empty = all articles of the event. */
  outlets: string[];
  /** Selected claim (diff / highlight), or null. */
  claim: string | null;
  /** The two articles compared in the diff view. */
  a: string | null;
  b: string | null;
}

export const DEFAULT_VIEW: ViewState = Object.freeze({ tab: 'side', event: null, outlets: [], claim: null, a: null, b: null }) as ViewState;

function isTab(x: string | null): x is Tab {
  return x !== null && (TABS as readonly string[]).includes(x);
}

/** `?tab=…&event=…` (with or without the leading `?`) -> ViewState. */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const tab = p.get('tab');
  const str = (k: string): string | null => {
    const v = p.get(k);
    return v === null || v.trim() === '' ? null : v;
  };
  const outlets = (p.get('outlets') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => s !== '' && all.indexOf(s) === i);
  return { tab: isTab(tab) ? tab : 'side', event: str('event'), outlets, claim: str('claim'), a: str('a'), b: str('b') };
}

/** ViewState -> query string (leading `?`, or '' for the default view); default values are left out. */
export function serializeViewState(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.tab !== 'side') p.set('tab', v.tab);
  if (v.event) p.set('event', v.event);
  if (v.outlets.length > 0) p.set('outlets', v.outlets.join(','));
  if (v.claim) p.set('claim', v.claim);
  if (v.a) p.set('a', v.a);
  if (v.b) p.set('b', v.b);
  const s = p.toString().replace(/%2C/g, ',');
  return s === '' ? '' : `?${s}`;
}
