/**
 * Stage `boilerplate`: finds non-article text (promos, captions, credits, bylines,
 * contact and share lines) with the rules of the `boilerplate` lexicon, plus a
 * headline repeated from the title. Nothing is deleted: spans are listed in
 * `article.removed` with rule and reason, and later stages skip them.
 */
import type { BoilerplateEntry } from '@parallax/lexicons';
import type { ArticleStage } from '../../model';
import type { RemovedSpan } from '../../schema';

interface CompiledRule {
  entry: BoilerplateEntry;
  re: RegExp;
}

/** The boilerplate rules as regular expressions (the stage keeps them in ctx.tables). */
export function compileBoilerplate(entries: readonly BoilerplateEntry[]): CompiledRule[] {
  return entries.map((entry) => ({
    entry,
    re: new RegExp(entry.pattern, entry.flags + (entry.scope === 'line' ? '' : 'g')),
  }));
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function findBoilerplate(text: string, title: string, entries: readonly BoilerplateEntry[], rules: readonly CompiledRule[] = compileBoilerplate(entries)): RemovedSpan[] {
  const found: RemovedSpan[] = [];
  const add = (start: number, end: number, rule: string, reason: string) => {
    if (end > start) found.push({ start, end, text: text.slice(start, end), rule, reason });
  };
  // Lines with their offsets.
  const lines: { start: number; end: number; text: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: at, end: at + line.length, text: line });
    at += line.length + 1;
  }
  // The title line only counts as a repeat when the article has more lines than that.
  const titleKey = lines.filter((l) => l.text.trim().length > 0).length > 1 ? squash(title) : '';
  let seenContent = false;
  for (const line of lines) {
    if (line.text.length === 0) continue;
    // A headline repeated from the title, only before the first content line.
    if (!seenContent && titleKey.length > 0 && squash(line.text) === titleKey) {
      add(line.start, line.end, 'title-repeat', 'headline repeated from the article title');
      continue;
    }
    let matched = false;
    for (const { entry, re } of rules) {
      if (entry.scope === 'line' && line.text.length <= 600 && re.test(line.text)) {
        add(line.start, line.end, entry.id, entry.reason);
        matched = true;
        break;
      }
    }
    if (!matched) seenContent = true;
  }
  for (const { entry, re } of rules) {
    if (entry.scope === 'line') continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      add(m.index, m.index + m[0].length, entry.id, entry.reason);
    }
  }
  return mergeSpans(found);
}

/** Sort by start; drop spans inside an earlier one; trim partial overlaps. */
function mergeSpans(spans: RemovedSpan[]): RemovedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const out: RemovedSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.end <= last.end) continue;
    if (last && s.start < last.end) {
      const start = last.end;
      out.push({ ...s, start, text: s.text.slice(start - s.start) });
    } else out.push(s);
  }
  return out;
}

export const boilerplateStage: ArticleStage = {
  name: 'boilerplate',
  run(state, ctx) {
    state.article.removed = findBoilerplate(state.article.text, state.article.title, ctx.lexicons.boilerplate.entries, ctx.tables.get('boilerplate:rules', () => compileBoilerplate(ctx.lexicons.boilerplate.entries)));
  },
};
