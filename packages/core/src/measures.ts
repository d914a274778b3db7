/**
 * Measure definitions: one per measure family, declared by the stage that emits it
 * (`measures` of the stage objects in pipeline.ts) and the source of the codebook
 * (codebook.md / codebook.json). There is no registry: the definitions are read from
 * the pipeline. Numbers in a definition are interpolated from the stage's parameters
 * (codebook.test.ts); a score whose measure no definition covers is a defect
 * (properties.test.ts).
 */
import { ARTICLE_STAGES, CORPUS_STAGES, EVENT_STAGES } from './pipeline';

export interface MeasureDefinition {
  /** Measure name, or a prefix ending in ':' for a family (e.g. `frame:`). */
  name: string;
  label: string;
  /** What one unit of the value is (e.g. "share of sentences", "probability"). */
  unit: string;
  definition: string;
  /** e.g. "-1 … 1", "0 … 1 (share of sentences)". */
  scale: string;
  /** Which scopes it is reported at. */
  scopes: ('document' | 'sentence' | 'entity')[];
  /** How the value is computed from evidence weights. */
  aggregation: string;
  /** The parameters that shape the value, with the values this build runs with (report.options.parameters). */
  parameters: Readonly<Record<string, number | boolean | string>>;
  /** Lexicon ids it draws on. */
  lexicons: string[];
  /** Literature it operationalises. */
  references: string[];
  /** What the measure was checked against, with the figure, the baseline measured in the same run, and the date (bench/quality-scores.ts). */
  validity?: ValidityStatement[];
}

export interface ValidityStatement {
  /** The human coding it was compared with (data set, split, unit). */
  against: string;
  /** The measure's figure there. */
  figure: string;
  /** Baselines measured in the same run. */
  baseline: string;
  /** ISO date of the measurement. */
  date: string;
}

/** All definitions declared by the stages of the pipeline, sorted by name. */
export function measureDefinitions(): readonly MeasureDefinition[] {
  const defs = [...ARTICLE_STAGES, ...CORPUS_STAGES, ...EVENT_STAGES].flatMap((s) => s.measures ?? []);
  const seen = new Set<string>();
  for (const d of defs) {
    if (seen.has(d.name)) throw new Error(`Measure "${d.name}" is declared by two stages.`);
    seen.add(d.name);
  }
  return defs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The definition that covers `measure` (exact name or family prefix), if any. */
export function definitionFor(measure: string, defs: readonly MeasureDefinition[] = measureDefinitions()): MeasureDefinition | undefined {
  return defs.find((d) => d.name === measure) ?? defs.find((d) => d.name.endsWith(':') && measure.startsWith(d.name));
}
