import { expect, test } from 'vitest';
import { lexiconRefs, lexicons } from './index';

test('every registered lexicon is valid, versioned, hashed and sourced entry by entry', () => {
  const all = Object.values(lexicons);
  expect(all.length).toBeGreaterThan(0);
  for (const lex of all) {
    expect(lex.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lex.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lex.license.length).toBeGreaterThan(0);
    for (const e of lex.entries as readonly { source: string }[]) expect(e.source.length).toBeGreaterThan(0);
  }
});

test('lexiconRefs() lists each lexicon once, sorted by id, under the id it is registered as', () => {
  const refs = lexiconRefs();
  expect(refs.map((r) => r.id)).toEqual([...refs.map((r) => r.id)].sort());
  expect(new Set(refs.map((r) => r.id)).size).toBe(refs.length);
  expect(refs.map((r) => r.id).sort()).toEqual(Object.values(lexicons).map((l) => l.id).sort());
});

test('every entry cites where it comes from, or says it is Parallax-authored and by which criteria', () => {
  const cited = /\b(?:1[89]|20)\d{2}\b|https?:\/\/|Wikidata|Wikipedia|WordNet|vader|VADER|emoji-emotion|NewsMTSC|@\d|Parallax-authored|Parallax: |AP Stylebook|OWASP|RFC|layout|CMS|agency|format|footer|aggregator|Dictionary|Oxford|Merriam|style guide|MFA/;
  for (const lex of Object.values(lexicons)) {
    for (const e of lex.entries as readonly { source: string }[]) {
      expect(e.source, `${lex.id}: ${JSON.stringify(e).slice(0, 120)}`).toMatch(cited);
      expect(e.source.length, `${lex.id}: source too short`).toBeGreaterThan(3);
    }
  }
});
