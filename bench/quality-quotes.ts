/**
 * Quote and speaker precision/recall on the fixture gold (fixtures/gold/riyadh-quotes.json).
 * A system direct quote matches a gold quote of the same article when their spans overlap
 * (the gold's offsets are into the normalized text, which the engine reproduces).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEngine, type Quote } from '@parallax/core';
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
