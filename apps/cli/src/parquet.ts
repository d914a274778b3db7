/**
 * `--parquet`: the tidy tables (every CSV of the output contract) also as Apache
 * Parquet files, `<table>.parquet` beside `<table>.csv`, through hyparquet-writer
 * (MIT, pure JavaScript). The CSV is streamed back record by record (papaparse) and
 * written in row groups of ROW_GROUP rows, so memory stays flat whatever the size.
 * Cells are the CSV's cells (formula-looking strings keep their leading apostrophe);
 * numeric columns are DOUBLE, `present` is BOOLEAN, everything else is a UTF-8 string;
 * an empty cell is null.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';

const ROW_GROUP = 50_000;

/** Columns stored as DOUBLE (any table); wide document-measure columns of articles.csv too. */
const NUMERIC = new Set(['line', 'start', 'end', 'n_sentences', 'n_words', 'n_outlets', 'count', 'value', 'n_evidence', 'sentiment']);
const BOOLEAN = new Set(['present']);
const ARTICLE_FIXED = new Set(['article_id', 'outlet', 'title', 'published', 'url', 'event_id', 'language']);

type Kind = 'DOUBLE' | 'BOOLEAN' | 'STRING';
function kindOf(table: string, column: string): Kind {
  if (NUMERIC.has(column)) return 'DOUBLE';
  if (BOOLEAN.has(column)) return 'BOOLEAN';
  if (table === 'articles.csv' && !ARTICLE_FIXED.has(column)) return 'DOUBLE'; // one column per document-level measure
  return 'STRING';
}

function convert(kind: Kind, cell: string): string | number | boolean | null {
  if (cell === '') return null;
  if (kind === 'DOUBLE') return Number(cell);
  if (kind === 'BOOLEAN') return cell === 'true';
  return cell;
}

/**
 * Write `csvPath` (one of our CSVs, with its header row when `hasHeader`; parts after
 * the first have none) as `parquetPath` with the columns `header`. Resolves to the
 * number of rows.
 */
export async function csvToParquet(table: string, header: readonly string[], csvPath: string, parquetPath: string, hasHeader: boolean): Promise<number> {
  const kinds: Kind[] = header.map((c) => kindOf(table, c));
  let columns: (string | number | boolean | null)[][] = header.map(() => []);
  const writer = new ParquetWriter({
    writer: fileWriter(parquetPath),
    schema: [
      { name: 'root', num_children: header.length },
      ...header.map((name, c) =>
        kinds[c] === 'STRING'
          ? { name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const }
          : { name, type: kinds[c] as 'DOUBLE' | 'BOOLEAN', repetition_type: 'OPTIONAL' as const },
      ),
    ],
    createdBy: 'parallax',
  });
  let skip = hasHeader;
  let rows = 0;
  const flush = () => {
    if (columns[0]!.length === 0) return;
    writer.write({
      columnData: header.map((name, c) => ({ name, data: columns[c]!, type: kinds[c]! })),
      rowGroupSize: ROW_GROUP,
    });
    columns = header.map(() => []);
  };
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(csvPath, 'utf8'), {
      skipEmptyLines: true,
      step: (r) => {
        const row = r.data;
        if (skip) {
          skip = false;
          return;
        }
        for (let c = 0; c < header.length; c++) columns[c]!.push(convert(kinds[c]!, row[c] ?? ''));
        rows++;
        if (rows % ROW_GROUP === 0) flush();
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
  flush();
  writer.finish();
  return rows;
}
