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
}

/**
 * wink's annotations that `parse` reads: sentences, POS/lemmas and entities. wink's
 * sentence sentiment, negation flags and custom entities are never read (sentiment and
 * quotes find negation and names themselves), so they are left out of the pipe.
 */
const PIPE = ['sbd', 'pos', 'ner'];

/** What patches/wink-nlp@2.4.0.patch adds to a wink instance (see `createNlp`). */
interface WinkLexemeReset {
  /** Lexemes (intrinsic + OOV) the instance's cache holds now. */
  lexemeCount(): number;
  /** Forget the OOV lexemes added since `lexemeCount()` was `mark` (indexes are reused). */
  forgetLexemesFrom(mark: number): void;
}

export function createNlp(): Nlp {
  const wink = winkNLP(model, PIPE);
  const its = wink.its;
  // wink's cache keeps, per instance, every out-of-vocabulary (OOV) lexeme it has seen with
  // the token type of its first sighting, and the tokenizer looks whole whitespace chunks
  // up in it first. So a document's tokens depended on what the instance had read before:
  // after "Mr. Trump's." (the chunk "Trump's." splits into "Trump's" + "."), a later
  // "Trump's" stayed one token instead of "Trump" "'s"; after "Rudd, 75," the "75" of
  // "2.75" became a number (NUM, a CARDINAL entity) instead of a word. wink has no API to
  // reset that cache, and only unhashing the OOVs (without reusing their slots) grows the
  // lexeme list past the 20 bits a token's lemma pointer holds (wrong lemmas after ~1M
  // OOV tokens), so a small patch of wink-nlp adds the mark/truncate below: every `parse`
  // reads its text against the model's own vocabulary alone, whatever came before.
  const reset = wink as unknown as Partial<WinkLexemeReset>;
  if (typeof reset.lexemeCount !== 'function' || typeof reset.forgetLexemesFrom !== 'function') {
    throw new Error('wink-nlp is not patched (patches/wink-nlp@2.4.0.patch): parses would depend on earlier ones');
  }
  const { lexemeCount, forgetLexemesFrom } = reset as WinkLexemeReset;

  function parse(text: string, offset: number): ParsedParagraph {
    const mark = lexemeCount();
    try {
      return read(text, offset);
    } finally {
      // Everything `read` returns is plain strings and numbers, so the doc's lexemes can go.
      forgetLexemesFrom(mark);
    }
  }

  function read(text: string, offset: number): ParsedParagraph {
    const doc = wink.readDoc(text);
    const all = doc.tokens();
    const values = all.out(its.value) as string[];
    const spaces = all.out(its.precedingSpaces) as string[];
    const types = all.out(its.type) as string[];
    const pos = all.out(its.pos) as string[];
    const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
    const stops = all.out(its.stopWordFlag) as boolean[];
    // Offsets: wink keeps the exact token values and the spaces before each one, so
    // walking them rebuilds the text. Two slips are handled here, at the source, so that
    // every token is a real, non-empty slice of `text` in increasing order (tokens and
    // the gaps between them rebuild the text):
    // - wink emits a phantom token with an empty value inside ".." ("end..with" ->
    //   "end" "." "" "." "with"); it has no text and is dropped;
    // - a value not at the expected place is searched forward from the cursor; one that
    //   does not occur at all is dropped rather than given a made-up (empty) span.
    // When the value sits where expected (nearly always) the token text is wink's own
    // string (equal to the slice, and already hashed, which makes every later Map lookup
    // on text/norm/lemma cheaper).
    const n = values.length;
    /** Wink token index -> index in `tokens`, or -1 when the wink token was dropped. */
    const kept: number[] = new Array(n);
    const tokens: Token[] = [];
    let cursor = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? '';
      let at = cursor + (spaces[i] ?? '').length;
      if (v === '' || (!text.startsWith(v, at) && (at = text.indexOf(v, cursor)) < 0)) {
        kept[i] = -1;
        continue;
      }
      const e = at + v.length;
      cursor = e;
      kept[i] = tokens.length;
      tokens.push({
        start: at + offset,
        end: e + offset,
        text: v,
        norm: v.toLowerCase(),
        lemma: (lemmas[i] ?? v).toLowerCase(),
        pos: pos[i] ?? 'X',
        kind: types[i] ?? 'word',
        stop: stops[i] ?? false,
      });
    }
    /** Kept token range [first, last] of wink's span [a, b], or null when none of it was kept. */
    const range = (a: number, b: number): [number, number] | null => {
      let x = a;
      let y = b;
      while (x <= y && kept[x] === -1) x++;
      while (y >= x && kept[y] === -1) y--;
      return x <= y ? [kept[x]!, kept[y]!] : null;
    };
    const sentences: ParsedSentence[] = [];
    for (const [a, b] of doc.sentences().out(its.span) as [number, number][]) {
      const r = range(a, b);
      if (r) sentences.push({ start: tokens[r[0]]!.start, end: tokens[r[1]]!.end, tokens: tokens.slice(r[0], r[1] + 1) });
    }
    const ents = doc.entities();
    const entSpans = ents.out(its.span) as [number, number][];
    const entTypes = ents.out(its.type) as string[];
    const entities: WinkEntity[] = [];
    entSpans.forEach(([a, b], k) => {
      const r = range(a, b);
      if (!r) return;
      const start = tokens[r[0]]!.start;
      const end = tokens[r[1]]!.end;
      entities.push({ start, end, text: text.slice(start - offset, end - offset), type: entTypes[k] ?? 'OTHER' });
    });
    return { sentences, entities };
  }

  return Object.freeze({ parse });
}
