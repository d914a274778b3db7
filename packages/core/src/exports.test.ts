import { describe, expect, test } from 'vitest';
import { neutralizeCell, toCsv } from './exports';

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
