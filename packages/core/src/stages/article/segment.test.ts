import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../engine';
import { createNlp } from '../../nlp';
import { lexicons } from '@parallax/lexicons';
import { boundaryRules, keptParagraphs, repairSentences } from './segment';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

const nlp = createNlp();

/**
 * Rebuild the text from tokens and the gaps between them; tokens must be non-empty exact
 * slices in increasing order (checked plainly, one expect per call: expect() is slow in a loop).
 */
function rebuild(text: string, offset: number): string {
  const { sentences } = nlp.parse(text, offset);
  let out = '';
  let cursor = offset;
  const bad: string[] = [];
  for (const s of sentences) {
    for (const t of s.tokens) {
      out += text.slice(cursor - offset, t.start - offset); // the gap
      if (t.text !== text.slice(t.start - offset, t.end - offset) || t.text.length === 0 || t.start < cursor) bad.push(`${JSON.stringify(t.text)}@${t.start}-${t.end}`);
      out += t.text;
      cursor = t.end;
    }
  }
  expect(bad).toEqual([]);
  return out + text.slice(cursor - offset);
}

describe('nlp.parse(text, offset)', () => {
  test.each([
    'Mr. Trump said he can\'t go.  It was "very useful" — said U.S. officials on Feb. 18, 2025.',
    "Kyiv's 20% share; email a@b.com 🙂 and https://example.com/x?y=1.",
    'No sentence end at all',
    'سلام 🙂 שלום. Ünïcödé tëxt… and "quotes".',
  ])('tokens plus gaps rebuild the text exactly: %s', (text) => {
    expect(rebuild(text, 17)).toBe(text);
  });

  test('property: tokens plus gaps rebuild any single-line text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const text = raw.replace(/\n/g, ' ');
        expect(rebuild(text, 0)).toBe(text);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

/**
 * Issue 17: a ~300-character news paragraph with "Britain’s" and "March.It" crashed the run
 * (`TypeError … toLowerCase` in isCapitalized via isHeading). The cause: wink emits a token
 * with an empty value inside ".." ("fall..with" -> "fall" "." "" "." "with"), and parse()
 * turned it into an empty token; every later stage assumed tokens have text.
 */
describe('nlp.parse: the issue-17 crash paragraph', () => {
  const TRIGGER =
    'Britain’s exports fell sharply in March.It was the third monthly fall..with the pound weak, officials said on Tuesday. ' +
    'The Office for National Statistics said the drop was led by cars and fuel, and economists at two banks said the figures ' +
    'would worry ministers before the budget statement next week in London.';

  test.each([TRIGGER, 'He said China "would fight to the end..with all necessary measures."', 'a..b...c....d. ..', '..'])(
    'no empty tokens, real offsets, and the text rebuilds: %s',
    (text) => {
      expect(rebuild(text, 5)).toBe(text);
    },
  );

  test('wink still emits the empty token this guards against (if this fails, wink changed: keep the guard)', () => {
    expect(winkNLP(winkModel, ['sbd', 'pos']).readDoc('fall..with').tokens().out()).toContain('');
  });

  test('the engine analyses the paragraph instead of throwing', { timeout: 30_000 }, () => {
    const report = createEngine().analyze({
      articles: [{ id: 'uk', outlet: 'x', title: 'UK exports', published: null, url: null, language: null, text: TRIGGER, source: { path: 'uk.txt', line: null } }],
    });
    expect(report.inputs.map((i) => i.status)).toEqual(['analysed']);
    const a = report.articles[0]!;
    for (const m of a.entities) expect(a.text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('keptParagraphs(text, removed)', () => {
  test.each([
    ['no removals', 'a b\nc', [], ['a b', 'c']],
    ['a removed line', 'head\nbody one\nfoot', [{ start: 0, end: 4 }], ['body one', 'foot']],
    ['an inline removal keeps both sides', 'TEHRAN (X) – Text here.', [{ start: 0, end: 13 }], ['Text here.']],
    ['blank lines and spaces are trimmed', '\n\n  a  \n\n', [], ['a']],
  ])('%s', (_n, text, removed, expected) => {
    expect(keptParagraphs(text, removed).map((p) => text.slice(p.start, p.end))).toEqual(expected);
  });
});

describe('repairSentences(text, sentences)', () => {
  const long = 'The talks in the Saudi capital lasted more than four hours and were attended by';
  test.each([
    ['initial inside an abbreviation', `${long} then-U.S. Secretary of State Marco Rubio.`, 1],
    ['question quote and lower-case attribution', '"Why would we do that?" he asked the reporters gathered outside.', 1],
    ['exclamation quote and short attribution', '"Never again!" Lavrov said.', 1],
    ['two ordinary sentences stay apart', `${long} officials. Both sides agreed to meet again.`, 2],
    ['a question without a quote stays apart', 'Will they meet again? Nobody knows.', 2],
    ['a capital after another letter is not an initial', `${long} delegates of the USA. S. Korea sent none.`, 2],
  ])('%s', (_n, text, expected) => {
    const repaired = repairSentences(text, nlp.parse(text, 0).sentences);
    expect(repaired.length).toBe(expected);
    expect(repaired.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
  });
});

describe('repairSentences(text, sentences, rules): the sentence-boundaries lexicon', () => {
  const rules = boundaryRules(lexicons.sentenceBoundaries.entries);
  const pieces = (text: string) => repairSentences(text, nlp.parse(text, 0).sentences, rules).map((s) => text.slice(s.start, s.end));
  test.each([
    ['party-state tag in parentheses', 'Sen. Dianne Feinstein (D-Calif.) said the bill would pass. Rep. Jim Jordan (R-Ohio) disagreed.', 2],
    ['two tags in one sentence', 'Sen. Chuck Schumer (D-N.Y.) and Sen. Mitch McConnell (R-Ky.) met.', 1],
    ['tag before a comma', 'The bill was drafted by Rep. Doug Collins (R-Ga.), the ranking member.', 1],
    ['bare tag before lower case', 'Sen. Ted Cruz, R-Texas. said so on Monday.', 1],
    ['bare tag before a new sentence stays a break', 'Said Rep. Devin Nunes, R-Calif. "We will not stop," he added.', 2],
    ['military titles', 'Cpl. John Smith was killed. Lt. Gen. Michael Flynn met Sgt. Maj. Jones.', 2],
    ['tickers', 'The Nasdaq Composite .IXIC fell 1.2 percent while the S&P 500 <.SPX> lost 0.8 percent.', 1],
    ['domains', 'He told ESPN.com that he would return. Shares of Amazon.com Inc. rose.', 2],
    ['dotted codes and decimals', 'Variant BA.2.75 and BF.7 spread, per cov-lineages.org data, up 3.5 percent.', 1],
    ['a missing space at a real boundary still splits', 'The economy shrank in March.It was the first fall since 2020.', 2],
    ['a state abbreviation can end a sentence', 'He lives in Fresno, Calif. His wife works in Sacramento.', 2],
    ['an abbreviation before a digit', 'It was approved in Jan. 2020 by the board. No. The board said no.', 3],
    ['a curly question quote and its attribution', '“But where do these come from?” asks the secretary of the bureau.', 1],
  ])('%s', (_n, text, expected) => {
    const got = pieces(text);
    expect(got.length).toBe(expected);
    expect(got.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  test('every rule is data: the lexicon has titles, abbreviations and patterns, each with a source', () => {
    const kinds = new Set(lexicons.sentenceBoundaries.entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['abbreviation', 'pattern', 'title']);
    expect(rules.titles.has('cpl.')).toBe(true);
    expect(rules.abbreviations.has('calif.')).toBe(true);
  });
});
