/**
 * The one place that talks to wink-nlp. Builds a frozen wrapper around a wink
 * instance and turns a paragraph into sentences of offset-carrying tokens.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from './model';

export interface WinkEntity {
  start: number;
  end: number;
  text: string;
  type: string;
}

export interface ParsedSentence {
  start: number;
  end: number;
  tokens: Token[];
}

export interface ParsedParagraph {
  sentences: ParsedSentence[];
  entities: WinkEntity[];
}

export interface Nlp {
  /** Sentences, tokens and wink's own entities of `text`, offsets shifted by `offset`. */
  parse(text: string, offset: number): ParsedParagraph;
  /** Raw wink instance, for stages that need more (e.g. custom entities). */
  readonly wink: ReturnType<typeof winkNLP>;
}

/**
 * wink's annotations that `parse` reads: sentences, negation, POS/lemmas, entities (and
 * custom entities for stages that learn some). wink's own sentence sentiment is never read
 * (sentiment has its own evidence-backed scorer), so it is left out of the pipe: one
 * automaton pass less per document, identical tokens, tags and entities.
 */
const PIPE = ['sbd', 'negation', 'pos', 'ner', 'cer'];

export function createNlp(): Nlp {
  const wink = winkNLP(model, PIPE);
  const its = wink.its;

  function parse(text: string, offset: number): ParsedParagraph {
    const doc = wink.readDoc(text);
    const all = doc.tokens();
    const values = all.out(its.value) as string[];
    const spaces = all.out(its.precedingSpaces) as string[];
    const types = all.out(its.type) as string[];
    const pos = all.out(its.pos) as string[];
    const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
    const stops = all.out(its.stopWordFlag) as boolean[];
    const negs = all.out(its.negationFlag) as boolean[];
    // Offsets: wink keeps the exact token values and the spaces before each one,
    // so walking them rebuilds the text; indexOf guards against any drift.
    // Tokens are built in the same pass. When the value sits where expected (nearly
    // always) the token text is wink's own string (equal to the slice, and already
    // hashed, which makes every later Map lookup on text/norm/lemma cheaper).
    const n = values.length;
    const starts: number[] = new Array(n);
    const ends: number[] = new Array(n);
    const tokens: Token[] = new Array(n);
    let cursor = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? '';
      let at = cursor + (spaces[i] ?? '').length;
      let t: string;
      if (text.startsWith(v, at)) t = v;
      else {
        const found = text.indexOf(v, cursor);
        at = found >= 0 ? found : at;
        t = text.slice(at, Math.min(text.length, at + v.length));
      }
      const e = Math.min(text.length, at + v.length);
      starts[i] = at;
      ends[i] = e;
      cursor = e;
      tokens[i] = {
        start: at + offset,
        end: e + offset,
        text: t,
        norm: t.toLowerCase(),
        lemma: (lemmas[i] ?? t).toLowerCase(),
        pos: pos[i] ?? 'X',
        kind: types[i] ?? 'word',
        stop: stops[i] ?? false,
        negated: negs[i] ?? false,
      };
    }
    const spans = doc.sentences().out(its.span) as [number, number][];
    const sentences: ParsedSentence[] = spans.map(([a, b]) => ({ start: starts[a]! + offset, end: ends[b]! + offset, tokens: tokens.slice(a, b + 1) }));
    const ents = doc.entities();
    const entSpans = ents.out(its.span) as [number, number][];
    const entTypes = ents.out(its.type) as string[];
    const entities: WinkEntity[] = entSpans.map(([a, b], k) => ({
      start: starts[a]! + offset,
      end: ends[b]! + offset,
      text: text.slice(starts[a]!, ends[b]!),
      type: entTypes[k] ?? 'OTHER',
    }));
    return { sentences, entities };
  }

  return Object.freeze({ parse, wink });
}
