import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sniffDelimiter } from './csv';
import { parseFile } from './index';
import { streamCsv } from './node';
import type { IngestEvent } from './records';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const BOM = '\ufeff';

describe('sniffDelimiter(text, newline)', () => {
  test.each([
    ['comma', 'id,outlet,text\n1,A,"Hello; world"\n2,B,x\n', ',', null],
    ['semicolon (Excel, decimal-comma locales)', 'id;outlet;text\n1;A;"Hello, world, again"\n2;B;"x, y"\n', ';', 'CSV delimiter is ";" (detected from the first rows); read with ";"'],
    ['tab', 'id\toutlet\ttext\n1\tA\tHello, world; again\n', '\t', 'CSV delimiter is tab (detected from the first rows); read with tab'],
    ['header only, semicolon', 'id;outlet;text\n', ';', 'CSV delimiter is ";" (detected from the first rows); read with ";"'],
    ['one column: nothing to detect', 'text\nHello\nWorld\n', ',', null],
    ['a header with commas over rows with none', 'id,outlet,text\nx\ny\nz\nw\n', ',', 'CSV delimiter could not be detected (rows split unevenly on comma, semicolon and tab); read as ","'],
    ['two columns, trailing blank lines', 'outlet,text\nA,body\n\n\n', ',', null],
  ])('%s', (_name, text, delimiter, message) => {
    expect(sniffDelimiter(text, '\n')).toEqual({ delimiter, message });
  });
});

describe('parseFile — CSV dialects', () => {
  test.each([
    ['Excel: BOM + ; + CRLF', `${BOM}id;outlet;title;text\r\n1;A;T;"Body, with commas."\r\n2;B;T2;Plain body.\r\n`],
    ['BOM + tab', `${BOM}id\toutlet\ttitle\ttext\n1\tA\tT\tBody, with commas.\n2\tB\tT2\tPlain body.\n`],
    ['BOM + comma', `${BOM}id,outlet,title,text\n1,A,T,"Body, with commas."\n2,B,T2,Plain body.\n`],
    ['quoted header names', `${BOM}"id";"outlet";"title";"text"\r\n"1";"A";"T";"Body, with commas."\r\n"2";"B";"T2";"Plain body."\r\n`],
  ])('%s: every row read, the text column found', (_name, src) => {
    const r = parseFile('x.csv', enc(src));
    expect(r.rejections).toEqual([]);
    expect(r.articles.map((a) => [a.id, a.outlet, a.title, a.text])).toEqual([['1', 'A', 'T', 'Body, with commas.'], ['2', 'B', 'T2', 'Plain body.']]);
    expect(r.warnings.filter((w) => /row has|header has/.test(w.message))).toEqual([]);
  });

  test('extra fields name the delimiter in use', () => {
    const r = parseFile('x.csv', enc('id;outlet;text\n1;A;body;oops\n2;B;ok\n'));
    expect(r.warnings.map((w) => w.message)).toContain('row has 4 fields, header has 3; the 1 extra field(s) were ignored (unquoted semicolon?)');
  });

  test('author / byline / authors columns', () => {
    const r = parseFile('x.csv', enc('id,outlet,byline,text\n1,A,By Jane Roe,Body.\n2,B,,Body two.\n'));
    expect(r.articles.map((a) => a.author)).toEqual(['Jane Roe', null]);
  });

  test('dateFormat applies to CSV rows', () => {
    const src = 'id,outlet,published,text\n1,A,03/04/2025,Body.\n';
    expect(parseFile('x.csv', enc(src)).articles[0]?.published).toBeNull();
    expect(parseFile('x.csv', enc(src), { dateFormat: 'dmy' }).articles[0]?.published).toBe('2025-04-03T00:00:00Z');
    expect(parseFile('x.csv', enc(src), { dateFormat: 'mdy' }).articles[0]?.published).toBe('2025-03-04T00:00:00Z');
  });
});

describe('streamCsv(path) agrees with parseFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const key = (e: IngestEvent): string =>
    e.kind === 'article' ? `A ${e.article.id}@${e.article.source.line} ${e.article.published} ${e.article.author} ${e.article.text}`
      : e.kind === 'rejection' ? `R ${e.rejection.line} ${e.rejection.reason}` : `W ${e.warning.line} ${e.warning.message}`;

  test.each([
    ['semicolon.csv', `${BOM}id;outlet;published;author;text\r\n1;A;18.02.2025;Jane;"Body, one."\r\n2;B;03.04.2025;;"Body; two."\r\n`],
    // the sample the delimiter is guessed from is longer than one read chunk
    ['long.csv', `id;outlet;text\n${Array.from({ length: 40 }, (_, i) => `${i};A;"${'word, '.repeat(400)}end."`).join('\n')}\n`],
    ['tab.csv', 'id\toutlet\ttext\n1\tA\tBody.\n'],
  ])('%s', async (name, src) => {
    const path = join(dir, name);
    writeFileSync(path, src);
    const streamed: string[] = [];
    for await (const e of streamCsv(path, { dateFormat: 'dmy' })) streamed.push(key(e));
    const whole = parseFile(path, enc(src), { dateFormat: 'dmy' });
    const fromWhole = [
      ...whole.warnings.map((w) => key({ kind: 'warning', warning: w })),
      ...whole.articles.map((a) => key({ kind: 'article', article: a })),
      ...whole.rejections.map((r) => key({ kind: 'rejection', rejection: r })),
    ];
    expect([...streamed].sort()).toEqual([...fromWhole].sort());
    expect(streamed.filter((k) => k.startsWith('A '))).toHaveLength(whole.articles.length);
    expect(whole.rejections).toEqual([]);
  });
});
