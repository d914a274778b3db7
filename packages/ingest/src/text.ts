/** Plain text and Markdown, with optional YAML front matter. The body is kept exactly as written. */
import { parse as parseYaml } from 'yaml';
import { buildArticle, DEFAULT_FIELD_OPTIONS, describe, type FieldOptions, type RawFields } from './fields';
import type { IngestResult } from './types';

const FRONT_MATTER_KEYS = ['id', 'outlet', 'title', 'published', 'url', 'language', 'author', 'byline', 'authors'] as const;
const MAX_TITLE_CHARS = 200;

export interface FrontMatter {
  /** The parsed mapping, or null when there is none or it is unreadable. */
  data: Record<string, unknown> | null;
  body: string;
  /** Problem with the front matter, if any. */
  problem: string | null;
}

export const LENIENT_NOTE =
  'front matter read line by line: a value contains a colon, which YAML does not allow unquoted (put the value in "quotes" to silence this)';

/**
 * The lenient reading of front matter that strict YAML rejects, for the common case
 * of plain `key: value` lines where a value holds a colon (`title: Talks: day two`).
 * Every non-blank, non-comment line must be `key: value` with a plain value (not
 * starting with a quote, bracket, brace, `|`, `>`, `&`, `*` or `!`); otherwise null.
 */
export function simpleKeyValues(src: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let any = false;
  for (const line of src.split(/\r?\n/)) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*):[ \t]+(.*?)[ \t]*$/.exec(line);
    if (!m || m[2] === '' || /^["'[{|>&*!]/.test(m[2]!)) return null;
    if (Object.hasOwn(out, m[1]!)) return null;
    out[m[1]!] = m[2]!;
    any = true;
  }
  return any ? out : null;
}

/** Split `---\n yaml \n---\n body`. Without an opening `---` line, the whole text is the body. */
export function splitFrontMatter(text: string): FrontMatter {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { data: null, body: text, problem: null };
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { data: null, body: text, problem: 'front matter opened with "---" but never closed; kept as body text' };
  const yamlSrc = rest.slice(0, m.index);
  const body = rest.slice(m.index + m[0].length);
  let data: unknown;
  try {
    data = yamlSrc.trim() === '' ? {} : parseYaml(yamlSrc);
  } catch (err) {
    const lenient = simpleKeyValues(yamlSrc);
    if (lenient) return { data: lenient, body, problem: LENIENT_NOTE };
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { data: null, body, problem: `front matter is not valid YAML (${msg}); its fields were ignored` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { data: null, body, problem: `front matter must be a YAML mapping, got ${describe(data)}; its fields were ignored` };
  }
  return { data: data as Record<string, unknown>, body, problem: null };
}

/** First non-empty line as a title, if it is short; Markdown heading marks removed. */
function firstLineTitle(body: string, markdown: boolean): string | null {
  const line = body.split(/\r?\n/).find((l) => l.trim() !== '');
  if (line === undefined) return null;
  let t = line.trim();
  if (markdown) t = t.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '').trim();
  return t.length > 0 && t.length <= MAX_TITLE_CHARS ? t : null;
}

export function parseText(path: string, text: string, stem: string | null, markdown: boolean, fields: FieldOptions = DEFAULT_FIELD_OPTIONS): IngestResult {
  const result: IngestResult = { articles: [], rejections: [], warnings: [] };
  const where = { path, line: null };
  const fm = splitFrontMatter(text);
  if (fm.problem !== null) result.warnings.push({ ...where, message: fm.problem });
  if (fm.body.trim() === '') {
    result.rejections.push({ ...where, reason: fm.data !== null ? 'empty body (front matter only)' : 'whitespace only' });
    return result;
  }
  const data = fm.data ?? {};
  const unknown = Object.keys(data).filter((k) => !(FRONT_MATTER_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    result.warnings.push({ ...where, message: `ignored unknown front matter keys: ${unknown.join(', ')} (known: ${FRONT_MATTER_KEYS.join(', ')})` });
  }
  const raw: RawFields = { ...pick(data), text: fm.body };
  if (raw.title === undefined || raw.title === null || raw.title === '') {
    const title = firstLineTitle(fm.body, markdown);
    if (title === null) result.warnings.push({ ...where, message: `no title: the first line is over ${MAX_TITLE_CHARS} characters; set "title" in front matter` });
    raw.title = title;
  }
  result.articles.push(buildArticle(raw, where, result.warnings, stem, fields));
  return result;
}

function pick(data: Record<string, unknown>): Omit<RawFields, 'text'> {
  const out: Omit<RawFields, 'text'> = {};
  for (const k of ['id', 'outlet', 'title', 'published', 'url', 'language'] as const) if (k in data) out[k] = data[k];
  const author = data.author ?? data.byline ?? data.authors;
  if (author !== undefined) out.author = author;
  return out;
}
