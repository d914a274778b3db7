/**
 * Record-level parsing shared by the whole-file parsers (index.ts) and the
 * streaming readers (node.ts): one JSONL line or one CSV row in, one article or
 * one rejection out, plus warnings. Browser-safe.
 */
import { buildArticle, DEFAULT_FIELD_OPTIONS, describe, truncate, type FieldOptions, type RawFields } from './fields';
import type { ArticleInput, IngestWarning, Rejection } from './types';

export type RecordOutcome =
  | { kind: 'article'; article: ArticleInput; warnings: IngestWarning[] }
  | { kind: 'rejection'; rejection: Rejection; warnings: IngestWarning[] };

/** Anything a streaming reader yields, in input order. */
export type IngestEvent =
  | { kind: 'article'; article: ArticleInput }
  | { kind: 'rejection'; rejection: Rejection }
  | { kind: 'warning'; warning: IngestWarning };

const JSONL_KNOWN = new Set(['id', 'outlet', 'title', 'published', 'url', 'language', 'author', 'byline', 'authors', 'text']);

/** State carried across the lines of one JSONL file (duplicate ids, unknown fields). */
export class JsonlReader {
  private readonly seenIds = new Map<string, number>();
  private readonly unknownFields = new Map<string, number>();

  constructor(readonly path: string, private readonly fieldOptions: FieldOptions = DEFAULT_FIELD_OPTIONS) {}

  /** Parse one line; null for blank lines, which are not records. */
  line(lineNo: number, source: string): RecordOutcome | null {
    const where = { path: this.path, line: lineNo };
    const warnings: IngestWarning[] = [];
    const reject = (reason: string): RecordOutcome => ({ kind: 'rejection', rejection: { ...where, reason }, warnings });
    const src = source.endsWith('\r') ? source.slice(0, -1) : source;
    if (src.trim() === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(src);
    } catch (err) {
      return reject(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return reject(`expected a JSON object, got ${describe(value)}`);
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) if (!JSONL_KNOWN.has(k) && !this.unknownFields.has(k)) this.unknownFields.set(k, lineNo);
    const missing = (['id', 'text'] as const).filter((k) => obj[k] === undefined || obj[k] === null || obj[k] === '');
    if (missing.length > 0) return reject(`missing required field${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${k}"`).join(' and ')}`);
    if (typeof obj.id !== 'string' && typeof obj.id !== 'number') return reject(`"id" must be a string or number, got ${describe(obj.id)}`);
    if (typeof obj.id === 'string' && obj.id.trim() === '') return reject('"id" is blank');
    if (typeof obj.text !== 'string') return reject(`"text" must be a string, got ${describe(obj.text)}`);
    if (obj.text.trim() === '') return reject('"text" is whitespace only');
    const author = obj.author ?? obj.byline ?? obj.authors;
    const raw: RawFields = { id: obj.id, outlet: obj.outlet, title: obj.title, published: obj.published, url: obj.url, language: obj.language, author, text: obj.text };
    const article = buildArticle(raw, where, warnings, null, this.fieldOptions);
    this.noteId(article.id, lineNo, warnings);
    return { kind: 'article', article, warnings };
  }

  private noteId(id: string, lineNo: number, warnings: IngestWarning[]): void {
    const first = this.seenIds.get(id);
    if (first === undefined) this.seenIds.set(id, lineNo);
    else warnings.push({ path: this.path, line: lineNo, message: `id "${truncate(id)}" already used on line ${first}` });
  }

  /** Warnings that only make sense once the whole file is read. */
  finish(): IngestWarning[] {
    if (this.unknownFields.size === 0) return [];
    const list = [...this.unknownFields].map(([k, line]) => `${k} (line ${line})`).join(', ');
    return [{ path: this.path, line: null, message: `ignored unknown fields: ${list}; known: ${[...JSONL_KNOWN].join(', ')}` }];
  }
}

/** Columns, in order of preference, for each article field. */
const CSV_COLUMNS = {
  id: ['id', 'stories_id'],
  outlet: ['outlet', 'media_name'],
  title: ['title'],
  published: ['published', 'publish_date'],
  url: ['url'],
  language: ['language'],
  author: ['author', 'byline', 'authors'],
  text: ['text', 'story_text', 'full_text', 'content', 'body'],
} as const;

export const NO_TEXT_MEDIA_CLOUD = 'no text column (Media Cloud story lists carry no text; export with text or fetch it)';

/**
 * State carried across the rows of one CSV file: the header, and the physical
 * line on which the next record starts (quoted newlines span several lines).
 */
export class CsvReader {
  private header: string[] | null = null;
  private columns: Partial<Record<keyof typeof CSV_COLUMNS, number>> = {};
  private mediaCloud = false;
  private nextLine = 1;
  private readonly seenIds = new Map<string, number>();
  readonly fileWarnings: IngestWarning[] = [];
  rows = 0;

  constructor(
    readonly path: string,
    private readonly newline: '\n' | '\r' = '\n',
    private readonly fieldOptions: FieldOptions = DEFAULT_FIELD_OPTIONS,
    private readonly delimiter: string = ',',
  ) {}

  /** Feed one parsed row (as papaparse gives it, empty lines included); null when the row is not a record. */
  row(fields: string[], quoteProblem: 'unterminated' | 'stray' | null = null): RecordOutcome | null {
    const lineNo = this.nextLine;
    for (const f of fields) this.nextLine += countChar(f, this.newline);
    this.nextLine += 1;
    const where = { path: this.path, line: lineNo };
    const warnings: IngestWarning[] = [];
    if (fields.length === 1 && (fields[0] as string).trim() === '') return null;
    if (this.header === null) {
      this.setHeader(fields, lineNo);
      return null;
    }
    this.rows++;
    const reject = (reason: string): RecordOutcome => ({ kind: 'rejection', rejection: { ...where, reason }, warnings });
    if (quoteProblem === 'unterminated') return reject('unterminated quoted field: a " opened here is never closed, so the rest of the file was read as one field');
    if (quoteProblem === 'stray') warnings.push({ ...where, message: 'stray " inside an unquoted field; read literally' });
    const width = this.header.length;
    if (fields.length < width) {
      return reject(`row has ${fields.length} field${fields.length === 1 ? '' : 's'}, header has ${width} (missing columns: ${this.header.slice(fields.length).join(', ')})`);
    }
    if (fields.length > width) {
      warnings.push({ ...where, message: `row has ${fields.length} fields, header has ${width}; the ${fields.length - width} extra field(s) were ignored (unquoted ${this.delimiter === '\t' ? 'tab' : this.delimiter === ';' ? 'semicolon' : 'comma'}?)` });
    }
    const get = (k: keyof typeof CSV_COLUMNS): string | undefined => {
      const i = this.columns[k];
      return i === undefined ? undefined : fields[i];
    };
    if (this.columns.text === undefined) {
      return reject(this.mediaCloud ? NO_TEXT_MEDIA_CLOUD : `no text column (expected one of: ${CSV_COLUMNS.text.join(', ')})`);
    }
    const text = get('text') ?? '';
    if (text.trim() === '') return reject(`text column "${this.header[this.columns.text] ?? ''}" is empty`);
    const id = (get('id') ?? '').trim();
    if (id === '') {
      return reject(this.columns.id === undefined ? `no id column (expected one of: ${CSV_COLUMNS.id.join(', ')})` : `id column "${this.header[this.columns.id] ?? ''}" is empty`);
    }
    const raw: RawFields = { id, outlet: get('outlet'), title: get('title'), published: get('published'), url: get('url'), language: get('language'), author: get('author'), text };
    const article = buildArticle(raw, where, warnings, null, this.fieldOptions);
    const first = this.seenIds.get(article.id);
    if (first === undefined) this.seenIds.set(article.id, lineNo);
    else warnings.push({ ...where, message: `id "${truncate(article.id)}" already used on line ${first}` });
    return { kind: 'article', article, warnings };
  }

  /** Rejections for a file that had no header or no data rows. */
  finish(): Rejection[] {
    if (this.header === null) return [{ path: this.path, line: null, reason: 'no header row' }];
    if (this.rows === 0) return [{ path: this.path, line: 1, reason: 'no data rows (header only)' }];
    return [];
  }

  private setHeader(fields: string[], lineNo: number): void {
    const names = fields.map((f) => f.replace(/^\ufeff/, '').trim().toLowerCase());
    this.header = names;
    for (const [key, candidates] of Object.entries(CSV_COLUMNS) as [keyof typeof CSV_COLUMNS, readonly string[]][]) {
      const i = candidates.map((c) => names.indexOf(c)).find((x) => x !== -1);
      if (i !== undefined) this.columns[key] = i;
    }
    this.mediaCloud = names.includes('stories_id') || names.includes('media_name');
    const dupes = names.filter((n, i) => n !== '' && names.indexOf(n) !== i);
    if (dupes.length > 0) {
      this.fileWarnings.push({ path: this.path, line: lineNo, message: `duplicate column names: ${[...new Set(dupes)].join(', ')}; the first of each is used` });
    }
  }
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
