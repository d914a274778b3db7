/**
 * Every parameter that shapes a result, gathered in one place so the report can
 * record them (`report.options.parameters`) with a hash of their canonical JSON
 * (`report.options.parameters_sha256`). A researcher who cites a report can then
 * say exactly which settings produced its numbers; two reports with the same hash
 * (and the same lexicon hashes and tool version) were produced the same way.
 *
 * When a stage gains a tunable constant that changes its output, add it here.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { DEFAULT_CLAIM_OPTIONS } from './stages/corpus/claims';
import { DEFAULT_EVENT_OPTIONS } from './stages/corpus/events';
import { DEFAULT_PARAMS } from './lib/sentence-sentiment';

/** Decimals of printed numbers (kept in sync with engine.round's callers). */
const ROUNDING = Object.freeze({ score_decimals: 4, weight_decimals: 6 });

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface AnalysisParameters {
  parameters: Record<string, Readonly<Record<string, unknown>>>;
  parameters_sha256: string;
}

/** The parameters of every stage and their sha256 (of `canonicalJson(parameters)`). */
export function analysisParameters(): AnalysisParameters {
  const parameters = {
    claims: { ...DEFAULT_CLAIM_OPTIONS },
    events: { ...DEFAULT_EVENT_OPTIONS },
    rounding: { ...ROUNDING },
    sentiment: { ...DEFAULT_PARAMS },
  };
  return { parameters, parameters_sha256: bytesToHex(sha256(utf8ToBytes(canonicalJson(parameters)))) };
}
