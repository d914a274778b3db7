/** Reads articles of ../shared/dev-data/allsides_events/articles.jsonl at run time (never copied into the repo). */
import fs from 'node:fs';
import path from 'node:path';
import type { ArticleInput } from '@parallax/core';

export interface AllsidesRow {
  id: string;
  text: string;
  outlet: string;
  outlet_domain: string;
  title: string;
  published: string;
  url: string;
  event: string;
  topic: string;
  split: string;
}

export function allsidesPath(root: string): string {
  return path.join(root, '../shared/dev-data/allsides_events/articles.jsonl');
}

/** The rows with the given ids (all rows when `ids` is null), in file order. */
export function readAllsides(root: string, ids: ReadonlySet<string> | null): AllsidesRow[] {
  const file = allsidesPath(root);
  if (!fs.existsSync(file)) return [];
  const out: AllsidesRow[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as AllsidesRow;
    if (!ids || ids.has(r.id)) out.push(r);
  }
  return out;
}

export function toInput(r: AllsidesRow, n: number): ArticleInput {
  return { id: r.id, outlet: r.outlet_domain, title: r.title, published: r.published || null, url: r.url || null, language: null, text: r.text, source: { path: 'allsides_events/articles.jsonl', line: n + 1 } };
}
