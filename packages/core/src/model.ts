/**
 * Internal working structures of the engine. Unlike `schema.ts` (the published
 * report), these may change freely; they stay plain and structured-clone safe so
 * that per-article results can cross a worker_threads / Web Worker boundary.
 */
import type {
  ArticleInput,
  ArticleResult,
  Claim,
  Event,
  Evidence,
  Omission,
  Quote,
  Score,
  SentenceDiff,
  TermUse,
  Warning,
} from './schema';
import type { Lexicons } from '@parallax/lexicons';
import type { MeasureDefinition } from './measures';

/** One token of the normalized text. Offsets are UTF-16 code units into `ArticleResult.text`. */
export interface Token {
  start: number;
  end: number;
  /** Exact slice of the normalized text. */
  text: string;
  /** Lower-cased text. */
  norm: string;
  /** wink-nlp lemma (lower-case). */
  lemma: string;
  /** wink-nlp Universal POS tag (NOUN, PROPN, VERB, ADJ, PUNCT, ...). */
  pos: string;
  /** wink-nlp token type: word, number, punctuation, emoji, symbol, url, email, ... */
  kind: string;
  /** wink-nlp stop word flag. */
  stop: boolean;
}

/** Per-article working state: filled stage by stage (see pipeline.ts). */
export interface ArticleAnalysis {
  article: ArticleResult;
  /** Tokens per sentence, parallel to `article.sentences`. Never exported. */
  tokens: Token[][];
  /** wink-nlp's entity spans of the kept paragraphs (stage `segment`), read by stage `numeric-entities`. Never exported. */
  winkEntities?: { start: number; end: number; text: string; type: string }[];
  /** Scores with `event_id: null`; the event is filled in when the report is assembled. */
  scores: Score[];
  evidence: Evidence[];
  /** Quoted spans of the text (stage `quotations`), read by every stage that needs to know what is quoted. */
  quotations: QuotedSpan[];
  quotes: Quote[];
  warnings: Warning[];
  /** Set when a stage threw on this article (isolate.ts): the article is then rejected with the reason. */
  failure?: { stage: string; message: string };
}

/** A quoted span (inside the marks, spaces trimmed). */
export interface QuotedSpan {
  start: number;
  end: number;
  /** The paragraph ended inside the quotation (no closing mark). */
  open: boolean;
  /** Continues an open quotation of the previous paragraph (multi-paragraph quote). */
  continued: boolean;
  /** 0: a double-quoted span; 1: a single-quoted span nested in one. */
  depth: 0 | 1;
}

/** Cross-article working state, after every article went through the article stages. */
export interface CorpusState {
  /** Sorted by article id. */
  articles: ArticleAnalysis[];
  /** Entity ids merged across outlets: old id -> canonical id (applied when the report is assembled). */
  entityMerges: Record<string, string>;
  /** Why each entityMerges entry was made (old id -> reason); filled by the entity-merge stage. */
  entityMergeReasons?: Record<string, string>;
  /** Encoder vectors of the alignable sentences (the `encoder` matcher), or null. */
  vectors?: import('./lib/encoder').SentenceVectors | null;
  events: Event[];
  claims: Claim[];
  /** Entity keys per alignable sentence id, left by stage `claims` for stage `omissions`. */
  namedKeys?: Map<string, number>;
  /** Per event id: which outside articles come close to each claim (stage `claims`, read by stage `omissions`). */
  claimCoverage?: Map<string, import('./stages/corpus/claims').ClaimCoverage>;
  omissions: Omission[];
  diffs: SentenceDiff[];
  terms: TermUse[];
  scores: Score[];
  evidence: Evidence[];
  warnings: Warning[];
}

export interface EngineOptions {
  /** Language handling: 'auto' detects; a code forces it for every article. */
  language: 'auto' | string;
  /**
   * A study lexicon of sides (the parsed JSON of `--lexicon FILE`), validated like the
   * built-in lexicons; null: no sides (quotes.csv `side` stays empty).
   */
  sides: unknown;
  /**
   * Claim matcher: 'encoder' (sentence encoder + learned logistic regression; needs an
   * encoder and the async API) or 'lexical' (the keyed idf cosine + SIF of before). The
   * default is 'encoder' when the engine is given an encoder, else 'lexical'.
   */
  matcher: 'encoder' | 'lexical';
}

/** What every stage receives: a frozen engine context (no global state). */
export interface EngineContext {
  readonly options: Readonly<EngineOptions>;
  readonly lexicons: Lexicons;
  /** The validated study lexicon of sides (EngineOptions.sides), or null. */
  readonly sides: import('@parallax/lexicons').Lexicon<import('@parallax/lexicons').SideEntry> | null;
  // wink-nlp instance, its helpers and `as` reducers (typed loosely at this boundary only).
  readonly nlp: import('./nlp').Nlp;
  /** Lookup tables compiled from the lexicons, owned by this engine (lib/lookup-tables.ts). */
  readonly tables: import('./lib/lookup-tables').LookupTables;
}

export interface ArticleStage {
  readonly name: string;
  /** The measures the stage emits, with their definitions (the codebook is made from them). */
  readonly measures?: readonly MeasureDefinition[];
  /** Skipped (with the language warning already given) when the article is not English. */
  readonly englishOnly?: boolean;
  run(state: ArticleAnalysis, ctx: EngineContext): void;
}

export interface CorpusStage {
  readonly name: string;
  /** The measures the stage emits, with their definitions (the codebook is made from them). */
  readonly measures?: readonly MeasureDefinition[];
  run(state: CorpusState, ctx: EngineContext): void;
}

export type { ArticleInput, Quote };
