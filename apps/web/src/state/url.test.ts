import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './url';

describe('parseViewState(search)', () => {
  test.each([
    ['', DEFAULT_VIEW],
    ['?tab=diff&event=e1&outlets=ap,npr&claim=c3&a=ap&b=npr&s=ap:s2', { ...DEFAULT_VIEW, tab: 'diff', event: 'e1', outlets: ['ap', 'npr'], claim: 'c3', a: 'ap', b: 'npr', s: 'ap:s2' }],
    ['tab=bogus&outlets=,ap,,ap,', { ...DEFAULT_VIEW, outlets: ['ap'] }],
    ['?claim=&event=%20', DEFAULT_VIEW],
    ['?tab=evidence&m=sentiment&ea=ap&sc=document&t=', { ...DEFAULT_VIEW, tab: 'evidence', m: 'sentiment', ea: 'ap', sc: 'document', t: '' }],
    ['?ea=ap&sc=document', DEFAULT_VIEW],
    ['?m=x&sc=nonsense', { ...DEFAULT_VIEW, m: 'x' }],
  ])('%s', (search, view) => expect(parseViewState(search)).toEqual(view));
});

describe('serializeViewState(view)', () => {
  test.each<[ViewState, string]>([
    [DEFAULT_VIEW, ''],
    [{ ...DEFAULT_VIEW, tab: 'charts' }, '?tab=charts'],
    [{ ...DEFAULT_VIEW, tab: 'diff', event: 'e 1', outlets: ['ap', 'npr'], claim: 'c3', a: 'ap', b: 'npr' }, '?tab=diff&event=e+1&outlets=ap,npr&claim=c3&a=ap&b=npr'],
    [{ ...DEFAULT_VIEW, tab: 'evidence', m: 'sentiment', ea: 'ap', sc: 'sentence', t: 'ap:s0' }, '?tab=evidence&m=sentiment&ea=ap&sc=sentence&t=ap:s0'],
  ])('%j -> %s', (view, q) => expect(serializeViewState(view)).toBe(q));

  test('round-trips', () => {
    const v: ViewState = { ...DEFAULT_VIEW, tab: 'coverage', event: 'evt:riyadh', outlets: ['washington-times', 'ap'], claim: 'claim/1&2', a: null, b: 'ap', m: 'frame:economic', ea: null, sc: 'document', t: '' };
    expect(parseViewState(serializeViewState(v))).toEqual(v);
  });
});
