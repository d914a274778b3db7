/**
 * Builds fixtures/gold/allsides-quotes.json from a hand-labelling file kept OUTSIDE the repo
 * (it quotes article text; the gold file holds only ids, offsets, speaker names and
 * affiliations). Usage: pnpm exec tsx bench/gold-quotes-build.ts LABELS.txt
 *
 * Label file: `@ <article id> <tune|report>` starts an article; then one line per quote:
 *   d|<words inside the quote>|<speaker name or ->|<party=R country=Iran role=government>
 *   i|<first words>~<last words>|<speaker>|<attributes>
 * A direct quote's span is the enclosing pair of quote marks around its words; an indirect
 * quote's span runs from its first words to its last words.
 * With `--append`, the gold file's quotes of articles not in LABELS.txt are kept and the labelled
 * articles are added (or replaced), so a later coder can grow the gold without the first label file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEngine, normalizeText } from '@parallax/core';
import { readAllsides, toInput } from './allsides';

const root = path.resolve(import.meta.dirname, '..');
const labels = fs.readFileSync(process.argv[2]!, 'utf8').split('\n');
const articles: { id: string; split: string; lines: string[] }[] = [];
for (const l of labels) {
  if (l.startsWith('@ ')) {
    const [, id, split] = l.split(' ');
    articles.push({ id: id!, split: split!, lines: [] });
  } else if (l.trim()) articles[articles.length - 1]!.lines.push(l);
}
const rows = readAllsides(root, new Set(articles.map((a) => a.id)));
const report = createEngine().analyze({ articles: rows.map(toInput) });
const textOf = new Map(report.articles.map((a) => [a.id, a.text]));
const norm = (s: string) => normalizeText(s).text;
const quotes: unknown[] = [];
let bad = 0;
for (const a of articles) {
  const text = textOf.get(a.id);
  if (!text) throw new Error(`article ${a.id} not found`);
  for (const line of a.lines) {
    const [kind, anchor, speaker, attrs] = line.split('|') as [string, string, string, string];
    const fail = (why: string) => {
      bad++;
      console.error(`${a.id}: ${why}: ${line}`);
    };
    let start: number;
    let end: number;
    if (kind === 'd') {
      const at = text.indexOf(norm(anchor));
      if (at < 0) {
        fail('anchor not found');
        continue;
      }
      if (text.indexOf(norm(anchor), at + 1) >= 0) console.error(`${a.id}: anchor not unique (first taken): ${anchor}`);
      const para = [text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at)] as const;
      const open = text.lastIndexOf('"', at + (anchor.startsWith('"') ? 0 : -1));
      start = open >= para[0] ? open + 1 : para[0];
      const close = text.indexOf('"', at + norm(anchor).replace(/"$/, '').length - 1);
      end = close >= 0 && close < para[1] ? close : para[1];
    } else {
      const [s, e = s] = anchor.split('~') as [string, string?];
      const at = text.indexOf(norm(s));
      const to = text.indexOf(norm(e), at < 0 ? 0 : at + norm(s).length - norm(e).length);
      if (at < 0 || to < 0) {
        fail('anchor not found');
        continue;
      }
      start = at;
      end = to + norm(e).length;
    }
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s]/.test(text[end - 1]!)) end--;
    const affiliation: Record<string, string> = {};
    for (const kv of (attrs ?? '').split(' ').filter(Boolean)) {
      const [k, v] = kv.split('=') as [string, string | undefined];
      if (!v) throw new Error(`bad attribute ${kv}: ${line}`);
      affiliation[k] = v.replace(/_/g, ' ');
    }
    quotes.push({ article_id: a.id, split: a.split, kind: kind === 'd' ? 'direct' : 'indirect', start, end, speaker: speaker === '-' ? null : speaker, affiliation });
  }
}
const goldPath = path.join(root, 'fixtures/gold/allsides-quotes.json');
type Gold = { splits: { tune: string[]; report: string[] }; quotes: { article_id: string }[] };
const labelled = new Set(articles.map((a) => a.id));
const kept: Gold = process.argv.includes('--append') ? (JSON.parse(fs.readFileSync(goldPath, 'utf8')) as Gold) : { splits: { tune: [], report: [] }, quotes: [] };
const splitIds = (split: 'tune' | 'report') => [...kept.splits[split].filter((id) => !labelled.has(id)), ...articles.filter((a) => a.split === split).map((a) => a.id)];
const splits = { tune: splitIds('tune'), report: splitIds('report') };
const allQuotes = [...kept.quotes.filter((q) => !labelled.has(q.article_id)), ...quotes];
const out = {
  description:
    `Hand-labelled quotes (direct and indirect) of ${splits.tune.length + splits.report.length} articles of ../shared/dev-data/allsides_events/articles.jsonl: \`tune\` ${splits.tune.length} articles of the train split (the rules were looked at against these), \`report\` ${splits.report.length} articles of the dev split (never looked at while writing rules). Offsets are half-open UTF-16 offsets into the normalized article text (report.json articles[].text); the text itself is not stored here (licence): bench/quality-quotes.ts reads it from the dev data at run time. \`speaker\`: the source as the article names it, or null when the article gives no name (an unnamed official, "critics", "the show"). \`affiliation\`: only what the article itself states (party R/D, country, role). Direct: the words inside a pair of quote marks that are someone's words (titles, terms mentioned and embedded tweets without marks excluded; partial quotes of one word included). Indirect: the content clause of reported speech ("X said (that) …", "according to X", "X told Y that …", "…, saying …"); outlets reporting ("The Post reported") are not sources here and are excluded.`,
  coder: 'Parallax quotes engineers, 2026-12-04 (first 24 articles; 5 more tune articles added later the same day); every quote read in context.',
  splits,
  quotes: allQuotes,
};
fs.writeFileSync(goldPath, JSON.stringify(out, null, 1) + '\n');
console.error(`${quotes.length} quotes labelled, ${allQuotes.length} written, ${bad} labels failed`);
