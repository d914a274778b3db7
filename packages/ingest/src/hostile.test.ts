/**
 * The hostile corpus (fixtures/hostile, see EXPECTED.md): every file must end as
 * articles or rejections with the right reason; nothing crashes, nothing is dropped.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { longTokensText, writeOversizeFile } from '../../../fixtures/hostile/make';
import { parseFile } from './index';
import { walkInputs, type FileResult } from './node';

const HOSTILE = join(__dirname, '../../../fixtures/hostile');
const SUPPORTED = '(supported: .txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv)';
const NO_OUTLET = 'no outlet given; set to "unknown"';
const CP1252 = 'decoded as windows-1252 (not valid UTF-8)';
const MC = 'no text column (Media Cloud story lists carry no text; export with text or fetch it)';

interface Expected {
  /** `id@line` of each article, in order. */
  articles: string[];
  /** `line: reason` of each rejection. */
  rejections: string[];
  /** Warnings that must be present (`line: message`, or a RegExp). */
  warnings: (string | RegExp)[];
}

/** In walk order (UTF-16 code units: upper case before lower case). Mirrors EXPECTED.md. */
const EXPECTED: [string, Expected][] = [
  ['EXPECTED.md', { articles: ['hostile-expected@null'], rejections: [], warnings: [] }],
  ['bbc-title-suffix.html', { articles: ['bbc-title-suffix@null'], rejections: [], warnings: [] }],
  ['cp1252.txt', { articles: ['cp1252@null'], rejections: [], warnings: [`null: ${CP1252}`, `null: ${NO_OUTLET}`] }],
  ['dates-mixed.jsonl', { articles: ['date-dmy@1', 'date-mdy@2', 'date-dots@3', 'date-ambiguous@4', 'date-offset@5'], rejections: [], warnings: ['4: published date "03/04/2025" is ambiguous: it could be day/month/year (3 April 2025) or month/day/year (March 4, 2025); set to null (pass --date-format dmy or mdy)'] }],
  ['duplicate-ids.jsonl', { articles: ['dup-1@1', 'dup-2@2', 'dup-1@3'], rejections: [], warnings: ['3: id "dup-1" already used on line 1'] }],
  ['empty.txt', { articles: [], rejections: ['null: empty file'], warnings: [] }],
  ['excel-semicolon.csv', { articles: ['xl-1@2', 'xl-2@3', 'xl-3@4'], rejections: [], warnings: ['null: CSV delimiter is ";" (detected from the first rows); read with ";"', '2: published time "18.02.2025 10:30" has no time zone; read as UTC', '3: published date "03.04.2025" is ambiguous: it could be day/month/year (3 April 2025) or month/day/year (March 4, 2025); set to null (pass --date-format dmy or mdy)'] }],
  ['frontmatter-broken.md', { articles: ['frontmatter-broken@null'], rejections: [], warnings: [/^null: front matter is not valid YAML \(.+\); its fields were ignored$/, `null: ${NO_OUTLET}`] }],
  ['hostile.html', { articles: ['hostile@null'], rejections: [], warnings: [/^null: JSON-LD block 1 is not valid JSON/, 'null: url scheme "javascript:" is not http(s); set to null'] }],
  ['image.txt', { articles: [], rejections: ['null: binary file (looks like PNG image), not text'], warnings: [] }],
  ['jsonld-cdata.html', { articles: ['jsonld-cdata@null'], rejections: [], warnings: [] }],
  ['latin1.txt', { articles: ['latin1@null'], rejections: [], warnings: [`null: ${CP1252}`, `null: ${NO_OUTLET}`] }],
  ['long-tokens.txt', { articles: ['long-tokens@null'], rejections: [], warnings: ['null: no title: the first line is over 200 characters; set "title" in front matter', `null: ${NO_OUTLET}`] }],
  ['make.ts', { articles: [], rejections: [`null: unsupported file type .ts ${SUPPORTED}`], warnings: [] }],
  ['malformed.jsonl', { articles: ['mf-1@1', 'mf-4@5'], rejections: [expect.stringMatching(/^2: invalid JSON: /) as unknown as string, '3: missing required field "text"'], warnings: ['5: published date "sometime last week" is not a date we can read; set to null'] }],
  ['media-cloud-text.csv', { articles: ['2518373194@2'], rejections: ['3: text column "text" is empty'], warnings: [] }],
  ['media-cloud.csv', { articles: [], rejections: [`2: ${MC}`, `3: ${MC}`], warnings: [] }],
  ['no-sentence-end.txt', { articles: ['no-sentence-end@null'], rejections: [], warnings: [`null: ${NO_OUTLET}`] }],
  ['non-english.md', { articles: ['non-english@null'], rejections: [], warnings: [] }],
  ['notes.xyz', { articles: [], rejections: [`null: unsupported file type .xyz ${SUPPORTED}`], warnings: [] }],
  ['nytimes-no-site-name.html', { articles: ['nytimes-no-site-name@null'], rejections: [], warnings: ['null: outlet "The New York Times" taken from the URL\'s domain nytimes.com (the page names no site: no og:site_name or JSON-LD publisher)'] }],
  ['quoted-newlines.csv', { articles: ['q-1@2', 'q-3@6', 'q-4@7'], rejections: ['5: row has 3 fields, header has 5 (missing columns: published, text)'], warnings: ['6: row has 7 fields, header has 5; the 2 extra field(s) were ignored (unquoted comma?)'] }],
  ['rtl-emoji.txt', { articles: ['rtl-emoji@null'], rejections: [], warnings: [`null: ${NO_OUTLET}`] }],
  ['same-article-twice/reuters-copy.txt', { articles: ['reuters-copy@null'], rejections: [], warnings: [`null: ${NO_OUTLET}`] }],
  ['same-article-twice/wire-original.txt', { articles: ['wire-original@null'], rejections: [], warnings: [`null: ${NO_OUTLET}`] }],
  ['tab-separated.csv', { articles: ['tab-1@2', 'tab-2@3'], rejections: [], warnings: ['null: CSV delimiter is tab (detected from the first rows); read with tab'] }],
  ['unknown-domain.html', { articles: ['unknown-domain@null'], rejections: [], warnings: ['null: outlet set to the URL\'s domain "example-gazette.org" (the page names no site: no og:site_name or JSON-LD publisher)', 'null: the page gives no publication date; used its last-modified date as published'] }],
  ['utf16.txt', { articles: ['utf16@null'], rejections: [], warnings: [`null: ${NO_OUTLET}`] }],
  ['whitespace.txt', { articles: [], rejections: ['null: whitespace only'], warnings: [] }],
];

let results: Map<string, FileResult>;
let order: string[];
beforeAll(async () => {
  results = new Map();
  order = [];
  for await (const r of walkInputs([HOSTILE])) {
    const rel = relative(HOSTILE, r.path);
    order.push(rel);
    results.set(rel, r);
  }
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [relative(HOSTILE, p)];
  });
}

describe('fixtures/hostile via walkInputs', () => {
  test('every non-hidden file is accounted for, in a stable order', () => {
    const visible = listFiles(HOSTILE).filter((p) => !p.split('/').some((part) => part.startsWith('.')));
    expect(order).toEqual(EXPECTED.map(([f]) => f));
    expect([...order].sort()).toEqual([...visible].sort());
    expect(order).not.toContain('.hidden.txt');
  });

  test.each(EXPECTED)('%s', (file, expected) => {
    const r = results.get(file);
    expect(r).toBeDefined();
    if (!r) return;
    expect(r.articles.map((a) => `${a.id}@${a.source.line}`)).toEqual(expected.articles);
    expect(r.rejections.map((x) => `${x.line}: ${x.reason}`)).toEqual(expected.rejections);
    const warnings = r.warnings.map((w) => `${w.line}: ${w.message}`);
    for (const w of expected.warnings) {
      expect(warnings.some((m) => (typeof w === 'string' ? m === w : w.test(m))), `${String(w)} in ${JSON.stringify(warnings)}`).toBe(true);
    }
    // Every record is an article or a rejection, never both, never neither.
    expect(r.articles.length + r.rejections.length).toBeGreaterThan(0);
    for (const a of r.articles) expect(a.source.path).toBe(join(HOSTILE, file));
  });
});

describe('fixtures/hostile contents', () => {
  const article = (file: string) => {
    const a = results.get(file)?.articles[0];
    if (!a) throw new Error(`no article for ${file}`);
    return a;
  };

  test('hostile.html: nothing executed, no script/iframe/template/form text, javascript: url dropped', () => {
    const a = article('hostile.html');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(a.text).not.toMatch(/__pwned|INJECTED|NOSCRIPT|TEMPLATE|INPUT VALUE|BUTTON|javascript:/);
    // Readability drops the <h1> that repeats og:title; the three <p> remain.
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect([a.outlet, a.title, a.published, a.url, a.language]).toEqual(['Harbour Times', 'Harbour fire contained after six hours', '2025-03-01T18:45:00Z', null, 'en']);
  });

  // [file, article index, outlet, title, published, author]
  test.each([
    ['excel-semicolon.csv', 0, 'Harbour Times', 'Port strike enters second week', '2025-02-18T10:30:00Z', 'Anna Berg'],
    ['excel-semicolon.csv', 1, 'Harbour Times', 'Ferry services cut back', null, 'Anna Berg, Tom Lind'],
    ['excel-semicolon.csv', 2, 'Valley Post', 'Strike talks to resume', '2025-02-20T00:00:00Z', null],
    ['tab-separated.csv', 0, 'Valley Post', '', '2025-02-18T00:00:00Z', null],
    ['tab-separated.csv', 1, 'Valley Post', '', '2025-02-19T13:00:00Z', null],
    ['dates-mixed.jsonl', 0, 'Valley Post', '', '2025-02-18T00:00:00Z', 'Maria Lopez'],
    ['dates-mixed.jsonl', 1, 'Valley Post', '', '2025-02-18T00:00:00Z', 'Sam Ortiz'],
    ['dates-mixed.jsonl', 2, 'Valley Post', '', '2025-02-18T00:00:00Z', 'Maria Lopez; Sam Ortiz'],
    ['dates-mixed.jsonl', 3, 'Valley Post', '', null, null],
    ['dates-mixed.jsonl', 4, 'Valley Post', '', '2025-02-19T04:30:00Z', null],
    ['nytimes-no-site-name.html', 0, 'The New York Times', 'Lawmakers Reach Deal to Avert Shutdown', '2025-02-19T00:00:00Z', 'Jane Roe and John Poe'],
    ['bbc-title-suffix.html', 0, 'BBC News', 'Funding deal reached in Washington', '2025-02-19T16:05:00Z', 'BBC News'],
    ['jsonld-cdata.html', 0, 'Example Gazette', 'Deal reached to avert a shutdown', '2025-02-19T17:00:00Z', 'Ada Park; Ben Cole'],
    ['unknown-domain.html', 0, 'example-gazette.org', 'Shutdown averted', '2025-02-20T12:00:00Z', null],
  ])('%s #%i: outlet %j, title %j, published %j, author %j', (file, i, outlet, title, published, author) => {
    const a = results.get(file)?.articles[i];
    expect([a?.outlet, a?.title, a?.published, a?.author]).toEqual([outlet, title, published, author]);
  });

  test('excel-semicolon.csv: the text column is found (BOM stripped from the header) and commas stay inside the text', () => {
    const a = article('excel-semicolon.csv');
    expect(a.text).toBe('Dock workers extended their strike on Tuesday, the union said. Talks with the port authority, which began last week, broke down again after three hours.');
  });

  test('cp1252.txt / latin1.txt: smart quotes, euro, accents decoded', () => {
    expect(article('cp1252.txt').text).toContain('minister’s “final offer” an insult — and');
    expect(article('cp1252.txt').text).toContain('€1.2 billion');
    expect(article('latin1.txt').title).toBe('Café owners in Montréal protest new rent rules');
  });

  test('utf16.txt decoded, BOM gone', () => {
    expect(article('utf16.txt').text.startsWith('Floods close schools')).toBe(true);
    expect(article('utf16.txt').text).toContain('café-lined');
  });

  test('rtl-emoji.txt and no-sentence-end.txt: text kept byte for byte', () => {
    for (const f of ['rtl-emoji.txt', 'no-sentence-end.txt']) {
      expect(article(f).text).toBe(readFileSync(join(HOSTILE, f), 'utf8'));
    }
  });

  test('non-english.md: declared language and offset kept', () => {
    const a = article('non-english.md');
    expect([a.outlet, a.language, a.published, a.title]).toEqual(['Tagesblatt', 'de', '2025-02-18T09:00:00Z', 'Hafenstreik geht in die zweite Woche']);
    expect(a.text.startsWith('# Hafenstreik geht in die zweite Woche\n\nDie Hafenarbeiter')).toBe(true);
  });

  test('same-article-twice: identical text, distinct ids (the engine marks the duplicate)', () => {
    const a = article('same-article-twice/reuters-copy.txt');
    const b = article('same-article-twice/wire-original.txt');
    expect(a.text).toBe(b.text);
    expect(a.id).not.toBe(b.id);
  });

  test('quoted-newlines.csv: quoted newlines kept inside the text, outlet on one line', () => {
    const r = results.get('quoted-newlines.csv');
    expect(r?.articles[0]?.text).toBe('First paragraph of the story.\r\n\r\nSecond paragraph, after a blank line.');
    expect(r?.articles[2]?.outlet).toBe('Daily Ledger');
    expect(r?.articles[2]?.title).toBe('A "quoted" title');
  });

  test('long-tokens.txt is what make.ts generates, and parses whole', () => {
    const committed = readFileSync(join(HOSTILE, 'long-tokens.txt'), 'utf8');
    expect(committed).toBe(longTokensText());
    expect(article('long-tokens.txt').text).toBe(committed);
    expect(committed.split('\n')[0]).toHaveLength(20_000);
    expect(committed.split('\n')[2]?.split(' ')).toHaveLength(10_000);
  });
});

describe('a 50 MB file (generated at test time, never committed)', () => {
  let dir: string;
  let path: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-oversize-'));
    path = writeOversizeFile(dir, 50);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const REASON = 'file is 50.0 MB, over the 20 MB limit (use --max-bytes)';

  test('walkInputs rejects it from stat, before reading', async () => {
    const out: FileResult[] = [];
    for await (const r of walkInputs([dir])) out.push(r);
    expect(out).toEqual([{ path, articles: [], rejections: [{ path, line: null, reason: REASON }], warnings: [] }]);
  });

  test('parseFile rejects it before decoding', () => {
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(50 * 1024 * 1024);
    expect(parseFile(path, bytes).rejections).toEqual([{ path, line: null, reason: REASON }]);
  });
});
