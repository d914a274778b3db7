/**
 * Failure isolation (issue 17): one odd article or event never sinks a run.
 *
 * - An exception inside an article stage (or in normalization) turns that article into a
 *   *rejected* input with the reason `internal error in stage <name>: <message>; please
 *   report` and an `internal-error` warning; every other article is analysed as usual.
 * - An exception inside a corpus stage is retried event by event: the events whose run
 *   throws keep what they had before the stage (so a failing `claims` leaves that event
 *   unaligned) with an `internal-error` warning; the other events get the stage's output
 *   computed on their own articles. A stage that runs before events exist (`entity-merge`,
 *   `events`) has no event to isolate: its output is left out for the whole corpus, with
 *   the warning.
 *
 * Without a failure nothing here changes the result. Messages are the first line of the
 * error's message (no stack: stacks carry machine paths and would break byte-identical
 * reports), so the same input still gives the same report.
 */
import type { ArticleAnalysis, CorpusStage, CorpusState, EngineContext } from './model';
import { normalizeText } from './normalize';
import { message, stampEvidence, stampMessages } from './lib/messages';
import type { ArticleInput, Warning } from './schema';

export interface StageFailure {
  /** The stage that threw (`normalize` for normalization). */
  stage: string;
  /** First line of the error's message. */
  message: string;
}

const MAX_MESSAGE = 300;

export function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const line = (raw.split('\n')[0] ?? '').trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/** The rejection reason of an article whose analysis failed. */
export function failureReason(f: StageFailure): string {
  return `internal error in stage ${f.stage}: ${f.message}; please report`;
}

/**
 * The result of an article whose stage `stage` threw: no text, sentences or scores, only
 * the failure and its warning. Structured-clone and JSON safe like every analysis.
 */
export function failedAnalysis(input: ArticleInput, stage: string, err: unknown): ArticleAnalysis {
  const failure: StageFailure = { stage, message: errorMessage(err) };
  const id = typeof input?.id === 'string' ? input.id : String(input?.id);
  const source = input?.source ?? { path: '?', line: null };
  return {
    article: {
      id,
      outlet: typeof input?.outlet === 'string' ? input.outlet : '',
      title: typeof input?.title === 'string' ? input.title : '',
      published: input?.published ?? null,
      url: input?.url ?? null,
      language: input?.language ?? 'und',
      author: typeof input?.author === 'string' ? input.author : null,
      source,
      text: '',
      offset_map: normalizeText('').map,
      removed: [],
      sentences: [],
      entities: [],
      n_words: 0,
      english: false,
    },
    tokens: [],
    scores: [],
    evidence: [],
    quotations: [],
    quotes: [],
    warnings: [message(stage, id, 'internal-error', `${failureReason(failure)}; the article is rejected`, 'error')],
    failure,
  };
}

/** The corpus fields a stage may write, split per event for the fallback. */
const PER_EVENT = ['claims', 'omissions', 'diffs', 'terms'] as const;
type PerEventField = (typeof PER_EVENT)[number];

/** Run a corpus stage; on an exception, isolate it per event as described above. */
export function runCorpusStage(stage: CorpusStage, state: CorpusState, ctx: EngineContext): void {
  const before = snapshot(state);
  try {
    stage.run(state, ctx);
    stampMessages(state.warnings, before.warnings.length, stage.name);
    stampEvidence(state.evidence, before.evidence.length, stage.name);
    return;
  } catch (err) {
    restore(state, before);
    if (state.events.length === 0) {
      // Before events exist (entity-merge, events) there is no event to isolate.
      state.warnings.push(message(stage.name, null, 'internal-error', `internal error in stage ${stage.name}: ${errorMessage(err)}; please report — the stage's results are left out`, 'error'));
      return;
    }
  }
  // Event by event: each event's sub-corpus holds its own articles and its part of every field.
  const byId = new Map(state.articles.map((a) => [a.article.id, a]));
  const parts = new Map<string, Record<PerEventField, unknown[]>>();
  const claimEvent = new Map(state.claims.map((c) => [c.claim_id, c.event_id]));
  const articleEvent = new Map<string, string>();
  for (const ev of state.events) for (const id of ev.article_ids) articleEvent.set(id, ev.event_id);
  const eventOf: Record<PerEventField, (x: never) => string | undefined> = {
    claims: (c: { event_id: string }) => c.event_id,
    omissions: (o: { event_id: string }) => o.event_id,
    diffs: (d: { claim_id: string }) => claimEvent.get(d.claim_id),
    terms: (t: { article_id: string }) => articleEvent.get(t.article_id),
  };
  const inputOf = (field: PerEventField, eventId: string | undefined): unknown[] =>
    (state[field] as unknown[]).filter((x) => (eventOf[field] as (x: unknown) => string | undefined)(x) === eventId);
  const extra = { scores: [] as CorpusState['scores'], evidence: [] as CorpusState['evidence'], warnings: [] as Warning[] };
  for (const ev of state.events) {
    const sub: CorpusState = {
      ...state,
      articles: ev.article_ids.map((id) => byId.get(id)).filter((a): a is ArticleAnalysis => a !== undefined),
      events: [ev],
      claims: inputOf('claims', ev.event_id) as CorpusState['claims'],
      omissions: inputOf('omissions', ev.event_id) as CorpusState['omissions'],
      diffs: inputOf('diffs', ev.event_id) as CorpusState['diffs'],
      terms: inputOf('terms', ev.event_id) as CorpusState['terms'],
      entityMerges: { ...state.entityMerges },
      scores: [],
      evidence: [],
      warnings: [],
    };
    const given = snapshot(sub);
    try {
      stage.run(sub, ctx);
      parts.set(ev.event_id, { claims: sub.claims, omissions: sub.omissions, diffs: sub.diffs, terms: sub.terms });
      extra.scores.push(...sub.scores);
      extra.evidence.push(...sub.evidence);
      extra.warnings.push(...sub.warnings);
    } catch (err) {
      parts.set(ev.event_id, { claims: given.claims, omissions: given.omissions, diffs: given.diffs, terms: given.terms });
      extra.warnings.push(
        message(stage.name, null, 'internal-error', `internal error in stage ${stage.name} for event ${ev.event_id}: ${errorMessage(err)}; please report — the event's ${stage.name} results are left out`, 'error'),
      );
    }
  }
  for (const field of PER_EVENT) {
    const outside = inputOf(field, undefined);
    (state as unknown as Record<PerEventField, unknown[]>)[field] = [...outside, ...state.events.flatMap((ev) => parts.get(ev.event_id)![field])];
  }
  stampMessages(extra.warnings, 0, stage.name);
  stampEvidence(extra.evidence, 0, stage.name);
  state.scores.push(...extra.scores);
  state.evidence.push(...extra.evidence);
  state.warnings.push(...extra.warnings);
}

type Snapshot = { [K in keyof CorpusState]: CorpusState[K] };

/** Copies of every field (stages may replace or append to them). */
function snapshot(s: CorpusState): Snapshot {
  return {
    articles: [...s.articles],
    entityMerges: { ...s.entityMerges },
    events: [...s.events],
    claims: [...s.claims],
    omissions: [...s.omissions],
    diffs: [...s.diffs],
    terms: [...s.terms],
    scores: [...s.scores],
    evidence: [...s.evidence],
    warnings: [...s.warnings],
  };
}

function restore(s: CorpusState, snap: Snapshot): void {
  Object.assign(s, snapshot(snap as CorpusState));
}
