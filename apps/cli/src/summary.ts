/**
 * The console's account of a run's warnings and rejections: grouped by kind with
 * counts ("2,000 articles have no outlet: …"), so nothing the report records is
 * only in report.json. Counts only: the report itself stays as it is.
 */
import { statSync } from 'node:fs';
import type { Rejection, Warning } from '@parallax/core';
import { ingestWarningKind } from '@parallax/ingest';
import { UsageError } from './output';

/** 2000 -> "2,000" (fixed, not locale-dependent). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const plural = (one: boolean, singular: string, many: string): string => (one ? singular : many);

/** Summary lines for the engine's warning codes (packages/core). */
const CORE_KINDS: Readonly<Record<string, (n: string, one: boolean) => string>> = {
  'non-english': (n, one) =>
    `${n} ${plural(one, 'article', 'articles')} classed as non-English (English-only measures skipped): if they are English, pass --language en`,
  'language-undetermined': (n, one) => `${n} ${plural(one, 'article is', 'articles are')} too short to detect the language (assumed English)`,
  'no-content': (n, one) => `${n} ${plural(one, 'article has', 'articles have')} no sentences left after boilerplate removal (listed, but contribute nothing)`,
  'non-finite-number': (n, one) => `${n} computed ${plural(one, 'number was', 'numbers were')} not finite and reported as 0`,
};

interface Group {
  key: string;
  count: number;
  line: (n: string, one: boolean) => string;
}

/**
 * One line per kind of warning, most frequent first (ties by kind), e.g.
 * `2,000 articles have no outlet (set to "unknown"): …`. Ingest warnings are
 * grouped by their message's kind; engine warnings by code; anything else by code
 * with its first message as the example.
 */
export function warningSummary(warnings: readonly Warning[]): string[] {
  const groups = new Map<string, Group>();
  for (const w of warnings) {
    let key: string;
    let line: Group['line'];
    const kind = w.code === 'ingest' ? ingestWarningKind(w.message) : null;
    if (kind !== null) {
      key = `ingest:${kind.kind}`;
      line = kind.summary;
    } else if (w.code !== 'ingest' && CORE_KINDS[w.code] !== undefined) {
      key = w.code;
      line = CORE_KINDS[w.code] as Group['line'];
    } else {
      key = `other:${w.code}`;
      const example = w.message.length > 160 ? `${w.message.slice(0, 160)}…` : w.message;
      line = (n, one) => `${n} ${w.code} ${plural(one, 'warning', 'warnings')}, e.g. ${example}`;
    }
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { key, count: 1, line });
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((g) => g.line(formatCount(g.count), g.count === 1));
}

/** Rejections by reason (most frequent first, at most `max` lines, the rest counted). */
export function rejectionSummary(rejections: readonly Pick<Rejection, 'reason'>[], max = 5): string[] {
  const counts = new Map<string, number>();
  for (const r of rejections) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lines = sorted.slice(0, max).map(([reason, n]) => `${formatCount(n)} rejected: ${reason}`);
  if (sorted.length > max) {
    const rest = sorted.slice(max).reduce((sum, [, n]) => sum + n, 0);
    lines.push(`${formatCount(rest)} rejected for ${formatCount(sorted.length - max)} other reasons`);
  }
  return lines;
}

/** The lines printed after the run summary: warnings by kind, then rejections by reason. */
export function consoleSummary(report: { warnings: readonly Warning[]; inputs: readonly { status: string; reason: string | null }[] }): string[] {
  const lines: string[] = [];
  const warnings = warningSummary(report.warnings);
  if (warnings.length > 0) {
    lines.push(`warnings (${formatCount(report.warnings.length)}; each one is in report.json "warnings"):`);
    for (const l of warnings) lines.push(`  ${l}`);
  }
  const rejected = report.inputs.filter((i) => i.status === 'rejected').map((i) => ({ reason: i.reason ?? '' }));
  if (rejected.length > 0) {
    lines.push('rejected inputs (each one is in rejected.csv):');
    for (const l of rejectionSummary(rejected)) lines.push(`  ${l}`);
  }
  return lines;
}

/**
 * A path given on the command line that does not exist is a usage error (exit 2,
 * nothing written), not an input to reject: it is almost always a typo.
 */
export function checkInputsExist(paths: readonly string[]): void {
  const missing = paths.filter((p) => {
    try {
      statSync(p);
      return false;
    } catch (err) {
      const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
      return code === 'ENOENT' || code === 'ENOTDIR';
    }
  });
  if (missing.length === 0) return;
  const list = missing.map((p) => `"${p}"`).join(', ');
  throw new UsageError(`input path${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'do' : 'does'} not exist; nothing was written. Check the path${missing.length > 1 ? 's' : ''} (usage: parallax analyze <paths...> --out DIR)`);
}
