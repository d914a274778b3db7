/**
 * The output contract: file names and CSV headers other people's scripts depend on.
 * Pure (string in, strings out) so the CLI and the web app write identical bytes.
 * CSVs are RFC 4180 (papaparse), UTF-8, one header row, "\r\n" line ends, and every
 * string cell that a spreadsheet would run as a formula is neutralised (OWASP).
 */
import Papa from 'papaparse';
import { buildCodebook, codebookMarkdown } from './codebook';
import type { AnalysisReport } from './schema';

export const CSV_HEADERS = {
  'articles.csv': ['article_id', 'outlet', 'title', 'published', 'url', 'event_id', 'language', 'n_sentences', 'n_words'],
  'sentences.csv': ['article_id', 'sentence_id', 'start', 'end', 'group_id', 'sentiment', 'text'],
  'rejected.csv': ['input', 'line', 'reason'],
  'events.csv': ['article_id', 'event_id'],
  'claims.csv': ['claim_id', 'event_id', 'label', 'n_outlets'],
  'coverage.csv': ['claim_id', 'article_id', 'present', 'sentence_ids'],
  'terms.csv': ['concept_id', 'article_id', 'outlet', 'surface', 'count', 'label'],
  'scores.csv': ['article_id', 'outlet', 'event_id', 'scope', 'target', 'measure', 'value', 'n_evidence'],
  'quotes.csv': ['article_id', 'quote_id', 'speaker', 'speaker_entity', 'side', 'verb', 'kind', 'start', 'end', 'text', 'rule', 'rule_start', 'rule_end', 'party', 'country', 'role'],
} as const;

export { JSON_REPORT_MAX_ARTICLES } from './codebook';
/**
 * Columns appended to articles.csv after the document-measure columns (so every
 * earlier column keeps its position): the byline.
 */
export const ARTICLES_CSV_TRAILING = ['author'] as const;

export { OUTPUT_MARKER } from './marker';

export const OUTPUT_FILES = [
  'report.json',
  ...Object.keys(CSV_HEADERS),
  'evidence.jsonl',
  'codebook.md',
  'codebook.json',
] as const;

type Cell = string | number | boolean | null | undefined;
export type CsvCell = Cell;

/** OWASP CSV injection: a string cell starting with = + - @ TAB or CR gets a leading apostrophe. */
export function neutralizeCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  // papaparse ends the last row without a newline, except that a header-only table
  // already ends in one: normalise to exactly one CRLF after every record.
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(neutralizeCell)) }, { newline: '\r\n', quotes: false, header: true });
  return body.endsWith('\r\n') ? body : body + '\r\n';
}

/** CSV records without a header, each ending in CRLF (the rows `toCsv` prints for them; '' for none). */
export function csvLines(rows: readonly Cell[][]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows.map((r) => r.map(neutralizeCell)), { newline: '\r\n', quotes: false, header: false }) + '\r\n';
}

/** The header line `toCsv` prints. */
export function csvHeader(header: readonly string[]): string {
  return toCsv(header, []);
}

export interface ExportFile {
  name: string;
  content: string;
}

/** An export file as a sequence of pieces whose concatenation is its content. */
export interface ExportFileChunks {
  name: string;
  chunks: Iterable<string>;
}

const indentLines = (s: string, pad: string) => s.replace(/\n/g, `\n${pad}`);

/**
 * `JSON.stringify(value, null, 2) + '\n'` in pieces (the same bytes), split at the
 * top-level keys and at the elements of top-level arrays: a corpus report can be
 * longer than the longest string a JavaScript engine allows (about 512 MB in V8),
 * while each piece is small. For plain JSON data (no toJSON, no cycles); newlines
 * inside JSON strings are always escaped, so re-indenting by line is exact.
 */
export function* jsonChunks(value: object): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (Array.isArray(value) || entries.length === 0) {
    yield JSON.stringify(value, null, 2) + '\n';
    return;
  }
  yield '{\n';
  for (let e = 0; e < entries.length; e++) {
    const [k, v] = entries[e]!;
    const sep = e + 1 < entries.length ? ',\n' : '\n';
    if (Array.isArray(v) && v.length > 0) {
      yield `  ${JSON.stringify(k)}: [\n`;
      for (let i = 0; i < v.length; i++) {
        yield `${jsonElement(v[i])}${i + 1 < v.length ? ',\n' : '\n'}`;
      }
      yield `  ]${sep}`;
    } else {
      yield `  ${JSON.stringify(k)}: ${indentLines(JSON.stringify(v, null, 2), '  ')}${sep}`;
    }
  }
  yield '}\n';
}

/** One element of a top-level array of report.json, as `jsonChunks` prints it (without the separator). */
export function jsonElement(el: unknown): string {
  const text = el === undefined || typeof el === 'function' || typeof el === 'symbol' ? 'null' : JSON.stringify(el, null, 2);
  return `    ${indentLines(text, '    ')}`;
}

function* jsonLines(items: readonly unknown[]): Generator<string> {
  for (const x of items) yield JSON.stringify(x) + '\n';
}

/**
 * The export files as chunk sequences: report.json and evidence.jsonl are produced
 * lazily piece by piece (write them with a stream: at corpus scale they exceed the
 * longest possible string), the others as one piece. Same bytes as exportFiles.
 */
export function exportFileChunks(report: AnalysisReport): ExportFileChunks[] {
  return exportParts(report, true).map((f) => ('chunks' in f ? f : { name: f.name, chunks: [f.content] }));
}

export function exportFiles(report: AnalysisReport): ExportFile[] {
  return exportParts(report, false).map((f) => ('chunks' in f ? { name: f.name, content: [...f.chunks].join('') } : f));
}

/** The export files; with `lazy`, report.json and evidence.jsonl as chunk sequences. */
function exportParts(report: AnalysisReport, lazy: boolean): (ExportFile | ExportFileChunks)[] {
  const eventOf = new Map<string, string>();
  for (const e of report.events) for (const id of e.article_ids) eventOf.set(id, e.event_id);
  const articleOfSentence = new Map<string, string>();
  for (const a of report.articles) for (const s of a.sentences) articleOfSentence.set(s.id, a.id);
  const groupOf = new Map<string, string>();
  for (const c of report.claims) for (const s of c.sentence_ids) groupOf.set(s, c.claim_id);
  const sentenceSentiment = new Map<string, number>();
  for (const s of report.scores) if (s.scope === 'sentence' && s.measure === 'sentiment') sentenceSentiment.set(s.target, s.value);

  // Wide document-scope score columns appended to articles.csv, sorted by measure name.
  const docMeasures = [...new Set(report.scores.filter((s) => s.scope === 'document').map((s) => s.measure))].sort();
  const docScore = new Map<string, number>();
  for (const s of report.scores) if (s.scope === 'document') docScore.set(`${s.article_id}\u0000${s.measure}`, s.value);

  const files: (ExportFile | ExportFileChunks)[] = [];
  files.push(lazy ? { name: 'report.json', chunks: { [Symbol.iterator]: () => jsonChunks(report) } } : { name: 'report.json', content: JSON.stringify(report, null, 2) + '\n' });
  files.push({
    name: 'articles.csv',
    content: toCsv(
      [...CSV_HEADERS['articles.csv'], ...docMeasures, ...ARTICLES_CSV_TRAILING],
      report.articles.map((a) => [
        a.id, a.outlet, a.title, a.published, a.url, eventOf.get(a.id) ?? null, a.language, a.sentences.length, a.n_words,
        ...docMeasures.map((m) => docScore.get(`${a.id}\u0000${m}`) ?? null),
        a.author,
      ]),
    ),
  });
  files.push({
    name: 'sentences.csv',
    content: toCsv(
      CSV_HEADERS['sentences.csv'],
      report.articles.flatMap((a) =>
        a.sentences.map((s) => [a.id, s.id, s.start, s.end, groupOf.get(s.id) ?? null, sentenceSentiment.get(s.id) ?? null, a.text.slice(s.start, s.end)]),
      ),
    ),
  });
  files.push({
    name: 'rejected.csv',
    content: toCsv(
      CSV_HEADERS['rejected.csv'],
      report.inputs.filter((i) => i.status !== 'analysed').map((i) => [i.path, i.line, i.status === 'duplicate' ? `duplicate: ${i.reason}` : i.reason]),
    ),
  });
  files.push({
    name: 'events.csv',
    content: toCsv(CSV_HEADERS['events.csv'], report.articles.filter((a) => eventOf.has(a.id)).map((a) => [a.id, eventOf.get(a.id)])),
  });
  files.push({
    name: 'claims.csv',
    content: toCsv(CSV_HEADERS['claims.csv'], report.claims.map((c) => [c.claim_id, c.event_id, c.label, c.n_outlets])),
  });
  const eventArticles = new Map(report.events.map((e) => [e.event_id, e.article_ids]));
  files.push({
    name: 'coverage.csv',
    content: toCsv(
      CSV_HEADERS['coverage.csv'],
      report.claims.flatMap((c) =>
        (eventArticles.get(c.event_id) ?? []).map((aid) => {
          const ids = c.sentence_ids.filter((s) => articleOfSentence.get(s) === aid);
          return [c.claim_id, aid, ids.length > 0, ids.join(';')];
        }),
      ),
    ),
  });
  files.push({
    name: 'terms.csv',
    content: toCsv(CSV_HEADERS['terms.csv'], report.terms.map((t) => [t.concept_id, t.article_id, t.outlet, t.surface, t.count, t.label])),
  });
  files.push({
    name: 'scores.csv',
    content: toCsv(
      CSV_HEADERS['scores.csv'],
      report.scores.map((s) => [s.article_id, s.outlet, s.event_id, s.scope, s.target, s.measure, s.value, s.n_evidence]),
    ),
  });
  files.push({
    name: 'quotes.csv',
    content: toCsv(
      CSV_HEADERS['quotes.csv'],
      report.quotes.map((q) => [q.article_id, q.quote_id, q.speaker, q.speaker_entity, q.side, q.verb, q.kind, q.start, q.end, q.text, q.rule, q.rule_span?.start ?? null, q.rule_span?.end ?? null, q.party, q.country, q.role]),
    ),
  });
  files.push(
    lazy
      ? { name: 'evidence.jsonl', chunks: { [Symbol.iterator]: () => jsonLines(report.evidence) } }
      : { name: 'evidence.jsonl', content: report.evidence.map((e) => JSON.stringify(e) + '\n').join('') },
  );
  const codebook = buildCodebook(report);
  files.push({ name: 'codebook.md', content: codebookMarkdown(codebook) });
  files.push({ name: 'codebook.json', content: JSON.stringify(codebook, null, 2) + '\n' });
  return files;
}
