import { describe, expect, test } from 'vitest';
import { parseFile } from './index';
import { INGEST_WARNING_KINDS, ingestWarningKind } from './summary';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Inputs that make the readers write each kind of warning (the messages come from the readers themselves). */
const CASES: [string, string, string][] = [
  ['no-outlet', 'a.txt', 'Body.'],
  ['outlet-from-domain', 'a.html', '<html><head><link rel="canonical" href="https://www.nytimes.com/a"></head><body><p>Officials met on Tuesday in the capital for talks.</p></body></html>'],
  ['date-ambiguous', 'a.jsonl', '{"id":"1","outlet":"A","published":"03/04/2025","text":"x"}'],
  ['date-unreadable', 'a.jsonl', '{"id":"1","outlet":"A","published":"last week","text":"x"}'],
  ['date-no-zone', 'a.jsonl', '{"id":"1","outlet":"A","published":"2025-02-18 10:00","text":"x"}'],
  ['date-modified', 'a.html', '<html><head><meta property="og:site_name" content="S"><meta property="article:modified_time" content="2025-02-18"></head><body><p>Officials met on Tuesday in the capital for talks.</p></body></html>'],
  ['csv-delimiter', 'a.csv', 'id;outlet;text\n1;A;x\n'],
  ['csv-delimiter-undetected', 'a.csv', 'id,outlet,text\nx\ny\nz\nw\n'],
  ['csv-extra-fields', 'a.csv', 'id,outlet,text\n1,A,x,y\n2,B,z\n'],
  ['csv-duplicate-columns', 'a.csv', 'id,outlet,text,text\n1,A,x,y\n'],
  ['duplicate-id', 'a.jsonl', '{"id":"1","outlet":"A","text":"x"}\n{"id":"1","outlet":"A","text":"y"}'],
  ['unknown-fields', 'a.jsonl', '{"id":"1","outlet":"A","text":"x","tags":[]}'],
  ['front-matter', 'a.md', '---\n- a\n---\nBody.'],
  ['encoding', 'a.txt', '\u0000'],
  ['bad-url', 'a.jsonl', '{"id":"1","outlet":"A","url":"/x","text":"x"}'],
  ['bad-language', 'a.jsonl', '{"id":"1","outlet":"A","language":"German","text":"x"}'],
  ['bad-field-type', 'a.jsonl', '{"id":"1","outlet":"A","title":{"a":1},"text":"x"}'],
  ['no-title', 'a.txt', `${'word '.repeat(60)}\nBody.`],
  ['json-ld', 'a.html', '<html><head><meta property="og:site_name" content="S"><script type="application/ld+json">{</script></head><body><p>Officials met on Tuesday in the capital for talks.</p></body></html>'],
];

describe('ingestWarningKind(message)', () => {
  test.each(CASES.filter(([kind]) => kind !== 'encoding'))('%s: the reader writes a warning of this kind', (kind, name, src) => {
    const kinds = parseFile(name, enc(src)).warnings.map((w) => ingestWarningKind(w.message)?.kind ?? null);
    expect(kinds).toContain(kind);
  });

  test('encoding: windows-1252 and U+FFFD messages', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]); // "Café opens." in Windows-1252
    const kinds = parseFile('a.txt', bytes).warnings.map((w) => ingestWarningKind(w.message)?.kind ?? null);
    expect(kinds).toContain('encoding');
    expect(ingestWarningKind('x.jsonl: 3 invalid UTF-8 sequence(s) replaced with U+FFFD')?.kind).toBe('encoding');
    // records.ts writes this one for papaparse's InvalidQuotes
    expect(ingestWarningKind('a.csv:2: stray " inside an unquoted field; read literally')?.kind).toBe('csv-stray-quote');
  });

  test('with the report\'s "path:line: " prefix', () => {
    expect(ingestWarningKind('corpus/a.csv:12: no outlet given; set to "unknown"')?.kind).toBe('no-outlet');
  });

  test('an unknown message has no kind', () => {
    expect(ingestWarningKind('something new')).toBeNull();
  });

  test('kinds are unique and every reader message matches exactly one kind', () => {
    expect(new Set(INGEST_WARNING_KINDS.map((k) => k.kind)).size).toBe(INGEST_WARNING_KINDS.length);
    for (const [, name, src] of CASES) {
      for (const w of parseFile(name, enc(src)).warnings) {
        expect(INGEST_WARNING_KINDS.filter((k) => k.pattern.test(w.message)).map((k) => k.kind), w.message).toHaveLength(1);
      }
    }
  });

  test('summary lines', () => {
    const kind = (k: string) => INGEST_WARNING_KINDS.find((x) => x.kind === k)!;
    expect(kind('no-outlet').summary('2,000', false)).toBe('2,000 articles have no outlet (set to "unknown"): set it with front matter `outlet:`, an outlet column or field, or og:site_name');
    expect(kind('no-outlet').summary('1', true)).toBe('1 article has no outlet (set to "unknown"): set it with front matter `outlet:`, an outlet column or field, or og:site_name');
    expect(kind('date-ambiguous').summary('3', false)).toBe('3 dates were ambiguous (day/month or month/day, e.g. 03/04/2025) and set to null: pass --date-format dmy or mdy');
  });
});
