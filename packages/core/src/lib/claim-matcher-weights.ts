/** The `claim-matcher` lexicon (trained logistic regression) as MatcherWeights, decoded once per lexicon object. */
import type { Lexicon, MatcherParamEntry } from '@parallax/lexicons';
import { FEATURES, type FeatureName, type MatcherWeights } from './claim-matcher';

export function matcherWeights(lex: Lexicon<MatcherParamEntry>): MatcherWeights {
  const byId = new Map(lex.entries.map((e) => [e.id, e]));
  const need = (id: string, kind: MatcherParamEntry['kind']): number => {
    const e = byId.get(id);
    if (!e || e.kind !== kind) throw new TypeError(`Lexicon "${lex.id}" lacks ${kind} "${id}"; retrain with bench/train-matcher.ts`);
    return e.value;
  };
  const weights = {} as Record<FeatureName, number>;
  for (const f of FEATURES) weights[f] = need(f, 'weight');
  const w: MatcherWeights = Object.freeze({
    id: lex.id,
    version: lex.version,
    sha256: lex.sha256,
    bias: need('bias', 'bias'),
    weights: Object.freeze(weights),
    threshold: need('threshold', 'threshold'),
    groupThreshold: need('group_threshold', 'threshold'),
  });
  return w;
}
