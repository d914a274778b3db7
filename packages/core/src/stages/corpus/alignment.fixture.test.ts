/**
 * The alignment stages on the fixture corpus (fixtures/riyadh-2025-02-18) plus the
 * off-event articles (fixtures/off-event), measured against the hand-checked gold
 * file fixtures/gold/riyadh-alignment.json. Figures are printed; floors are what the
 * current rules honestly reach, so a regression fails.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lexicons } from '@parallax/lexicons';
import { createEngine } from '../../engine';
import { createNlp } from '../../nlp';
import { LookupTables } from '../../lib/lookup-tables';
import { detectEntities } from '../article/entities';
import { compileGazetteer } from '../../lib/gazetteer';
import { alignResources, claimsForEvent } from './claims';
import { entityMergeStage } from './entity-merge';
import { cmp } from '../../lib/text';
import type { CorpusState, EngineContext } from '../../model';

const FLOOR_PEOPLE_P = 0.97; // measured 0.978 (issue 12: the gazetteer holds no people, so this is the engine as it runs)
const FLOOR_PEOPLE_R = 0.97;
import { exportFiles } from '../../exports';
import type { AnalysisReport, ArticleInput, Event } from '../../schema';

const ROOT = join(__dirname, '../../../../../fixtures');

function loadDir(dir: string): ArticleInput[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(ROOT, dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
      if (!m) throw new Error(`${f}: no front matter`);
      const fm: Record<string, string> = {};
      for (const line of m[1]!.split('\n')) {
        const kv = /^(\w+):\s*(.*)$/.exec(line);
        if (kv) fm[kv[1]!] = kv[2]!.replace(/^"|"$/g, '');
      }
      const val = (k: string) => (fm[k] && fm[k] !== 'null' ? fm[k]! : null);
      return {
        id: fm.id!,
        outlet: fm.outlet ?? '',
        title: fm.title ?? '',
        published: val('published'),
        url: val('url'),
        language: val('language'),
        text: raw.slice(m[0].length),
        source: { path: `${dir}/${f}`, line: null },
      };
    });
}

interface Gold {
  claims: { id: string; sentences: { sentence_id: string; text: string }[] }[];
  entities: { sentences: { sentence_id: string; mentions: { text: string; entity_id: string }[] }[] };
}
const gold = JSON.parse(readFileSync(join(ROOT, 'gold/riyadh-alignment.json'), 'utf8')) as Gold;
const riyadh = loadDir('riyadh-2025-02-18');
const offEvent = loadDir('off-event');
const engine = createEngine();
const report: AnalysisReport = engine.analyze({ articles: [...riyadh, ...offEvent] });
const RIYADH_IDS = riyadh.map((a) => a.id).sort();

const articleOf = (sid: string) => sid.slice(0, sid.lastIndexOf(':s'));
function crossPairs(groups: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) for (const a of g) for (const b of g) if (a < b && articleOf(a) !== articleOf(b)) out.add(`${a}|${b}`);
  return out;
}
const prf = (tp: number, nPred: number, nGold: number) => {
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe('events on the fixture corpus', () => {
  test('all five Riyadh articles form one event; each off-event article stays out of it', () => {
    const riyadhEvents = report.events.filter((e) => e.article_ids.some((id) => RIYADH_IDS.includes(id)));
    expect(riyadhEvents).toHaveLength(1);
    expect(riyadhEvents[0]!.article_ids).toEqual(RIYADH_IDS);
    for (const off of offEvent) {
      const ev = report.events.find((e) => e.article_ids.includes(off.id));
      expect(ev?.article_ids).toEqual([off.id]);
    }
    expect(riyadhEvents[0]!.key_entities).toEqual(expect.arrayContaining(['gov:russia']));
  });
  test('events.csv lists every article with its event id', () => {
    const csv = exportFiles(report).find((f) => f.name === 'events.csv')!.content.trim().split('\r\n');
    expect(csv).toHaveLength(1 + riyadh.length + offEvent.length);
  });
});

describe('entity detection and resolution on hand-labelled fixture sentences', () => {
  test('precision / recall of (mention, canonical entity)', () => {
    // A country or capital and the government it stands for count as one entity; exact type agreement is reported apart.
    const g = compileGazetteer(lexicons.entities, createNlp());
    const fold = (id: string) => g.byId.get(id)?.government ?? id;
    const sentences = new Map(report.articles.flatMap((a) => a.sentences.map((s) => [s.id, { a, s }] as const)));
    // People are in no gazetteer: their canonical id is the spelling the corpus chose (Tami or
    // Tammy Bruce). A gold person is matched by the one predicted id its mentions carry most.
    const votes = new Map<string, Map<string, number>>();
    for (const gs of gold.entities.sentences) {
      const { a, s } = sentences.get(gs.sentence_id)!;
      for (const gm of gs.mentions) {
        if (!gm.entity_id.startsWith('person:')) continue;
        const p = a.entities.find((m) => m.start >= s.start && m.end <= s.end && m.text === gm.text && m.type === 'PERSON');
        if (!p?.entity_id) continue;
        const v = votes.get(gm.entity_id) ?? new Map<string, number>();
        v.set(p.entity_id, (v.get(p.entity_id) ?? 0) + 1);
        votes.set(gm.entity_id, v);
      }
    }
    const canon = new Map([...votes].map(([gid, v]) => [gid, [...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0]]));
    const same = (pred: string, goldId: string) => fold(pred) === fold(goldId) || (canon.has(goldId) && canon.get(goldId) === pred);
    let tp = 0;
    let nPred = 0;
    let nGold = 0;
    let typeAgree = 0;
    const misses: string[] = [];
    for (const gs of gold.entities.sentences) {
      const hit = sentences.get(gs.sentence_id);
      expect(hit, gs.sentence_id).toBeDefined();
      const { a, s } = hit!;
      const pred = a.entities
        .filter((m) => m.start >= s.start && m.end <= s.end && ['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP'].includes(m.type))
        .map((m) => ({ text: m.text, id: m.entity_id ?? '' }));
      nPred += pred.length;
      nGold += gs.mentions.length;
      const left = [...pred];
      for (const g of gs.mentions) {
        const k = left.findIndex((p) => p.text === g.text && same(p.id, g.entity_id));
        if (k >= 0) {
          tp++;
          if (left[k]!.id === g.entity_id || canon.get(g.entity_id) === left[k]!.id) typeAgree++;
          left.splice(k, 1);
        } else misses.push(`${gs.sentence_id} missed ${g.text} (${g.entity_id})`);
      }
      for (const p of left) misses.push(`${gs.sentence_id} extra ${p.text} (${p.id})`);
    }
    const m = prf(tp, nPred, nGold);
    console.log(
      `[entities] gold ${nGold}, predicted ${nPred}, matched ${tp}: P=${r3(m.p)} R=${r3(m.r)} F1=${r3(m.f1)}; exact place/gov type on matches ${typeAgree}/${tp}\n  ${misses.join('\n  ')}`,
    );
    // Floors = measured without any person in the gazetteer (issue 12): "Trump administration"
    // is no longer an alias of gov:united-states (it was a person-specific row), so "Trump" is a person there.
    expect(m.p).toBeGreaterThanOrEqual(0.98);
    expect(m.r).toBeGreaterThanOrEqual(0.99);
    expect(typeAgree / tp).toBeGreaterThanOrEqual(0.88);
  });

  test('people without the gazetteer: proper-noun patterns and coreference alone', () => {
    // Ablation: drop every PERSON entry, so the fixture's people are unknown names.
    const noPeople = { ...lexicons.entities, entries: lexicons.entities.entries.filter((e) => !('type' in e) || e.type !== 'PERSON') };
    const g = compileGazetteer(noPeople, createNlp());
    const analyses = riyadh.map((a) => engine.analyzeArticle(a));
    const bySentence = new Map(analyses.flatMap((an) => an.article.sentences.map((s) => [s.id, { an, s }] as const)));
    let tp = 0;
    let nPred = 0;
    let nGold = 0;
    for (const gs of gold.entities.sentences) {
      const { an, s } = bySentence.get(gs.sentence_id)!;
      // Detect over the whole article (coreference needs earlier sentences), then keep this sentence.
      const all = detectEntities(an.article.text, an.tokens, g);
      const pred = all.filter((m) => m.type === 'PERSON' && m.start >= s.start && m.end <= s.end).map((m) => m.text);
      const want = gs.mentions.filter((m) => m.entity_id.startsWith('person:')).map((m) => m.text);
      nPred += pred.length;
      nGold += want.length;
      for (const w of want) {
        const k = pred.indexOf(w);
        if (k >= 0) {
          tp++;
          pred.splice(k, 1);
        }
      }
    }
    const m = prf(tp, nPred, nGold);
    console.log(`[entities:people-without-gazetteer] gold ${nGold}, predicted ${nPred}, matched ${tp}: P=${r3(m.p)} R=${r3(m.r)} F1=${r3(m.f1)}`);
    expect(m.p).toBeGreaterThanOrEqual(FLOOR_PEOPLE_P);
    expect(m.r).toBeGreaterThanOrEqual(FLOOR_PEOPLE_R);
  });

  // Places and governments resolve to gazetteer ids; a person's spellings (in no list) resolve
  // to one id, the spelling the corpus chose, by coreference and entity-merge.
  test.each([
    ['Kyiv / Kiev', ['Kyiv', 'Kiev'], ['place:kyiv', 'gov:ukraine']],
    ['Zelenskyy / Zelenskiy', ['Zelenskyy', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskiy'], null],
    ['Sergei / Sergey Lavrov', ['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov'], null],
    // Mike / Michael Waltz is a known gap: a hypocorism needs a nickname table, and none ships.
    ['Tammy / Tami Bruce', ['Tammy Bruce', 'Tami Bruce', 'Bruce'], null],
    ['Marco Rubio / Rubio', ['Marco Rubio', 'Rubio'], null],
    ['the Kremlin', ['Kremlin'], ['gov:russia']],
  ])('variants resolved across outlets: %s', (_name, surfaces, ids) => {
    const found = report.articles.flatMap((a) => a.entities).filter((m) => surfaces.includes(m.text));
    expect(found.length).toBeGreaterThan(0);
    if (ids) for (const m of found) expect(ids).toContain(m.entity_id);
    else expect([...new Set(found.map((m) => m.entity_id))]).toHaveLength(1);
  });
});

describe('claim alignment against the gold file', () => {
  test('gold sentences are the engine sentences, verbatim', () => {
    const text = new Map(report.articles.flatMap((a) => a.sentences.map((s) => [s.id, a.text.slice(s.start, s.end)] as const)));
    for (const c of gold.claims) for (const s of c.sentences) expect(text.get(s.sentence_id), s.sentence_id).toBe(s.text);
  });

  test('pairwise precision / recall / F1 of cross-article sentence pairs', () => {
    const g = crossPairs(gold.claims.map((c) => c.sentences.map((s) => s.sentence_id)));
    const riyadhClaims = report.claims.filter((c) => c.article_ids.every((id) => RIYADH_IDS.includes(id)));
    const p = crossPairs(riyadhClaims.map((c) => c.sentence_ids));
    let tp = 0;
    for (const x of p) if (g.has(x)) tp++;
    const m = prf(tp, p.size, g.size);
    console.log(`[claims] gold pairs ${g.size}, predicted pairs ${p.size}, correct ${tp}: P=${r3(m.p)} R=${r3(m.r)} F1=${r3(m.f1)}`);
    // Floors = measured figures (see README): keys + SIF word vectors reach far below the 0.8 goal on this gold.
    // Issue 12 removed the example's people from the gazetteer: the claim keys lost canonical
    // person ids (and "Trump administration" -> gov:united-states); measured then P 0.411 R 0.358 F1 0.383.
    expect(m.p).toBeGreaterThanOrEqual(0.4);
    expect(m.r).toBeGreaterThanOrEqual(0.35);
    expect(m.f1).toBeGreaterThanOrEqual(0.38);
  });

  test('held-out gold (fixtures/align-heldout, never used to choose a setting): pairwise P / R / F1 with the four articles as one event', () => {
    // Alignment alone: the event is given, so an events-stage split does not hide alignment quality.
    const heldout = loadDir('align-heldout');
    const hg = JSON.parse(readFileSync(join(ROOT, 'gold/heldout-alignment.json'), 'utf8')) as Pick<Gold, 'claims'>;
    const nlp = createNlp();
    const ctx: EngineContext = Object.freeze({ options: { language: 'auto', sides: null, matcher: 'lexical' as const }, lexicons, sides: null, nlp, tables: new LookupTables() });
    const analyses = heldout.map((a) => engine.analyzeArticle(a)).sort((a, b) => cmp(a.article.id, b.article.id));
    const state = { articles: analyses, entityMerges: {}, events: [], claims: [], omissions: [], diffs: [], terms: [], scores: [], evidence: [], warnings: [] } as CorpusState;
    entityMergeStage.run(state, ctx);
    const event = { event_id: 'ev-heldout', article_ids: analyses.map((a) => a.article.id) } as Event;
    const claims = claimsForEvent(event, analyses, alignResources(state, ctx));
    const text = new Map(analyses.flatMap((an) => an.article.sentences.map((x) => [x.id, an.article.text.slice(x.start, x.end)] as const)));
    for (const c of hg.claims) for (const x of c.sentences) expect(text.get(x.sentence_id), x.sentence_id).toBe(x.text);
    const g = crossPairs(hg.claims.map((c) => c.sentences.map((x) => x.sentence_id)));
    const p = crossPairs(claims.map((c) => c.sentence_ids));
    let tp = 0;
    for (const x of p) if (g.has(x)) tp++;
    const m = prf(tp, p.size, g.size);
    console.log(`[claims:heldout] gold pairs ${g.size}, predicted pairs ${p.size}, correct ${tp}: P=${r3(m.p)} R=${r3(m.r)} F1=${r3(m.f1)}`);
    // Measured after issue 12 removed the people from the gazetteer: P 0.422 R 0.487 F1 0.452 (was 0.48 / 0.51 / 0.5).
    expect(m.p).toBeGreaterThanOrEqual(0.42);
    expect(m.r).toBeGreaterThanOrEqual(0.48);
    expect(m.f1).toBeGreaterThanOrEqual(0.45);
  });

  test('claims: ids, members and coverage are consistent', () => {
    const ev = report.events.find((e) => e.article_ids.includes('ap'))!;
    const claims = report.claims.filter((c) => c.event_id === ev.event_id);
    expect(claims.length).toBeGreaterThan(10);
    claims.forEach((c, i) => {
      expect(c.claim_id).toBe(`${ev.event_id}:c${i}`);
      expect(c.article_ids).toEqual([...new Set(c.sentence_ids.map(articleOf))].sort());
      expect(c.label.length).toBeLessThanOrEqual(101);
    });
    const files = exportFiles(report);
    const sentencesCsv = files.find((f) => f.name === 'sentences.csv')!.content;
    expect(sentencesCsv).toContain(`,${ev.event_id}:c1,`);
    const coverage = files.find((f) => f.name === 'coverage.csv')!.content.trim().split('\r\n');
    expect(coverage.length - 1).toBe(claims.length * ev.article_ids.length + report.claims.filter((c) => c.event_id !== ev.event_id).length);
  });

  test('omissions: ranked by salience, omitted_by above unique_to, reasons present', () => {
    const om = report.omissions;
    expect(om.length).toBeGreaterThan(0);
    for (let i = 1; i < om.length; i++) expect(om[i]!.salience).toBeLessThanOrEqual(om[i - 1]!.salience);
    const firstUnique = om.findIndex((o) => o.kind === 'unique_to');
    const lastOmitted = om.map((o) => o.kind).lastIndexOf('omitted_by');
    // The coverage check (claims.ts coverThreshold / softCover) leaves no "X leaves out" on this
    // fixture: each earlier one had a close sentence in X (6 of the 9 were false on reading).
    expect(lastOmitted).toBeLessThan(firstUnique);
    for (const o of om) {
      const c = report.claims.find((x) => x.claim_id === o.claim_id)!;
      expect(c.article_ids.includes(o.article_id)).toBe(o.kind === 'unique_to');
    }
  });
});

describe('diffs and terms on the fixture corpus', () => {
  test('every diff part slices back to its article texts', () => {
    expect(report.diffs.length).toBeGreaterThan(0);
    const text = new Map(report.articles.map((a) => [a.id, a.text]));
    for (const d of report.diffs) {
      const ta = text.get(articleOf(d.a_sentence_id))!;
      const tb = text.get(articleOf(d.b_sentence_id))!;
      for (const p of d.parts) {
        if (p.a) expect(ta.slice(p.a.start, p.a.end)).toBe(p.text);
        if (p.b) expect(tb.slice(p.b.start, p.b.end)).toBe(p.text);
      }
      for (const s of d.substitutions) {
        expect(ta.slice(s.a.start, s.a.end)).toBe(s.a_text);
        expect(tb.slice(s.b.start, s.b.end)).toBe(s.b_text);
      }
    }
  });

  test.each([
    ['kyiv-spelling', 'tasnim', 'kiev', 4],
    ['kyiv-spelling', 'ap', 'kyiv', 7],
    ['talks-naming', 'npr', 'discussion', 8],
    ['peacekeeping-naming', 'washington-times', 'peacekeeping force', 2],
  ])('terms: %s in %s uses "%s" %i times, spans point at the text', (concept, article, surface, count) => {
    const t = report.terms.find((x) => x.concept_id === concept && x.article_id === article && x.surface === surface);
    expect(t?.count).toBe(count);
    const text = report.articles.find((a) => a.id === article)!.text;
    for (const s of t!.spans) expect(text.slice(s.start, s.end).toLowerCase()).toMatch(new RegExp(surface.split(' ')[0]!.slice(0, 4)));
  });
});

describe('term choices found by the diffs', () => {
  test('only substitutions that name the same thing become rows: an entity\'s spellings, spelling variants, paraphrase sets', () => {
    const uses = report.terms.filter((t) => /^(entity|spelling):/.test(t.concept_id));
    expect(uses.map((u) => `${u.concept_id} ${u.surface}`)).toContain('entity:person:sergei-lavrov sergey');
    for (const u of report.terms) {
      expect(u.concept_id.startsWith('diff:')).toBe(false);
      expect(u.label).not.toMatch(/^diff:|-spelling|-naming/);
      // Every row's concept has two or more surfaces in its event.
      expect(new Set(report.terms.filter((t) => t.concept_id === u.concept_id).map((t) => t.surface)).size).toBeGreaterThanOrEqual(2);
    }
    expect(report.terms.find((t) => t.concept_id === 'kyiv-spelling')?.label).toBe('Kyiv / Kiev');
  });
});

describe('determinism', () => {
  test('shuffled input gives byte-identical events, claims, omissions, diffs and terms', () => {
    const shuffled = [...offEvent, ...riyadh].reverse();
    const again = createEngine().analyze({ articles: shuffled });
    const pick = (r: AnalysisReport) => JSON.stringify([r.events, r.claims, r.omissions, r.diffs, r.terms]);
    expect(pick(again)).toBe(pick(report));
  });
});

describe('diffs on the fixture corpus', () => {
  test('every pair of articles that report a claim has a word diff of it in the report', () => {
    const artOf = new Map(report.articles.flatMap((a) => a.sentences.map((s) => [s.id, a.id] as const)));
    const missing: string[] = [];
    for (const c of report.claims) {
      const arts = [...new Set(c.sentence_ids.map((s) => artOf.get(s)))];
      for (let i = 0; i < arts.length; i++) {
        for (let j = i + 1; j < arts.length; j++) {
          const has = report.diffs.some((d) => {
            if (d.claim_id !== c.claim_id) return false;
            const x = artOf.get(d.a_sentence_id);
            const y = artOf.get(d.b_sentence_id);
            return (x === arts[i] && y === arts[j]) || (x === arts[j] && y === arts[i]);
          });
          if (!has) missing.push(`${c.claim_id} ${arts[i]}|${arts[j]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
