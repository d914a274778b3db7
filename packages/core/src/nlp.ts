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

export function createNlp(): Nlp {
  const wink = winkNLP(model);
  const its = wink.its;

  function parse(text: string, offset: number): ParsedParagraph {
    const doc = wink.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const types = doc.tokens().out(its.type) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const stops = doc.tokens().out(its.stopWordFlag) as boolean[];
    const negs = doc.tokens().out(its.negationFlag) as boolean[];
    // Offsets: wink keeps the exact token values and the spaces before each one,
    // so walking them rebuilds the text; indexOf guards against any drift.
    const starts: number[] = new Array(values.length);
    const ends: number[] = new Array(values.length);
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? '';
      let at = cursor + (spaces[i] ?? '').length;
      if (text.slice(at, at + v.length) !== v) {
        const found = text.indexOf(v, cursor);
        at = found >= 0 ? found : at;
      }
      starts[i] = at;
      ends[i] = Math.min(text.length, at + v.length);
      cursor = ends[i]!;
    }
    const tokenAt = (i: number): Token => {
      const s = starts[i]!;
      const e = ends[i]!;
      const t = text.slice(s, e);
      return {
        start: s + offset,
        end: e + offset,
        text: t,
        norm: t.toLowerCase(),
        lemma: (lemmas[i] ?? t).toLowerCase(),
        pos: pos[i] ?? 'X',
        kind: types[i] ?? 'word',
        stop: stops[i] ?? false,
        negated: negs[i] ?? false,
      };
    };
    const spans = doc.sentences().out(its.span) as [number, number][];
    const sentences: ParsedSentence[] = spans.map(([a, b]) => {
      const tokens: Token[] = [];
      for (let i = a; i <= b; i++) tokens.push(tokenAt(i));
      return { start: starts[a]! + offset, end: ends[b]! + offset, tokens };
    });
    const entSpans = doc.entities().out(its.span) as [number, number][];
    const entTypes = doc.entities().out(its.type) as string[];
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
