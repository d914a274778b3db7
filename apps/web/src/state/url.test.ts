import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './url';

describe('parseViewState(search)', () => {
  test.each([
    ['', DEFAULT_VIEW],
    ['?tab=diff&event=e1&outlets=ap,npr&claim=c3&a=ap&b=npr', { tab: 'diff', event: 'e1', outlets: ['ap', 'npr'], claim: 'c3', a: 'ap', b: 'npr' }],
    ['tab=bogus&outlets=,ap,,ap,', { ...DEFAULT_VIEW, outlets: ['ap'] }],
    ['?claim=&event=%20', DEFAULT_VIEW],
  ])('%s', (search, view) => expect(parseViewState(search)).toEqual(view));
});

describe('serializeViewState(view)', () => {
  test.each<[ViewState, string]>([
    [DEFAULT_VIEW, ''],
    [{ ...DEFAULT_VIEW, tab: 'charts' }, '?tab=charts'],
    [{ tab: 'diff', event: 'e 1', outlets: ['ap', 'npr'], claim: 'c3', a: 'ap', b: 'npr' }, '?tab=diff&event=e+1&outlets=ap,npr&claim=c3&a=ap&b=npr'],
  ])('%j -> %s', (view, q) => expect(serializeViewState(view)).toBe(q));

  test('round-trips', () => {
    const v: ViewState = { tab: 'coverage', event: 'evt:riyadh', outlets: ['washington-times', 'ap'], claim: 'claim/1&2', a: null, b: 'ap' };
    expect(parseViewState(serializeViewState(v))).toEqual(v);
  });
});
