/**
 * Ingest figure (issue 17): how often an HTML page that names no site still gets a
 * readable outlet from its URL (the `outlets` lexicon), on the dev split of
 * ../shared/dev-data/allsides_events (read at run time, never copied). For every dev
 * article a page with only its canonical URL and body is parsed by parseFile; the
 * outlet is compared with AllSides' own outlet name (case, "the", punctuation
 * ignored; equal or one containing the other). Baseline, same run: the bare domain
 * (what an outlet from the URL gives without the lexicon). The lexicon was written
 * from general knowledge of news sites, not from this data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from '@parallax/ingest';

export interface IngestQuality {
  articles: number;
  named: number;
  agreeLexicon: number;
  agreeBareDomain: number;
}

const fold = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, '');
const agrees = (a: string, b: string): boolean => {
  const x = fold(a);
  const y = fold(b);
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
};

export function runIngestQuality(root: string): IngestQuality | null {
  const file = path.join(root, '../shared/dev-data/allsides_events/articles.jsonl');
  if (!fs.existsSync(file)) return null;
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { url?: string; outlet?: string; split?: string; text?: string });
  const dev = rows.filter((r) => r.split === 'dev' && typeof r.url === 'string' && r.url !== '' && typeof r.outlet === 'string');
  let named = 0;
  let agreeLexicon = 0;
  let agreeBareDomain = 0;
  const enc = new TextEncoder();
  for (const r of dev) {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const page = `<html><head><link rel="canonical" href="${esc(r.url as string)}"></head><body><article><p>${esc((r.text ?? '').slice(0, 400))}</p></article></body></html>`;
    const a = parseFile('page.html', enc.encode(page)).articles[0];
    if (!a) continue;
    const host = new URL(r.url as string).hostname.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, '');
    if (a.outlet !== host && a.outlet !== 'unknown') named++;
    if (agrees(a.outlet, r.outlet as string)) agreeLexicon++;
    if (agrees(host, r.outlet as string)) agreeBareDomain++;
  }
  return { articles: dev.length, named, agreeLexicon, agreeBareDomain };
}
