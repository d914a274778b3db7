import { describe, expect, test } from 'vitest';
import { plainReason } from './EvidenceView';

describe('plainReason(reason)', () => {
  test.each([
    ['sentence ap:s0 sentiment 0.6059 / 14 sentences', 'sentence 1 has tone +0.61, averaged over 14 sentences'],
    ['sentence cnn:sports:s3 sentiment -0.25 / 4 sentences', 'sentence 4 has tone -0.25, averaged over 4 sentences'],
    ['cue of frame:economic in sentence ap:s2 (1 of 2 cues there; the sentence counts 1/9)', 'cue of Economic (frame) in sentence 3 (1 of 2 cues there; the sentence counts 1/9)'],
    ['12 of 40 quoted words, direct quote of Rubio (person:marco-rubio)', '12 of 40 quoted words, direct quote of Rubio (Marco Rubio)'],
    ['VADER 0.8', 'VADER 0.8'],
    ['rule:mean-of-sentences', 'listed in the word lists'],
  ])('%s', (raw, plain) => expect(plainReason(raw)).toBe(plain));
});
