/**
 * The codebook: generated from the measures the stages of pipeline.ts declare (their
 * numbers interpolated from the stages' parameters), the lexicon references and the
 * output contract, so what a researcher cites is exactly what produced the numbers.
 */
import { QUOTES_CODEBOOK } from './stages/article/quotes';
import { TERMS_CODEBOOK } from './stages/corpus/terms';
import { DEFAULT_CLAIM_OPTIONS } from './stages/corpus/claims';
import { DEFAULT_EVENT_OPTIONS } from './stages/corpus/events';
import { definitionFor, measureDefinitions, type MeasureDefinition } from './measures';
import type { AnalysisReport, LexiconRef } from './schema';
import { FEATURES, FEATURE_DOCS } from './lib/claim-matcher';
import { matcherWeights } from './lib/claim-matcher-weights';
import { lexicons as allLexicons } from '@parallax/lexicons';

/**
 * How claims are aligned, with the figures measured by `pnpm quality` (bench/quality-align.ts)
 * when the shipped claim-matcher weights were trained (2026-12-04). Printed in the codebook.
 */
export const CLAIMS_METHOD = {
  encoder:
    'Claims: within an event, sentences of different articles that report the same fact are grouped. With the `encoder` matcher (`--matcher encoder`; the default is `lexical`, below, which is ~50× faster; the encoder matcher measured better leave-one-event-out and on the held-out gold, worse on Riyadh: see the figures) each candidate pair is scored p(same fact) = sigmoid(bias + sum of weight × feature) by a logistic regression over the features below; the sentence encoder is Universal Sentence Encoder lite (report.json `encoder`), run on the TensorFlow.js wasm backend in Node and in the browser. Pairs with p ≥ threshold are joined in descending order when the mean p over all cross-article pairs of the merged group stays ≥ group threshold (average link: no chaining). Every pair of a claim is in report.json claims[].pairs with its score and each feature\'s contribution (weight × value) and what it saw.',
  lexical:
    `With the \`lexical\` matcher (the default): the pair score is ${1 - DEFAULT_CLAIM_OPTIONS.sif} × the idf-weighted cosine of the sentences' keys (entities, content lemmas with paraphrase concepts folded, numbers, quoted words, polarity) + ${DEFAULT_CLAIM_OPTIONS.sif} × a SIF word-vector cosine; threshold ${DEFAULT_CLAIM_OPTIONS.threshold}, group threshold ${DEFAULT_CLAIM_OPTIONS.groupThreshold} (same average link). Omissions are checked against coverage: no "X leaves out C" (and no "only X reports C") when a sentence of X scores ≥ the group threshold with a member of C, and no "X leaves out C" when a sentence of X has a soft word alignment ≥ ${DEFAULT_CLAIM_OPTIONS.softCover} with a member (X may report the fact in other words); a claim whose mean pair score is below the group threshold yields no omission.`,
  figures: [
    'Training gold (Riyadh, fixtures/gold/riyadh-alignment.json, and five hand-labelled allsides_events train-split events, fixtures/gold/allsides-alignment.json; 272 gold pairs), pairwise claim-alignment F1, leave-one-event-out (each event scored by weights and thresholds fitted on the other five, every system alike): encoder matcher 0.421 (P 0.453, R 0.393); the same without the encoder features 0.368; lexical matcher 0.358; TF-IDF cosine 0.335.',
    'Riyadh alone: lexical matcher 0.458 (thresholds chosen on Riyadh), encoder matcher 0.347 (in-sample, thresholds pooled over the six events), TF-IDF 0.269. Goal 0.8: not reached.',
    'Held-out gold (fixtures/gold/heldout-alignment.json, never used to train or choose): encoder matcher 0.628 (P 0.574, R 0.692); lexical matcher 0.500; TF-IDF cosine 0.587.',
    'The pair scorer, not the grouping, is the weak part: over the training events\' 18,546 candidate pairs (270 gold), the lexical score ranks with AUC 0.93 but its best plain threshold gives pair F1 0.41; average-link grouping raises it (best grouped 0.46); the gold grouping itself scores 0.996.',
    'Omissions against the training gold: "X leaves out C" precision 0.833 (5 of 6; recall 0.10) with the coverage check, 0.588 (20 of 34) without; "only X reports C" 0.917 vs 0.723. Held-out: 1 of 1 vs 3 of 18.',
    'MSRP train, 10-fold cross-validation of the method (features refitted on 9 folds of MSRP + the training gold, tested on the 10th; 3,774 news sentence pairs), accuracy / F1: shipped feature set 0.727 / 0.812; all features 0.732 / 0.820; the original 12 features 0.728 / 0.816; without the encoder 0.714–0.719; lexical key cosine 0.713 / 0.807; soft word alignment alone 0.706 / 0.812; encoder cosine alone 0.685 / 0.808; TF-IDF cosine 0.693 / 0.801; always "same fact" 0.682 / 0.811. Goal 0.80 / 0.86: not reached.',
    'The shipped weights are learned from Parallax-authored gold labels only (MIT): MSRP is licensed for non-commercial use, so it evaluates the method and never trains what ships (bench/train-matcher.ts --with-msrp fits it for comparison, print-only). Features outside the shipped set weigh 0; conflict features (number_conflict, negation_mismatch, speaker_conflict) are sign-constrained (weight ≤ 0); negation_mismatch comes out at 0.',
  ],
} as const;

/**
 * Up to this many analysed articles the CLI writes report.json; above it, the report
 * is the directory `report/` of JSONL parts (codebook: "report/"). A JSON file of a
 * larger corpus runs to gigabytes that no JSON.parse / json.load reads whole.
 */
export const JSON_REPORT_MAX_ARTICLES = 5000;

export const COLUMN_DOCS: Record<string, Record<string, string>> = {
  'articles.csv': {
    article_id: 'Article id: the input id (JSONL/CSV), else the file name stem, else a content hash.',
    outlet: 'Outlet name as given by the input (front matter, meta tags or column).',
    title: 'Headline.',
    published: 'Publication date-time, always `YYYY-MM-DDTHH:mm:ssZ` in UTC (an offset is converted, a time without a zone is read as UTC, a date alone is midnight UTC, fractions of a second are dropped), so pandas `pd.to_datetime` reads the column without options; empty when unknown or unreadable (see the warnings; numeric day/month order follows --date-format).',
    url: 'Source URL; empty when unknown.',
    event_id: 'Event the article was grouped into (see events.csv); empty when ungrouped.',
    language: 'ISO 639-1 language code (declared or detected).',
    n_sentences: 'Number of sentences outside boilerplate.',
    n_words: 'Number of word and number tokens outside boilerplate.',
    '<measure>': 'Further columns: one per document-scope measure in scores.csv (same value).',
    author: 'Last column, after the measure columns: byline (front matter or JSONL `author`/`byline`, CSV `author`/`byline`/`authors` column, HTML meta author / article:author / JSON-LD author), several names joined by "; " and a leading "By " dropped; empty when unknown.',
  },
  'sentences.csv': {
    article_id: 'Article id.',
    sentence_id: 'Sentence id `<article_id>:s<index>` (0-based).',
    start: 'Start offset (UTF-16 code units) in the article\'s normalized text (report.json articles[].text).',
    end: 'End offset, exclusive.',
    group_id: 'Claim id the sentence was aligned to (claims.csv); empty when unaligned.',
    sentiment: 'Sentence sentiment, -1 … 1; empty when not scored.',
    text: 'Sentence text.',
  },
  'rejected.csv': {
    input: 'Input file path.',
    line: '1-based line of the record in a JSONL/CSV file; empty for whole files.',
    reason: 'Why it was not analysed (duplicates start with "duplicate:").',
  },
  'events.csv': {
    article_id: 'Article id.',
    event_id:
      `Event id \`ev-<date|undated>-<hash of member ids>\`. How events are formed: each English article is described by its named entities, content lemmas and title words; candidate pairs share at least ${DEFAULT_EVENT_OPTIONS.minShared} top entities or terms and were published within ${DEFAULT_EVENT_OPTIONS.maxSpanDays} days of each other (undated articles: by shared keys only, never on an invented date). A pair scores ${DEFAULT_EVENT_OPTIONS.cosineWeight} × the TF-IDF cosine of the two bodies (lemmas and entity ids, entities weighted 1.5) + ${DEFAULT_EVENT_OPTIONS.titleWeight} × the TF-IDF cosine of the titles, minus ${DEFAULT_EVENT_OPTIONS.dayPenalty} per day apart; pairs are joined from the best down when the score is at least ${DEFAULT_EVENT_OPTIONS.threshold}, or when the two articles are each other's best match (score at least ${DEFAULT_EVENT_OPTIONS.mutualFloor}) or one is the other's best (at least ${DEFAULT_EVENT_OPTIONS.nearestFloor}) and their main cities do not differ, and only while the two groups are linked as wholes (average link at least ${DEFAULT_EVENT_OPTIONS.linkThreshold}), so one strong pair does not chain two stories. The event date is the earliest date the leads state for what happened ("on Tuesday" against the publication date), else the earliest publication date; its label is the most central member title, cleaned of a site name.`,
  },
  'claims.csv': {
    claim_id: 'Claim id.',
    event_id: 'Event id.',
    label: 'Short label of the fact.',
    n_outlets: 'Number of distinct outlets reporting it.',
  },
  'coverage.csv': {
    claim_id: 'Claim id.',
    article_id: 'Article of the claim\'s event.',
    present: 'true when the article reports the claim.',
    sentence_ids: 'Sentence ids reporting it, joined by ";".',
  },
  'terms.csv': {
    concept_id: 'The referent named differently across the articles of one event: a concept of lexicon `terms` (contested alternatives such as war / conflict / invasion, illegal / undocumented immigrant; or a paraphrase set whose surfaces substitute for each other in aligned sentences), `entity:<id>` (spelling variants of one entity after the cross-outlet merges: Sergei / Sergey Lavrov), or `spelling:<a>|<b>` (British/American spellings, transliterations of a name). See the codebook section "Term choices".',
    article_id: 'Article id.',
    outlet: 'Outlet.',
    surface: 'Surface form used (lexicon surface, or the word as written, lower-cased).',
    count: 'Occurrences in the article (datelines and bylines never count).',
    label: 'The concept as people would say it: the surfaces used in the event, most used first ("Kyiv / Kiev").',
  },
  'scores.csv': {
    article_id: 'Article id.',
    outlet: 'Outlet.',
    event_id: 'Event id; empty when ungrouped.',
    scope: 'document | sentence | entity.',
    target: 'Sentence id (sentence scope), entity id (entity scope), empty (document scope).',
    measure: 'Measure name (see measures below).',
    value: 'Score value (4 decimals).',
    n_evidence: 'Number of evidence items (evidence.jsonl) behind the value.',
  },
  'quotes.csv': {
    article_id: 'Article id.',
    quote_id: 'Quote id.',
    speaker: 'Speaker as written (a name, a pronoun or a descriptor such as "a spokesperson for Kerry"); empty when the quote has no attribution. Never an outlet, programme, time or place.',
    speaker_entity: 'Canonical entity id of the speaker; empty when the speaker is unnamed (a descriptor or group) or a pronoun or descriptor could not be resolved (see `rule`) — never a guess.',
    side: 'Speaker\'s side from the study lexicon given with `--lexicon FILE` (entity id or description word -> side); empty without one, or when the lexicon has no entry for the speaker.',
    verb: 'Attribution verb.',
    kind: 'direct (words inside quote marks) | indirect (reported speech: "X said that …", "according to X", "…, saying …").',
    start: 'Start offset of the quoted words.',
    end: 'End offset, exclusive.',
    text: 'Quoted words.',
    rule: 'How the speaker was found and resolved: `<kind>:<where the attribution is>/<subject rule>[ <antecedent>]`, e.g. `direct:verb-after-mark/coref:pronoun->subject Sergei Lavrov`, `indirect:verb-that/subject:entity`, `direct:coref:same-paragraph/…` (a quote without its own attribution keeps the previous speaker), `…coref:pronoun-unresolved` / `…coref:descriptor-unresolved` (no compatible person: no entity), `direct:unattributed`. The rules are listed in the codebook section "Quotes and speakers".',
    rule_start: 'Start offset of the rule\'s evidence: the antecedent mention for a resolved pronoun or descriptor, else the speaker\'s own words; empty when unattributed.',
    rule_end: 'End offset of the rule\'s evidence, exclusive.',
    party: 'Speaker\'s party as the text states it ("Republican senator", "(D-Calif.)", "Oregon Democrat"): Republican, Democratic, Independent, …; empty when not stated.',
    country: 'Speaker\'s country or nationality as the text states it ("a Ukrainian official", "Italy\'s prime minister"), as the gazetteer\'s country name; empty when not stated.',
    role: 'Speaker\'s role as the text states it: government, lawmaker, opposition, expert, advocacy, business, citizen, journalist, law_enforcement, anonymous (definitions under measure `source_balance:`); empty when not stated.',
  },
  'evidence.jsonl': {
    article_id: 'Article id.',
    measure: 'Measure name.',
    scope: 'Scope of the score the item contributes to.',
    target: 'Target of that score.',
    start: 'Start offset in the normalized text.',
    end: 'End offset, exclusive.',
    text: 'The text at [start, end).',
    rule: 'Lexicon entry or rule that fired.',
    weight: 'Contribution to the score.',
    reason: 'Why it fired.',
  },
  'report/': {
    when: `Written instead of report.json when more than ${JSON_REPORT_MAX_ARTICLES.toLocaleString('en-US')} articles were analysed (or with --report-format jsonl): the same report, one JSONL file per array.`,
    'index.json': 'schemaVersion, tool, options and lexicons (as in report.json) and `parts`: the file holding each array (inputs, articles, events, claims, omissions, diffs, terms, scores, evidence, quotes, warnings).',
    '<array>.jsonl': 'One element of that report.json array per line, in the same order (compact JSON). Evidence is also in ../evidence.jsonl (the same lines).',
    pandas: "pd.read_json('out/report/scores.jsonl', lines=True)  # or chunksize=100_000 to stream",
    R: "jsonlite::stream_in(file('out/report/scores.jsonl'))",
    DuckDB: "SELECT * FROM read_json_auto('out/report/scores.jsonl');  -- or read_ndjson_auto; CSVs: read_csv_auto('out/scores.csv')",
  },
};

export const ROUNDING_NOTE =
  'Scores are rounded to 4 decimals and evidence weights to 6, each from the unrounded numbers; a score recomputed from its evidence.jsonl items (with the aggregation given for its measure) agrees with scores.csv to within 0.00005 + n × 0.0000005 for n items.';

export interface Codebook {
  tool: AnalysisReport['tool'];
  rounding: string;
  schemaVersion: string;
  lexicons: LexiconRef[];
  measures: (MeasureDefinition & { observed: string[] })[];
  files: Record<string, Record<string, string>>;
  claims: {
    matcher: string;
    encoder: AnalysisReport['encoder'] | null;
    method: string;
    features: { feature: string; weight: number; meaning: string }[];
    bias: number;
    threshold: number;
    groupThreshold: number;
    figures: readonly string[];
  };
}

export function buildCodebook(report: AnalysisReport): Codebook {
  const defs = measureDefinitions();
  const observed = new Map<string, Set<string>>();
  for (const s of report.scores) {
    const def = definitionFor(s.measure, defs);
    const key = def?.name ?? s.measure;
    if (!observed.has(key)) observed.set(key, new Set());
    observed.get(key)!.add(s.measure);
  }
  return {
    tool: report.tool,
    schemaVersion: report.schemaVersion,
    rounding: ROUNDING_NOTE,
    lexicons: report.lexicons,
    measures: defs.map((d) => ({ ...d, observed: [...(observed.get(d.name) ?? [])].sort() })),
    files: COLUMN_DOCS,
    claims: claimsCodebook(report),
  };
}

function claimsCodebook(report: AnalysisReport): Codebook['claims'] {
  const w = matcherWeights(allLexicons.claimMatcher);
  const matcher = report.options.matcher === 'encoder' ? 'encoder' : 'lexical';
  return {
    matcher,
    encoder: report.encoder ?? null,
    method: matcher === 'encoder' ? CLAIMS_METHOD.encoder : CLAIMS_METHOD.lexical,
    features: FEATURES.map((f) => ({ feature: f, weight: w.weights[f], meaning: FEATURE_DOCS[f] })),
    bias: w.bias,
    threshold: w.threshold,
    groupThreshold: w.groupThreshold,
    figures: CLAIMS_METHOD.figures,
  };
}

export function codebookMarkdown(cb: Codebook): string {
  const out: string[] = [];
  out.push(`# Parallax codebook`, '');
  out.push(`Generated by ${cb.tool.name} ${cb.tool.version}, report schema ${cb.schemaVersion}.`, '');
  out.push(`Numbers: ${cb.rounding}`, '');
  out.push('## Lexicons', '', '| id | version | sha256 | source |', '|---|---|---|---|');
  for (const l of cb.lexicons) out.push(`| ${l.id} | ${l.version} | \`${l.sha256}\` | ${esc(l.source)} |`);
  out.push('', '## Measures', '');
  if (cb.measures.length === 0) out.push('No measures are defined in this version.', '');
  for (const m of cb.measures) {
    out.push(`### \`${m.name}\` — ${m.label}`, '', m.definition, '');
    out.push(`- Scale: ${m.scale}`);
    out.push(`- Unit: ${m.unit}`);
    out.push(`- Unit of analysis: ${m.scopes.join(', ')}`);
    out.push(`- Aggregation: ${m.aggregation}`);
    const params = Object.entries(m.parameters);
    if (params.length) out.push(`- Parameters: ${params.map(([k, v]) => `${k} = ${v}`).join(', ')}`);
    out.push(`- Lexicons: ${m.lexicons.length ? m.lexicons.map((l) => `\`${l}\``).join(', ') : 'none (rules only)'}`);
    if (m.references.length) out.push(`- References: ${m.references.join('; ')}`);
    for (const v of m.validity ?? []) out.push(`- Validity (${v.date}): checked against ${v.against}: ${v.figure}; baselines: ${v.baseline}`);
    if (!m.validity?.length) out.push('- Validity: not checked against human coding yet');
    if (m.name.endsWith(':') && m.observed.length) out.push(`- In this report: ${m.observed.map((o) => `\`${o}\``).join(', ')}`);
    out.push('');
  }
  out.push('## Quotes and speakers', '', QUOTES_CODEBOOK, '');
  out.push('## Term choices', '', TERMS_CODEBOOK, '');
  const c = cb.claims;
  out.push('## Claims (alignment)', '', `Matcher in this report: \`${c.matcher}\`${c.encoder ? ` (encoder ${c.encoder.id} ${c.encoder.version}, weights sha256 \`${c.encoder.sha256}\`)` : ''}.`, '', c.method, '');
  if (c.matcher === 'encoder') {
    out.push(`Learned weights (lexicon \`claim-matcher\`): bias ${c.bias}, threshold ${c.threshold}, group threshold ${c.groupThreshold}.`, '');
    out.push('| feature | weight | meaning |', '|---|---|---|');
    for (const f of c.features) out.push(`| \`${f.feature}\` | ${f.weight} | ${esc(f.meaning)} |`);
    out.push('');
  }
  out.push('Measured quality:', '');
  for (const f of c.figures) out.push(`- ${f}`);
  out.push('');
  out.push('## Files', '');
  for (const [file, cols] of Object.entries(cb.files)) {
    out.push(`### ${file}`, '', '| column | meaning |', '|---|---|');
    for (const [c, d] of Object.entries(cols)) out.push(`| \`${c}\` | ${esc(d)} |`);
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
