/**
 * Quote and speaker precision/recall on the fixture gold (fixtures/gold/riyadh-quotes.json).
 * A system direct quote matches a gold quote of the same article when their spans overlap
 * (the gold's offsets are into the normalized text, which the engine reproduces).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEngine, findQuotations, type Quote } from '@parallax/core';
import { readAllsides, toInput } from './allsides';
import { parseFile } from '@parallax/ingest';

interface GoldQuote {
  article_id: string;
  start: number;
  end: number;
  text: string;
  speaker_entity: string | null;
}

export interface QuoteQuality {
  gold: number;
  system: number;
  precision: number;
  recall: number;
  speakerAccuracy: number;
  speakerPrecision: number;
  speakerRecall: number;
  errors: string[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function runQuoteGold(root: string): QuoteQuality | null {
  const goldPath = path.join(root, 'fixtures/gold/riyadh-quotes.json');
  const dir = path.join(root, 'fixtures/riyadh-2025-02-18');
  if (!fs.existsSync(goldPath) || !fs.existsSync(dir)) return null;
  const gold = (JSON.parse(fs.readFileSync(goldPath, 'utf8')) as { quotes: GoldQuote[] }).quotes;
  const articles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => parseFile(path.join(dir, f), fs.readFileSync(path.join(dir, f))).articles);
  const report = createEngine().analyze({ articles });
  const system = report.quotes.filter((q) => q.kind === 'direct');
  const overlaps = (g: GoldQuote, q: Quote) => g.article_id === q.article_id && g.start < q.end && q.start < g.end;
  const matchedSystem = system.filter((q) => gold.some((g) => overlaps(g, q)));
  const errors: string[] = [];
  let matchedGold = 0;
  let speakerRight = 0;
  let goldWithSpeaker = 0;
  let goldSpeakerFound = 0;
  for (const g of gold) {
    const q = system.find((x) => overlaps(g, x));
    if (g.speaker_entity) goldWithSpeaker++;
    if (!q) {
      errors.push(`missed: ${g.article_id} "${g.text.slice(0, 50)}"`);
      continue;
    }
    matchedGold++;
    if (q.speaker_entity === g.speaker_entity) {
      speakerRight++;
      if (g.speaker_entity) goldSpeakerFound++;
    } else errors.push(`speaker: ${g.article_id} "${g.text.slice(0, 40)}": ${q.speaker_entity ?? 'none'} (${q.speaker ?? ''}) instead of ${g.speaker_entity ?? 'none'}`);
  }
  for (const q of system) if (!matchedSystem.includes(q)) errors.push(`spurious: ${q.article_id} "${q.text.slice(0, 50)}"`);
  const sysWithSpeaker = matchedSystem.filter((q) => q.speaker_entity !== null).length + system.filter((q) => !matchedSystem.includes(q) && q.speaker_entity !== null).length;
  return {
    gold: gold.length,
    system: system.length,
    precision: r3(matchedSystem.length / Math.max(1, system.length)),
    recall: r3(matchedGold / Math.max(1, gold.length)),
    speakerAccuracy: r3(speakerRight / Math.max(1, matchedGold)),
    speakerPrecision: r3(goldSpeakerFound / Math.max(1, sysWithSpeaker)),
    speakerRecall: r3(goldSpeakerFound / Math.max(1, goldWithSpeaker)),
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Dev gold: fixtures/gold/allsides-quotes.json (ids, offsets, speaker names, affiliations; the
// text is read from ../shared/dev-data at run time). Split by article: `tune` (17 train articles, rules
// were looked at against these) and `report` (12 articles, never looked at while writing rules).

interface DevGoldQuote {
  article_id: string;
  split: 'tune' | 'report';
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
  speaker: string | null;
  affiliation: { party?: string; country?: string; role?: string };
}

export interface SpanFigures {
  gold: number;
  system: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched gold quotes whose speaker is right (a named source, or "no name" for unnamed ones). */
  speakerAccuracy: number;
  matched: number;
}

export interface DevQuoteQuality {
  split: 'tune' | 'report';
  articles: number;
  direct: SpanFigures;
  indirect: SpanFigures;
  /** Attribute stated in the text (party, country, role) found right, over matched gold quotes that state it. */
  affiliation: { n: number; accuracy: number; byAttribute: Record<string, { n: number; accuracy: number }> };
  baseline: { direct: SpanFigures };
  errors: string[];
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const lastName = (s: string) => slug(s).split(' ').pop() ?? '';

/** Is a system speaker (entity id / text) the gold speaker? Unnamed gold sources must not get a person. */
export function speakerMatches(gold: string | null, entity: string | null, text: string | null): boolean {
  if (gold === null) return entity === null || !entity.startsWith('person:');
  const ln = lastName(gold);
  const hay = ` ${slug(entity ?? '')} ${slug(text ?? '')} `;
  return ln.length > 0 && hay.includes(` ${ln} `);
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

type Sys = Pick<Quote, 'article_id' | 'start' | 'end' | 'speaker' | 'speaker_entity'> & Partial<Pick<Quote, 'text'>> & { party?: string | null; country?: string | null; role?: string | null };

/** One-to-one matching, best overlap first. Direct: any overlap; indirect: overlap ≥ half the shorter span. */
function matchSpans(gold: readonly DevGoldQuote[], system: readonly Sys[], kind: 'direct' | 'indirect'): Map<DevGoldQuote, Sys> {
  const pairs: { g: DevGoldQuote; s: Sys; o: number }[] = [];
  for (const g of gold) {
    for (const s of system) {
      if (s.article_id !== g.article_id) continue;
      const o = overlap(g, s);
      if (o <= 0) continue;
      if (kind === 'indirect' && o < 0.5 * Math.min(g.end - g.start, s.end - s.start)) continue;
      pairs.push({ g, s, o });
    }
  }
  pairs.sort((a, b) => b.o - a.o || a.g.start - b.g.start || a.s.start - b.s.start);
  const out = new Map<DevGoldQuote, Sys>();
  const used = new Set<Sys>();
  for (const p of pairs) {
    if (out.has(p.g) || used.has(p.s)) continue;
    out.set(p.g, p.s);
    used.add(p.s);
  }
  return out;
}

function figures(gold: readonly DevGoldQuote[], system: readonly Sys[], kind: 'direct' | 'indirect', errors: string[] | null, text: Map<string, string>): { f: SpanFigures; m: Map<DevGoldQuote, Sys> } {
  const m = matchSpans(gold, system, kind);
  let right = 0;
  for (const g of gold) {
    const s = m.get(g);
    const snippet = (x: { article_id: string; start: number; end: number }) => JSON.stringify((text.get(x.article_id) ?? '').slice(x.start, Math.min(x.end, x.start + 50)));
    if (!s) {
      errors?.push(`${kind} missed: ${g.article_id.slice(0, 6)} ${snippet(g)} (${g.speaker ?? 'unnamed'})`);
      continue;
    }
    if (speakerMatches(g.speaker, s.speaker_entity, s.speaker)) right++;
    else errors?.push(`${kind} speaker: ${g.article_id.slice(0, 6)} ${snippet(g)}: ${s.speaker_entity ?? 'none'} (${s.speaker ?? ''}) instead of ${g.speaker ?? 'unnamed'}`);
  }
  const used = new Set(m.values());
  for (const s of system) if (!used.has(s)) errors?.push(`${kind} spurious: ${s.article_id.slice(0, 6)} ${JSON.stringify((text.get(s.article_id) ?? '').slice(s.start, Math.min(s.end, s.start + 50)))}`);
  const p = m.size / Math.max(1, system.length);
  const r = m.size / Math.max(1, gold.length);
  return { f: { gold: gold.length, system: system.length, precision: r3(p), recall: r3(r), f1: r3(p + r === 0 ? 0 : (2 * p * r) / (p + r)), speakerAccuracy: r3(right / Math.max(1, m.size)), matched: m.size }, m };
}

const COUNTRY_ALIASES: Record<string, string> = { us: 'united states', 'u s': 'united states', usa: 'united states', america: 'united states', uk: 'united kingdom', britain: 'united kingdom' };
const normValue = (k: string, v: string) => {
  const s = slug(v);
  if (k === 'country') return COUNTRY_ALIASES[s] ?? s;
  if (k === 'party') return s.startsWith('r') ? 'republican' : s.startsWith('d') ? 'democratic' : s;
  return s.replace(/ /g, '_');
};

/**
 * Same-run baseline: every pair of quote marks (stage `quotations`) is a direct quote, spoken by the
 * nearest PERSON mention outside quotes in the same paragraph (the usual first attempt).
 */
function baselineQuotes(report: ReturnType<ReturnType<typeof createEngine>['analyze']>, quoted: Map<string, { start: number; end: number }[]>): Sys[] {
  const out: Sys[] = [];
  for (const a of report.articles) {
    const spans = quoted.get(a.id) ?? [];
    const paraOf = (o: number) => [a.text.lastIndexOf('\n', o), a.text.indexOf('\n', o) < 0 ? a.text.length : a.text.indexOf('\n', o)] as const;
    for (const q of spans) {
      const [ps, pe] = paraOf(q.start);
      let best: { id: string | null; text: string; d: number } | null = null;
      for (const m of a.entities) {
        if (m.type !== 'PERSON' || m.start < ps || m.end > pe) continue;
        if (spans.some((s) => m.start >= s.start && m.end <= s.end)) continue;
        const d = m.end <= q.start ? q.start - m.end : m.start - q.end;
        if (d >= 0 && (!best || d < best.d)) best = { id: m.entity_id, text: m.text, d };
      }
      out.push({ article_id: a.id, start: q.start, end: q.end, speaker: best?.text ?? null, speaker_entity: best?.id ?? null });
    }
  }
  return out;
}

export function runQuoteDevGold(root: string): DevQuoteQuality[] | null {
  const goldPath = path.join(root, 'fixtures/gold/allsides-quotes.json');
  if (!fs.existsSync(goldPath)) return null;
  const gold = (JSON.parse(fs.readFileSync(goldPath, 'utf8')) as { quotes: DevGoldQuote[] }).quotes;
  const ids = new Set(gold.map((g) => g.article_id));
  const rows = readAllsides(root, ids);
  if (rows.length === 0) return null;
  const engine = createEngine();
  const report = engine.analyze({ articles: rows.map(toInput) });
  const text = new Map(report.articles.map((a) => [a.id, a.text]));
  // The quotations stage's spans, for the baseline (pairs of quote marks within a paragraph).
  const quoted = new Map<string, { start: number; end: number }[]>();
  for (const a of report.articles) {
    const paras = a.sentences.reduce<{ start: number; end: number; p: number }[]>((acc, s) => {
      const last = acc[acc.length - 1];
      if (last && last.p === s.paragraph) last.end = s.end;
      else acc.push({ start: s.start, end: s.end, p: s.paragraph });
      return acc;
    }, []);
    quoted.set(a.id, findQuotations(a.text, paras).filter((q) => q.depth === 0));
  }
  const baseline = baselineQuotes(report, quoted);
  const out: DevQuoteQuality[] = [];
  for (const split of ['tune', 'report'] as const) {
    const g = gold.filter((x) => x.split === split);
    const inSplit = new Set(g.map((x) => x.article_id));
    const errors: string[] = [];
    const sys = (kind: 'direct' | 'indirect') => report.quotes.filter((q) => q.kind === kind && inSplit.has(q.article_id)) as Sys[];
    const d = figures(g.filter((x) => x.kind === 'direct'), sys('direct'), 'direct', errors, text);
    const i = figures(g.filter((x) => x.kind === 'indirect'), sys('indirect'), 'indirect', errors, text);
    const b = figures(g.filter((x) => x.kind === 'direct'), baseline.filter((q) => inSplit.has(q.article_id)), 'direct', null, text);
    const by: Record<string, { n: number; right: number }> = {};
    for (const m of [d.m, i.m]) {
      for (const [gq, s] of m) {
        for (const [k, v] of Object.entries(gq.affiliation)) {
          if (!v) continue;
          const got = (s as Record<string, unknown>)[k];
          const e = (by[k] ??= { n: 0, right: 0 });
          e.n++;
          if (typeof got === 'string' && normValue(k, got) === normValue(k, v)) e.right++;
          else errors.push(`affiliation ${k}: ${gq.article_id.slice(0, 6)} ${gq.speaker ?? 'unnamed'}: ${typeof got === 'string' ? got : 'none'} instead of ${v}`);
        }
      }
    }
    const n = Object.values(by).reduce((x, e) => x + e.n, 0);
    const right = Object.values(by).reduce((x, e) => x + e.right, 0);
    out.push({
      split,
      articles: inSplit.size,
      direct: d.f,
      indirect: i.f,
      affiliation: { n, accuracy: r3(right / Math.max(1, n)), byAttribute: Object.fromEntries(Object.entries(by).sort().map(([k, e]) => [k, { n: e.n, accuracy: r3(e.right / Math.max(1, e.n)) }])) },
      baseline: { direct: b.f },
      errors,
    });
  }
  return out;
}

/** Goals of issue 13 (report split). */
export const QUOTE_GOALS = { directF1: 0.9, directSpeaker: 0.85, indirectF1: 0.6, affiliation: 0.85 } as const;

/** Print the dev-gold figures beside the same-run baseline and the goals; returns them for --json. */
export function printQuoteDevGold(root: string, log: (...a: unknown[]) => void): DevQuoteQuality[] | null {
  let r: DevQuoteQuality[] | null;
  try {
    r = runQuoteDevGold(root);
  } catch (e) {
    log(`quotes (dev gold): skipped, the engine failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  if (!r) {
    log('skip: fixtures/gold/allsides-quotes.json or ../shared/dev-data/allsides_events not found');
    return null;
  }
  log('quotes (dev gold, allsides_events; `report` = held out from rule writing, `tune` = the articles the rules were written against)');
  log('  baseline: every quote-mark pair is a direct quote, speaker = nearest PERSON mention in the paragraph');
  for (const x of r) {
    const f = (s: SpanFigures) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (gold ${s.gold}, system ${s.system}); speaker accuracy ${s.speakerAccuracy.toFixed(3)} on ${s.matched} matched`;
    const g = x.split === 'report';
    log(`  [${x.split}, ${x.articles} articles] direct   ${f(x.direct)}${g ? `   goals F1 ≥ ${QUOTE_GOALS.directF1}, speaker ≥ ${QUOTE_GOALS.directSpeaker}` : ''}`);
    log(`  [${x.split}] direct baseline   ${f(x.baseline.direct)}`);
    log(`  [${x.split}] indirect ${f(x.indirect)}${g ? `   goal F1 ≥ ${QUOTE_GOALS.indirectF1}` : ''}   (baseline: none)`);
    const by = Object.entries(x.affiliation.byAttribute).map(([k, v]) => `${k} ${v.accuracy.toFixed(3)} (n ${v.n})`).join(', ');
    log(`  [${x.split}] affiliation accuracy where the text states it ${x.affiliation.accuracy.toFixed(3)} (n ${x.affiliation.n}: ${by})${g ? `   goal ≥ ${QUOTE_GOALS.affiliation}` : ''}   (baseline: 0, no affiliations before)`);
  }
  return r.map((x) => ({ ...x, errors: x.split === 'tune' ? x.errors : [] }));
}
