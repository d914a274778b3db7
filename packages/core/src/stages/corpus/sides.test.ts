import { describe, expect, test } from 'vitest';
import { LexiconError } from '@parallax/lexicons';
import { createEngine } from '../../engine';
import type { ArticleInput } from '../../schema';

const art = (id: string, text: string): ArticleInput => ({ id, outlet: id.toUpperCase(), title: '', published: null, url: null, language: 'en', text, source: { path: `${id}.txt`, line: null } });

/** A study lexicon of one's own: sides of a local zoning dispute. */
const STUDY = {
  id: 'zoning-study',
  version: '1.0.0',
  description: 'Sides of a zoning dispute (test).',
  source: 'test',
  license: 'MIT',
  entries: [
    { key: 'developer', kind: 'affiliation', side: 'developers', source: 'test' },
    { key: 'resident', kind: 'affiliation', side: 'residents', source: 'test' },
  ],
};

const TEXT = [
  'The city council debated the tower plan on Tuesday.',
  '"This tower will bring hundreds of jobs to the area," said a developer who asked not to be named.',
  '"We will fight this plan in every court we can find," a resident said.',
].join('\n');

describe('a custom sides lexicon (--lexicon FILE)', () => {
  test.each([
    { name: 'without a lexicon there are no sides', sides: null, want: [null, null], measures: [] as string[] },
    { name: 'with a study lexicon, quotes get its sides and source_balance:side:*', sides: STUDY, want: ['developers', 'residents'], measures: ['source_balance:side:developers', 'source_balance:side:residents'] },
  ])('$name', ({ sides, want, measures }) => {
    const report = createEngine({ sides }).analyze({ articles: [art('a', TEXT)] });
    expect(report.quotes.filter((q) => q.kind === 'direct').map((q) => q.side)).toEqual(want);
    expect(report.scores.filter((s) => s.measure.startsWith('source_balance:side:')).map((s) => s.measure).sort()).toEqual(measures);
    const cited = report.lexicons.find((l) => l.id === 'zoning-study');
    expect(cited === undefined).toBe(sides === null);
    if (sides) expect(report.options).toMatchObject({ sides: { id: 'zoning-study', version: '1.0.0' } });
  });

  test.each([
    { name: 'a malformed entry', lex: { ...STUDY, entries: [{ key: 'x', kind: 'entity', side: 'Not A Slug', source: 'test' }] }, error: LexiconError },
    { name: 'a duplicate entry', lex: { ...STUDY, entries: [STUDY.entries[0], STUDY.entries[0]] }, error: LexiconError },
    { name: 'an id of a built-in lexicon', lex: { ...STUDY, id: 'entities' }, error: TypeError },
  ])('is validated like the built-in lexicons: $name', ({ lex, error }) => {
    expect(() => createEngine({ sides: lex })).toThrow(error);
  });
});
