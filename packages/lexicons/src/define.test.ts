import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { BaseEntry, defineLexicon, LexiconError } from './define';

const Entry = BaseEntry.extend({ term: z.string().min(1), weight: z.number() });
const meta = { id: 'demo', version: '1.0.0', description: 'demo list', source: 'tests', license: 'MIT' };

describe('defineLexicon(raw, entry, key)', () => {
  test('validates, freezes and hashes a well-formed lexicon', () => {
    const lex = defineLexicon({ ...meta, entries: [{ term: 'war', weight: -1, source: 'x' }] }, Entry, (e) => e.term);
    expect(lex.entries).toHaveLength(1);
    expect(lex.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(lex)).toBe(true);
  });

  test('the hash changes when any entry changes', () => {
    const a = defineLexicon({ ...meta, entries: [{ term: 'war', weight: -1, source: 'x' }] }, Entry, (e) => e.term);
    const b = defineLexicon({ ...meta, entries: [{ term: 'war', weight: -2, source: 'x' }] }, Entry, (e) => e.term);
    expect(a.sha256).not.toBe(b.sha256);
  });

  test.each([
    ['a duplicate key', { ...meta, entries: [{ term: 'war', weight: 1, source: 'x' }, { term: 'war', weight: 2, source: 'y' }] }, /duplicate entry "war"/],
    ['an entry without a source', { ...meta, entries: [{ term: 'war', weight: 1 }] }, /entry #0/],
    ['a malformed weight', { ...meta, entries: [{ term: 'war', weight: 'high', source: 'x' }] }, /entry #0/],
    ['a bad version', { ...meta, version: 'v1', entries: [{ term: 'war', weight: 1, source: 'x' }] }, /metadata/],
    ['no entries', { ...meta, entries: [] }, /metadata/],
    ['no licence', { ...meta, license: undefined, entries: [{ term: 'war', weight: 1, source: 'x' }] }, /metadata/],
  ])('rejects %s', (_n, raw, message) => {
    expect(() => defineLexicon(raw, Entry, (e) => e.term)).toThrow(LexiconError);
    expect(() => defineLexicon(raw, Entry, (e) => e.term)).toThrow(message);
  });
});
