/**
 * Term-choice precision on hand-checked dev events (fixtures/gold/terms-sample.json): the engine runs
 * on each sample's events of ../shared/dev-data/allsides_events (split `dev`, events sorted by id),
 * term rows are grouped by event × concept, and each group is looked up in the judgements.
 * Precision = correct / judged groups; groups the current system makes that were never judged are
 * counted and listed, never assumed right.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEngine, type ArticleAnalysis } from '@parallax/core';
import { readAllsides, toInput } from './allsides';

interface Judged {
  split: 'tune' | 'report';
  event: string;
  concept_id: string;
  surfaces: string[];
  correct: boolean;
}

export interface TermPrecision {
  split: string;
  events: number;
  articles: number;
  groups: number;
  judged: number;
  correct: number;
  precision: number;
  unjudged: string[];
  wrong: string[];
}

export const TERMS_GOAL = 0.85;

export function runTermPrecision(root: string): TermPrecision[] | null {
  const goldPath = path.join(root, 'fixtures/gold/terms-sample.json');
  if (!fs.existsSync(goldPath)) return null;
  const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as { samples: Record<string, { from: number; to: number }>; rows: Judged[] };
  const dev = readAllsides(root, null).filter((r) => r.split === 'dev');
  if (dev.length === 0) return null;
  const events = [...new Set(dev.map((r) => r.event))].sort();
  const out: TermPrecision[] = [];
  for (const [split, { from, to }] of Object.entries(gold.samples)) {
    const evs = new Set(events.slice(from, to));
    const rows = dev.filter((r) => evs.has(r.event));
    const engine = createEngine();
    const analyses: ArticleAnalysis[] = [];
    let skipped = 0;
    rows.forEach((r, i) => {
      try {
        analyses.push(engine.analyzeArticle(toInput(r, i)));
      } catch {
        skipped++; // an engine failure on one article (reported by the reliability work) must not hide the figure
      }
    });
    const report = engine.buildReport(analyses, []);
    const eventOf = new Map(rows.map((r) => [r.id, r.event]));
    const groups = new Map<string, Set<string>>();
    for (const t of report.terms) {
      const k = `${eventOf.get(t.article_id)}\u0000${t.concept_id}`;
      groups.set(k, (groups.get(k) ?? new Set<string>()).add(t.surface));
    }
    const judged = new Map(gold.rows.filter((g) => g.split === split).map((g) => [`${g.event}\u0000${g.concept_id}\u0000${[...g.surfaces].sort().join('|')}`, g]));
    let nJudged = 0;
    let nCorrect = 0;
    const unjudged: string[] = [];
    const wrong: string[] = [];
    for (const [k, surfaces] of [...groups.entries()].sort()) {
      const key = `${k}\u0000${[...surfaces].sort().join('|')}`;
      const g = judged.get(key);
      const shown = `${k.replace('\u0000', ' ')}: ${[...surfaces].sort().join(' / ')}`;
      if (!g) {
        unjudged.push(shown);
        continue;
      }
      nJudged++;
      if (g.correct) nCorrect++;
      else wrong.push(shown);
    }
    out.push({ split, events: evs.size, articles: rows.length - skipped, groups: groups.size, judged: nJudged, correct: nCorrect, precision: Math.round((nCorrect / Math.max(1, nJudged)) * 1000) / 1000, unjudged, wrong });
  }
  return out;
}

export function printTermPrecision(root: string, log: (...a: unknown[]) => void): TermPrecision[] | null {
  const r = runTermPrecision(root);
  if (!r) {
    log('skip: fixtures/gold/terms-sample.json or ../shared/dev-data/allsides_events not found');
    return null;
  }
  log('term choices (hand-checked groups of dev events; `report` held out; baseline: not judged — before this work every aligned one-word substitution was a row)');
  for (const x of r) {
    log(`  [${x.split}, ${x.events} events, ${x.articles} articles] precision ${x.precision.toFixed(3)} (${x.correct} of ${x.judged} judged groups; ${x.unjudged.length} of ${x.groups} groups not judged)${x.split === 'report' ? `   goal ≥ ${TERMS_GOAL}` : ''}`);
    for (const w of x.wrong) log(`    wrong: ${w}`);
    for (const u of x.unjudged) log(`    not judged: ${u}`);
  }
  return r;
}
