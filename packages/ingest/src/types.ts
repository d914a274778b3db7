import type { ArticleInput } from '@parallax/core';
import { DATE_FORMATS, type DateFormat } from './dates';

export type { ArticleInput };

/** A file or record that did not become an article, and why. */
export interface Rejection {
  path: string;
  /** 1-based line of the record in a JSONL/CSV file; null for whole files. */
  line: number | null;
  reason: string;
}

/** Something worth telling the user about an article that was still produced. */
export interface IngestWarning {
  path: string;
  line: number | null;
  message: string;
}

/** What one input file turned into: every record ends in `articles` or `rejections`. */
export interface IngestResult {
  articles: ArticleInput[];
  rejections: Rejection[];
  warnings: IngestWarning[];
}

export interface ParseOptions {
  /** Files larger than this many bytes are rejected before decoding. Default 20 MB (20 * 1024 * 1024). */
  maxBytes?: number;
  /** Day/month order of numeric dates such as 03/04/2025: 'auto' (default; ambiguous ones are refused with a warning), 'dmy', 'mdy' or 'ymd'. */
  dateFormat?: DateFormat;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const OPTION_NAMES: ReadonlySet<string> = new Set(['maxBytes', 'dateFormat']);

/** Validate options: misuse of the API throws at once with a message that says what to do. */
export function resolveOptions(opts: ParseOptions | undefined, extra: readonly string[] = []): Required<ParseOptions> {
  if (opts !== undefined && (typeof opts !== 'object' || opts === null)) {
    throw new TypeError('ingest options must be an object such as { maxBytes: 20971520 }');
  }
  for (const key of Object.keys(opts ?? {})) {
    if (!OPTION_NAMES.has(key) && !extra.includes(key)) {
      throw new TypeError(`unknown ingest option \`${key}\` (known: ${[...OPTION_NAMES, ...extra].join(', ')})`);
    }
  }
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (typeof maxBytes !== 'number' || !Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new TypeError(`\`maxBytes\` must be a positive number of bytes, got ${String(maxBytes)}`);
  }
  const dateFormat = opts?.dateFormat ?? 'auto';
  if (!DATE_FORMATS.includes(dateFormat)) {
    throw new TypeError(`\`dateFormat\` must be one of ${DATE_FORMATS.join(', ')}, got ${JSON.stringify(dateFormat)}`);
  }
  return { maxBytes, dateFormat };
}

/** `52428800` -> `50.0 MB` (1 MB = 1024 * 1024 bytes). */
export function formatMegabytes(bytes: number, decimals = 1): string {
  return `${(bytes / (1024 * 1024)).toFixed(decimals)} MB`;
}

export function sizeRejectionReason(size: number, maxBytes: number): string {
  if (maxBytes < 1024 * 1024) return `file is ${size} bytes, over the ${maxBytes}-byte limit (use --max-bytes)`;
  const limitMb = maxBytes / (1024 * 1024);
  const limit = Number.isInteger(limitMb) ? `${limitMb} MB` : formatMegabytes(maxBytes);
  return `file is ${formatMegabytes(size)}, over the ${limit} limit (use --max-bytes)`;
}
