/**
 * The obvious errors of issue 14, as a table: words of institutions, titles and topic nouns
 * are no evaluation, phrases are read by sense, not by string.
 */
import { describe, expect, test } from 'vitest';
import { createEngine } from '../engine';
import type { AnalysisReport } from '../schema';

const engine = createEngine();
function analyse(text: string): AnalysisReport {
  return engine.analyze({ articles: [{ id: 'a', outlet: 'o', title: '', published: null, url: null, language: 'en', text, source: { path: 'a.txt', line: null } }] });
}
const evidenceOf = (r: AnalysisReport, measure: string, scope = 'sentence') => r.evidence.filter((e) => e.measure === measure && e.scope === scope);
const sentenceValue = (r: AnalysisReport) => r.scores.find((s) => s.scope === 'sentence' && s.measure === 'sentiment' && s.target.endsWith('s0'))?.value ?? r.scores.find((s) => s.scope === 'sentence')!.value;

describe('sentiment: institutions, titles and topic nouns are not evaluations', () => {
  test.each([
    ['The party will hold its convention in July.', 'party'],
    ['Both parties agreed to meet again next week.', 'parties'],
    ['The bill would change health care for millions of people.', 'care'],
    ['Intelligence officials briefed the committee on Tuesday.', 'Intelligence'],
    ['The report was shared with the intelligence community.', 'intelligence'],
    ['The opinion was written by Justice Anthony Kennedy.', 'Justice'],
    ['Justice Department lawyers filed the motion.', 'Justice'],
    ['Democrats won the special election in Alabama.', 'special'],
    ['The special counsel interviewed the witnesses.', 'special'],
    ['Social Security checks will rise next year.', 'Security'],
    ['The national security adviser met the delegation.', 'security'],
    ['The group works on criminal justice reform.', 'justice'],
  ])('%s → "%s" is not counted (weight 0, with the sense rule\'s reason)', (text, word) => {
    const r = analyse(text);
    const ev = evidenceOf(r, 'sentiment').filter((e) => e.text === word);
    expect(ev.length).toBeGreaterThan(0);
    expect(ev.every((e) => e.weight === 0)).toBe(true);
    for (const e of ev) {
      expect(e.rule).toMatch(/^senses:/);
      expect(e.reason).toMatch(/^not an evaluation here: /);
    }
    // Nothing of it reaches an entity score either.
    expect(evidenceOf(r, 'sentiment', 'entity').filter((e) => e.text === word)).toEqual([]);
  }, 30_000);

  test.each([
    ['The report says Trump obstructed justice.', 'senses:obstruct justice'],
    ['He was charged with obstruction of justice.', 'senses:obstruction of justice'],
    ['He shouted the n-word at a Black student.', 'senses:n-word'],
    ['Someone had written "chink" on the door.', 'senses:chink'],
  ])('%s → negative, from rule %s', (text, rule) => {
    const r = analyse(text);
    expect(evidenceOf(r, 'sentiment').map((e) => e.rule)).toContain(rule);
    expect(sentenceValue(r)).toBeLessThan(0);
  }, 30_000);

  test('a word still counts where it is an evaluation: "justice" alone, "intelligence" as cleverness', () => {
    expect(evidenceOf(analyse('The families finally got justice.'), 'sentiment').map((e) => e.text)).toContain('justice');
    expect(evidenceOf(analyse('She praised his intelligence and humor.'), 'sentiment').map((e) => e.text)).toContain('intelligence');
  }, 30_000);
});

describe('frames and markers: cues are senses, not strings', () => {
  const frameCues = (r: AnalysisReport, frame: string) => r.evidence.filter((e) => e.measure === `frame:${frame}`).map((e) => e.text);
  test.each([
    ['Social Security checks will rise next year.', 'security_defense', 'Security'],
    ['The national security adviser met the delegation.', 'security_defense', 'security'],
    ['The Securities and Exchange Commission fined the bank.', 'security_defense', 'Securities'],
    ['Justice Kennedy wrote the opinion.', 'fairness_equality', 'Justice'],
  ])('%s → no %s cue on "%s"', (text, frame, word) => {
    expect(frameCues(analyse(text), frame)).not.toContain(word);
  }, 30_000);
  test('a real security cue still counts', () => {
    expect(frameCues(analyse('The troops were sent to protect national security at the border.'), 'security_defense').length).toBeGreaterThan(0);
  }, 30_000);

  test.each([
    ['The vote is set for May 5.', 0],
    ['The hearing was delayed until late May.', 0],
    ['Prime Minister Theresa May resigned.', 0],
    ['May 2018 was a busy month for the court.', 0],
    ['The rules may change next year.', 1],
  ])('hedging in "%s": %i', (text, n) => {
    expect(evidenceOf(analyse(text), 'hedging', 'document').filter((e) => e.text.toLowerCase() === 'may')).toHaveLength(n);
  }, 30_000);

  test.each([
    ['The senator backs criminal justice reform.', 0],
    ['Prosecutors opened a criminal investigation.', 0],
    ['He shouted a racial slur at the officer.', 1],
  ])('loaded language in "%s": %i', (text, n) => {
    expect(evidenceOf(analyse(text), 'loaded_language', 'document')).toHaveLength(n);
  }, 30_000);
});
