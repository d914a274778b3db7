import { describe, expect, test } from 'vitest';
import * as ingest from './index';
import { DEFAULT_MAX_BYTES, parseFile, unsupportedReason } from './index';
import { LENIENT_NOTE, simpleKeyValues } from './text';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const only = (name: string, src: string) => {
  const r = parseFile(name, enc(src));
  expect(r.rejections).toEqual([]);
  expect(r.articles).toHaveLength(1);
  return { article: r.articles[0]!, warnings: r.warnings.map((w) => w.message) };
};

describe('public exports', () => {
  test('are locked', () => {
    expect(Object.keys(ingest).sort()).toEqual([
      'CSV_DELIMITERS', 'CsvReader', 'DATE_FORMATS', 'DEFAULT_MAX_BYTES', 'INGEST_WARNING_KINDS', 'JsonlReader', 'NO_TEXT_MEDIA_CLOUD',
      'SUPPORTED_EXTENSIONS', 'contentHash', 'csvNewline', 'decodeBytes', 'decodeWindows1252', 'domToText', 'extensionOf',
      'ingestWarningKind', 'normalizeDate', 'parseCsv', 'parseFile', 'parseJsonl', 'quoteProblem', 'readDate', 'sniffBinary',
      'sniffDelimiter', 'splitFrontMatter', 'unsupportedReason',
    ]);
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('parseFile(name, bytes, opts) — misuse throws', () => {
  test.each([
    [{ maxByte: 5 }, 'unknown ingest option `maxByte` (known: maxBytes, dateFormat)'],
    [{ maxBytes: 0 }, '`maxBytes` must be a positive number of bytes, got 0'],
    [{ maxBytes: Number.NaN }, '`maxBytes` must be a positive number of bytes, got NaN'],
  ])('%j', (opts, message) => {
    expect(() => parseFile('a.txt', enc('x'), opts as never)).toThrow(message);
  });
  test('bytes must be a Uint8Array', () => {
    expect(() => parseFile('a.txt', 'text' as never)).toThrow('`bytes` must be a Uint8Array');
  });
});

describe('parseFile — dispatch and file-level rejections', () => {
  test.each([
    ['story.pdf', 'unsupported file type .pdf (supported: .txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv)'],
    ['README', 'unsupported file type: no extension (supported: .txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv)'],
    ['.txt', 'unsupported file type: no extension (supported: .txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv)'],
  ])('%s', (name, reason) => {
    expect(parseFile(name, enc('Some text.'))).toEqual({ articles: [], rejections: [{ path: name, line: null, reason }], warnings: [] });
    expect(unsupportedReason(name)).toBe(reason);
  });

  test.each(['a.TXT', 'a.Md', 'a.HTM', 'a.NDJSON', 'dir.v2/a.csv'])('%s is supported (case-insensitive)', (name) => {
    expect(unsupportedReason(name)).toBeNull();
  });

  test.each([
    ['empty.txt', '', 'empty file'],
    ['ws.txt', ' \n\t\r\n ', 'whitespace only'],
    ['ws.jsonl', '\n\n  \n', 'whitespace only'],
    ['ws.html', '   ', 'whitespace only'],
    ['fm.md', '---\ntitle: Only front matter\n---\n\n  \n', 'empty body (front matter only)'],
    ['blank.html', '<html><head><title>x</title><script>var a=1</script></head><body>  </body></html>', 'no readable text in HTML'],
    ['header.csv', 'id,outlet,text\n', 'no data rows (header only)'],
  ])('%s -> %s', (name, src, reason) => {
    const r = parseFile(name, enc(src));
    expect(r.articles).toEqual([]);
    expect(r.rejections.map((x) => x.reason)).toEqual([reason]);
  });

  test('size is checked before decoding', () => {
    const bytes = new Uint8Array(2 * 1024 * 1024 + 1);
    expect(parseFile('big.txt', bytes, { maxBytes: 2 * 1024 * 1024 }).rejections).toEqual([
      { path: 'big.txt', line: null, reason: 'file is 2.0 MB, over the 2 MB limit (use --max-bytes)' },
    ]);
  });
});

describe('parseFile — .txt / .md', () => {
  test('plain text: id from the file stem, title from a short first line, body untouched', () => {
    const { article, warnings } = only('corpus/bbc/2025-02-18-riyadh.txt', 'US and Russia meet in Riyadh\n\nOfficials met on Tuesday.\r\n');
    expect(article).toEqual({
      id: '2025-02-18-riyadh', outlet: 'unknown', title: 'US and Russia meet in Riyadh', published: null, url: null, language: null, author: null,
      text: 'US and Russia meet in Riyadh\n\nOfficials met on Tuesday.\r\n', source: { path: 'corpus/bbc/2025-02-18-riyadh.txt', line: null },
    });
    expect(warnings).toEqual(['no outlet given; set to "unknown"']);
  });

  test('front matter fills every field; the headline stays in the body', () => {
    const src = '---\nid: bbc-1\noutlet: BBC News\ntitle: "Talks: day two"\npublished: 2025-02-18T10:00:00+01:00\nurl: https://bbc.example/a\nlanguage: en-GB\nauthor: By Jane Doe\n---\n# Talks: day two\n\nBody.\n';
    const { article, warnings } = only('x.md', src);
    expect(article).toEqual({
      id: 'bbc-1', outlet: 'BBC News', title: 'Talks: day two', published: '2025-02-18T09:00:00Z', url: 'https://bbc.example/a', language: 'en', author: 'Jane Doe',
      text: '# Talks: day two\n\nBody.\n', source: { path: 'x.md', line: null },
    });
    expect(warnings).toEqual([]);
  });

  test.each([
    ['markdown heading marks are dropped from the fallback title', 'a.md', '## The headline ##\n\nBody.', 'The headline', []],
    ['text files keep a leading # in the title', 'a.txt', '# not markdown\nBody.', '# not markdown', []],
    ['leading blank lines are skipped', 'a.txt', '\n\n  Headline  \nBody.', 'Headline', []],
    ['a long first line is not a title', 'a.txt', `${'word '.repeat(60)}\nBody.`, '', ['no title: the first line is over 200 characters; set "title" in front matter']],
  ])('%s', (_name, file, src, title, extra) => {
    const { article, warnings } = only(file, src);
    expect(article.title).toBe(title);
    expect(article.text).toBe(src);
    expect(warnings).toEqual([...extra, 'no outlet given; set to "unknown"']);
  });

  test.each([
    ['invalid YAML', '---\ntitle: "unclosed\n---\nBody.', /^front matter is not valid YAML \(.+\); its fields were ignored$/, 'Body.'],
    ['not a mapping', '---\n- a\n- b\n---\nBody.', 'front matter must be a YAML mapping, got an array; its fields were ignored', 'Body.'],
    ['never closed', '---\ntitle: x\nBody.', 'front matter opened with "---" but never closed; kept as body text', '---\ntitle: x\nBody.'],
    ['unknown keys', '---\noutlet: X\nauthor: Jane\ntags: [a]\n---\nBody.', 'ignored unknown front matter keys: tags (known: id, outlet, title, published, url, language, author, byline, authors)', 'Body.'],
    ['bad date', '---\noutlet: X\npublished: last Tuesday\n---\nBody.', 'published date "last Tuesday" is not a date we can read; set to null', 'Body.'],
    ['bad url', '---\noutlet: X\nurl: javascript:alert(1)\n---\nBody.', 'url scheme "javascript:" is not http(s); set to null', 'Body.'],
    ['relative url', '---\noutlet: X\nurl: /news/a\n---\nBody.', 'url "/news/a" is not an absolute URL; set to null', 'Body.'],
    ['bad language', '---\noutlet: X\nlanguage: German\n---\nBody.', 'language "German" is not a language code such as "en" or "de-DE"; set to null', 'Body.'],
    ['object as title', '---\noutlet: X\ntitle: {a: 1}\n---\nBody.', 'title must be a string, got an object; ignored', 'Body.'],
  ])('front matter problem: %s -> warning, article kept', (_name, src, message, body) => {
    const { article, warnings } = only('a.md', src);
    expect(warnings.some((w) => (typeof message === 'string' ? w === message : message.test(w)))).toBe(true);
    expect(article.text).toBe(body);
  });

  test('an unquoted colon in a value: the fields still read, with a plain-words warning', () => {
    const { article, warnings } = only('a.md', '---\nid: talks-day-2\noutlet: Daily Ledger\ntitle: Riyadh talks: day two\npublished: 2025-02-18\n---\nBody.');
    expect([article.id, article.outlet, article.title, article.published]).toEqual(['talks-day-2', 'Daily Ledger', 'Riyadh talks: day two', '2025-02-18T00:00:00Z']);
    expect(warnings).toContain(LENIENT_NOTE);
    expect(article.text).toBe('Body.');
  });

  test.each([
    ['a quoted value', 'title: "Talks: day two\noutlet: X'],
    ['a flow value', 'title: a: b\ntags: [a'],
    ['a line that is not key: value', 'title: a: b\njust words'],
    ['a repeated key', 'title: a: b\ntitle: c'],
  ])('the lenient reading refuses %s (strict YAML message kept)', (_name, fm) => {
    expect(simpleKeyValues(fm)).toBeNull();
    const { warnings } = only('a.md', `---\n${fm}\n---\nBody.`);
    expect(warnings.some((w) => /^front matter is not valid YAML \(.+\); its fields were ignored$/.test(w))).toBe(true);
  });

  test('front matter values that YAML reads as numbers become strings', () => {
    const { article } = only('a.md', '---\nid: 12345\noutlet: 20 Minutes\n---\nBody.');
    expect([article.id, article.outlet]).toEqual(['12345', '20 Minutes']);
  });
});

const HTML_PAGE = (head: string, lang = 'en'): string => `<!doctype html><html lang="${lang}"><head>${head}</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Page headline</h1>
<p>Senior officials met in Riyadh on Tuesday for talks that lasted more than four hours, according to people familiar with the meeting.</p>
<p>Ukraine was not invited. <em>Kyiv</em> condemned the meeting as a betrayal,<br>and said it would not accept any outcome.</p>
<ul><li>First point</li><li>Second point</li></ul>
<pre>line one
  line two</pre>
</article><footer>Copyright</footer></body></html>`;

describe('parseFile — .html', () => {
  test('body: headline kept, paragraphs separated by blank lines, <br> as a line break, <pre> kept', () => {
    const { article } = only('page.html', HTML_PAGE('<title>T</title>'));
    expect(article.text).toBe(
      'Page headline\n\nSenior officials met in Riyadh on Tuesday for talks that lasted more than four hours, according to people familiar with the meeting.\n\n'
      + 'Ukraine was not invited. Kyiv condemned the meeting as a betrayal,\nand said it would not accept any outcome.\n\n'
      + 'First point\n\nSecond point\n\nline one\n  line two',
    );
  });

  test.each([
    ['meta tags', '<title>T - Site</title><meta property="og:site_name" content="The Ledger"><meta property="og:title" content="OG title"><meta property="article:published_time" content="2025-02-18T10:00:00Z"><meta property="og:url" content="https://ledger.example/a">',
      { outlet: 'The Ledger', title: 'OG title', published: '2025-02-18T10:00:00Z', url: 'https://ledger.example/a', language: 'en' }],
    ['canonical link when no og:url', '<title>T</title><meta property="og:site_name" content="S"><link rel="canonical" href="https://s.example/canon">',
      { outlet: 'S', title: 'T', published: null, url: 'https://s.example/canon', language: 'en' }],
    ['JSON-LD NewsArticle', '<title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2025-02-18T09:00:00-05:00","publisher":{"@type":"Organization","name":"LD Times"},"mainEntityOfPage":{"@id":"https://ld.example/a"},"inLanguage":"fr-FR"}</script>',
      { outlet: 'LD Times', title: 'LD headline', published: '2025-02-18T14:00:00Z', url: 'https://ld.example/a', language: 'en' }],
    ['JSON-LD @graph with a publisher reference', '<title>T</title><script type="application/ld+json">{"@graph":[{"@type":"WebPage","@id":"#page"},{"@type":["NewsArticle"],"headline":"Graph headline","datePublished":"2025-02-18","publisher":{"@id":"#org"},"url":"https://g.example/a"},{"@id":"#org","@type":"Organization","name":"Graph Org"}]}</script>',
      { outlet: 'Graph Org', title: 'Graph headline', published: '2025-02-18T00:00:00Z', url: 'https://g.example/a', language: 'en' }],
    ['meta wins over JSON-LD', '<meta property="og:site_name" content="Meta Site"><meta property="og:title" content="Meta title"><script type="application/ld+json">[{"@type":"NewsArticle","headline":"LD","publisher":"LD Org"}]</script>',
      { outlet: 'Meta Site', title: 'Meta title', published: null, url: null, language: 'en' }],
  ])('metadata from %s', (_name, head, expected) => {
    const { article } = only('page.html', HTML_PAGE(head));
    expect({ outlet: article.outlet, title: article.title, published: article.published, url: article.url, language: article.language }).toEqual(expected);
  });

  test('no metadata: outlet "unknown" with a warning, title from <title>, language from <html lang>', () => {
    const { article, warnings } = only('page.htm', HTML_PAGE('<title>Only a title</title>', 'de-AT'));
    expect([article.id, article.outlet, article.title, article.language]).toEqual(['page', 'unknown', 'Only a title', 'de']);
    expect(warnings).toEqual(['no outlet given; set to "unknown"']);
  });

  test('invalid JSON-LD is a warning', () => {
    const { warnings } = only('p.html', HTML_PAGE('<meta property="og:site_name" content="S"><script type="application/ld+json">{"@type": "NewsArticle",</script>'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^JSON-LD block 1 is not valid JSON \(.+\); ignored$/);
  });
});

describe('parseFile — .jsonl / .ndjson', () => {
  const LINES = [
    '{"id":"a","outlet":"X","title":"T","published":"2025-02-18 10:00:00","url":"https://x.example/a","language":"EN","text":"Alpha."}',
    '{"id":"b","text":"Beta.",',
    '',
    '{"id":"c","outlet":"X"}',
    '{"outlet":"X","text":"no id"}',
    '[1,2]',
    '{"id":"d","outlet":"X","text":"   "}',
    '{"id":{"x":1},"outlet":"X","text":"t"}',
    '{"id":"e","outlet":"X","text":42}',
    '{"id":7,"outlet":"X","text":"Numeric id.","extra":true}\r',
    '{"id":"f","outlet":"X","text":"Last line without newline."}',
  ];

  test('good lines parse, bad lines are rejections naming the line and the problem', () => {
    const r = parseFile('corpus.ndjson', enc(LINES.join('\n')));
    expect(r.articles.map((a) => [a.id, a.source.line])).toEqual([['a', 1], ['7', 10], ['f', 11]]);
    expect(r.articles[0]).toEqual({
      id: 'a', outlet: 'X', title: 'T', published: '2025-02-18T10:00:00Z', url: 'https://x.example/a', language: 'en', author: null, text: 'Alpha.',
      source: { path: 'corpus.ndjson', line: 1 },
    });
    expect(r.rejections.map((x) => [x.line, x.reason.replace(/^(invalid JSON):.*/, '$1: …')])).toEqual([
      [2, 'invalid JSON: …'],
      [4, 'missing required field "text"'],
      [5, 'missing required field "id"'],
      [6, 'expected a JSON object, got an array'],
      [7, '"text" is whitespace only'],
      [8, '"id" must be a string or number, got an object'],
      [9, '"text" must be a string, got a number'],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'published time "2025-02-18 10:00:00" has no time zone; read as UTC',
      'ignored unknown fields: extra (line 10); known: id, outlet, title, published, url, language, author, byline, authors, text',
    ]);
  });

  test('duplicate ids are kept (the engine decides) with a warning', () => {
    const r = parseFile('d.jsonl', enc('{"id":"x","outlet":"A","text":"one"}\n{"id":"x","outlet":"B","text":"two"}\n'));
    expect(r.articles.map((a) => a.id)).toEqual(['x', 'x']);
    expect(r.warnings).toEqual([{ path: 'd.jsonl', line: 2, message: 'id "x" already used on line 1' }]);
  });
});

describe('parseFile — .csv', () => {
  test('header row, BOM, CRLF, quoted newlines: line = physical line where the record starts', () => {
    const src = '\ufeffid,outlet,title,text\r\n1,A,"Multi\r\nline title","Para one.\r\n\r\nPara two."\r\n\r\n2,B,T2,Text two\r\n';
    const r = parseFile('x.csv', enc(src));
    expect(r.rejections).toEqual([]);
    expect(r.articles.map((a) => [a.id, a.source.line, a.title, a.text])).toEqual([
      ['1', 2, 'Multi line title', 'Para one.\r\n\r\nPara two.'],
      ['2', 7, 'T2', 'Text two'],
    ]);
  });

  test('old Mac line endings (CR only)', () => {
    const r = parseFile('x.csv', enc('id,outlet,text\r1,A,"a\rb"\r2,B,c\r'));
    expect(r.articles.map((a) => [a.id, a.source.line])).toEqual([['1', 2], ['2', 4]]);
  });

  test.each([
    ['missing columns', 'id,outlet,title,text\n1,A\n', [[2, 'row has 2 fields, header has 4 (missing columns: title, text)']], []],
    ['extra columns', 'id,outlet,text\n1,A,body,oops\n', [], [[2, 'row has 4 fields, header has 3; the 1 extra field(s) were ignored (unquoted comma?)']]],
    ['empty id', 'id,outlet,text\n,A,body\n', [[2, 'id column "id" is empty']], []],
    ['no id column', 'outlet,text\nA,body\n', [[2, 'no id column (expected one of: id, stories_id)']], []],
    ['no text column', 'id,outlet\n1,A\n', [[2, 'no text column (expected one of: text, story_text, full_text, content, body)']], []],
    ['empty text', 'id,outlet,text\n1,A,\n', [[2, 'text column "text" is empty']], []],
    ['unterminated quote', 'id,outlet,text\n1,A,ok\n2,B,"never closed\n3,C,x\n', [[3, 'unterminated quoted field: a " opened here is never closed, so the rest of the file was read as one field']], []],
    ['duplicate header', 'id,text,text\n1,a,b\n', [], [[1, 'duplicate column names: text; the first of each is used']]],
  ])('%s', (_name, src, rejections, warnings) => {
    const r = parseFile('x.csv', enc(src));
    expect(r.rejections.map((x) => [x.line, x.reason])).toEqual(rejections);
    expect(r.warnings.filter((w) => !w.message.startsWith('no outlet')).map((w) => [w.line, w.message])).toEqual(warnings);
  });

  test('Media Cloud export with text: stories_id, media_name, publish_date mapped', () => {
    const src = 'stories_id,publish_date,title,url,language,media_name,story_text\n2518373194,2025-02-18 10:00:00,Talks in Riyadh,https://n.example/a,en,n.example,"Officials met."\n';
    const r = parseFile('mc.csv', enc(src));
    expect(r.articles).toEqual([{
      id: '2518373194', outlet: 'n.example', title: 'Talks in Riyadh', published: '2025-02-18T10:00:00Z', url: 'https://n.example/a', language: 'en',
      author: null, text: 'Officials met.', source: { path: 'mc.csv', line: 2 },
    }]);
    expect(r.warnings.map((w) => w.message)).toEqual(['published time "2025-02-18 10:00:00" has no time zone; read as UTC']);
  });

  test.each(['text', 'story_text', 'full_text', 'content', 'body'])('text column "%s" is recognized', (col) => {
    const r = parseFile('x.csv', enc(`id,outlet,${col}\n1,A,Body here.\n`));
    expect(r.articles.map((a) => a.text)).toEqual(['Body here.']);
  });

  test('Media Cloud story list without text: each row rejected with the reason', () => {
    const src = 'stories_id,publish_date,title,url,language,media_name\n1,2025-02-18 10:00:00,A,https://a.example,en,a.example\n2,2025-02-18 11:00:00,B,https://b.example,en,b.example\n';
    const r = parseFile('mc.csv', enc(src));
    expect(r.articles).toEqual([]);
    expect(r.rejections).toEqual([
      { path: 'mc.csv', line: 2, reason: 'no text column (Media Cloud story lists carry no text; export with text or fetch it)' },
      { path: 'mc.csv', line: 3, reason: 'no text column (Media Cloud story lists carry no text; export with text or fetch it)' },
    ]);
  });
});
