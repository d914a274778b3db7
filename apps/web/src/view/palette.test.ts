import { describe, expect, test } from 'vitest';
import { assignClaimColours, CLAIM_TINTS, divergingColour, OKABE_ITO, outletColour } from './palette';

describe('outletColour(index)', () => {
  test.each([
    [0, '#0072B2'],
    [1, '#E69F00'],
    [8, '#0072B2'],
    [-1, '#000000'],
  ])('%i -> %s', (i, c) => expect(outletColour(i)).toBe(c));
});

describe('assignClaimColours(claims)', () => {
  test('colours shared claims in the given order, skips single-outlet claims, cycles the tints', () => {
    const claims = Array.from({ length: 10 }, (_, i) => ({ claim_id: `c${i}`, n_outlets: i === 1 ? 1 : 3 }));
    const m = assignClaimColours(claims);
    expect(m.has('c1')).toBe(false);
    expect(m.get('c0')).toEqual({ tint: CLAIM_TINTS[0], strong: OKABE_ITO[0] });
    expect(m.get('c2')).toEqual({ tint: CLAIM_TINTS[1], strong: OKABE_ITO[1] });
    expect(m.get('c9')!.tint).toBe(CLAIM_TINTS[(9 - 1) % CLAIM_TINTS.length]);
    expect(m.size).toBe(9);
  });
});

describe('divergingColour(value)', () => {
  test.each([
    [0, 'rgb(238, 238, 238)'],
    [1, 'rgb(0, 114, 178)'],
    [-1, 'rgb(213, 94, 0)'],
    [5, 'rgb(0, 114, 178)'],
  ])('%f -> %s', (v, c) => expect(divergingColour(v)).toBe(c));
});
