import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW } from '../state/url';
import { resolveView } from './selection';
import { testReport } from './testReport';

describe('resolveView(report, view)', () => {
  const r = testReport();
  test.each([
    [{}, { group: 'e1', articleIds: ['a', 'b'], a: 'a', b: 'b' }],
    [{ event: 'nope', outlets: ['zzz'] }, { group: 'e1', articleIds: ['a', 'b'], a: 'a', b: 'b' }],
    [{ outlets: ['b'] }, { group: 'e1', articleIds: ['b'], a: 'b', b: null }],
    [{ a: 'b', b: 'b' }, { group: 'e1', articleIds: ['a', 'b'], a: 'b', b: 'a' }],
  ])('%j', (patch, out) => {
    const v = resolveView(r, { ...DEFAULT_VIEW, ...patch });
    expect({ group: v.group?.id, articleIds: v.articleIds, a: v.a, b: v.b }).toEqual(out);
  });
  test('an event with many articles opens on the first six', () => {
    const big = testReport();
    big.events[0]!.article_ids = Array.from({ length: 12 }, (_, i) => `x${i}`);
    expect(resolveView(big, DEFAULT_VIEW).articleIds).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'x5']);
  });
});
