import { describe, expect, test } from 'vitest';
import { jsonChunks, neutralizeCell, toCsv } from './exports';

describe('toCsv(header, rows)', () => {
  test.each([
    ['header only', [], 'a,b\r\n'],
    ['one row', [[1, 'x']], 'a,b\r\n1,x\r\n'],
    ['quotes, commas and newlines are quoted (RFC 4180)', [['say "hi"', 'a,b\nc']], 'a,b\r\n"say ""hi""","a,b\nc"\r\n'],
    ['null and undefined are empty cells', [[null, undefined]], 'a,b\r\n,\r\n'],
    ['booleans are true/false', [[true, false]], 'a,b\r\ntrue,false\r\n'],
  ])('%s', (_n, rows, expected) => {
    expect(toCsv(['a', 'b'], rows as never)).toBe(expected);
  });
});

describe('neutralizeCell(value) — OWASP CSV injection', () => {
  test.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@A1', "'@A1"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['plain text', 'plain text'],
    [-0.5, -0.5],
    [Number.NaN, ''],
  ])('%j -> %j', (input, expected) => {
    expect(neutralizeCell(input as never)).toBe(expected);
  });
});

describe('jsonChunks(value) — the bytes of JSON.stringify(value, null, 2) + newline, in pieces', () => {
  test.each([
    ['empty object', {}],
    ['scalars and nested objects', { a: 1, b: 'x\ny "q"', c: null, d: { e: [1, { f: 'g' }], h: {} }, i: true }],
    ['top-level arrays split per element, empty arrays kept', { xs: [{ a: 1, b: [2, 3] }, 'two\nlines', null, []], empty: [], n: 0 }],
    ['undefined fields and elements as JSON.stringify treats them', { a: undefined, b: [undefined, 1], c: 'after' }],
    ['a top-level array', [1, { a: [2] }]],
  ])('%s', (_n, value) => {
    const chunks = [...jsonChunks(value)];
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  test('a report is split into many small pieces', () => {
    const value = { rows: Array.from({ length: 1000 }, (_, i) => ({ i, text: `row ${i}` })) };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(1000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(100);
  });
});
