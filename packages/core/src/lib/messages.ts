/**
 * The engine's side of the one message shape (schema.ts `Warning`, modelled on
 * vfile's message): what a stage pushes is stamped with the stage as its `source`,
 * and warnings get the default severity and place, so stages need not repeat them.
 */
import type { Evidence, Warning } from '../schema';

/** Fill `source` (and, for warnings, `severity` and `place`) of the items from index `from` on. */
export function stampMessages(warnings: Warning[], from: number, source: string): void {
  for (let i = from; i < warnings.length; i++) {
    const w = warnings[i]!;
    w.source ??= source;
    w.severity ??= 'warning';
    w.place ??= null;
  }
}

export function stampEvidence(evidence: Evidence[], from: number, source: string): void {
  for (let i = from; i < evidence.length; i++) evidence[i]!.source ??= source;
}

/** A warning raised outside a stage (report assembly, the shell), with every field. */
export function message(source: string, article_id: string | null, code: string, text: string, severity: Warning['severity'] = 'warning'): Warning {
  return { article_id, code, message: text, source, severity, place: null };
}
