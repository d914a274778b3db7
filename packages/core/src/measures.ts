/**
 * The measure registry: one definition per measure family, the source of the
 * codebook (codebook.md / codebook.json). Stages that emit a measure register its
 * definition here; a score whose measure is not covered by a definition is a defect
 * (tested in codebook.test.ts).
 */
export interface MeasureDefinition {
  /** Measure name, or a prefix ending in ':' for a family (e.g. `frame:`). */
  name: string;
  label: string;
  definition: string;
  /** e.g. "-1 … 1", "0 … 1 (share of sentences)". */
  scale: string;
  /** Which scopes it is reported at. */
  scopes: ('document' | 'sentence' | 'entity')[];
  /** How the value is computed from evidence weights. */
  aggregation: string;
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

const registry: MeasureDefinition[] = [];

export function registerMeasure(def: MeasureDefinition): MeasureDefinition {
  if (registry.some((d) => d.name === def.name)) throw new Error(`Measure "${def.name}" is registered twice.`);
  registry.push(Object.freeze({ ...def }));
  return def;
}

/** All definitions, sorted by name. */
export function measureDefinitions(): readonly MeasureDefinition[] {
  return [...registry].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The definition that covers `measure` (exact name or family prefix), if any. */
export function definitionFor(measure: string): MeasureDefinition | undefined {
  return registry.find((d) => d.name === measure) ?? registry.find((d) => d.name.endsWith(':') && measure.startsWith(d.name));
}
