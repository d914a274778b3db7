/**
 * The CLI run on the bundled Riyadh fixture, checked against the hand-checked
 * expectations in fixtures/gold/riyadh-expected.json and the output contract.
 */
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { AnalysisReport, CSV_HEADERS, OUTPUT_FILES } from '@parallax/core';
import { runAnalyze } from './commands/analyze';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const expected = JSON.parse(readFileSync(join(root, 'fixtures/gold/riyadh-expected.json'), 'utf8')) as {
  articles: Record<string, { outlet: string; sentences: number; boilerplate: { text: string; rule: string }[]; entities: string[] }>;
};

let out: string;
let report: AnalysisReport;
const lines: string[] = [];

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'parallax-fixture-')), 'out');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await runAnalyze(['fixtures/riyadh-2025-02-18'], { out, quiet: true }, (l) => lines.push(l));
  } finally {
    process.chdir(cwd);
  }
  report = AnalysisReport.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
}, 600_000); // loads the sentence encoder and encodes the event's sentences

afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

const readCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(out, name), 'utf8'), { header: true, skipEmptyLines: true });

describe('parallax analyze fixtures/riyadh-2025-02-18', () => {
  test('writes every file of the output contract', () => {
    for (const f of OUTPUT_FILES) expect(() => readFileSync(join(out, f))).not.toThrow();
  });

  test.each(Object.entries(CSV_HEADERS))('%s starts with its fixed header', (name, header) => {
    const first = readFileSync(join(out, name), 'utf8').split('\r\n')[0]!;
    expect(first.split(',').slice(0, header.length)).toEqual([...header]);
  });

  test('accounts for 5 inputs, all analysed, and says so', () => {
    expect(report.inputs).toHaveLength(5);
    expect(report.inputs.every((i) => i.status === 'analysed' && i.line === null)).toBe(true);
    expect(lines.join('\n')).toMatch(/^analysed 5 articles, rejected 0, duplicate 0 \(of 5 inputs\)/);
  });

  test('report carries schema version, tool and hashed lexicons', () => {
    expect(report.tool.name).toBe('parallax');
    expect(report.lexicons.length).toBeGreaterThan(0);
    for (const l of report.lexicons) expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  describe.each(Object.entries(expected.articles))('article %s', (id, exp) => {
    const article = () => report.articles.find((a) => a.id === id)!;

    test('has its outlet and the hand-counted number of sentences', () => {
      expect(article().outlet).toBe(exp.outlet);
      expect(article().sentences).toHaveLength(exp.sentences);
    });

    test.each(exp.boilerplate)('boilerplate removed with a reason: $text', ({ text, rule }) => {
      const span = article().removed.find((r) => r.text.includes(text) || text.includes(r.text.trim()));
      expect(span, `no removed span covers ${JSON.stringify(text)}`).toBeDefined();
      expect(span!.rule.startsWith(rule)).toBe(true);
      expect(span!.reason.length).toBeGreaterThan(5);
      expect(article().text.slice(span!.start, span!.end)).toBe(span!.text);
    });

    test('no sentence overlaps boilerplate', () => {
      const a = article();
      for (const s of a.sentences) for (const r of a.removed) expect(s.end <= r.start || s.start >= r.end).toBe(true);
    });

    test('mentions its key entities', () => {
      const ids = new Set(article().entities.map((e) => e.entity_id));
      // People are in no gazetteer (issue 12): a person's id is the spelling the corpus chose
      // (Tami / Tammy Bruce; Mike / Michael Waltz are not merged without a nickname table), so a
      // person counts as mentioned by an id with the same surname.
      const surname = (id: string) => (id.startsWith('person:') ? `person:${id.split('-').pop()}` : id);
      const names = new Set([...ids].filter((x): x is string => x !== null).map(surname));
      expect(exp.entities.filter((e) => !ids.has(e) && !names.has(surname(e)))).toEqual([]);
    });
  });

  test('sentences.csv rows match the report sentences and their text', () => {
    const rows = readCsv('sentences.csv').data;
    expect(rows).toHaveLength(report.articles.reduce((n, a) => n + a.sentences.length, 0));
    for (const r of rows.slice(0, 50)) {
      const a = report.articles.find((x) => x.id === r.article_id)!;
      expect(a.text.slice(Number(r.start), Number(r.end)).replace(/^'(?=[=+\-@])/, '')).toBe(r.text!.replace(/^'(?=[=+\-@])/, ''));
    }
  });
});
