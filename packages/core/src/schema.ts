/**
 * The AnalysisReport: the one plain-JSON object that the CLI exports, the web app
 * draws and researchers cite. Every offset is a half-open `[start, end)` range of
 * UTF-16 code units into the article's *normalized* text (`ArticleResult.text`).
 *
 * The zod schemas below are the published definition (see `reportJsonSchema()`),
 * and `SCHEMA_VERSION` is bumped on any incompatible change.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0.0';

/** An article as ingest hands it to the engine. */
export const ArticleInput = z.object({
  id: z.string().min(1),
  outlet: z.string(),
  title: z.string(),
  /** ISO 8601 date or date-time, or null when unknown. */
  published: z.string().nullable(),
  url: z.string().nullable(),
  /** ISO 639-1 code declared by the input, or null to let the engine detect it. */
  language: z.string().nullable(),
  /** Byline (names joined with "; "), or null/absent when unknown. */
  author: z.string().nullable().optional(),
  /** Raw body text, exactly as read (boilerplate included). */
  text: z.string(),
  source: z.object({ path: z.string(), line: z.number().int().positive().nullable() }),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

export const InputStatus = z.enum(['analysed', 'rejected', 'duplicate']);
export type InputStatus = z.infer<typeof InputStatus>;

/** Input accounting: every input record ends as exactly one of these. */
export const InputRecord = z.object({
  path: z.string(),
  /** 1-based line of the record in a JSONL/CSV file; null for whole files. */
  line: z.number().int().positive().nullable(),
  status: InputStatus,
  article_id: z.string().nullable(),
  /** Why it was rejected, or which article it duplicates; null when analysed (a message's `message`). */
  reason: z.string().nullable(),
  /** What rejected it or found it a duplicate (a message's `source`): a stage, or `input`; null when analysed. */
  source: z.string().nullable().optional(),
  /** Why, as a rule id (a message's `code`): `duplicate-text`, `duplicate-id`, `internal-error`, the shell's code; null when analysed. */
  code: z.string().nullable().optional(),
});
export type InputRecord = z.infer<typeof InputRecord>;

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

/** Piecewise-linear map from normalized offsets back to raw offsets. */
export const OffsetAnchor = z.tuple([z.number().int(), z.number().int()]);
export const OffsetMap = z.object({
  /** `[normalizedOffset, rawOffset]` pairs, ascending; raw = rawAnchor + (norm - normAnchor) up to the next anchor. */
  anchors: z.array(OffsetAnchor),
  rawLength: z.number().int(),
});
export type OffsetMap = z.infer<typeof OffsetMap>;

export const RemovedSpan = Span.extend({
  text: z.string(),
  /** Boilerplate rule id from the lexicon that matched. */
  rule: z.string(),
  reason: z.string(),
});
export type RemovedSpan = z.infer<typeof RemovedSpan>;

export const Sentence = Span.extend({
  /** Globally unique: `${article_id}:s${index}` (0-based index within the article). */
  id: z.string(),
  index: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative(),
  n_words: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof Sentence>;

export const EntityType = z.enum(['PERSON', 'ORG', 'PLACE', 'GOV', 'GROUP', 'DATE', 'TIME', 'CARDINAL', 'PERCENT', 'MONEY', 'OTHER']);
export type EntityType = z.infer<typeof EntityType>;

export const EntityMention = Span.extend({
  text: z.string(),
  type: EntityType,
  /** Canonical entity id (e.g. `person:marco-rubio`, `place:kyiv`); shared across outlets. */
  entity_id: z.string().nullable(),
  /** What found it: `wink:<type>`, `gazetteer:<lexicon entry>`, `pattern:<name>`, `coref:<rule>`. */
  rule: z.string(),
});
export type EntityMention = z.infer<typeof EntityMention>;

export const Severity = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

/**
 * A message about the text or the input, modelled on vfile's VFileMessage: `message`
 * is vfile's `reason`, `code` its `ruleId`, `source` the stage that raised it (`input`:
 * the shell's readers; `report`: report assembly), `place` the half-open offsets into
 * the article's normalized text when it points at text (else null), and `severity`
 * (`error`: the article or input was rejected). In a report every message has all
 * fields (stages may leave `source`, `severity` and `place` to the engine, which
 * fills them with the stage's name, `warning` and null).
 */
export const Warning = z.object({
  article_id: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  source: z.string().optional(),
  severity: Severity.optional(),
  place: Span.nullable().optional(),
});
export type Warning = z.infer<typeof Warning>;

export const Evidence = z.object({
  article_id: z.string(),
  measure: z.string(),
  scope: z.enum(['document', 'sentence', 'entity']),
  /** Sentence id for sentence scope, entity id for entity scope, '' for document scope. */
  target: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Lexicon entry or rule id that fired, e.g. `vader:betrayal`, `rule:negation`. */
  rule: z.string(),
  weight: z.number(),
  reason: z.string(),
  /** The stage that made the item (always set in a report; the engine fills it in). */
  source: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Score = z.object({
  article_id: z.string(),
  outlet: z.string(),
  event_id: z.string().nullable(),
  scope: z.enum(['document', 'sentence', 'entity']),
  target: z.string(),
  measure: z.string(),
  value: z.number(),
  n_evidence: z.number().int().nonnegative(),
});
export type Score = z.infer<typeof Score>;

/** A speaker attribute stated in the text (stage `quotes`), with its evidence span and the rule that read it. */
export const QuoteAffiliation = Span.extend({
  attribute: z.enum(['party', 'country', 'role']),
  value: z.string(),
  text: z.string(),
  rule: z.string(),
});
export type QuoteAffiliation = z.infer<typeof QuoteAffiliation>;

export const Quote = Span.extend({
  article_id: z.string(),
  quote_id: z.string(),
  speaker: z.string().nullable(),
  speaker_entity: z.string().nullable(),
  side: z.string().nullable(),
  verb: z.string().nullable(),
  verb_class: z.enum(['neutral', 'positive', 'negative']).nullable(),
  kind: z.enum(['direct', 'indirect']),
  text: z.string(),
  n_words: z.number().int().nonnegative(),
  /** How the speaker was found and resolved (quote-rules/*), e.g. `verb-after-mark/coref:pronoun->subject Lavrov`; `unattributed` when none. */
  rule: z.string(),
  /** The evidence of the resolution: the antecedent mention (pronouns, descriptors) or the speaker's own span; null when unattributed. */
  rule_span: Span.nullable(),
  party: z.string().nullable(),
  country: z.string().nullable(),
  role: z.string().nullable(),
  affiliations: z.array(QuoteAffiliation),
});
export type Quote = z.infer<typeof Quote>;

export const ArticleResult = z.object({
  id: z.string(),
  outlet: z.string(),
  title: z.string(),
  published: z.string().nullable().describe('Publication date-time as YYYY-MM-DDTHH:mm:ssZ (UTC; a date alone is midnight UTC); null when unknown or unreadable.'),
  url: z.string().nullable(),
  language: z.string(),
  /** Byline (names joined with "; "); null when the input gives none. */
  author: z.string().nullable().describe('Byline: author names joined with "; " (a leading "By " dropped); null when the input gives none.'),
  source: z.object({ path: z.string(), line: z.number().int().positive().nullable() }),
  /** Normalized text (NFC, whitespace and quotes normalized, boilerplate still present). */
  text: z.string(),
  offset_map: OffsetMap,
  /** Boilerplate spans, excluded from sentences and every measure. */
  removed: z.array(RemovedSpan),
  sentences: z.array(Sentence),
  entities: z.array(EntityMention),
  n_words: z.number().int().nonnegative(),
  /** False when the language is not English: English-only measures were skipped. */
  english: z.boolean(),
});
export type ArticleResult = z.infer<typeof ArticleResult>;

export const Event = z.object({
  event_id: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  key_entities: z.array(z.string()),
  article_ids: z.array(z.string()),
});
export type Event = z.infer<typeof Event>;

/** One feature of the learned claim matcher on a sentence pair: contribution = weight × value (log-odds). */
export const ClaimFeature = z.object({
  feature: z.string(),
  value: z.number(),
  contribution: z.number(),
  /** What the feature saw: shared entities, the numbers, the conflicting number, the cosine. */
  detail: z.string().optional(),
});
export type ClaimFeature = z.infer<typeof ClaimFeature>;

/** Evidence of a claim: a cross-article pair of its sentences, the pair score and what pushed it. */
export const ClaimPair = z.object({
  a: z.string(),
  b: z.string(),
  /** p(same fact) of the learned matcher, or the lexical score (`lexical` matcher, then `features` is empty). */
  score: z.number(),
  features: z.array(ClaimFeature),
});
export type ClaimPair = z.infer<typeof ClaimPair>;

export const Claim = z.object({
  claim_id: z.string(),
  event_id: z.string(),
  label: z.string(),
  sentence_ids: z.array(z.string()),
  article_ids: z.array(z.string()),
  n_outlets: z.number().int().nonnegative(),
  /** Every cross-article pair of the claim's sentences with its score and features (empty for a one-sentence claim). */
  pairs: z.array(ClaimPair).optional(),
});
export type Claim = z.infer<typeof Claim>;

export const Omission = z.object({
  kind: z.enum(['omitted_by', 'unique_to']),
  claim_id: z.string(),
  event_id: z.string(),
  article_id: z.string(),
  outlet: z.string(),
  /** Rank key: higher = bigger difference, shown first. */
  salience: z.number(),
  reason: z.string(),
});
export type Omission = z.infer<typeof Omission>;

export const DiffPart = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
  /** Offsets in article A's text (for equal/delete) or null. */
  a: Span.nullable(),
  /** Offsets in article B's text (for equal/insert) or null. */
  b: Span.nullable(),
});
export type DiffPart = z.infer<typeof DiffPart>;

export const SentenceDiff = z.object({
  claim_id: z.string(),
  a_sentence_id: z.string(),
  b_sentence_id: z.string(),
  parts: z.array(DiffPart),
  substitutions: z.array(z.object({ concept_id: z.string().nullable(), a_text: z.string(), b_text: z.string(), a: Span, b: Span })),
});
export type SentenceDiff = z.infer<typeof SentenceDiff>;

export const TermUse = z.object({
  concept_id: z.string(),
  article_id: z.string(),
  outlet: z.string(),
  surface: z.string(),
  count: z.number().int().positive(),
  spans: z.array(Span),
  /** The concept as people would say it: the surfaces used in the event, most used first ("Kyiv / Kiev"). */
  label: z.string(),
});
export type TermUse = z.infer<typeof TermUse>;

export const LexiconRef = z.object({ id: z.string(), version: z.string(), sha256: z.string(), source: z.string() });
export type LexiconRef = z.infer<typeof LexiconRef>;

/** One entity merge applied to the report (old id -> canonical id) with the rule that made it (issue 18); not exported, so the public API list is unchanged. */
const EntityMerge = z.object({ from: z.string(), to: z.string(), reason: z.string() });

export const AnalysisReport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('parallax'), version: z.string() }),
  options: z.record(z.string(), z.unknown()),
  lexicons: z.array(LexiconRef),
  /** The sentence encoder behind the `encoder` claim matcher (absent with the `lexical` matcher). */
  encoder: z.object({ id: z.string(), version: z.string(), sha256: z.string() }).optional(),
  inputs: z.array(InputRecord),
  articles: z.array(ArticleResult),
  events: z.array(Event),
  claims: z.array(Claim),
  omissions: z.array(Omission),
  diffs: z.array(SentenceDiff),
  terms: z.array(TermUse),
  scores: z.array(Score),
  evidence: z.array(Evidence),
  quotes: z.array(Quote),
  warnings: z.array(Warning),
  /** Every entity merge applied to ids in this report, sorted by `from`, each with its reason. */
  entity_merges: z.array(EntityMerge),
});
export type AnalysisReport = z.infer<typeof AnalysisReport>;

/** The published JSON Schema of the report (written to docs/report.schema.json). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(AnalysisReport, { target: 'draft-2020-12' });
}
