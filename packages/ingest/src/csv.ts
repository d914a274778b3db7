/**
 * CSV dialect: the delimiter is sniffed with papaparse's own guesser (the one
 * `delimiter: ''` uses), limited to the delimiters spreadsheets write: comma,
 * semicolon (Excel in locales with a decimal comma) and tab. Whole-file and
 * streamed reading sniff the same sample (the first SNIFF_CHARS characters), so
 * they always agree.
 */
import Papa from 'papaparse';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Characters of the decoded file the delimiter is guessed from (papaparse looks at its first 10 rows). */
export const SNIFF_CHARS = 65_536;

export interface Sniffed {
  delimiter: CsvDelimiter;
  /** A notice for the user when the delimiter is not a comma or could not be detected; null for a plain comma file. */
  message: string | null;
}

const label = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

/** Guess the delimiter from the start of a CSV (BOM already removed); `newline` as the parser will use it. */
export function sniffDelimiter(text: string, newline: '\n' | '\r' | '\r\n'): Sniffed {
  const sample = text.slice(0, SNIFF_CHARS);
  const guess = Papa.parse<string[]>(sample, { delimiter: '', delimitersToGuess: [...CSV_DELIMITERS], newline, preview: 10, skipEmptyLines: true });
  if (guess.errors.some((e) => e.code === 'UndetectableDelimiter')) {
    const firstLine = sample.split(/\r\n|\n|\r/, 1)[0] ?? '';
    if (!/[,;\t]/.test(firstLine)) return { delimiter: ',', message: null }; // one column: nothing to detect
    return {
      delimiter: ',',
      message: 'CSV delimiter could not be detected (rows split unevenly on comma, semicolon and tab); read as ","',
    };
  }
  const d = guess.meta.delimiter as CsvDelimiter;
  return { delimiter: d, message: d === ',' ? null : `CSV delimiter is ${label(d)} (detected from the first rows); read with ${label(d)}` };
}

/** The line break papaparse should split on. */
export function csvNewlineSequence(text: string): '\n' | '\r' | '\r\n' {
  if (text.includes('\n') || !text.includes('\r')) return text.includes('\r\n') ? '\r\n' : '\n';
  return '\r';
}
