import { lexicons } from '@parallax/lexicons';
import { describe, expect, test } from 'vitest';
import { bareDomain, outletFromUrl, stripSiteSuffix } from './outlets';

describe('outletFromUrl(url)', () => {
  test.each([
    ['https://www.nytimes.com/2025/02/19/us/politics/deal.html', 'The New York Times', true],
    ['https://nytimes.com/a', 'The New York Times', true],
    ['https://edition.cnn.com/2025/02/19/politics/x', 'CNN', true],
    ['https://www.bbc.co.uk/news/world-1', 'BBC News', true],
    ['https://m.bbc.com/news/world-1', 'BBC News', true],
    ['https://abcnews.go.com/Politics/story', 'ABC News', true],
    ['https://www.abc.net.au/news/2025-02-19/x', 'ABC News (Australia)', true],
    ['https://news.sky.com/story/x', 'Sky News', true],
    ['https://www.example-gazette.org/news/a', 'example-gazette.org', false],
    ['https://news.example.co.uk/a', 'news.example.co.uk', false],
    ['http://WWW.Reuters.COM./world/', 'Reuters', true],
  ])('%s -> %s', (url, name, known) => {
    expect(outletFromUrl(url)).toMatchObject({ name, known });
  });

  test.each([[null], ['not a url'], ['/relative/path']])('%j -> null', (url) => {
    expect(outletFromUrl(url)).toBeNull();
    expect(bareDomain(url)).toBeNull();
  });

  test('every lexicon domain maps to its own name (no entry is shadowed by a parent domain)', () => {
    for (const e of lexicons.outlets.entries) expect(outletFromUrl(`https://${e.domain}/x`)?.name, e.domain).toBe(e.name);
  });
});

describe('stripSiteSuffix(title, siteName, url)', () => {
  test.each([
    ['Funding deal reached - BBC News', 'BBC News', null, 'Funding deal reached'],
    ['Funding deal reached | Reuters', null, null, 'Funding deal reached'],
    ['Funding deal reached – The Guardian', null, null, 'Funding deal reached'],
    ['Funding deal reached | World | Reuters', null, null, 'Funding deal reached | World'],
    ['Deal reached | Example Gazette', 'Example Gazette', null, 'Deal reached'],
    ['Deal reached - example-gazette.org', null, 'https://www.example-gazette.org/a', 'Deal reached'],
    ['Lawmakers Reach Deal - The New York Times', 'The New York Times', 'https://www.nytimes.com/a', 'Lawmakers Reach Deal'],
    ['Deal reached - bbc news', 'BBC News', null, 'Deal reached'], // case-insensitive
    // not a site name: kept
    ['Russia - Ukraine talks', null, null, 'Russia - Ukraine talks'],
    ['Talks resume - Day two', 'BBC News', null, 'Talks resume - Day two'],
    ['Deal reached - Example Gazette', null, null, 'Deal reached - Example Gazette'],
    ['BBC News', 'BBC News', null, 'BBC News'],
    ['Funding deal reached-BBC News', 'BBC News', null, 'Funding deal reached-BBC News'],
  ])('%j (site %j, url %j) -> %j', (title, site, url, expected) => {
    expect(stripSiteSuffix(title, site, url)).toBe(expected);
  });
});
