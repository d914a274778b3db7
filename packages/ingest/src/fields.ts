/** Field coercion shared by every format: one place decides what a valid id, date, url or language is. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { readDate, type DateFormat } from './dates';
import type { ArticleInput, IngestWarning } from './types';

/** The article fields every format may carry (besides the text). */
export const ARTICLE_FIELDS = ['id', 'outlet', 'title', 'published', 'url', 'language', 'author', 'text'] as const;

/** sha256 of the UTF-8 text, hex, first 16 characters: a stable id for text with no other name. */
export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);
}

export interface RawFields {
  id?: unknown;
  outlet?: unknown;
  title?: unknown;
  published?: unknown;
  url?: unknown;
  language?: unknown;
  /** Byline: a string, a list of names, or `{name}` objects (JSON-LD Person); "By " is dropped. */
  author?: unknown;
  text: string;
}

/** How fields are read (from ParseOptions). */
export interface FieldOptions {
  dateFormat: DateFormat;
}

export const DEFAULT_FIELD_OPTIONS: FieldOptions = Object.freeze({ dateFormat: 'auto' });

export interface Where {
  path: string;
  line: number | null;
}

/** A scalar as a trimmed string; null for null/undefined/'' and for objects (with a warning). */
export function scalar(value: unknown, field: string, where: Where, warnings: IngestWarning[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  warnings.push({ ...where, message: `${field} must be a string, got ${describe(value)}; ignored` });
  return null;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `en`, `EN`, `en-US`, `pt_BR` -> `en` / `pt`; anything else -> null with a warning. */
export function normalizeLanguage(value: string | null, where: Where, warnings: IngestWarning[]): string | null {
  if (value === null) return null;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(value.trim());
  if (!m) {
    warnings.push({ ...where, message: `language "${value}" is not a language code such as "en" or "de-DE"; set to null` });
    return null;
  }
  return (m[1] as string).toLowerCase();
}

/** Absolute http(s) URLs only: `javascript:`, `data:` and relative URLs become null with a warning. */
export function normalizeUrl(value: string | null, where: Where, warnings: IngestWarning[]): string | null {
  if (value === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    warnings.push({ ...where, message: `url "${truncate(value)}" is not an absolute URL; set to null` });
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    warnings.push({ ...where, message: `url scheme "${parsed.protocol}" is not http(s); set to null` });
    return null;
  }
  return value;
}

export function normalizePublished(value: unknown, where: Where, warnings: IngestWarning[], format: DateFormat = 'auto'): string | null {
  if (value === undefined || value === null || value === '') return null;
  const r = readDate(value, format);
  const shown = truncate(String(value));
  switch (r.problem) {
    case 'unreadable':
      warnings.push({ ...where, message: `published date "${shown}" is not a date we can read; set to null` });
      break;
    case 'ambiguous':
      warnings.push({ ...where, message: `published date "${shown}" is ambiguous: ${r.detail ?? ''}; set to null (pass --date-format dmy or mdy)` });
      break;
    case 'format-mismatch':
      warnings.push({ ...where, message: `published date "${shown}" does not match the date format: ${r.detail ?? ''}; set to null` });
      break;
    case 'no-zone':
      warnings.push({ ...where, message: `published time "${shown}" has no time zone; read as UTC` });
      break;
    case null:
      break;
  }
  return r.iso;
}

/**
 * A byline as one string: names joined with "; ", a leading "By " dropped,
 * URLs (profile links such as article:author) ignored; null when there is none.
 */
export function normalizeAuthor(value: unknown, where: Where, warnings: IngestWarning[]): string | null {
  const names: string[] = [];
  const add = (v: unknown, depth: number): void => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v) && depth === 0) {
      for (const x of v) add(x, 1);
      return;
    }
    if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') {
      add((v as { name: string }).name, depth + 1);
      return;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      warnings.push({ ...where, message: `author must be a string or a list of names, got ${describe(v)}; ignored` });
      return;
    }
    const name = String(v).replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '').trim();
    if (name === '' || /^https?:\/\//i.test(name)) return;
    if (!names.includes(name)) names.push(name);
  };
  add(value, 0);
  return names.length === 0 ? null : names.join('; ');
}

export const NO_OUTLET = 'no outlet given; set to "unknown"';

/** Metadata (outlet, title) on one line: runs of whitespace, line breaks included, become one space. */
function oneLine(s: string | null): string | null {
  return s === null ? null : s.replace(/\s+/g, ' ');
}

export function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * Build an ArticleInput from raw fields. `fallbackId` is used when no id is given
 * (file name stem); without either, the content hash.
 */
export function buildArticle(
  raw: RawFields, where: Where, warnings: IngestWarning[], fallbackId: string | null, opts: FieldOptions = DEFAULT_FIELD_OPTIONS,
): ArticleInput {
  const id = scalar(raw.id, 'id', where, warnings) ?? fallbackId ?? contentHash(raw.text);
  let outlet = oneLine(scalar(raw.outlet, 'outlet', where, warnings));
  if (outlet === null) {
    warnings.push({ ...where, message: NO_OUTLET });
    outlet = 'unknown';
  }
  return {
    id,
    outlet,
    title: oneLine(scalar(raw.title, 'title', where, warnings)) ?? '',
    published: normalizePublished(raw.published, where, warnings, opts.dateFormat),
    url: normalizeUrl(scalar(raw.url, 'url', where, warnings), where, warnings),
    language: normalizeLanguage(scalar(raw.language, 'language', where, warnings), where, warnings),
    author: normalizeAuthor(raw.author, where, warnings),
    text: raw.text,
    source: { path: where.path, line: where.line },
  };
}
