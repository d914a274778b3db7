import { expect, test } from 'vitest';
import { createEngine, naturalOrder } from './engine';

const m = (message: string) => ({ article_id: null, code: 'ingest', message });

test.each([
  [['a.csv:12: x', 'a.csv:2: y'], ['a.csv:2: y', 'a.csv:12: x']],
  [['b.txt: q', 'a.csv:3: z'], ['a.csv:3: z', 'b.txt: q']],
  [['a.csv:2: b', 'a.csv:2: a'], ['a.csv:2: a', 'a.csv:2: b']],
  [['A.txt: x', 'a.txt: x'], ['A.txt: x', 'a.txt: x']], // code units: upper case first, no locale
  [['x', 'x'], ['x', 'x']],
])('naturalOrder(%j) = %j', (input, expected) => {
  expect(naturalOrder(input.map(m)).map((w) => w.message)).toEqual(expected);
});

test('buildReport: shell warnings do not depend on the order they were given in', () => {
  const engine = createEngine();
  const warnings = ['b.md: no outlet given; set to "unknown"', 'a.csv:10: x', 'a.csv:9: y'].map(m);
  const one = engine.buildReport([], [], { warnings });
  const two = engine.buildReport([], [], { warnings: [...warnings].reverse() });
  expect(one.warnings).toEqual(two.warnings);
  expect(one.warnings.map((w) => w.message)).toEqual(['a.csv:9: y', 'a.csv:10: x', 'b.md: no outlet given; set to "unknown"']);
});
