import { describe, expect, test } from 'vitest';
import { analysisParameters, canonicalJson } from './parameters';
import { SCORE_DECIMALS, WEIGHT_DECIMALS } from './engine';
import { createEngine } from './engine';

describe('canonicalJson', () => {
  test.each([
    [{ b: 1, a: { d: [2, { z: 1, y: 0 }], c: 'x' } }, '{"a":{"c":"x","d":[2,{"y":0,"z":1}]},"b":1}'],
    [[3, 1], '[3,1]'],
    [{ a: undefined, b: null }, '{"b":null}'],
  ])('%j', (v, s) => expect(canonicalJson(v)).toBe(s));
});

describe('analysisParameters', () => {
  test('names every stage whose constants shape results, and the hash is of their canonical JSON', () => {
    const p = analysisParameters();
    expect(Object.keys(p.parameters).sort()).toEqual(['claims', 'events', 'rounding', 'sentiment']);
    expect(p.parameters.rounding).toEqual({ score_decimals: SCORE_DECIMALS, weight_decimals: WEIGHT_DECIMALS });
    expect(p.parameters_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(analysisParameters().parameters_sha256).toBe(p.parameters_sha256);
  });

  test('the report records them', () => {
    const report = createEngine().analyze({
      articles: [{ id: 'a', outlet: 'o', title: 't', published: null, url: null, language: 'en', text: 'One sentence here. And another one.', source: { path: 'a.txt', line: null } }],
    });
    expect(report.options.parameters_sha256).toBe(analysisParameters().parameters_sha256);
    expect(report.options.parameters).toEqual(analysisParameters().parameters);
  });
});
