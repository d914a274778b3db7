/**
 * Kinds of ingest warnings, for the console summary ("2,000 articles have no
 * outlet: …"). Each kind is recognised by the message text written in this
 * package (fields.ts, records.ts, csv.ts, html.ts, text.ts, decode.ts, node.ts);
 * `summary.test.ts` checks that every message the readers write has its kind.
 */

export interface IngestWarningKind {
  kind: string;
  /** Matches the message (with or without the "path:line: " prefix). */
  pattern: RegExp;
  /** The summary line for `n` warnings of this kind (n already formatted). */
  summary: (n: string, one: boolean) => string;
}

const s = (one: boolean, singular: string, plural: string): string => (one ? singular : plural);

export const INGEST_WARNING_KINDS: readonly IngestWarningKind[] = [
  { kind: 'no-outlet', pattern: /no outlet given; set to "unknown"$/, summary: (n, one) => `${n} ${s(one, 'article has', 'articles have')} no outlet (set to "unknown"): set it with front matter \`outlet:\`, an outlet column or field, or og:site_name` },
  { kind: 'outlet-from-domain', pattern: /(?:taken from|set to) the URL's domain/, summary: (n, one) => `${n} HTML ${s(one, 'page names', 'pages name')} no site: outlet taken from the URL's domain` },
  { kind: 'date-ambiguous', pattern: /published date ".*" is ambiguous: /, summary: (n, one) => `${n} ${s(one, 'date was', 'dates were')} ambiguous (day/month or month/day, e.g. 03/04/2025) and set to null: pass --date-format dmy or mdy` },
  { kind: 'date-format-mismatch', pattern: /published date ".*" does not match the date format: /, summary: (n, one) => `${n} ${s(one, 'date does', 'dates do')} not match --date-format and ${s(one, 'was', 'were')} set to null: check the option` },
  { kind: 'date-unreadable', pattern: /published date ".*" is not a date we can read/, summary: (n, one) => `${n} published ${s(one, 'date', 'dates')} could not be read and ${s(one, 'was', 'were')} set to null` },
  { kind: 'date-no-zone', pattern: /published time ".*" has no time zone; read as UTC$/, summary: (n, one) => `${n} published ${s(one, 'time has', 'times have')} no time zone and ${s(one, 'was', 'were')} read as UTC` },
  { kind: 'date-modified', pattern: /used its last-modified date as published$/, summary: (n, one) => `${n} HTML ${s(one, 'page gives', 'pages give')} no publication date: the last-modified date was used` },
  { kind: 'csv-delimiter', pattern: /CSV delimiter is .* \(detected from the first rows\)/, summary: (n, one) => `${n} CSV ${s(one, 'file uses', 'files use')} a semicolon or tab delimiter (detected and used)` },
  { kind: 'csv-delimiter-undetected', pattern: /CSV delimiter could not be detected/, summary: (n, one) => `${n} CSV ${s(one, 'file', 'files')} with no detectable delimiter, read as comma-separated: check the rejected rows` },
  { kind: 'csv-extra-fields', pattern: /row has \d+ fields, header has \d+; the \d+ extra field\(s\) were ignored/, summary: (n, one) => `${n} CSV ${s(one, 'row has', 'rows have')} more fields than the header: the extra fields were ignored (unquoted delimiter?)` },
  { kind: 'csv-stray-quote', pattern: /stray " inside an unquoted field/, summary: (n, one) => `${n} CSV ${s(one, 'row has', 'rows have')} a stray " inside an unquoted field (read literally)` },
  { kind: 'csv-duplicate-columns', pattern: /duplicate column names: /, summary: (n, one) => `${n} CSV ${s(one, 'file has', 'files have')} duplicate column names (the first of each is used)` },
  { kind: 'duplicate-id', pattern: /id ".*" already used on line \d+$/, summary: (n, one) => `${n} ${s(one, 'record reuses', 'records reuse')} an id already used in the same file` },
  { kind: 'unknown-fields', pattern: /ignored unknown (?:fields|front matter keys): /, summary: (n, one) => `${n} ${s(one, 'file has', 'files have')} unknown fields or front matter keys (ignored)` },
  { kind: 'front-matter', pattern: /front matter (?:is not valid YAML|must be a YAML mapping|opened with "---" but never closed)/, summary: (n, one) => `${n} ${s(one, 'file has', 'files have')} unreadable front matter (its fields were ignored)` },
  { kind: 'encoding', pattern: /decoded as windows-1252|invalid (?:UTF-8|UTF-16) sequence\(s\) replaced/, summary: (n, one) => `${n} ${s(one, 'file was', 'files were')} not clean UTF-8 (decoded as windows-1252 or with replaced bytes)` },
  { kind: 'bad-url', pattern: /url (?:".*" is not an absolute URL|scheme ".*" is not http\(s\)); set to null$/, summary: (n, one) => `${n} ${s(one, 'URL was', 'URLs were')} not absolute http(s) and ${s(one, 'was', 'were')} set to null` },
  { kind: 'bad-language', pattern: /language ".*" is not a language code/, summary: (n, one) => `${n} declared ${s(one, 'language is', 'languages are')} not language codes (set to null, detected instead)` },
  { kind: 'bad-field-type', pattern: /(?:must be a string, got|must be a string or a list of names, got) .*; ignored$/, summary: (n, one) => `${n} ${s(one, 'field has', 'fields have')} the wrong type (ignored)` },
  { kind: 'no-title', pattern: /no title: the first line is over/, summary: (n, one) => `${n} ${s(one, 'article has', 'articles have')} no title (first line too long): set "title" in front matter` },
  { kind: 'html-body', pattern: /readability (?:failed|found no article body)/, summary: (n, one) => `${n} HTML ${s(one, 'page', 'pages')} without a detectable article body (the whole page text was used)` },
  { kind: 'json-ld', pattern: /JSON-LD block \d+ is not valid JSON/, summary: (n, one) => `${n} invalid JSON-LD ${s(one, 'block', 'blocks')} (ignored)` },
  { kind: 'output-dir-skipped', pattern: /skipped: a Parallax output directory/, summary: (n, one) => `${n} Parallax output ${s(one, 'directory', 'directories')} inside the inputs skipped` },
];

/** The kind of an ingest warning message, or null when no kind matches. */
export function ingestWarningKind(message: string): IngestWarningKind | null {
  return INGEST_WARNING_KINDS.find((k) => k.pattern.test(message)) ?? null;
}
