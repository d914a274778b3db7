/**
 * The codebook: generated from the measure registry, the lexicon references and the
 * output contract, so what a researcher cites is exactly what produced the numbers.
 */
import { definitionFor, measureDefinitions, type MeasureDefinition } from './measures';
import type { AnalysisReport, LexiconRef } from './schema';

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
    published: 'Publication date or date-time, ISO 8601; empty when unknown.',
    url: 'Source URL; empty when unknown.',
    event_id: 'Event the article was grouped into (see events.csv); empty when ungrouped.',
    language: 'ISO 639-1 language code (declared or detected).',
    n_sentences: 'Number of sentences outside boilerplate.',
    n_words: 'Number of word and number tokens outside boilerplate.',
    '<measure>': 'Further columns: one per document-scope measure in scores.csv (same value).',
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
  'events.csv': { article_id: 'Article id.', event_id: 'Event id.' },
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
    concept_id: 'Contested-term concept id (lexicon `terms`).',
    article_id: 'Article id.',
    outlet: 'Outlet.',
    surface: 'Surface form used.',
    count: 'Occurrences in the article.',
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
    speaker: 'Speaker as written.',
    speaker_entity: 'Canonical entity id of the speaker; empty when unresolved.',
    side: 'Speaker\'s side (lexicon `sides`), empty when unknown.',
    verb: 'Attribution verb.',
    kind: 'direct | indirect.',
    start: 'Start offset of the quoted words.',
    end: 'End offset, exclusive.',
    text: 'Quoted words.',
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
}

export function buildCodebook(report: AnalysisReport): Codebook {
  const observed = new Map<string, Set<string>>();
  for (const s of report.scores) {
    const def = definitionFor(s.measure);
    const key = def?.name ?? s.measure;
    if (!observed.has(key)) observed.set(key, new Set());
    observed.get(key)!.add(s.measure);
  }
  return {
    tool: report.tool,
    schemaVersion: report.schemaVersion,
    rounding: ROUNDING_NOTE,
    lexicons: report.lexicons,
    measures: measureDefinitions().map((d) => ({ ...d, observed: [...(observed.get(d.name) ?? [])].sort() })),
    files: COLUMN_DOCS,
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
    out.push(`- Unit of analysis: ${m.scopes.join(', ')}`);
    out.push(`- Aggregation: ${m.aggregation}`);
    out.push(`- Lexicons: ${m.lexicons.length ? m.lexicons.map((l) => `\`${l}\``).join(', ') : 'none (rules only)'}`);
    if (m.references.length) out.push(`- References: ${m.references.join('; ')}`);
    if (m.name.endsWith(':') && m.observed.length) out.push(`- In this report: ${m.observed.map((o) => `\`${o}\``).join(', ')}`);
    out.push('');
  }
  out.push('## Files', '');
  for (const [file, cols] of Object.entries(cb.files)) {
    out.push(`### ${file}`, '', '| column | meaning |', '|---|---|');
    for (const [c, d] of Object.entries(cols)) out.push(`| \`${c}\` | ${esc(d)} |`);
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
