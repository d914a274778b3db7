import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createNlp } from '../../nlp';
import { normalizeText } from '../../normalize';
import type { ArticleAnalysis } from '../../model';
import type { EntityMention, Sentence } from '../../schema';
import { findDirectQuotes, quoteArticle } from './quotes';
import { findQuotations, paragraphSpans } from './quotations';

const nlp = createNlp();

/** A hand-built article: paragraphs on lines, entity mentions given by surface text -> id. */
function article(raw: string, people: Record<string, string>): ArticleAnalysis {
  const text = normalizeText(raw).text;
  const sentences: Sentence[] = [];
  const tokens: ArticleAnalysis['tokens'] = [];
  let offset = 0;
  text.split('\n').forEach((para, p) => {
    for (const s of nlp.parse(para, offset).sentences) {
      sentences.push({ id: `t:s${sentences.length}`, index: sentences.length, start: s.start, end: s.end, paragraph: p, n_words: s.tokens.length });
      tokens.push(s.tokens);
    }
    offset += para.length + 1;
  });
  const entities: EntityMention[] = [];
  for (const [surface, id] of Object.entries(people)) {
    let at = text.indexOf(surface);
    while (at >= 0) {
      entities.push({ start: at, end: at + surface.length, text: surface, type: id.startsWith('person:') ? 'PERSON' : id.startsWith('org:') ? 'ORG' : 'GOV', entity_id: id, rule: 'test' });
      at = text.indexOf(surface, at + surface.length);
    }
  }
  entities.sort((a, b) => a.start - b.start);
  return {
    article: { id: 't', outlet: 'T', title: '', published: null, url: null, language: 'en', author: null, source: { path: 't', line: null }, text, offset_map: { anchors: [], rawLength: text.length }, removed: [], sentences, entities, n_words: 0, english: true },
    tokens, scores: [], evidence: [], quotations: findQuotations(text, paragraphSpans({ article: { sentences } as ArticleAnalysis['article'] })), quotes: [], warnings: [],
  };
}

const PEOPLE = { 'Sergei Lavrov': 'person:sergei-lavrov', Lavrov: 'person:sergei-lavrov', 'Donald Trump': 'person:donald-trump', Trump: 'person:donald-trump', 'Dmitry Peskov': 'person:dmitry-peskov', Peskov: 'person:dmitry-peskov', Russia: 'gov:russia' };

describe('findDirectQuotes', () => {
  test.each([
    { name: 'curly double', raw: 'He said “we will win the peace.”', quote: 'we will win the peace.' },
    { name: 'straight double', raw: 'He said "we will win the peace."', quote: 'we will win the peace.' },
    { name: 'guillemets', raw: 'He said «we will win the peace.»', quote: 'we will win the peace.' },
    { name: 'low-high German', raw: 'He said „we will win the peace.“', quote: 'we will win the peace.' },
  ])('$name', ({ raw, quote }) => {
    const text = normalizeText(raw).text;
    const q = findDirectQuotes(text, [{ start: 0, end: text.length }]);
    expect(q.map((x) => text.slice(x.start, x.end))).toEqual([quote]);
  });
});

describe('quoteArticle', () => {
  test.each([
    { name: 'speaker after quote', raw: '"The talks were useful and we listened to each other," Lavrov said.', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'inverted: said X', raw: '"The talks were useful and we listened," said Dmitry Peskov.', speaker: 'person:dmitry-peskov', verb: 'said', kind: 'direct' },
    { name: 'speaker before, colon', raw: 'Trump said: "We will end this war very soon, believe me."', speaker: 'person:donald-trump', verb: 'said', kind: 'direct' },
    { name: 'multi-sentence quote', raw: 'Lavrov said, "The presidents agreed. They mentioned the Ukrainian issue as well."', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'pronoun back-reference', raw: 'Sergei Lavrov met the delegation on Tuesday.\n"We did not just listen to each other," he said.', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'title back-reference', raw: 'Russian Foreign Minister Sergei Lavrov arrived in Riyadh.\nLater, the longtime Russian foreign minister said: "It is completely unacceptable to us."', speaker: 'person:sergei-lavrov', verb: 'said', kind: 'direct' },
    { name: 'reported speech with that', raw: 'Trump told reporters that the war would end soon.', speaker: 'person:donald-trump', verb: 'told', kind: 'indirect' },
    { name: 'doubting verb', raw: 'Peskov claimed that Kyiv had no legitimacy at all.', speaker: 'person:dmitry-peskov', verb: 'claimed', kind: 'indirect' },
  ])('$name', ({ raw, speaker, verb, kind }) => {
    const q = quoteArticle(article(raw, PEOPLE), lexicons, nlp);
    expect(q.length).toBeGreaterThan(0);
    const last = q[q.length - 1]!;
    expect({ speaker: last.speaker_entity, verb: last.verb, kind: last.kind }).toEqual({ speaker, verb, kind });
  });

  test('a quote spanning paragraphs (AP continuation) keeps its speaker', () => {
    const q = quoteArticle(article('Lavrov said, "The first part of what we said.\n"And the second part follows here," he added.', PEOPLE), lexicons, nlp);
    expect(q.map((x) => x.speaker_entity)).toEqual(['person:sergei-lavrov', 'person:sergei-lavrov']);
  });

  test('verb class and affiliations stated at another mention', () => {
    const a = article('Russian Foreign Minister Sergei Lavrov arrived.\nLavrov insisted that the plan was fair.', PEOPLE);
    const [q] = quoteArticle(a, lexicons, nlp);
    expect(q).toMatchObject({ verb_class: 'negative', side: null, country: 'Russia', role: 'government', kind: 'indirect' });
  });

  test('titles and unattributed scare quotes are not quotes', () => {
    const q = quoteArticle(article('He appeared on "Sunday Morning Futures" to discuss a "significant chunk" of land.', PEOPLE), lexicons, nlp);
    expect(q).toEqual([]);
  });

  test('quote text equals the article text at its offsets', () => {
    const a = article('"We will see," Trump said. Lavrov said that the meeting went well.', PEOPLE);
    for (const q of quoteArticle(a, lexicons, nlp)) expect(a.article.text.slice(q.start, q.end)).toBe(q.text);
  });
});


const CAST = {
  ...PEOPLE,
  'Jerry Nadler': 'person:jerry-nadler', Nadler: 'person:jerry-nadler',
  'Josh Schwerin': 'person:josh-schwerin',
  'Paul Ryan': 'person:paul-ryan', Ryan: 'person:paul-ryan', 'AshLee Strong': 'person:ashlee-strong',
  'Jim Clyburn': 'person:jim-clyburn', Clyburn: 'person:jim-clyburn',
  'Nancy Pelosi': 'person:nancy-pelosi', Pelosi: 'person:nancy-pelosi',
  'Kevin McCarthy': 'person:kevin-mccarthy', McCarthy: 'person:kevin-mccarthy',
  'Maxine Waters': 'person:maxine-waters', Waters: 'person:maxine-waters',
  'Lindsey Graham': 'person:lindsey-graham', Graham: 'person:lindsey-graham',
};

/** The last quote of each text, with its speaker entity and the rule that found it (the rule must start with `rule`). */
describe('speakers (table-driven)', () => {
  test.each([
    { name: 'a weekday is never the speaker', raw: 'Lavrov arrived in Riyadh.\n"We will decide about the talks on our own terms," Monday said.', speaker: null, text: null },
    { name: 'a time adjunct before the verb is skipped', raw: 'Trump on Friday threatened that the border would close "entirely" within the week.', speaker: 'person:donald-trump', text: 'Trump' },
    { name: '"told the Post": the Post is the listener', raw: '"We have to move on impeachment very quickly," Jerry Nadler told The Washington Post.', speaker: 'person:jerry-nadler', text: 'Jerry Nadler' },
    { name: 'appositive with a party abbreviation, then "told"', raw: '"We have to move on impeachment very quickly," said a statement.\nNadler, D-N.Y., the top Democrat on the committee, told The Washington Post that the vote would come soon.', speaker: 'person:jerry-nadler', text: 'Nadler' },
    { name: 'said spokesman Josh Schwerin', raw: '"This is a desperate attempt to change the subject," said spokesman Josh Schwerin.', speaker: 'person:josh-schwerin', text: 'Josh Schwerin' },
    { name: "Ryan's spokeswoman, AshLee Strong → Strong, not Ryan", raw: '"The speaker has been clear about this for a long time," said Ryan\'s spokeswoman, AshLee Strong.', speaker: 'person:ashlee-strong', text: 'AshLee Strong' },
    { name: "Donald Trump's son speaks, not Donald Trump", raw: "Donald Trump's son said that the campaign had done nothing wrong at all.", speaker: null, text: "Donald Trump's son" },
    { name: 'a quote ending in "?" before "Mr. Clyburn said"', raw: '"Why would anyone vote against a bill that helps their own voters?" Mr. Clyburn said.', speaker: 'person:jim-clyburn', text: 'Clyburn' },
    { name: 'interjected', raw: '"That is simply not what the record shows here," Pelosi interjected.', speaker: 'person:nancy-pelosi', text: 'Pelosi' },
    { name: 'gushed', raw: '"This is the best day of my whole political career," McCarthy gushed.', speaker: 'person:kevin-mccarthy', text: 'McCarthy' },
    { name: 'shouted', raw: '"Get out of the way, all of you, right now," Waters shouted.', speaker: 'person:maxine-waters', text: 'Waters' },
    { name: 'pronoun after two people: the subject of the previous sentence', raw: 'Pelosi met McCarthy on Tuesday.\n"We did not agree on anything at all," she said.', speaker: 'person:nancy-pelosi', text: 'she' },
    { name: 'pronoun after two people: gender from an honorific rules out the nearer one', raw: 'Ms. Pelosi spoke after Mr. McCarthy left the room.\n"We will not give up on this bill," he said.', speaker: 'person:kevin-mccarthy', text: 'he' },
    { name: 'a pronoun with no compatible person stays unresolved', raw: 'The committee met on Tuesday.\n"We will not give up on this bill," she said.', speaker: null, text: 'she' },
    { name: 'a name set off by commas after a descriptor speaks', raw: "The group's executive director, Lindsey Graham, told Newsweek that the comparison was intentional.", speaker: 'person:lindsey-graham', text: 'Lindsey Graham' },
    { name: 'the end of an apposition does not speak', raw: 'Jerry Nadler, a top adviser to Pelosi, said that the vote would come next week.', speaker: 'person:jerry-nadler', text: 'Jerry Nadler' },
    { name: 'a coordinated verb shares the subject', raw: 'Graham described the plan as reckless and noted that it had failed before.', speaker: 'person:lindsey-graham', text: 'Graham' },
    { name: 'reported speech: "according to X"', raw: 'According to Graham, the vote will be held next week in the Senate.', speaker: 'person:lindsey-graham', text: 'Graham' },
    { name: 'reported speech: "X said the …"', raw: 'Graham said the Senate would hold its vote next week.', speaker: 'person:lindsey-graham', text: 'Graham' },
    { name: 'reported speech: "…, saying …"', raw: 'Graham criticised the plan, saying it would cost far too much.', speaker: 'person:lindsey-graham', text: 'Graham' },
  ])('$name', ({ raw, speaker, text }) => {
    const q = quoteArticle(article(raw, CAST), lexicons, nlp);
    expect(q.length).toBeGreaterThan(0);
    const last = q[q.length - 1]!;
    expect({ speaker: last.speaker_entity, text: last.speaker }).toEqual({ speaker, text });
    expect(last.rule).toMatch(/^(direct|indirect):/);
    if (last.speaker !== null) expect(last.rule_span).not.toBeNull();
  });

  test.each([
    { name: 'a noun phrase that is no person is refused, with the reason, and the quote kept', raw: 'The delegations met in Riyadh.\nBoth sides agreed to set up a mechanism to address "irritants" in the relationship.', speaker: null, text: null, rule: /refused:not-a-person "Both sides"/ },
    { name: 'the object of a participle is never its subject', raw: 'The intelligence chiefs met in Turkey, highlighting the severity of the situation.', speaker: undefined, text: undefined, rule: null },
    { name: "a work speaks with its author's words (Lavrov's comments)", raw: "Lavrov's comments suggested that Russia would press for concessions from Kyiv.", speaker: 'person:sergei-lavrov', text: 'Lavrov', rule: /possessive-work "comments"/ },
    { name: "a preposition's object is not the subject (briefing reporters on Trump's speech)", raw: 'A Russian official briefing reporters on Trump\'s speech said that the talks would go on.', speaker: null, text: 'A Russian official', rule: /coref:descriptor-unresolved/ },
    { name: 'a pronoun later in a sentence opened by a person is that person', raw: 'Graham spoke first about the storm.\nTrump tried to assure Americans that his government was ready for the storm, which he described as "tremendously big and tremendously wet."', speaker: 'person:donald-trump', text: 'he', rule: /coref:pronoun->sentence-subject/ },
    { name: '"it said in a statement": the organisation that opens the sentence before', raw: 'Russia rejected the plan on Monday.\n"We will not accept any such terms at all," it said in a statement.', speaker: 'gov:russia', text: 'it', rule: /coref:it->subject/ },
    { name: '"The group said": the one organisation named so far', raw: 'The Anne Frank Center criticised the order on Monday.\nThe group said that the ban was a disgrace to the country.', speaker: 'org:anne-frank-center', text: 'The group', rule: /salient-organisation/ },
    { name: 'a verb with a noun phrase after it in a relative clause: the noun phrase is its object', raw: 'The center, which often criticizes Trump, sent out a message suggesting that there were "alarming parallels" with the past.', speaker: null, text: null, rule: null },
    { name: 'a title run after the quote reaches the person (air traffic controller Josh Maria told)', raw: '"I saw the zeros in my pay stub today," air traffic controller Josh Maria told the Associated Press.', speaker: 'person:josh-maria', text: 'Josh Maria', rule: /verb-after-mark/ },
    { name: 'a person named in full is not the outlet of the same name', raw: 'Michael Bloomberg spoke in New York.\n"He cannot get it done for his constituency," said Bloomberg.', speaker: 'person:michael-bloomberg', text: 'Bloomberg', rule: /after-verb/ },
    { name: 'an indefinite descriptor is a new source, not a back-reference', raw: 'Sergei Lavrov, a senior Russian official, spoke first.\nA senior official said that the talks had failed completely.', speaker: null, text: 'A senior official', rule: /descriptor-unresolved\/indefinite/ },
    { name: 'a partial quote inside reported speech is the reporting speaker\'s', raw: 'Maxine Waters told reporters that she expected the whistleblower to testify "very soon" once security was in place.', speaker: 'person:maxine-waters', text: 'Maxine Waters', rule: /^direct:inside-reported-speech\// },
    { name: 'a name the entity stage missed links to the one person of that last name', raw: 'Rep. Kathleen Rice spoke on Tuesday.\n"We need leadership change," Rice told CNN.', speaker: 'person:kathleen-rice', text: 'Rice', rule: /same-name Kathleen Rice/ },
    { name: 'according to a hyphenated non-person phrase: no speaker', raw: '"No decision can be made without Ukraine," Peskov said, according to English-language media accounts.', speaker: 'person:dmitry-peskov', text: 'Peskov', rule: /verb-after-mark/ },
    { name: 'a capitalised function word is no name', raw: 'Few would call the changes to the Senate bill "a complete overhaul" of the law.', speaker: null, text: null, rule: null },
  ])('$name', ({ raw, speaker, text, rule }) => {
    const cast = { ...CAST, 'Anne Frank Center': 'org:anne-frank-center', 'Josh Maria': 'person:josh-maria', 'Michael Bloomberg': 'person:michael-bloomberg', 'Kathleen Rice': 'person:kathleen-rice' };
    const q = quoteArticle(article(raw, cast), lexicons, nlp);
    if (speaker === undefined) {
      // No reported speech at all: the participle's object does not make one.
      expect(q.filter((x) => x.kind === 'indirect')).toEqual([]);
      return;
    }
    if (speaker === null && rule === null) {
      // Never a guess: no quote of the text has a speaker (short unattributed spans are dropped as scare quotes).
      expect(q.map((x) => [x.speaker_entity, x.speaker])).toEqual(q.map(() => [null, null]));
      return;
    }
    const last = q.at(-1)!;
    expect({ speaker: last.speaker_entity, text: last.speaker }).toEqual({ speaker, text });
    if (rule) expect(last.rule).toMatch(rule);
  });

  test('a resolved pronoun keeps its rule and the antecedent as evidence', () => {
    const a = article('Pelosi met McCarthy on Tuesday.\n"We did not agree on anything at all," she said.', CAST);
    const q = quoteArticle(a, lexicons, nlp).at(-1)!;
    expect(q.rule).toContain('coref:pronoun->');
    expect(a.article.text.slice(q.rule_span!.start, q.rule_span!.end)).toBe('Pelosi');
  });
});

/** Organisations the NER stage would tag, for the affiliation table (entity ids as the entities stage forms them). */
const ORGS = { 'Purdue Pharma': 'org:purdue-pharma', 'Heritage Foundation': 'org:heritage-foundation', FedEx: 'org:fedex', 'State Department': 'org:state-department', 'Tammy Bruce': 'person:tammy-bruce', 'Stimson Center': 'org:stimson-center', Kremlin: 'gov:russia', 'Anne Frank Center': 'org:anne-frank-center' };

describe('affiliations (table-driven)', () => {
  test.each([
    { name: '(R-La.) after the name', raw: 'Sen. Lindsey Graham (R-S.C.) said that the vote would come next week.', party: 'Republican', role: 'lawmaker', country: null },
    { name: ', D-N.Y., after the name', raw: 'Jerry Nadler, D-N.Y., said that the vote would come next week.', party: 'Democratic', role: null, country: null },
    { name: 'D-Calif without a full stop', raw: '"You tell them they are not welcome anymore," Rep. Maxine Waters, D-Calif, told supporters.', party: 'Democratic', role: 'lawmaker', country: null },
    { name: 'party word in the title run', raw: 'Republican Sen. Lindsey Graham said that the vote would come next week.', party: 'Republican', role: 'lawmaker', country: null },
    { name: 'party noun in the appositive', raw: 'Lindsey Graham, a South Carolina Republican, said that the vote would come next week.', party: 'Republican', role: null, country: null },
    { name: 'demonym and role in the title run', raw: 'Russian Foreign Minister Sergei Lavrov said that the talks had gone well.', party: null, role: 'government', country: 'Russia' },
    { name: 'an unnamed official: role and country from the descriptor', raw: 'A Ukrainian official said that the talks had failed completely.', party: null, role: 'government', country: 'Ukraine' },
    { name: 'nothing stated: nothing inferred', raw: 'Graham said that the vote would come next week.', party: null, role: null, country: null },
    { name: 'a party abbreviation at the end of a line', raw: 'Sen. Lindsey Graham, R-S.C.\nGraham said that the vote would come next week.', party: 'Republican', role: 'lawmaker', country: null },
    { name: '"Sen" without its full stop', raw: 'Sen Lindsey Graham said that the vote would come next week.', party: null, role: 'lawmaker', country: null },
    { name: 'a descriptor set off before the name', raw: 'Another student, Lindsey Graham, said that the school had to change.', party: null, role: 'citizen', country: null },
    { name: 'a role noun only WordNet knows (virologist -> scientist -> expert)', raw: 'Lindsey Graham, a virologist, said that the virus was spreading fast.', party: null, role: 'expert', country: null },
    { name: 'a government speaks as one', raw: 'Russia said that the talks had gone well for both sides.', party: null, role: 'government', country: 'Russia' },
    { name: 'the WSJ style (R., S.C.)', raw: 'Sen. Lindsey Graham (R., S.C.) said that the vote would come next week.', party: 'Republican', role: 'lawmaker', country: null },
    { name: 'a company spokesperson speaks for a business (org-type "pharma")', raw: 'A Purdue Pharma spokesperson said that the company would appeal the ruling.', party: null, role: 'business', country: null },
    { name: 'a spokesperson for an advocacy group ("for X", org-type "foundation")', raw: 'A spokeswoman for the Heritage Foundation said that the treaty had achieved nothing.', party: null, role: 'advocacy', country: null },
    { name: 'a spokesperson of an organisation of unknown kind: no role, not government', raw: 'A FedEx spokesperson said that the company was fully cooperating with investigators.', party: null, role: null, country: null },
    { name: 'a department spokesperson is government (org-type "department")', raw: 'State Department spokesperson Tammy Bruce said that the talks would go ahead.', party: null, role: 'government', country: null },
    { name: 'a government spokesperson stays government', raw: 'A Kremlin spokesman said that the talks had gone well for both sides.', party: null, role: 'government', country: 'Russia' },
    { name: 'an organisation speaking: the kind its name states', raw: 'The Heritage Foundation said that the treaty had achieved nothing at all.', party: null, role: 'advocacy', country: null },
    { name: 'the speaker\'s organisation described in turn (a think tank)', raw: '"Un-signing the treaty will harm the economy," said Lindsey Graham, managing director of the conventional defense program at the Stimson Center, a Washington think tank.', party: null, role: 'expert', country: null },
    { name: 'a relative clause describing the speaker ("who was the lead U.S. negotiator")', raw: '"The treaty has no impact whatsoever," said Lindsey Graham, a former diplomat who was the lead U.S. negotiator for the treaty.', party: null, role: 'government', country: 'United States' },
    { name: 'a hyphenated modifier does not end the appositive', raw: '"The president is wrong," said the Anne Frank Center, a left-leaning nonprofit organization.', party: null, role: 'advocacy', country: null },
  ])('$name', ({ raw, party, role, country }) => {
    const q = quoteArticle(article(raw, { ...CAST, ...ORGS }), lexicons, nlp).at(-1)!;
    expect({ party: q.party, role: q.role, country: q.country }).toEqual({ party, role, country });
    for (const a of q.affiliations) expect(article(raw, { ...CAST, ...ORGS }).article.text.slice(a.start, a.end)).toBe(a.text);
  });
});
