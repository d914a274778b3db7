/**
 * What the user chose lives in the URL query so a view can be shared or reloaded:
 * `?tab=diff&event=e1&outlets=ap,npr&claim=c3&a=ap&b=npr&s=ap:s4`, and the evidence
 * selection `?tab=evidence&m=sentiment&ea=ap&sc=document&t=`. Unknown keys are
 * ignored; bad values fall back to defaults (the page then picks sensible ones).
 */
export const TABS = ['stories', 'summary', 'side', 'diff', 'coverage', 'quotes', 'charts', 'evidence'] as const;
export type Tab = (typeof TABS)[number];

export const TAB_LABELS: Readonly<Record<Tab, string>> = {
  stories: 'Stories',
  summary: 'Summary',
  side: 'Side by side',
  diff: 'Wording',
  coverage: 'Coverage',
  quotes: 'Who is quoted',
  charts: 'Charts',
  evidence: 'Evidence & data',
};

export type Scope = 'document' | 'sentence' | 'entity';

export interface ViewState {
  tab: Tab;
  /** Event id, or null for the default story. */
  event: string | null;
  /** Article ids to compare, in column order; empty = all articles of the event. */
  outlets: string[];
  /** Selected claim (diff / highlight), or null. */
  claim: string | null;
  /** The two articles compared in the diff view. */
  a: string | null;
  b: string | null;
  /** The sentence the diff was opened from (the pair holding it is shown). */
  s: string | null;
  /** Evidence selection: measure, article (null = all outlets), scope, target. */
  m: string | null;
  ea: string | null;
  sc: Scope | null;
  t: string | null;
}

export const DEFAULT_VIEW: ViewState = Object.freeze({
  tab: 'stories',
  event: null,
  outlets: [],
  claim: null,
  a: null,
  b: null,
  s: null,
  m: null,
  ea: null,
  sc: null,
  t: null,
}) as ViewState;

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
  const sc = p.get('sc');
  const m = str('m');
  return {
    tab: isTab(tab) ? tab : DEFAULT_VIEW.tab,
    event: str('event'),
    outlets,
    claim: str('claim'),
    a: str('a'),
    b: str('b'),
    s: str('s'),
    m,
    ea: m ? str('ea') : null,
    sc: m && (sc === 'document' || sc === 'sentence' || sc === 'entity') ? sc : null,
    // The target may be '' (document scope), so it is kept as written when present.
    t: m && p.has('t') ? (p.get('t') ?? '') : null,
  };
}

/** ViewState -> query string (leading `?`, or '' for the default view); default values are left out. */
export function serializeViewState(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.tab !== DEFAULT_VIEW.tab) p.set('tab', v.tab);
  if (v.event) p.set('event', v.event);
  if (v.outlets.length > 0) p.set('outlets', v.outlets.join(','));
  if (v.claim) p.set('claim', v.claim);
  if (v.a) p.set('a', v.a);
  if (v.b) p.set('b', v.b);
  if (v.s) p.set('s', v.s);
  if (v.m) {
    p.set('m', v.m);
    if (v.ea) p.set('ea', v.ea);
    if (v.sc) p.set('sc', v.sc);
    if (v.t !== null) p.set('t', v.t);
  }
  const s = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return s === '' ? '' : `?${s}`;
}
