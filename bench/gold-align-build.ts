/**
 * Builds fixtures/gold/allsides-alignment.json from the hand labels in
 * bench/labels/allsides-alignment.txt (ids and sentence indices only, no article text).
 * Usage: pnpm exec tsx bench/gold-align-build.ts
 *
 * Label line: `<event>|<claim id>|<article>:<sentence index> ...`, where <article> is the
 * first characters of the article id after `<event>-` (unique within the event) and the
 * index is the engine's sentence segmentation. The gold stores, per member, the article
 * id, the sentence index, its half-open offsets into the normalized article text and the
 * first 16 hex digits of sha256(sentence text), so a change of segmentation is caught
 * (bench/align-data.ts checks them) and the text itself never enters the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createEngine } from '@parallax/core';
import { readAllsides, toInput } from './allsides';

const root = path.resolve(import.meta.dirname, '..');
const lines = fs
  .readFileSync(path.join(root, 'bench/labels/allsides-alignment.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
const events = [...new Set(lines.map((l) => l.split('|')[0]!))];
const rows = readAllsides(root, null);
const engine = createEngine({ matcher: 'lexical' });
export const sentenceHash = (t: string) => createHash('sha256').update(t).digest('hex').slice(0, 16);
const out = events.map((ev) => {
  const evRows = rows.map((r, n) => ({ r, n })).filter(({ r }) => r.event === ev);
  if (evRows.length < 2) throw new Error(`${ev}: not found in the dev data`);
  const split = evRows[0]!.r.split;
  const analyses = evRows.map(({ r, n }) => engine.analyzeArticle(toInput(r, n)));
  const claims = lines
    .filter((l) => l.split('|')[0] === ev)
    .map((l) => {
      const [, id, members] = l.split('|') as [string, string, string];
      return {
        id,
        sentences: members.split(/\s+/).map((m) => {
          const [pre, idx] = m.split(':') as [string, string];
          const hits = analyses.filter((an) => an.article.id.startsWith(`${ev}-${pre}`));
          if (hits.length !== 1) throw new Error(`${ev} ${id}: article prefix ${pre} matches ${hits.length} articles`);
          const art = hits[0]!.article;
          const s = art.sentences[Number(idx)];
          if (!s) throw new Error(`${ev} ${id}: ${art.id} has no sentence ${idx}`);
          return { article_id: art.id, index: Number(idx), start: s.start, end: s.end, sha: sentenceHash(art.text.slice(s.start, s.end)) };
        }),
      };
    });
  return { event: ev, split, article_ids: analyses.map((a) => a.article.id).sort(), claims };
});
const gold = {
  description:
    'Hand-labelled claim alignment (same fact, other words) for events of ../shared/dev-data/allsides_events: for each event, the claims that at least two of its articles report, each with the sentences that state it as their main clause (same actors and the same predicate; paraphrase and a differing figure for the same fact allowed; a sentence belongs to at most one claim; sentences not listed are in no claim). Members are given by article id, engine sentence index, half-open offsets into the normalized article text and sha256 (16 hex) of the sentence text; the text itself is read from the dev data at run time (licence). Built by bench/gold-align-build.ts from bench/labels/allsides-alignment.txt.',
  method:
    'One coder read every sentence of the two or three articles of each event side by side (engine segmentation) and grouped sentences stating the same fact, before any matcher was scored on them. Photo captions, newsletter prompts and headings were left out. Borderline pairs (a related statement by a different actor, a consequence vs its cause) were left out.',
  splits: 'Every event here is in the `train` split of allsides_events: this gold trains the shipped matcher weights (bench/train-matcher.ts); held-out figures are on fixtures/gold/heldout-alignment.json.',
  events: out,
};
fs.writeFileSync(path.join(root, 'fixtures/gold/allsides-alignment.json'), `${JSON.stringify(gold, null, 1)}\n`);
console.log(`wrote fixtures/gold/allsides-alignment.json: ${out.length} events, ${out.reduce((a, e) => a + e.claims.length, 0)} claims`);
