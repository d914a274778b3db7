/**
 * Quotes and attribution (stage `quotes`), run by ordered rule files over the quoted spans
 * of stage `quotations`:
 * - quote-rules/direct.ts: where a direct quote's attribution is (verb before / after the
 *   marks, a name after them, an outer speech verb, `X said:` before the paragraph), and
 *   when an unattributed quote keeps the previous speaker;
 * - quote-rules/indirect.ts: reported speech ("X said (that) …", "according to X", "…, saying …");
 * - quote-rules/subject.ts: the speech verb's subject (never an outlet, programme, time or place;
 *   "told X" makes X the listener);
 * - quote-rules/coref.ts: pronouns and descriptors resolved to the nearest compatible person,
 *   or left unresolved (never guessed);
 * - quote-rules/affiliation.ts: party, country and role stated in the text.
 * Every quote keeps the `rule` that attributed it and the evidence span (`rule_span`).
 * Windows are named in quote-rules/context.ts; word lists are lexicons `attribution-verbs`
 * and `affiliations` (plus the gazetteer's demonyms for countries).
 */
import type { Lexicons } from '@parallax/lexicons';
import type { ArticleAnalysis, ArticleStage, QuotedSpan } from '../../model';
import type { Evidence, Quote, Score } from '../../schema';
import type { MeasureDefinition } from '../../measures';
import type { Nlp } from '../../nlp';
import { findQuotations } from './quotations';
import { WINDOWS, buildContext, isWord, paragraphOf, tokenAt, verbAt, type Attribution, type Speaker } from './quote-rules/context';
import { attributeDirect } from './quote-rules/direct';
import { findIndirect } from './quote-rules/indirect';
import { affiliationsOf } from './quote-rules/affiliation';
import { LookupTables } from '../../lib/lookup-tables';

export type { Speaker };

/** Direct-quote spans (inside the quote marks) of `text` within `paras`: the depth-0 spans of stage `quotations`. */
export function findDirectQuotes(text: string, paras: readonly { start: number; end: number }[]): QuotedSpan[] {
  return findQuotations(text, paras).filter((q) => q.depth === 0);
}

/** The attributes source balance is measured over, and the quote field holding each. */
export const SOURCE_ATTRIBUTES = ['party', 'country', 'role'] as const;

export const QUOTES_MEASURES: readonly MeasureDefinition[] = [
  {
    name: 'source_balance:',
    unit: 'share of quoted words',
    label: 'Source balance (share of quoted words by speaker attribute)',
    definition:
      '`source_balance:<attribute>:<value>`: the share of the article\'s quoted words (direct and indirect quotes, quotes.csv) spoken by sources whose `<attribute>` the text states as `<value>`; `unknown` collects quotes whose speaker has no stated value (or no speaker). Attributes: `party` (Republican, Democratic, … from a party word in the title or appositive, or an abbreviation such as "(D-Calif.)"), `country` (from a demonym or country name: "a Ukrainian official", "Italy\'s prime minister"), `role` (government = officials, ministers, spokespeople, heads of state; lawmaker = legislators; opposition; expert = academics, analysts, physicians; advocacy = activists, NGOs, unions; business = executives, companies; citizen = residents, witnesses, patients; journalist = reporters, editors, hosts; law_enforcement = police, prosecutors; anonymous = unnamed sources), and `side` only when a study lexicon is given (`--lexicon FILE`: entity ids or description words mapped to the sides of the study).',
    scale: '0 … 1 (share of quoted words)',
    scopes: ['document'],
    aggregation: 'Σ evidence weights; each quote weighs its word count / all quoted words in the article; the values of one attribute sum to 1.',
    parameters: {},
    lexicons: ['attribution-verbs', 'affiliations', 'speaker-nouns', 'entities'],
    references: ['Hamborg, Donnay & Gipp (2019) Automated identification of media bias in news articles (source selection)', 'Sigal (1973) Reporters and Officials (official vs non-official sources)', 'Bergler (1992) Evidential analysis of reported speech'],
  },
];

const slugValue = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function quoteArticle(state: ArticleAnalysis, lex: Lexicons, nlp: Nlp, lookup: LookupTables = new LookupTables()): Quote[] {
  const { article } = state;
  const c = buildContext(state, lex, nlp, lookup);
  const { flat, sentOf } = c;
  const quotes: Omit<Quote, 'quote_id'>[] = [];
  const nWords = (s: number, e: number) => {
    let n = 0;
    for (let i = tokenAt(c, s); i < flat.length && flat[i]!.end <= e; i++) if (isWord(flat[i]!)) n++;
    return n;
  };
  const remember = (sp: Speaker | null, sentence: number) => {
    if (sp?.entity) c.recent = { entity: sp.entity, text: c.text.slice(sp.evidence.start, sp.evidence.end), sentence, start: sp.evidence.start, end: sp.evidence.end };
  };
  const push = (q: Omit<Quote, 'quote_id' | 'party' | 'country' | 'role' | 'affiliations'>, sp: Speaker | null) => {
    const affiliations = affiliationsOf(c, sp);
    const get = (k: string) => affiliations.find((x) => x.attribute === k)?.value ?? null;
    const row = { ...q, party: get('party'), country: get('country'), role: get('role'), affiliations };
    quotes.push(row);
    speakerOf.set(row, sp);
  };
  const speakerOf = new Map<Omit<Quote, 'quote_id'>, Speaker | null>();

  // One pass in document order, so pronouns can follow the most recent speaker.
  type Prev = { speaker: Speaker | null; verb: string | null; cls: Quote['verb_class']; paragraph: number; rule: string };
  let prev: Prev | null = null;
  let dq = 0;
  for (const { id: k, base, end } of c.groups) {
    const sentEnd = flat[end - 1]!.end;
    while (dq < c.direct.length && c.direct[dq]!.start < sentEnd) {
      directQuote(c.direct[dq]!);
      dq++;
    }
    for (const hit of findIndirect(c, base, end)) {
      if (hit.end <= hit.start) continue;
      const sp = hit.speaker;
      remember(sp, k);
      push({
        article_id: article.id, start: hit.start, end: hit.end, text: article.text.slice(hit.start, hit.end), kind: 'indirect',
        speaker: sp?.text ?? null, speaker_entity: sp?.entity ?? null, side: null, verb: flat[hit.verb]!.norm === 'according' ? 'according to' : flat[hit.verb]!.text, verb_class: verbAt(c, hit.verb),
        n_words: nWords(hit.start, hit.end), rule: `indirect:${hit.rule}`, rule_span: sp ? { ...sp.evidence } : null,
      }, sp);
    }
  }

  function directQuote(q: QuotedSpan): void {
    const qa = tokenAt(c, q.start);
    let qb = qa;
    while (qb < flat.length && flat[qb]!.end <= q.end) qb++;
    const sLast = sentOf[Math.max(qa, qb - 1)] ?? 0;
    const found: Attribution | null = attributeDirect(c, q, qa, qb);
    let speaker = found?.speaker ?? null;
    let rule = found ? `direct:${found.rule}` : 'direct:unattributed';
    let verb = found && found.verb >= 0 ? flat[found.verb]!.text : null;
    let cls = found && found.verb >= 0 ? verbAt(c, found.verb) : null;
    const pv: Prev | null = prev;
    const para = paragraphOf(c, qa);
    if (!speaker && pv && pv.speaker) {
      // Unattributed: a continued quote, a further quote in the same paragraph, or a quote opening the
      // next paragraph with no speech verb of its own keeps the previous speaker (AP style).
      const opensParagraph = c.state.article.sentences.find((s) => s.paragraph === para)?.start === q.start - 1;
      const how = q.continued ? 'coref:continued-quote' : pv.paragraph === para ? 'coref:same-paragraph' : !found && opensParagraph && pv.paragraph === para - 1 ? 'coref:next-paragraph' : null;
      if (how) {
        speaker = { ...pv.speaker };
        rule = `direct:${how}/${pv.rule.replace(/^direct:/, '')}`;
        verb = verb ?? pv.verb;
        cls = cls ?? pv.cls;
      }
    }
    const n = nWords(q.start, q.end);
    const words = flat.slice(qa, qb).filter(isWord);
    // Titles ("Sunday Morning Futures") and unattributed short spans (scare quotes) are not quotes.
    const titleCase = words.length > 0 && words.length <= WINDOWS.titleWords && words.every((t) => /^[A-Z0-9]/.test(t.text)) && !flat.slice(qa, qb).some((t) => t.text === ',' || t.text === '.');
    // A speech verb whose subject was refused as a speaker ("Both sides agreed to … \"irritants\"") still attributes it.
    const attributed = speaker !== null || (found !== null && found.verb >= 0 && found.rule.includes('/refused:not-a-person'));
    if (titleCase || (!attributed && n < WINDOWS.minUnattributedWords)) return;
    push({
      article_id: article.id, start: q.start, end: q.end, text: article.text.slice(q.start, q.end), kind: 'direct',
      speaker: speaker?.text ?? null, speaker_entity: speaker?.entity ?? null, side: null, verb, verb_class: cls ?? null, n_words: n,
      rule, rule_span: speaker ? { ...speaker.evidence } : null,
    }, speaker);
    prev = { speaker, verb, cls: cls ?? null, paragraph: paragraphOf(c, Math.max(qa, qb - 1)), rule };
    remember(speaker, sLast);
  }

  // A direct quote inside the content clause of reported speech ("Schiff told ABC that he expected the
  // whistleblower to testify \"very soon\"") is the reporting speaker's words when it has no speaker of
  // its own, or when the one it found is itself part of the reported clause (the whistleblower).
  for (const [k, d] of quotes.entries()) {
    if (d.kind !== 'direct') continue;
    const outer = quotes.find((i) => i.kind === 'indirect' && i.start <= d.start && d.end <= i.end && (i.start < d.start || d.end < i.end) && speakerOf.get(i) && i.rule_span && (i.rule_span.end <= i.start || i.rule_span.start >= i.end));
    if (!outer) continue;
    const own = d.rule_span;
    if (own && !(own.start >= outer.start && own.end <= outer.end)) continue;
    const sp = speakerOf.get(outer)!;
    const affiliations = affiliationsOf(c, sp);
    const get = (a: string) => affiliations.find((x) => x.attribute === a)?.value ?? null;
    quotes[k] = { ...d, speaker: outer.speaker, speaker_entity: outer.speaker_entity, verb: d.verb ?? outer.verb, verb_class: d.verb ? d.verb_class : outer.verb_class, rule: `direct:inside-reported-speech/${outer.rule.replace(/^indirect:/, '')}`, rule_span: { ...outer.rule_span! }, party: get('party'), country: get('country'), role: get('role'), affiliations };
  }

  // A sentence's indirect quote that is one of its direct quotes (same span) is kept once, as direct.
  const directSpans = new Set(quotes.filter((q) => q.kind === 'direct').map((q) => `${q.start}:${q.end}`));
  const kept = quotes.filter((q) => q.kind === 'direct' || !directSpans.has(`${q.start}:${q.end}`));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : 1));
  return kept.map((q, i) => ({ ...q, quote_id: `${article.id}:q${i}` }));
}

/** `source_balance:<attribute>:<value>` scores of one article's quotes (value `unknown` when the text states none). */
export function sourceBalance(articleId: string, outlet: string, quotes: readonly Quote[], attribute: string, valueOf: (q: Quote) => string | null): { scores: Score[]; evidence: Evidence[] } {
  const total = quotes.reduce((n, q) => n + q.n_words, 0);
  const byValue = new Map<string, Evidence[]>();
  for (const q of quotes) {
    const raw = valueOf(q);
    const v = raw === null ? 'unknown' : slugValue(raw);
    const measure = `source_balance:${attribute}:${v}`;
    const stated = raw === null ? null : q.affiliations.find((a) => a.attribute === attribute);
    const list = byValue.get(v) ?? [];
    list.push({
      article_id: articleId, measure, scope: 'document', target: '', start: q.start, end: q.end, text: q.text,
      rule: `quote:${q.kind}${stated ? ` ${stated.rule}` : attribute === 'side' && raw !== null ? ' lexicon:sides' : ''}`,
      weight: total === 0 ? 0 : q.n_words / total,
      reason: `${q.n_words} of ${total} quoted words, ${q.kind} quote of ${q.speaker ?? 'an unresolved speaker'}${q.speaker_entity ? ` (${q.speaker_entity})` : ''}${q.verb ? ` (${q.verb})` : ''}; ${attribute} ${raw === null ? 'not stated' : `${raw}${stated ? ` ("${stated.text}")` : ''}`}`,
    });
    byValue.set(v, list);
  }
  const scores: Score[] = [];
  const evidence: Evidence[] = [];
  for (const v of [...byValue.keys()].sort()) {
    const ev = byValue.get(v)!;
    evidence.push(...ev);
    scores.push({ article_id: articleId, outlet, event_id: null, scope: 'document', target: '', measure: `source_balance:${attribute}:${v}`, value: ev.reduce((x, e) => x + e.weight, 0), n_evidence: ev.length });
  }
  return { scores, evidence };
}

export const quotesStage: ArticleStage = {
  name: 'quotes',
  measures: QUOTES_MEASURES,
  englishOnly: true,
  run(state, ctx) {
    const { article } = state;
    if (article.sentences.length === 0) return;
    const quotes = quoteArticle(state, ctx.lexicons, ctx.nlp, ctx.tables);
    state.quotes.push(...quotes);
    for (const attribute of SOURCE_ATTRIBUTES) {
      const { scores, evidence } = sourceBalance(article.id, article.outlet, quotes, attribute, (q) => q[attribute]);
      state.evidence.push(...evidence);
      state.scores.push(...scores);
    }
  },
};

/** The codebook's section on quotes, speakers and affiliations (rules in the order they are tried). */
export const QUOTES_CODEBOOK = [
  'Quoted spans are found once (stage `quotations`): pairs of quote marks of every style within a paragraph (a quote may span sentences); a paragraph that ends inside a quote and is followed by one opening with a mark continues it (multi-paragraph quote); single quotes inside a quote are nested spans of the same quote. Sentiment (the in-quote factor), claim alignment and the speaker rules all read these spans.',
  'Direct quotes: the words inside a pair of marks, except titles (≤ WINDOWS.titleWords capitalised words without , or .) and unattributed spans of fewer than WINDOWS.minUnattributedWords words (scare quotes). Indirect quotes: the content clause of reported speech.',
  'Where the attribution is (direct quotes, first rule that finds a speaker): `verb-before-mark` (said, "…"), `verb-after-mark` ("…," X said / "…," said X / "…?" Mr. X said — also when the sentence ended inside the quote), `name-after-mark` ("…," Bradley Bowman, senior director …, said), `verb-earlier-in-sentence` (the outermost speech verb before the quote), `colon-previous-sentence` (X said: ¶ "…"). A quote with none keeps the previous speaker when it continues a quote (`coref:continued-quote`), shares its paragraph (`coref:same-paragraph`) or opens the next paragraph (`coref:next-paragraph`); else `unattributed`.',
  'Indirect speech (every speech verb outside quotes, several per sentence): `according-to`, `verb-that` (X said on Monday that …; a listener object only for tell-verbs: "told reporters that"), `participle` (…, saying …), `verb-clause` (X said the plan …; X admitted there would be …), `parenthetical` (…, he said, …), `clause-then-verb` (…, X said at the time). A subject after the verb is never content.',
  'Subject of the speech verb: `subject:appositive` (Podolyak, a top adviser to …, said), `subject:entity`, pronouns, `subject:possessive` (Donald Trump\'s son said: not Trump), `subject:group[-of X]` (State Department officials), descriptors, `subject:proper-noun` (a name the entity stage did not list), `subject:after-verb` (said spokesman Josh Schwerin; said Ryan\'s spokeswoman, AshLee Strong → Strong), `subject:according-to`, `subject:participle-clause` (the sentence\'s subject). A noun phrase with a preposition before the name ("a spokesperson for Kerry") speaks, not the name. "told X" makes X the listener. Outlets, programmes, times, weekdays and places (lexicon `affiliations`, `not-speaker`; DATE/TIME entities) are never speakers.',
  'Back-references: a pronoun resolves to a compatible person (gender from honorifics, gendered nouns and earlier pronouns; PERSON entities only) by `coref:pronoun->subject` (a person opening a previous sentence), `->last-speaker`, `->nearest-subject`, `->only-candidate` (the last speaker when nobody else is named in between), else `coref:pronoun-unresolved` (no entity). A descriptor ("the president") resolves to a person titled with its head noun (`coref:descriptor->title`, the most mentioned so far, nearest on a tie), else `coref:descriptor-unresolved`. An indefinite descriptor ("a senior administration official") is a new source, never a back-reference (`coref:descriptor-unresolved/indefinite`). A direct quote inside the content clause of reported speech with no speaker of its own, or whose speaker is part of that clause ("Schiff told ABC that he expected the whistleblower to testify “very soon”"), is the reporting speaker\'s (`direct:inside-reported-speech/…`). `rule_start`/`rule_end` point at the antecedent.',
  'Affiliations (party, country, role) are read at every mention of the speaker\'s entity (or in an unnamed speaker\'s own words): its own words, the title run before it (≤ WINDOWS.titleRun tokens), a party abbreviation after it ("(D-Calif.)", ", D-N.Y.,"), and its appositive (≤ WINDOWS.appositiveAfter tokens: ", a Republican strategist"). Nearest to the name wins; first stated mention wins. Words: lexicon `affiliations` (roles, parties, party abbreviations); countries from the gazetteer\'s demonyms and country names (lexicon `entities`). An appositive runs past hyphenated and participle modifiers ("a left-leaning nonprofit", "managing director"), into a relative clause with a copula (`appositive-relative`: ", a former official who was the lead U.S. negotiator") and into the description of an organisation that ends it (`organisation-appositive`: "… at the Stimson Center, a Washington think tank"). Party abbreviations also in the WSJ style ("(D., N.Y.)"). A spokesperson or representative (lexicon `affiliations`, `speaks-for`) takes the kind of the organisation named beside them (`speaks-for … org-type`: "a Purdue Pharma spokesperson" → business); beside a GOV they stay government; beside an organisation of unknown kind they get no role. An organisation speaking takes the kind its name states (lexicon `affiliations`, `org-type`: Pharma, Inc, Bank → business; Foundation, Alliance, Association → advocacy). Nothing stated: empty, never inferred from who the person is.',
  'Who can speak: a person, organisation or government mention, or a noun phrase headed by a person or group noun (lexicon `speaker-nouns`, from WordNet 3.1 noun.person / noun.group: "a Ukrainian official", "analysts", "the company") or a role word of lexicon `affiliations`. Any other candidate ("the severity", "Both sides", "English", "a tweet") is refused: the quote keeps no speaker and its rule says why (`refused:not-a-person "…"`, `refused:outlet "…"`, `refused:not-a-name "Few"`); a quote whose verb was found keeps its span even when its subject is refused. A work speaks with its author\'s words (`subject:possessive-work`: "Galli\'s editorial states", "Lavrov\'s comments suggested" → the possessor), unless the phrase is a preposition\'s object ("briefing reporters on Mr Trump\'s speech said": the sentence\'s subject). A participle ("…, highlighting the severity") never takes the noun phrase after it as subject, and only a say-verb or a verb after a quote or comma is inverted ("…," said X; "which criticizes Trump": Trump is the object). "it said" resolves to the organisation or government opening a recent sentence or to the last such speaker (`coref:it->subject`, `coref:it->last-speaker`), never a person. A collective noun ("the group", "the team") resolves to the organisation the article has named most so far (`coref:descriptor->salient-organisation`), never a person. A name without an entity links to the one person named with the same last word (`…->same-name`). A person named in full ("Michael Bloomberg") is not the outlet of the same short name.',
  'Role fallback: where lexicon `affiliations` states no role, a person noun whose WordNet hypernyms reach a role anchor (lexicon `speaker-nouns`, role blocks: senator → legislator → lawmaker; virologist → scientist → expert) gives it (`…:role-wordnet`); a GOV entity speaking is `government` (`entity-type:GOV`). A descriptor set off before the name ("Another student, Henry Gibbs, said") is read like an appositive (`pre-appositive`).',
  `Windows (tokens unless said): ${Object.entries(WINDOWS).map(([k, v]) => `${k} = ${v}`).join(', ')}.`,
].join('\n\n');
