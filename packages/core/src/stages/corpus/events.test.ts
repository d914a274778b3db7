import { describe, expect, test } from 'vitest';
import { groupEvents, type EventFeatures } from './events';

const f = (id: string, date: string | null, entities: string[], terms: string[], place: string | null = null): EventFeatures => ({
  article_id: id,
  outlet: id,
  date,
  entities,
  terms,
  title_terms: [],
  places: place ? [place] : [],
  place,
});
const RIYADH = ['person:marco-rubio', 'person:sergei-lavrov', 'person:yuri-ushakov', 'place:riyadh', 'gov:russia', 'gov:united-states'];
const TERMS = ['talk', 'delegation', 'meeting', 'peace', 'war'];
const groups = (fs: EventFeatures[], opts = {}) => groupEvents(fs, opts).map((e) => e.article_ids.join('+'));

describe('groupEvents(features, options)', () => {
  test.each([
    {
      name: 'same actors, place and dates -> one event; unrelated story apart',
      fs: [f('a', '2025-02-18', RIYADH, TERMS), f('b', '2025-02-19', RIYADH.slice(0, 5), TERMS.slice(1)), f('c', null, ['person:agnes-thorvald'], ['storm', 'harbor'])],
      want: ['a+b', 'c'],
    },
    {
      name: 'same actors but weeks apart -> two events (date window)',
      fs: [f('a', '2025-02-18', RIYADH, TERMS), f('b', '2025-03-20', RIYADH, TERMS)],
      want: ['a', 'b'],
    },
    {
      name: 'undated articles join a dated event',
      fs: [f('a', '2025-02-18', RIYADH, TERMS), f('b', null, RIYADH, TERMS), f('c', null, RIYADH.slice(1), TERMS)],
      want: ['a+b+c'],
    },
    {
      name: 'an undated article cannot bridge two dated events more than the window apart',
      fs: [f('a', '2025-02-18', RIYADH, TERMS), f('b', null, RIYADH, TERMS), f('c', '2025-03-01', RIYADH, TERMS)],
      want: ['a+b', 'c'],
    },
    {
      name: 'a different main city is penalised when placePenalty is set (later round elsewhere)',
      fs: [
        f('a', null, [...RIYADH.slice(0, 4), 'place:riyadh'], TERMS, 'place:riyadh'),
        f('b', null, ['person:sergei-lavrov', 'gov:russia', 'gov:united-states', 'place:istanbul'], ['talk', 'embassy'], 'place:istanbul'),
      ],
      opts: { placePenalty: 0.3 },
      want: ['a', 'b'],
    },
  ])('$name', ({ fs, want, ...rest }) => {
    expect(groups(fs, 'opts' in rest ? rest.opts : {}).sort()).toEqual(want);
  });

  // Features with vectors (as extractEventFeatures makes them): the TF-IDF cosine score.
  const v = (id: string, date: string | null, words: string[], title: string[], place: string | null = null): EventFeatures => ({
    ...f(id, date, [], words.slice(0, 3), place),
    term_counts: words.map((w) => [w, 2]),
    entity_counts: [],
    title_words: title,
  });
  const QUAKE = ['earthquake', 'magnitude', 'epicentre', 'collapse', 'rescue', 'aftershock', 'tremor', 'damage'];
  test('best matches join below threshold (mutualFloor); not when their main cities differ', () => {
    // a and b share half their words: each is the other's best, above mutualFloor, below threshold.
    const a = v('a', null, [...QUAKE.slice(0, 4), 'school', 'bridge', 'market', 'mayor'], ['quake', 'hits', 'city']);
    const b = v('b', null, [...QUAKE.slice(0, 4), 'hospital', 'road', 'power', 'governor'], ['tremor', 'shakes', 'region']);
    const noise = Array.from({ length: 6 }, (_, i) => v(`n${i}`, null, [`w${i}a`, `w${i}b`, `w${i}c`, 'earthquake'], [`t${i}`]));
    expect(groups([a, b, ...noise], { threshold: 0.9 }).filter((g) => g.includes('+'))).toEqual(['a+b']);
    const ca = { ...a, place: 'place:malatya', places: ['place:malatya'] };
    const cb = { ...b, place: 'place:arequipa', places: ['place:arequipa'] };
    expect(groups([ca, cb, ...noise], { threshold: 0.9 }).filter((g) => g.includes('+'))).toEqual([]);
  });

  test('ids and order do not depend on input order; ids are ev-<date>-<hash>', () => {
    const fs = [f('x', '2025-02-18', RIYADH, TERMS), f('y', null, RIYADH, TERMS), f('z', null, ['person:agnes-thorvald'], ['storm'])];
    const a = groupEvents(fs);
    const b = groupEvents([...fs].reverse());
    expect(b).toEqual(a);
    expect(a[0]!.event_id).toMatch(/^ev-2025-02-18-[0-9a-f]{8}$/);
    expect(a[1]!.event_id).toMatch(/^ev-undated-[0-9a-f]{8}$/);
    expect(a[0]!.label).toContain('2025-02-18');
  });

  test('blocking: keys shared by more than maxPosting articles propose no candidates', () => {
    // 30 articles that share only one very common key stay apart when maxPosting is below 30.
    const fs = Array.from({ length: 30 }, (_, i) => f(`a${String(i).padStart(2, '0')}`, null, ['gov:united-states', `person:p${i}`], [`t${i}`]));
    expect(groupEvents(fs, { maxPosting: 10, threshold: 0.1 })).toHaveLength(30);
  });

  test('date blocking: a key common in the corpus but rare within a few days still proposes candidates', () => {
    // 60 articles on 60 different weeks all name Ukraine and Russia (far above maxPosting
    // in the corpus); two of them on the same day share those keys and one rarer person and term.
    const spread = Array.from({ length: 60 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 0, 1) + i * 7 * 86400000).toISOString().slice(0, 10);
      return f(`w${String(i).padStart(2, '0')}`, d, ['place:ukraine', 'gov:russia', `person:p${i}`], [`t${i}`, 'talk']);
    });
    const same = f('same', spread[30]!.date, ['place:ukraine', 'gov:russia', 'person:p30'], ['talk', 't30']);
    const out = groupEvents([...spread, same], { maxPosting: 10 });
    expect(out.find((e) => e.article_ids.includes('same'))!.article_ids).toEqual(['same', 'w30']);
    expect(out).toHaveLength(60);
  });

  test('no chaining: articles that each share keys only with their neighbours do not form one event', () => {
    // x0 - x1 - x2 - ... : each pair of neighbours scores 0.5; single link would join all 8.
    const fs = Array.from({ length: 8 }, (_, i) => f(`x${i}`, '2025-02-18', [`person:p${i}`, `person:p${i + 1}`, `org:q${i}`, `org:q${i + 1}`], []));
    const out = groupEvents(fs);
    // Average link: an article joins a pair it links to with 0.5 of 1.0 (0.25 on average, above
    // linkThreshold 0.22), so groups of three form; never the chain of eight.
    expect(Math.max(...out.map((e) => e.article_ids.length))).toBeLessThanOrEqual(3);
    // ...while 8 articles that all share the story's keys are one event (among 20 others).
    const story = Array.from({ length: 8 }, (_, i) => f(`s${i}`, '2025-02-18', ['person:story-lead', 'place:story-site', 'org:story-org', `person:p${i}`], []));
    const others = Array.from({ length: 20 }, (_, i) => f(`o${i}`, '2025-02-18', [`person:o${i}`, `org:o${i}`], []));
    const grouped = groupEvents([...story, ...others]);
    expect(grouped.map((e) => e.article_ids.length).sort((a, b) => b - a)[0]).toBe(8);
  });

  test('unknown options throw', () => {
    expect(() => groupEvents([], { treshold: 1 } as never)).toThrow(/Unknown groupEvents option `treshold`/);
  });

  test('scales near-linearly: 4,000 articles in 400 synthetic events are grouped exactly', () => {
    const fs: EventFeatures[] = [];
    for (let e = 0; e < 400; e++) {
      for (let k = 0; k < 10; k++) {
        fs.push(f(`e${e}-a${k}`, `2025-0${1 + (e % 9)}-1${k % 4}`, [`person:x${e}`, `place:c${e}`, `org:o${e}`, 'gov:united-states'], [`w${e}`, `v${e}`, 'say']));
      }
    }
    const out = groupEvents(fs);
    expect(out).toHaveLength(400);
    expect(out.every((ev) => ev.article_ids.length === 10)).toBe(true);
  });
});

describe('eventsStage (through the engine)', () => {
  test('non-English and empty articles get an event of their own; English ones are grouped', { timeout: 120_000 }, async () => {
    const { createEngine } = await import('../../engine');
    const art = (id: string, language: string, text: string) => ({ id, outlet: id, title: '', published: '2025-02-18', url: null, language, text, source: { path: `${id}.txt`, line: null } });
    const en = 'Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov and Yuri Ushakov in Riyadh on Tuesday for talks on the war in Ukraine.';
    const report = createEngine().analyze({
      articles: [
        art('en-1', 'en', en),
        art('en-2', 'en', `${en} Lavrov said the talks in Riyadh were useful, and Rubio agreed.`),
        art('de-1', 'de', 'Außenminister Marco Rubio traf Sergej Lawrow und Juri Uschakow am Dienstag in Riad zu Gesprächen über den Krieg in der Ukraine.'),
      ],
    });
    const by = (id: string) => report.events.find((e) => e.article_ids.includes(id))!;
    expect(by('en-1').article_ids).toEqual(['en-1', 'en-2']);
    expect(by('de-1')).toMatchObject({ article_ids: ['de-1'], key_entities: [], date: '2025-02-18' });
    expect(report.claims.every((c) => !c.article_ids.includes('de-1'))).toBe(true);
  });
});
