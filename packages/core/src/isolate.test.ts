/**
 * Failure isolation (isolate.ts): a stage that throws, injected through createEngine's
 * `pipeline` argument, rejects only its article or leaves only its event unaligned.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEngine } from './engine';
import { ARTICLE_STAGES, CORPUS_STAGES, EVENT_STAGES } from './pipeline';
import type { ArticleAnalysis, ArticleStage, CorpusStage, CorpusState, EngineContext } from './model';
import type { AnalysisReport, ArticleInput } from './schema';

const ROOT = join(__dirname, '../../../fixtures');
const SLOW = { timeout: 120_000 };

function loadDir(dir: string): ArticleInput[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(ROOT, dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw)!;
      const id = /^id:\s*(.*)$/m.exec(m[1]!)![1]!.replace(/^"|"$/g, '');
      const outlet = (/^outlet:\s*(.*)$/m.exec(m[1]!)?.[1] ?? '').replace(/^"|"$/g, '');
      return { id, outlet, title: id, published: null, url: null, language: null, text: raw.slice(m[0].length), source: { path: `${dir}/${f}`, line: null } };
    });
}

const articles = [...loadDir('riyadh-2025-02-18'), ...loadDir('off-event')];
const victim = articles[1]!.id;
const counts = (r: AnalysisReport) => {
  const n = (s: string) => r.inputs.filter((i) => i.status === s).length;
  return { inputs: r.inputs.length, analysed: n('analysed'), rejected: n('rejected'), duplicate: n('duplicate') };
};

/** An article stage that throws on one article, inserted after `after`. */
function throwingArticleStage(after: string, id: string): ArticleStage[] {
  const bomb: ArticleStage = {
    name: 'bomb',
    run(state) {
      if (state.article.id === id) throw new RangeError(`synthetic failure on ${id}`);
    },
  };
  const at = ARTICLE_STAGES.findIndex((s) => s.name === after) + 1;
  return [...ARTICLE_STAGES.slice(0, at), bomb, ...ARTICLE_STAGES.slice(at)];
}

/** `name` replaced by a stage that throws whenever its corpus holds article `id`. */
function throwingCorpusStage(name: string, id: string): { corpus?: CorpusStage[]; event?: CorpusStage[] } {
  const inEvents = EVENT_STAGES.some((s) => s.name === name);
  const stages = (inEvents ? EVENT_STAGES : CORPUS_STAGES).map((s) =>
    s.name !== name
      ? s
      : {
          name: s.name,
          run(state: CorpusState, ctx: EngineContext) {
            if (state.articles.some((a: ArticleAnalysis) => a.article.id === id)) throw new Error(`synthetic ${name} failure`);
            s.run(state, ctx);
          },
        },
  );
  return inEvents ? { event: stages } : { corpus: stages };
}

describe('createEngine(options, pipeline): failure isolation', () => {
  const normal = createEngine().analyze({ articles });

  test('an article stage that throws rejects that article with the reason and a warning; the run goes on', SLOW, () => {
    const report = createEngine({}, { article: throwingArticleStage('segment', victim) }).analyze({ articles });
    const rec = report.inputs.find((i) => i.article_id === victim)!;
    expect(rec.status).toBe('rejected');
    expect(rec.reason).toBe(`internal error in stage bomb: RangeError: synthetic failure on ${victim}; please report`);
    expect(report.warnings.filter((w) => w.code === 'internal-error').map((w) => w.article_id)).toEqual([victim]);
    expect(report.articles.map((a) => a.id)).toEqual(normal.articles.map((a) => a.id).filter((id) => id !== victim));
    const c = counts(report);
    expect(c).toEqual({ inputs: articles.length, analysed: articles.length - 1, rejected: 1, duplicate: 0 });
    // The other articles' own results are untouched.
    const own = (r: AnalysisReport) => r.articles.filter((a) => a.id !== victim).map((a) => ({ s: a.sentences, e: a.entities.length }));
    expect(own(report)).toEqual(own(normal));
  });

  test('a failure in normalization (a malformed input) is isolated the same way', SLOW, () => {
    const bad = { ...articles[0]!, id: 'bad', text: null as unknown as string, source: { path: 'bad.txt', line: null } };
    const report = createEngine().analyze({ articles: [bad, ...articles.slice(0, 2)] });
    const rec = report.inputs.find((i) => i.article_id === 'bad')!;
    expect(rec.status).toBe('rejected');
    expect(rec.reason).toMatch(/^internal error in stage normalize: TypeError: .+; please report$/);
    expect(counts(report)).toMatchObject({ inputs: 3, analysed: 2, rejected: 1 });
  });

  test('every article failing still gives a report (nothing analysed; the shell decides the exit code)', SLOW, () => {
    const bomb: ArticleStage = { name: 'bomb', run: () => { throw new Error('always'); } };
    const report = createEngine({}, { article: [bomb] }).analyze({ articles: articles.slice(0, 2) });
    expect(counts(report)).toEqual({ inputs: 2, analysed: 0, rejected: 2, duplicate: 0 });
  });

  test('the failed analysis is JSON-safe (it crosses worker and shard boundaries)', () => {
    const engine = createEngine({}, { article: [{ name: 'bomb', run: () => { throw new Error('x\nsecond line'); } }] });
    const a = engine.analyzeArticle(articles[0]!);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.failure).toEqual({ stage: 'bomb', message: 'Error: x' });
  });

  test('a corpus stage that throws for one event leaves only that event unaligned, with a warning', SLOW, () => {
    const eventOf = (r: AnalysisReport, id: string) => r.events.find((e) => e.article_ids.includes(id))!.event_id;
    const report = createEngine({}, throwingCorpusStage('claims', victim)).analyze({ articles });
    const broken = eventOf(report, victim);
    expect(report.events).toEqual(normal.events);
    expect(report.claims.filter((c) => c.event_id === broken)).toEqual([]);
    expect(normal.claims.filter((c) => c.event_id === broken).length).toBeGreaterThan(0);
    // The other events keep their claims (computed event by event).
    const others = (r: AnalysisReport) => r.claims.filter((c) => c.event_id !== broken);
    expect(others(report).length).toBeGreaterThan(0);
    expect(others(report)).toEqual(others(normal));
    const w = report.warnings.filter((x) => x.code === 'internal-error');
    expect(w.map((x) => x.message)).toEqual([
      `internal error in stage claims for event ${broken}: Error: synthetic claims failure; please report — the event's claims results are left out`,
    ]);
    expect(counts(report)).toEqual(counts(normal));
  });

  test('a corpus stage that throws before events exist is left out with a warning; the run completes', SLOW, () => {
    const report = createEngine({}, throwingCorpusStage('events', victim)).analyze({ articles });
    expect(report.events).toEqual([]);
    expect(report.warnings.some((w) => w.code === 'internal-error' && w.message.startsWith('internal error in stage events: Error: synthetic events failure'))).toBe(true);
    expect(counts(report)).toEqual(counts(normal));
  });

  test('the same failure gives the same report twice (deterministic)', SLOW, () => {
    const run = () => JSON.stringify(createEngine({}, { article: throwingArticleStage('entities', victim), ...throwingCorpusStage('diffs', articles[0]!.id) }).analyze({ articles }));
    expect(run()).toBe(run());
  });
});
