/**
 * Quotes and attribution (stage `quotes`).
 *
 * Direct quotes: pairs of `"` (normalize maps every double-quote style to it) within a
 * paragraph, so a quote may span sentences; a paragraph that ends inside an open quote
 * and is followed by one starting with `"` is a continued quote (AP style) and keeps the
 * speaker. Indirect quotes: "X said (that) …", "X told reporters that …", "according to X, …".
 *
 * Speaker: the attribution verb (lexicon `attribution-verbs`) nearest the quote, after
 * it (`," Trump said` / `," said Peskov`) or before it in the same sentence
 * (`Lavrov said, "…"`); its subject is an entity mention, a pronoun (he/she → the most
 * recent PERSON mention), a descriptor ("the Ukrainian president" → the latest PERSON
 * mention introduced with those words), or a proper-noun run (speaker without entity id).
 * Side: lexicon `sides`, by entity id, else by affiliation words in the speaker's
 * description at any of the entity's mentions ("Russian Foreign Minister Sergei Lavrov").
 */
import type { AttributionVerbEntry, Lexicons, SideEntry } from '@parallax/lexicons';
import type { ArticleAnalysis, ArticleStage, QuotedSpan, Token } from '../model';
import { findQuotations } from '../stages/quotations';
import type { EntityMention, Evidence, Quote, Score } from '../schema';
import { registerMeasure } from '../measures';
import { compileMap } from './match';

export interface Speaker {
  text: string;
  start: number;
  end: number;
  entity: string | null;
  rule: string;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GOV', 'GROUP', 'PLACE']);
const TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const STOP_PUNCT = new Set([',', '.', ';', ':', '"', '(', ')', '?', '!', '—', '–']);
const PRONOUNS: Record<string, 'PERSON' | null> = { he: 'PERSON', she: 'PERSON' };

registerMeasure({
  name: 'source_balance:',
  label: 'Source balance (share of quoted words by side)',
  definition:
    'For each side of lexicon `sides` (and `unknown` for unresolved speakers): the share of the article\'s quoted words (direct and indirect quotes, quotes.csv) spoken by sources of that side. A speaker\'s side comes from its entity id or from affiliation words in its description ("Russian Foreign Minister", "a Republican senator").',
  scale: '0 … 1 (share of quoted words)',
  scopes: ['document'],
  aggregation: 'Σ evidence weights; each quote weighs its word count / all quoted words in the article.',
  lexicons: ['attribution-verbs', 'sides'],
  references: ['Hamborg, Donnay & Gipp (2019) Automated identification of media bias in news articles (source selection)', 'Bergler (1992) Evidential analysis of reported speech'],
});

interface Tables {
  verbs: Map<string, AttributionVerbEntry['class']>;
  entitySide: Map<string, string>;
  affiliation: Map<string, string>;
  sides: string[];
}

function tables(lex: Lexicons): Tables {
  const verbs = compileMap(lex.attributionVerbs, (e) => e.lemma, (e) => e.class);
  const entitySide = compileMap({ entries: lex.sides.entries.filter((e: SideEntry) => e.kind === 'entity') }, (e: SideEntry) => e.key, (e: SideEntry) => e.side);
  const affiliation = compileMap({ entries: lex.sides.entries.filter((e: SideEntry) => e.kind === 'affiliation') }, (e: SideEntry) => e.key, (e: SideEntry) => e.side);
  const sides = [...new Set(lex.sides.entries.map((e) => e.side))].sort();
  return { verbs, entitySide, affiliation, sides };
}
// compileMap caches by the object identity: keep the filtered views stable per lexicon.
const tableCache = new WeakMap<object, Tables>();
function getTables(lex: Lexicons): Tables {
  let t = tableCache.get(lex.sides);
  if (!t) tableCache.set(lex.sides, (t = tables(lex)));
  return t;
}

type RawQuote = QuotedSpan;

/** Direct-quote spans (inside the quote marks) of `text` within `paras`: the depth-0 spans of stage `quotations`. */
export function findDirectQuotes(text: string, paras: readonly { start: number; end: number }[]): RawQuote[] {
  return findQuotations(text, paras).filter((q) => q.depth === 0);
}

const isWord = (t: Token) => t.kind === 'word' || t.kind === 'number';

export function quoteArticle(state: ArticleAnalysis, lex: Lexicons): Quote[] {
  const { article } = state;
  const T = getTables(lex);
  // All tokens in one array (references, not copies) and the sentence of each.
  const flat: Token[] = [];
  const sentOf: number[] = [];
  state.tokens.forEach((ts, k) => {
    for (const t of ts) {
      flat.push(t);
      sentOf.push(k);
    }
  });
  const mentions = article.entities
    .filter((m) => SPEAKER_TYPES.has(m.type))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = flat.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = flat[mid]!;
      if (offset < t.start) hi = mid - 1;
      else if (offset >= t.end) lo = mid + 1;
      else return mid;
    }
    return lo; // first token at or after offset
  };
  const direct = state.quotations.filter((q) => q.depth === 0);
  // Per-token lookups, computed once (linear merges over sorted spans).
  const quoted = new Uint8Array(flat.length);
  for (const q of direct) for (let i = tokenAt(q.start); i < flat.length && flat[i]!.end <= q.end; i++) quoted[i] = 1;
  const mentionIdx = new Int32Array(flat.length).fill(-1);
  mentions.forEach((m, k) => {
    for (let i = tokenAt(m.start); i < flat.length && flat[i]!.start < m.end; i++) if (flat[i]!.end > m.start && mentionIdx[i] === -1) mentionIdx[i] = k;
  });
  const inDirect = (i: number) => quoted[i] === 1;
  const mentionOver = (i: number): EntityMention | undefined => {
    const k = mentionIdx[i];
    return k === undefined || k < 0 ? undefined : mentions[k];
  };
  const inQuoteSpan = (m: EntityMention) => quoted[tokenAt(m.start)] === 1;

  // Side of each entity: the lexicon by id, else affiliation words just before any mention.
  const entitySide = new Map<string, string>();
  for (const m of mentions) {
    if (!m.entity_id || entitySide.has(m.entity_id)) continue;
    const byId = T.entitySide.get(m.entity_id);
    if (byId) {
      entitySide.set(m.entity_id, byId);
      continue;
    }
    const side = affiliationBefore(tokenAt(m.start), 6) ?? affiliationIn(m.start, m.end);
    if (side && m.type === 'PERSON') entitySide.set(m.entity_id, side);
  }
  function affiliationIn(start: number, end: number): string | null {
    for (let i = tokenAt(start); i < flat.length && flat[i]!.start < end; i++) {
      const s = T.affiliation.get(flat[i]!.norm);
      if (s) return s;
    }
    return null;
  }
  function affiliationBefore(i: number, window: number): string | null {
    // The leftmost affiliation word of the title run before the name ("former US Ambassador to Russia" -> us).
    let found: string | null = null;
    for (let j = i - 1; j >= 0 && j >= i - window; j--) {
      const t = flat[j]!;
      if (t.kind === 'punctuation' && t.text !== '.' && t.text !== "'") break;
      if (sentOf[j] !== sentOf[i] || t.pos === 'VERB') break;
      const s = T.affiliation.get(t.norm) ?? T.affiliation.get(t.norm.replace(/'s$/, ''));
      if (s) found = s;
    }
    return found;
  }

  let recent: { entity: string; text: string; sentence: number } | null = null;
  const fromMention = (m: EntityMention, rule: string): Speaker => ({ text: m.text, start: m.start, end: m.end, entity: m.entity_id, rule });

  /** Resolve a he/she at token i to the most recent PERSON mention before it. */
  function resolvePronoun(i: number): Speaker {
    const t = flat[i]!;
    const ts = sentOf[i]!;
    // A PERSON opening one of the previous sentences (subject position), back to the last speaker's sentence.
    const floor = Math.max(ts - 3, recent ? recent.sentence : -1);
    for (let s = ts - 1; s > floor; s--) {
      const first = sentenceStart.get(s);
      if (first === undefined) continue;
      let f = first;
      while (f < flat.length && TITLES.has(flat[f]!.norm)) f++;
      const m = mentionOver(f);
      if (m?.type === 'PERSON' && !inDirect(f)) return { text: t.text, start: t.start, end: t.end, entity: m.entity_id, rule: `coref:pronoun->subject ${m.text}` };
    }
    // The speaker of the last attribution within the previous 3 sentences (AP style keeps it).
    if (recent && ts - recent.sentence <= 3 && recent.entity.startsWith('person:')) {
      return { text: t.text, start: t.start, end: t.end, entity: recent.entity, rule: `coref:pronoun->last-speaker ${recent.text}` };
    }
    // Else the subject-position (first) PERSON of the nearest earlier sentence that has one.
    for (let s = ts; s >= 0 && s >= ts - 3; s--) {
      const first = mentions.find((m) => m.type === 'PERSON' && m.end <= t.start && (sentOf[tokenAt(m.start)] ?? -1) === s && !inQuoteSpan(m));
      if (first) return { text: t.text, start: t.start, end: t.end, entity: first.entity_id, rule: `coref:pronoun->subject ${first.text}` };
    }
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.end <= t.start && m.type === 'PERSON' && !inQuoteSpan(m)) {
        return { text: t.text, start: t.start, end: t.end, entity: m.entity_id, rule: `coref:pronoun->${m.text}` };
      }
    }
    return { text: t.text, start: t.start, end: t.end, entity: null, rule: 'pronoun:unresolved' };
  }

  /** Resolve a descriptor ("the longtime Russian foreign minister") to the latest PERSON introduced with its head noun. */
  function resolveDescriptor(from: number, to: number): Speaker | null {
    const words = flat.slice(from, to).filter((t) => isWord(t) && !t.stop);
    const head = words[words.length - 1];
    if (!head || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return null;
    const start = flat[from]!.start;
    const end = flat[to - 1]!.end;
    let best: { m: EntityMention; score: number } | null = null;
    for (const m of mentions) {
      if (m.type !== 'PERSON' || m.end > start) continue;
      const i = tokenAt(m.start);
      const ctxWords = new Set(flat.slice(Math.max(0, i - 6), i).filter((_, q) => sentOf[Math.max(0, i - 6) + q] === sentOf[i]).map((t) => t.lemma));
      if (!ctxWords.has(head.lemma)) continue;
      const score = words.filter((w) => ctxWords.has(w.lemma)).length;
      if (!best || score >= best.score) best = { m, score };
    }
    const text = article.text.slice(start, end);
    if (best) return { text, start, end, entity: best.m.entity_id, rule: `coref:descriptor->${best.m.text}` };
    return null;
  }

  /** Subject of the attribution verb at token v (before it, or right after: "said Peskov"). */
  function subjectOf(v: number): Speaker | null {
    const sentence = sentOf[v];
    // Backwards within the clause.
    let j = v - 1;
    while (j >= 0 && sentOf[j] === sentence && (flat[j]!.pos === 'ADV' || flat[j]!.pos === 'AUX' || flat[j]!.norm === 'also')) j--;
    // Appositive: "Mykhailo Podolyak, a top adviser to Mr. Zelenskyy, said" -> the name before the first comma.
    if (j >= 0 && flat[j]!.text === ',' && sentOf[j] === sentence) {
      for (let c = j - 1; c >= 0 && c >= j - 14 && sentOf[c] === sentence; c--) {
        if (flat[c]!.text !== ',') continue;
        const m = c > 0 ? mentionOver(c - 1) : undefined;
        if (m && m.type === 'PERSON') return fromMention(m, 'subject:appositive');
        break;
      }
    }
    if (j >= 0 && sentOf[j] === sentence) {
      const m = mentionOver(j);
      if (m) return fromMention(m, 'subject:entity');
      const pr = PRONOUNS[flat[j]!.norm];
      if (pr) return resolvePronoun(j);
      // Descriptor or proper-noun run ending at j.
      let a = j;
      const inNP = (t: Token) => NP_POS.has(t.pos) || t.norm === "'s" || t.norm === 'of' || (t.text === '.' && t.pos !== 'PUNCT');
      while (a - 1 >= 0 && sentOf[a - 1] === sentence && j - a < 6 && (inNP(flat[a - 1]!) || mentionOver(a - 1) !== undefined)) a--;
      if (flat[j]!.pos === 'NOUN' && !mentionOver(j)) {
        // "the U.S. president said": a descriptor headed by a common noun, even if it holds a place name.
        const plural = flat[j]!.norm !== flat[j]!.lemma && flat[j]!.norm.endsWith('s');
        const d = plural ? null : resolveDescriptor(a, j + 1);
        if (d) return d;
        if (plural) {
          const start = flat[a]!.start;
          const end = flat[j]!.end;
          // "State Department officials": members of an organisation speak for it.
          const org = mentions.find((m) => m.start >= start && m.end <= end && (m.type === 'ORG' || m.type === 'GOV'));
          if (org) return { text: article.text.slice(start, end), start, end, entity: org.entity_id, rule: `subject:group-of ${org.text}` };
          return { text: article.text.slice(start, end), start, end, entity: null, rule: 'subject:group' };
        }
      }
      if (flat[j]!.pos === 'NOUN' || flat[j]!.pos === 'PROPN') {
        const inner = flat.slice(a, j + 1).map((_, k) => mentionOver(a + k)).filter((x): x is EntityMention => x !== undefined);
        const last = inner[inner.length - 1];
        if (last) return fromMention(last, 'subject:entity');
        if (flat[j]!.pos === 'NOUN') {
          const d = resolveDescriptor(a, j + 1);
          if (d) return d;
        }
        if (flat[j]!.pos === 'PROPN') {
          let p = j;
          while (p - 1 >= a && flat[p - 1]!.pos === 'PROPN') p--;
          const start = flat[p]!.start;
          const end = flat[j]!.end;
          return { text: article.text.slice(start, end), start, end, entity: null, rule: 'subject:proper-noun' };
        }
      }
    }
    // Forwards: "said Peskov", "said Kremlin spokesman Dmitry Peskov".
    for (let k = v + 1; k < flat.length && k <= v + 6 && sentOf[k] === sentence; k++) {
      if (STOP_PUNCT.has(flat[k]!.text) && flat[k]!.kind === 'punctuation') break;
      const m = mentionOver(k);
      if (m) {
        // the last mention of the run ("Kremlin spokesman Dmitry Peskov" -> Peskov)
        let mm = m;
        for (let q = k + 1; q < flat.length && q <= v + 8 && !STOP_PUNCT.has(flat[q]!.text); q++) mm = mentionOver(q) ?? mm;
        return fromMention(mm, 'subject:entity-after-verb');
      }
      if (flat[k]!.pos === 'VERB' || flat[k]!.norm === 'that') break;
    }
    // "according to Russian state television": the noun phrase after "to", unresolved.
    if (flat[v]!.norm === 'according' && flat[v + 1]?.norm === 'to') {
      let e = v + 2;
      while (e < flat.length && sentOf[e] === sentence && (NP_POS.has(flat[e]!.pos) || flat[e]!.norm === "'s")) e++;
      if (e > v + 2) {
        const start = flat[v + 2]!.start;
        const end = flat[e - 1]!.end;
        return { text: article.text.slice(start, end), start, end, entity: null, rule: 'subject:according-to' };
      }
    }
    // Participle clause ("…, telling reporters that", "adding that"): the sentence's first subject.
    if (flat[v]!.norm.endsWith('ing')) {
      // Prefer the first PERSON outside quotes, else the first ORG/GOV.
      let person: EntityMention | null = null;
      let other: EntityMention | null = null;
      for (let k = v - 1; k >= 0 && sentOf[k] === sentence; k--) {
        if (inDirect(k)) continue;
        const m = mentionOver(k);
        if (m?.type === 'PERSON') person = m;
        else if (m && (m.type === 'ORG' || m.type === 'GOV')) other = m;
        else if (!m && PRONOUNS[flat[k]!.norm] && !person) return resolvePronoun(k);
      }
      const m = person ?? other;
      if (m) return fromMention(m, 'subject:participle-clause');
    }
    return null;
  }

  const verbAt = (i: number) => {
    const t = flat[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX' && !(t.norm === 'according' && flat[i + 1]?.norm === 'to')) return null;
    if (t.norm === 'according') return 'neutral' as const;
    const c = T.verbs.get(t.lemma) ?? T.verbs.get(t.norm);
    return c ?? null;
  };

  const quotes: Omit<Quote, 'quote_id'>[] = [];
  const side = (sp: Speaker | null) => {
    if (!sp) return null;
    if (sp.entity) return entitySide.get(sp.entity) ?? T.entitySide.get(sp.entity) ?? affiliationIn(sp.start, sp.end);
    return affiliationIn(sp.start, sp.end) ?? affiliationBefore(tokenAt(sp.start), 4);
  };
  const nWords = (s: number, e: number) => {
    let n = 0;
    for (let i = tokenAt(s); i < flat.length && flat[i]!.end <= e; i++) if (isWord(flat[i]!)) n++;
    return n;
  };

  // One pass in document order, so pronouns can follow the most recent speaker.
  type Prev = { speaker: Speaker | null; verb: string | null; cls: Quote['verb_class']; paragraph: number };
  let prev = null as Prev | null;
  const paragraphOf = (i: number) => article.sentences[sentOf[i] ?? 0]?.paragraph ?? -1;
  const sentenceStart = new Map<number, number>();
  sentOf.forEach((k, i) => {
    if (!sentenceStart.has(k)) sentenceStart.set(k, i);
  });
  let dq = 0;
  for (let k = 0; k < state.tokens.length; k++) {
    const base = sentenceStart.get(k);
    if (base === undefined) continue;
    const end = base + state.tokens[k]!.length;
    const sentEnd = flat[end - 1]!.end;
    let hadQuote = false;
    while (dq < direct.length && direct[dq]!.start < sentEnd) {
      hadQuote = true;
      directQuote(direct[dq]!);
      dq++;
    }
    if (!hadQuote && !flat.slice(base, end).some((t) => t.text === '"')) indirect(base, end);
  }

  function directQuote(q: RawQuote): void {
    const qa = tokenAt(q.start);
    let qb = qa;
    while (qb < flat.length && flat[qb]!.end <= q.end) qb++;
    const sFirst = sentOf[qa] ?? 0;
    const sLast = sentOf[Math.max(qa, qb - 1)] ?? sFirst;
    let v = -1;
    // 1. Introduced right before the opening mark: `said, "…"`, `said: "…"`, `stating, "…"`.
    for (let k = qa - 1; k >= 0 && k >= qa - 3 && sentOf[k] === sFirst; k--) {
      if (verbAt(k)) {
        v = k;
        break;
      }
      if (flat[k]!.kind !== 'punctuation') break;
    }
    // 2. After the closing mark, within its sentence: `," X said.` / `," said X.`
    if (v < 0) {
      for (let k = qb; k < flat.length && k <= qb + 25 && sentOf[k] === sLast; k++) {
        if (flat[k]!.text === '"' && k > qb + 1) break;
        if (verbAt(k)) {
          v = k;
          break;
        }
        // `" but cautioned that …`: a new clause, not an attribution.
        if (flat[k]!.pos === 'CCONJ' || flat[k]!.pos === 'SCONJ' || flat[k]!.pos === 'VERB') break;
      }
    }
    // `," Bradley Bowman, senior director of …, said`: the name right after the quote is the speaker.
    let afterName: EntityMention | undefined;
    if (v < 0 || v > qb) {
      for (let k = qb; k < flat.length && k <= qb + 2 && sentOf[k] === sLast; k++) {
        const m = mentionOver(k);
        if (m && m.type === 'PERSON') {
          // …followed, after its apposition, by a speech verb in the same sentence.
          for (let j = k + 1; j < flat.length && sentOf[j] === sLast && flat[j]!.text !== '"'; j++) {
            if (verbAt(j)) {
              afterName = m;
              if (v < 0) v = j;
              break;
            }
          }
          break;
        }
      }
    }
    // 3. Before the opening mark in the same sentence: the outermost (first) speech verb, since
    //    nested reports quote the outer speaker: `Lavrov highlighted that Trump and Putin had agreed to end this "…"`.
    if (v < 0) {
      for (let k = sentenceStart.get(sFirst) ?? qa; k < qa; k++) {
        if (inDirect(k)) continue;
        // "Asked about …, he said": the question is not the quote.
        if (verbAt(k) && flat[k]!.lemma !== 'ask') {
          v = k;
          break;
        }
      }
    }
    // 4. A quote opening its paragraph after `X said:` ending the previous sentence.
    if (v < 0 && qa > 1 && flat[qa - 2]?.text === ':') {
      for (let k = qa - 3; k >= 0 && sentOf[k] === sentOf[qa - 2]; k--) {
        if (verbAt(k)) {
          v = k;
          break;
        }
      }
    }
    let speaker = v >= 0 ? subjectOf(v) : null;
    if (v >= 0 && !speaker && !afterName) {
      // The verb found has no subject: try the outermost verb before the quote.
      for (let k = sentenceStart.get(sFirst) ?? qa; k < qa; k++) {
        if (!inDirect(k) && verbAt(k) && flat[k]!.lemma !== 'ask' && k !== v) {
          const sp = subjectOf(k);
          if (sp) {
            v = k;
            speaker = sp;
          }
          break;
        }
      }
    }
    if (afterName && (!speaker || !speaker.entity)) speaker = fromMention(afterName, 'subject:name-after-quote');
    let verb = v >= 0 ? flat[v]!.text : null;
    let cls = v >= 0 ? verbAt(v) : null;
    const pv: Prev | null = prev;
    // Unattributed: a continued quote (AP style) or a further quote in the same paragraph keeps the speaker.
    if (!speaker && pv && pv.speaker && (q.continued || pv.paragraph === paragraphOf(qa))) {
      speaker = { ...pv.speaker, rule: q.continued ? 'coref:continued-quote' : 'coref:same-paragraph' };
      verb = verb ?? pv.verb;
      cls = cls ?? pv.cls;
    }
    const n = nWords(q.start, q.end);
    const words = flat.slice(qa, qb).filter(isWord);
    // Titles ("Sunday Morning Futures") and unattributed short spans (scare quotes) are not quotes.
    const titleCase = words.length > 0 && words.length <= 6 && words.every((t) => /^[A-Z0-9]/.test(t.text)) && !flat.slice(qa, qb).some((t) => t.text === ',' || t.text === '.');
    if (titleCase || (!speaker && n < 4)) return;
    quotes.push({
      article_id: article.id, start: q.start, end: q.end, text: article.text.slice(q.start, q.end), kind: 'direct',
      speaker: speaker?.text ?? null, speaker_entity: speaker?.entity ?? null, side: side(speaker), verb, verb_class: cls ?? null, n_words: n,
    });
    prev = { speaker, verb, cls: cls ?? null, paragraph: paragraphOf(Math.max(qa, qb - 1)) };
    if (speaker?.entity) recent = { entity: speaker.entity, text: speaker.text, sentence: sLast };
  }

  // Indirect speech: "X said (that) …" / "X told reporters that …" / "according to X, …".
  function indirect(base: number, end: number): void {
    for (let v = base; v < end; v++) {
      const cls = verbAt(v);
      if (!cls) continue;
      const t = flat[v]!;
      if (t.norm === 'according') {
        // "According to X, content." or "content, according to X."
        const speaker = subjectOf(v);
        let c = v + 2;
        while (c < end && flat[c]!.text !== ',') c++;
        if (v === base && c < end - 1) {
          const last = flat[end - 1]!.kind === 'punctuation' ? end - 2 : end - 1;
          pushIndirect(flat[c + 1]!.start, flat[last]!.end, speaker, 'according to', cls);
        } else if (v > base + 2) {
          const e = flat[v - 1]!.text === ',' ? flat[v - 2]!.end : flat[v - 1]!.end;
          pushIndirect(flat[base]!.start, e, speaker, 'according to', cls);
        }
        return;
      }
      // Content: after "that" (within 5 tokens: "told reporters that"), or a clause right after "said".
      let from = -1;
      let c = v + 1;
      while (c < end && c <= v + 5 && flat[c]!.norm !== 'that' && flat[c]!.kind !== 'punctuation' && flat[c]!.pos !== 'VERB') c++;
      if (c < end && flat[c]!.norm === 'that') from = c + 1;
      else if (t.lemma === 'say' && v + 1 < end && ['PRON', 'DET', 'PROPN', 'NOUN'].includes(flat[v + 1]!.pos)) from = v + 1;
      if (from < 0 || from >= end - 1) continue;
      const speaker = subjectOf(v);
      if (!speaker) continue;
      const last = flat[end - 1]!.kind === 'punctuation' ? end - 2 : end - 1;
      if (last < from) continue;
      pushIndirect(flat[from]!.start, flat[last]!.end, speaker, t.text, cls);
      return;
    }
  }
  function pushIndirect(s: number, e: number, speaker: Speaker | null, verb: string, cls: Quote['verb_class']) {
    if (e <= s) return;
    if (speaker?.entity) recent = { entity: speaker.entity, text: speaker.text, sentence: sentOf[tokenAt(s)] ?? 0 };
    quotes.push({
      article_id: article.id, start: s, end: e, text: article.text.slice(s, e), kind: 'indirect',
      speaker: speaker?.text ?? null, speaker_entity: speaker?.entity ?? null, side: side(speaker), verb, verb_class: cls, n_words: nWords(s, e),
    });
  }

  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return quotes.map((q, i) => ({ ...q, quote_id: `${article.id}:q${i}` }));
}

export const quotesStage: ArticleStage = {
  name: 'quotes',
  englishOnly: true,
  run(state, ctx) {
    const { article } = state;
    if (article.sentences.length === 0) return;
    const quotes = quoteArticle(state, ctx.lexicons);
    state.quotes.push(...quotes);
    const T = getTables(ctx.lexicons);
    const total = quotes.reduce((n, q) => n + q.n_words, 0);
    const bySide = new Map<string, Evidence[]>([...T.sides, 'unknown'].map((s) => [s, []]));
    for (const q of quotes) {
      const s = q.side ?? 'unknown';
      if (!bySide.has(s)) bySide.set(s, []);
      bySide.get(s)!.push({
        article_id: article.id, measure: `source_balance:${s}`, scope: 'document', target: '', start: q.start, end: q.end, text: q.text,
        rule: `quote:${q.kind}`, weight: total === 0 ? 0 : q.n_words / total,
        reason: `${q.n_words} of ${total} quoted words, ${q.kind} quote of ${q.speaker ?? 'an unresolved speaker'}${q.speaker_entity ? ` (${q.speaker_entity})` : ''}${q.verb ? ` (${q.verb})` : ''}`,
      });
    }
    for (const s of [...bySide.keys()].sort()) {
      const ev = bySide.get(s)!;
      state.evidence.push(...ev);
      const value = ev.reduce((v, e) => v + e.weight, 0);
      const sc: Score = { article_id: article.id, outlet: article.outlet, event_id: null, scope: 'document', target: '', measure: `source_balance:${s}`, value, n_evidence: ev.length };
      state.scores.push(sc);
    }
  },
};
