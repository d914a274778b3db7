/**
 * Sentence-boundary quality (issue 17), baseline and repaired segmenter in the same run:
 *
 * - NewsSD-ENG (../shared/dev-data/newssd_eng, 1,049 news sentences): every item either
 *   segmenter split was checked by hand (bench/data/boundaries-newssd-gold.json holds the
 *   items with more than one real sentence; every other item is one). Error rate = items
 *   whose sentence count differs from the checked count.
 * - AllSides dev-split paragraphs (../shared/dev-data/allsides_events): sentences that start
 *   in lower case (nearly always a false break after an abbreviation or a tag), and
 *   missing-space recall: a real boundary ("… in March. It was …", as the repaired segmenter
 *   finds it) with its space removed ("March.It") must still be a boundary.
 *
 * Baseline = wink-nlp + the earlier repairs (initials, quote attributions), i.e. the
 * segmenter before the `sentence-boundaries` lexicon. Data is read at run time only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createNlp } from '@parallax/core';
import { lexicons } from '@parallax/lexicons';
import { boundaryRules, repairSentences } from '../packages/core/src/stages/article/segment';

export interface BoundaryQuality {
  newssd: { items: number; multi: number; errorsBefore: number; errorsAfter: number; splitBefore: number; splitAfter: number };
  allsides: { paragraphs: number; sentencesBefore: number; sentencesAfter: number; lowerBefore: number; lowerAfter: number; gluedCases: number; gluedKeptBefore: number; gluedKeptAfter: number };
}

const GOAL_ERROR_RATE = 0.01;

export function runBoundaryQuality(root: string, log: (line: string) => void = console.log): BoundaryQuality | null {
  const dev = path.join(root, '../shared/dev-data');
  const ssd = path.join(dev, 'newssd_eng/sentences.jsonl');
  const all = path.join(dev, 'allsides_events/articles.jsonl');
  if (!fs.existsSync(ssd) || !fs.existsSync(all)) {
    log('sentence boundaries: dev data not found (../shared/dev-data); skipped');
    return null;
  }
  const nlp = createNlp();
  const rules = boundaryRules(lexicons.sentenceBoundaries.entries);
  const split = (t: string, withRules: boolean) => {
    const parsed = nlp.parse(t, 0).sentences;
    return parsed.length === 0 ? [] : repairSentences(t, parsed, withRules ? rules : undefined);
  };

  // NewsSD-ENG against the hand-checked counts.
  const gold = JSON.parse(fs.readFileSync(path.join(root, 'bench/data/boundaries-newssd-gold.json'), 'utf8')) as { multi: Record<string, number> };
  const rows = fs.readFileSync(ssd, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  const n = { items: rows.length, multi: Object.keys(gold.multi).length, errorsBefore: 0, errorsAfter: 0, splitBefore: 0, splitAfter: 0 };
  for (const r of rows) {
    const t = r.text.trim();
    const want = gold.multi[r.id] ?? 1;
    const b = split(t, false).length;
    const a = split(t, true).length;
    if (b !== want) n.errorsBefore++;
    if (a !== want) n.errorsAfter++;
    if (b > 1) n.splitBefore++;
    if (a > 1) n.splitAfter++;
  }

  // AllSides dev paragraphs: lower-case starts, and glued (missing-space) real boundaries.
  const s = { paragraphs: 0, sentencesBefore: 0, sentencesAfter: 0, lowerBefore: 0, lowerAfter: 0, gluedCases: 0, gluedKeptBefore: 0, gluedKeptAfter: 0 };
  const LOWER = /^\p{Ll}/u;
  for (const line of fs.readFileSync(all, 'utf8').split('\n')) {
    if (!line) continue;
    const a = JSON.parse(line) as { text: string; split: string };
    if (a.split !== 'dev') continue;
    for (const raw of a.text.split(/\n+/)) {
      const p = raw.trim();
      if (p === '') continue;
      s.paragraphs++;
      const before = split(p, false);
      const after = split(p, true);
      s.sentencesBefore += before.length;
      s.sentencesAfter += after.length;
      for (const x of before) if (LOWER.test(p.slice(x.start, x.end))) s.lowerBefore++;
      for (const x of after) if (LOWER.test(p.slice(x.start, x.end))) s.lowerAfter++;
      // The first real boundary "word. Capital" (one space) of the paragraph, glued.
      for (let i = 1; i < after.length; i++) {
        const prev = after[i - 1]!;
        const next = after[i]!;
        if (next.start !== prev.end + 1 || p[prev.end] !== ' ' || !/\p{Ll}\.$/u.test(p.slice(prev.end - 2, prev.end)) || !/^\p{Lu}\p{Ll}/u.test(p.slice(next.start))) continue;
        const glued = p.slice(0, prev.end) + p.slice(next.start);
        const at = prev.end;
        s.gluedCases++;
        if (split(glued, false).some((x) => x.start === at)) s.gluedKeptBefore++;
        if (split(glued, true).some((x) => x.start === at)) s.gluedKeptAfter++;
        break;
      }
    }
  }

  const pct = (x: number, d: number) => `${((100 * x) / Math.max(1, d)).toFixed(2)} %`;
  log(`sentence boundaries (NewsSD-ENG, ${n.items} news sentences; every split checked by hand, ${n.multi} items hold several real sentences):`);
  log(`  boundary error rate  ${pct(n.errorsAfter, n.items)} (${n.errorsAfter} items)   baseline ${pct(n.errorsBefore, n.items)} (${n.errorsBefore})   goal < ${(GOAL_ERROR_RATE * 100).toFixed(0)} %`);
  log(`  items split          ${n.splitAfter}   baseline ${n.splitBefore}`);
  log(`sentence boundaries (AllSides dev split, ${s.paragraphs} paragraphs):`);
  log(`  sentences starting in lower case  ${s.lowerAfter} of ${s.sentencesAfter}   baseline ${s.lowerBefore} of ${s.sentencesBefore}   goal: fewer`);
  log(`  missing-space boundaries kept ("March.It")  ${pct(s.gluedKeptAfter, s.gluedCases)} of ${s.gluedCases}   baseline ${pct(s.gluedKeptBefore, s.gluedCases)}   goal: no loss`);
  return { newssd: n, allsides: s };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBoundaryQuality(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..'));
}
