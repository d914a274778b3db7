import { describe, expect, test } from 'vitest';
import { parseHtml, unwrapJsonLd } from './html';

const BODY = `<body><article><h1>Headline</h1>
<p>Lawmakers reached a tentative agreement on Wednesday to keep the government funded through the spring, people familiar with the talks said.</p>
<p>The deal still needs votes in both chambers, and several members said they had not yet seen the final text of the measure.</p>
</article></body>`;
const page = (head: string): string => `<!doctype html><html lang="en"><head>${head}</head>${BODY}</html>`;
const ld = (obj: unknown, wrap = (s: string) => s): string => `<script type="application/ld+json">${wrap(JSON.stringify(obj))}</script>`;
const one = (head: string) => {
  const r = parseHtml('p.html', page(head), 'p');
  expect(r.rejections).toEqual([]);
  return { a: r.articles[0]!, warnings: r.warnings.map((w) => w.message) };
};

describe('parseHtml — outlet: og:site_name, then JSON-LD publisher, then the URL domain', () => {
  test.each([
    ['og:site_name wins', '<meta property="og:site_name" content="Site"><link rel="canonical" href="https://www.nytimes.com/a">' + ld({ '@type': 'NewsArticle', publisher: { name: 'LD Org' } }), 'Site'],
    ['JSON-LD publisher before the domain', '<link rel="canonical" href="https://www.nytimes.com/a">' + ld({ '@type': 'NewsArticle', publisher: { name: 'LD Org' } }), 'LD Org'],
    ['publisher in a second article node', ld([{ '@type': 'NewsArticle', headline: 'H' }, { '@type': 'NewsArticle', publisher: 'Second Org' }]), 'Second Org'],
    ['known domain -> readable name', '<meta property="og:url" content="https://www.nytimes.com/2025/a.html">', 'The New York Times'],
    ['known parent domain', '<link rel="canonical" href="https://edition.cnn.com/a">', 'CNN'],
    ['unknown domain -> bare domain', '<meta property="og:url" content="https://www.example-gazette.org/a">', 'example-gazette.org'],
    ['application-name when there is no URL', '<meta name="application-name" content="App Name">', 'App Name'],
    ['nothing -> unknown', '<title>T</title>', 'unknown'],
    ['javascript: URL is no domain', '<meta property="og:url" content="javascript:alert(1)">', 'unknown'],
  ])('%s', (_name, head, outlet) => {
    expect(one(head).a.outlet).toBe(outlet);
  });

  test('an outlet from the domain says so', () => {
    expect(one('<link rel="canonical" href="https://www.nytimes.com/a">').warnings).toContain(
      'outlet "The New York Times" taken from the URL\'s domain nytimes.com (the page names no site: no og:site_name or JSON-LD publisher)',
    );
  });
});

describe('parseHtml — title without the site-name suffix', () => {
  test.each([
    ['<title>Talks resume - BBC News</title><meta property="og:site_name" content="BBC News">', 'Talks resume'],
    ['<title>Talks resume | Reuters</title>', 'Talks resume'],
    ['<meta property="og:title" content="Talks resume | The Ledger"><meta property="og:site_name" content="The Ledger">', 'Talks resume'],
    ['<title>Talks resume - The New York Times</title><link rel="canonical" href="https://www.nytimes.com/a">', 'Talks resume'],
    ['<title>Talks resume - Day two</title><meta property="og:site_name" content="BBC News">', 'Talks resume - Day two'],
  ])('%s -> %s', (head, title) => {
    expect(one(head).a.title).toBe(title);
  });
});

describe('parseHtml — published', () => {
  test.each([
    ['meta name="date"', '<meta name="date" content="2025-02-19">', '2025-02-19T00:00:00Z', []],
    ['article:published_time before meta date', '<meta name="date" content="2025-02-01"><meta property="article:published_time" content="2025-02-19T10:00:00+01:00">', '2025-02-19T09:00:00Z', []],
    ['JSON-LD datePublished before dateModified (key order does not matter)', ld({ '@type': 'NewsArticle', dateModified: '2025-02-21T09:00:00Z', datePublished: '2025-02-19T18:00:00Z' }), '2025-02-19T18:00:00Z', []],
    ['JSON-LD datePublished before the first <time> (an "Updated" stamp)', ld({ '@type': 'NewsArticle', datePublished: '2025-02-19T18:00:00Z' }) + '</head><body><time datetime="2025-02-21T09:00:00Z">x</time><head>', '2025-02-19T18:00:00Z', []],
    ['datePublished in a later article node', ld({ '@graph': [{ '@type': 'NewsArticle', headline: 'H', dateModified: '2025-02-21T00:00:00Z' }, { '@type': 'ReportageNewsArticle', datePublished: '2025-02-19T00:00:00Z' }] }), '2025-02-19T00:00:00Z', []],
    ['only dateModified: used, with a warning', ld({ '@type': 'NewsArticle', dateModified: '2025-02-21T09:00:00Z' }), '2025-02-21T09:00:00Z', ['the page gives no publication date; used its last-modified date as published']],
    ['only article:modified_time', '<meta property="article:modified_time" content="2025-02-21T09:00:00Z">', '2025-02-21T09:00:00Z', ['the page gives no publication date; used its last-modified date as published']],
  ])('%s', (_name, head, published, extra) => {
    const { a, warnings } = one(head);
    expect(a.published).toBe(published);
    for (const w of extra) expect(warnings).toContain(w);
  });
});

describe('JSON-LD inside CDATA or comments', () => {
  const obj = { '@type': 'NewsArticle', headline: 'CDATA headline', datePublished: '2025-02-19T18:00:00Z', publisher: { name: 'CDATA Org' } };
  test.each([
    ['//<![CDATA[ … //]]>', (s: string) => `//<![CDATA[\n${s}\n//]]>`],
    ['/*<![CDATA[*/ … /*]]>*/', (s: string) => `/*<![CDATA[*/ ${s} /*]]>*/`],
    ['<![CDATA[ … ]]>', (s: string) => `<![CDATA[${s}]]>`],
    ['<!-- … -->', (s: string) => `<!-- ${s} -->`],
    ['plain', (s: string) => s],
  ])('%s', (_name, wrap) => {
    const { a, warnings } = one(ld(obj, wrap));
    expect([a.outlet, a.title, a.published]).toEqual(['CDATA Org', 'CDATA headline', '2025-02-19T18:00:00Z']);
    expect(warnings.filter((w) => w.startsWith('JSON-LD'))).toEqual([]);
  });

  test('unwrapJsonLd leaves plain JSON alone', () => {
    expect(unwrapJsonLd(' {"a":"<![CDATA[x]]>"} ')).toBe('{"a":"<![CDATA[x]]>"}');
  });
});

describe('parseHtml — author', () => {
  test.each([
    ['meta author', '<meta name="author" content="Jane Roe">', 'Jane Roe'],
    ['meta byl ("By " dropped)', '<meta name="byl" content="By Jane Roe and John Poe">', 'Jane Roe and John Poe'],
    ['article:author as a name', '<meta property="article:author" content="Jane Roe">', 'Jane Roe'],
    ['article:author as a profile URL is skipped for JSON-LD', '<meta property="article:author" content="https://www.facebook.com/jroe">' + ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Jane Roe' } }), 'Jane Roe'],
    ['JSON-LD author list', ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ada Park' }, { name: 'Ben Cole' }, 'Cy Dee'] }), 'Ada Park; Ben Cole; Cy Dee'],
    ['none', '<title>T</title>', null],
  ])('%s', (_name, head, author) => {
    expect(one(head).a.author).toBe(author);
  });
});
