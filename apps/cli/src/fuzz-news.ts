/**
 * News-like fuzz cases (issue 17): real sentences (from the fixtures and, when present, a
 * seeded sample of ../shared/dev-data text held in memory only) perturbed the way news copy
 * really goes wrong — missing spaces after periods, curly and straight quotes mixed,
 * possessives, abbreviations and party-state tags, tickers, URLs and domains, emoji, RTL
 * text and bidi controls, combining marks, ellipses, very long paragraphs — assembled into
 * two "outlets" covering the same sentences, and analysed together.
 *
 * Invariants checked on every case (any breach is a failure):
 * - no exception and no `internal-error` (failure isolation must not hide a crash);
 * - every input accounted for; every span in range; every span's text (sentences, entities,
 *   evidence, quotes) equals the text at its offsets (checked by fuzz.ts `check`);
 * - tokens are non-empty exact slices in increasing order inside their sentence, so tokens
 *   and the gaps between them rebuild the text;
 * - determinism: the same articles in reverse order give a byte-identical report (every
 *   fourth case) and the same article analysed twice gives identical JSON (every case).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisReport, ArticleAnalysis, ArticleInput, Engine } from '@parallax/core';

export interface SentencePool {
  sentences: string[];
  /** Where they came from, with counts (for the run's summary line). */
  sources: Record<string, number>;
}

/** Sentences of a text: lines split after ". ", "? ", "! " (rough on purpose: the engine gets the real job). */
function roughSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const l = line.trim();
    if (l.length < 20 || l.startsWith('---') || /^\w+:\s/.test(l)) continue;
    for (const s of l.split(/(?<=[.?!][”"’']?)\s+(?=[“"‘']?\p{Lu})/u)) if (s.length >= 15) out.push(s);
  }
  return out;
}

/**
 * The fixtures' sentences, plus (when `devData` and ../shared/dev-data exist) a seeded sample
 * of AllSides paragraphs and NewsSD-ENG sentences. Nothing of the dev data is written anywhere.
 */
export function sentencePool(root: string, r: () => number, devData: boolean): SentencePool {
  const sentences: string[] = [];
  const sources: Record<string, number> = {};
  const add = (src: string, list: string[]) => {
    sentences.push(...list);
    sources[src] = (sources[src] ?? 0) + list.length;
  };
  for (const dir of ['riyadh-2025-02-18', 'off-event', 'align-heldout']) {
    const d = join(root, 'fixtures', dir);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.md')) add('fixtures', roughSentences(readFileSync(join(d, f), 'utf8')));
  }
  const dev = join(root, '../shared/dev-data');
  if (devData && existsSync(dev)) {
    const all = join(dev, 'allsides_events/articles.jsonl');
    if (existsSync(all)) {
      const picked: string[] = [];
      for (const line of readFileSync(all, 'utf8').split('\n')) {
        if (line && r() < 0.05) picked.push(...roughSentences((JSON.parse(line) as { text: string }).text));
      }
      add('allsides sample', picked);
    }
    const ssd = join(dev, 'newssd_eng/sentences.jsonl');
    if (existsSync(ssd)) {
      add('newssd', readFileSync(ssd, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text.trim()));
    }
  }
  return { sentences, sources };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const ABBREVIATIONS = ['Sen.', 'Gov.', 'Rep.', 'Cpl.', 'Lt. Gen.', 'Sgt. Maj.', 'Dr.', 'Mr.', 'Mrs.', 'No.', 'U.S.', 'U.N.', 'Jan.', 'Sept.', 'Inc.', 'Corp.', 'St.', 'Jr.', 'vs.', 'a.m.', 'e.g.'];
const TAGS = ['(D-Calif.)', '(R-Ky.)', '(D-N.Y.)', '(I-Vt.)', ', R-Texas,', ', D-Calif.', ' R-Texas.'];
const TICKERS = ['.IXIC', '<.SPX>', '.DJI', '(AAPL.O)', '<AAPL.O>', 'CL.1', '$TSLA', 'BRK.B'];
const URLS = ['ESPN.com', 'Amazon.com', 'https://example.com/a?b=1.', 'pic.twitter.com/AbC123', 'www.bbc.co.uk/news', 'cov-lineages.org', 'factcheck@example.org', 'http://t.co/x.'];
const EMOJI = ['🙂', '👍🏽', '👨‍👩‍👧', '🇺🇸', '🔥🔥', '❤️', '🤷‍♀️', '😂'];
const RTL = ['مرحبا بالعالم', 'שלום עולם', 'وزير الخارجية', '\u200F', '\u202Eabc\u202C', 'الرياض.', 'ירושלים,'];
const COMBINING = ['e\u0301', 'a\u0308', 'Z\u0351\u0352\u0357a\u0300\u0301l\u0302g\u0303o', 'n\u0303', '\u0301', 'i\u0307\u0301'];
const ELLIPSES = ['..', '...', '…', '. . .', '..!', '?..', '!!..'];

/** One perturbation of a sentence. */
function perturb(s: string, r: () => number): string {
  const words = s.split(' ');
  const at = () => Math.floor(r() * (words.length + 1));
  switch (Math.floor(r() * 13)) {
    case 0: // missing spaces after periods (and other sentence ends)
      return s.replace(/([.?!]) (?=\S)/g, (m, p: string) => (r() < 0.7 ? p : m)) + pick(r, ['', '.It', '.The', '."He']);
    case 1: // curly and straight quotes mixed
      return s.replace(/["“”]/g, () => pick(r, ['"', '“', '”', '„'])).replace(/['‘’]/g, () => pick(r, ["'", '‘', '’', '`']));
    case 2: // possessives, straight and curly
      return s.replace(/\b(\p{Lu}\p{Ll}+)\b/u, (w) => w + pick(r, ['’s', "'s", 's’', "s'", '’', '’S']));
    case 3:
      words.splice(at(), 0, pick(r, ABBREVIATIONS), pick(r, ['Smith', 'Jones', 'Calif.', '2', 'the']));
      return words.join(' ');
    case 4:
      words.splice(at(), 0, pick(r, TAGS));
      return words.join(' ').replace(/ ,/g, ',');
    case 5:
      words.splice(at(), 0, pick(r, TICKERS));
      return words.join(' ');
    case 6:
      words.splice(at(), 0, pick(r, URLS));
      return words.join(' ');
    case 7:
      words.splice(at(), 0, pick(r, EMOJI));
      return words.join(r() < 0.5 ? ' ' : '');
    case 8:
      words.splice(at(), 0, pick(r, RTL));
      return words.join(' ');
    case 9: // combining marks: decomposed letters, stacked diacritics, a mark after punctuation
      words.splice(at(), 0, pick(r, COMBINING));
      return (r() < 0.5 ? words.join(' ') : words.join(' ').normalize('NFD')).replace(/\.$/, pick(r, ['.', '.\u0301']));
    case 10: // ellipses (".." made wink emit an empty token: issue 17)
      return s.replace(/[.?!]$/, '') + pick(r, ELLIPSES) + pick(r, ['', 'with', ' And', 'It']);
    case 11: // decimals, percentages, money
      words.splice(at(), 0, pick(r, ['3.5', '0.8%', '$1.2bn', '1,234.56', '2.0.1', '.5', '12.01am']));
      return words.join(' ');
    default: // whitespace and dashes
      return s.replace(/ /g, () => pick(r, [' ', ' ', ' ', '  ', '\u00A0', '\t', ' — ', '\u2009']));
  }
}

/** Two outlets' articles from the same perturbed sentences (so events, claims and diffs form). */
export function newsCase(pool: SentencePool, r: () => number, i: number): ArticleInput[] {
  const base: string[] = [];
  const n = 3 + Math.floor(r() * 10);
  for (let k = 0; k < n; k++) base.push(pick(r, pool.sentences));
  const outlets = ['Wire', 'Herald'];
  return outlets.map((outlet, o) => {
    const sentences = base.map((s) => {
      let t = s;
      for (let k = Math.floor(r() * 3) + (o === 0 ? 0 : 1); k > 0; k--) t = perturb(t, r);
      return t;
    });
    let paragraphs: string[];
    if (r() < 0.1) {
      // one very long paragraph: the sentences repeated to several thousand characters
      const long: string[] = [];
      while (long.join(' ').length < 3_000 + r() * 12_000) long.push(...sentences);
      paragraphs = [long.join(' ')];
    } else {
      paragraphs = [];
      for (let k = 0; k < sentences.length; ) {
        const take = 1 + Math.floor(r() * 3);
        paragraphs.push(sentences.slice(k, k + take).join(r() < 0.9 ? ' ' : ''));
        k += take;
      }
    }
    const text = paragraphs.join(r() < 0.8 ? '\n\n' : '\n');
    return {
      id: `news-${i}-${o}`,
      outlet,
      title: perturb(base[0]!.slice(0, 80), r),
      published: null,
      url: null,
      language: null,
      text,
      source: { path: `news-${i}-${o}.txt`, line: null },
    };
  });
}

/** Tokens are non-empty exact slices, increasing, inside their sentence (so tokens + gaps rebuild the text). */
export function checkTokens(a: ArticleAnalysis): void {
  const text = a.article.text;
  let cursor = 0;
  a.article.sentences.forEach((s, k) => {
    if (s.start < cursor) throw new Error(`sentence ${s.id} overlaps the previous one`);
    for (const t of a.tokens[k] ?? []) {
      if (t.text.length === 0) throw new Error(`empty token at ${t.start} in ${s.id}`);
      if (t.start < cursor || t.start < s.start || t.end > s.end) throw new Error(`token ${JSON.stringify(t.text)} at ${t.start}-${t.end} out of order or outside ${s.id} ${s.start}-${s.end}`);
      if (text.slice(t.start, t.end) !== t.text) throw new Error(`token ${JSON.stringify(t.text)} is not the text at ${t.start}-${t.end}`);
      cursor = t.end;
    }
    cursor = Math.max(cursor, s.end);
  });
  if (a.tokens.length !== a.article.sentences.length) throw new Error('tokens are not parallel to sentences');
}

/** Run one news case; throws on any breach (the caller records it). */
export function runNewsCase(engine: Engine, articles: ArticleInput[], check: (r: AnalysisReport) => void, deep: boolean): AnalysisReport {
  const analyses = articles.map((a) => {
    const x = engine.analyzeArticle(a);
    if (x.failure) throw new Error(`internal error in stage ${x.failure.stage}: ${x.failure.message}`);
    checkTokens(x);
    if (JSON.stringify(engine.analyzeArticle(a)) !== JSON.stringify(x)) throw new Error(`analyzeArticle(${a.id}) is not deterministic`);
    return x;
  });
  const report = engine.buildReport(analyses, []);
  if (report.inputs.length !== articles.length) throw new Error(`inputs ${report.inputs.length} != ${articles.length} articles`);
  const internal = report.warnings.filter((w) => w.code === 'internal-error');
  if (internal.length > 0) throw new Error(`internal-error warning: ${internal[0]!.message}`);
  check(report);
  if (deep && JSON.stringify(engine.buildReport([...analyses].reverse(), [])) !== JSON.stringify(report)) {
    throw new Error('the report depends on input order');
  }
  return report;
}
