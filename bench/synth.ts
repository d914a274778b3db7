/**
 * A deterministic, seeded generator of realistic synthetic news corpora with a
 * known ground truth (which articles report the same event), for the grouping
 * benchmark and the CLI throughput benchmark.
 *
 * What makes it realistic enough to be hard:
 * - many events (about one per `articlesPerEvent` articles), each covered by
 *   several outlets (2..8) over a few days after the event date;
 * - a shared vocabulary: the same people, places and organisations recur across
 *   hundreds of events, and a "story line" (e.g. talks between two countries)
 *   recurs months apart with the same key entities (sequels are different events);
 * - every article mixes event sentences with background sentences that mention
 *   unrelated entities, and outlets word the same facts differently.
 *
 * Same seed and size -> byte-identical articles (mulberry32 PRNG, no clock).
 */
import { mulberry32 } from '@parallax/core';


export interface SynthArticle {
  id: string;
  outlet: string;
  title: string;
  /** ISO date (YYYY-MM-DD). */
  published: string;
  url: string;
  language: 'en';
  text: string;
  /** Ground truth: the event this article reports. */
  event: string;
}

export interface SynthOptions {
  /** Number of articles. */
  articles: number;
  seed?: number;
  /** Mean articles per event (default 5). */
  articlesPerEvent?: number;
  /** Sentences per article body, inclusive range (default [5, 9]). */
  sentences?: readonly [number, number];
}

export { mulberry32 };

const FIRST = ['Maria', 'John', 'Ahmed', 'Elena', 'Wei', 'Olga', 'Carlos', 'Fatima', 'Peter', 'Aisha', 'Hiroshi', 'Anna', 'Samuel', 'Lucia', 'Ivan', 'Grace', 'Omar', 'Sofia', 'David', 'Leila', 'Tomas', 'Nadia', 'Kofi', 'Ingrid', 'Rahul', 'Marta', 'Yusuf', 'Clara', 'Dmitri', 'Amara'];
const LAST = ['Novak', 'Okafor', 'Lindqvist', 'Haddad', 'Moreno', 'Tanaka', 'Kowalski', 'Mensah', 'Petrov', 'Alvarez', 'Nakamura', 'Schmidt', 'Rossi', 'Nguyen', 'Brennan', 'Castillo', 'Dubois', 'Yilmaz', 'Sato', 'Kariuki', 'Varga', 'Hassan', 'Laurent', 'Silva', 'Fischer', 'Bianchi', 'Osei', 'Kaur', 'Romero', 'Iqbal'];
const PLACES = ['Riyadh', 'Geneva', 'Nairobi', 'Istanbul', 'Brussels', 'Jakarta', 'Lagos', 'Lima', 'Warsaw', 'Doha', 'Oslo', 'Manila', 'Cairo', 'Vienna', 'Seoul', 'Bogota', 'Tbilisi', 'Accra', 'Hanoi', 'Lisbon', 'Baku', 'Santiago', 'Dakar', 'Helsinki', 'Karachi', 'Quito', 'Minsk', 'Tunis', 'Dhaka', 'Prague'];
const COUNTRIES = ['Ukraine', 'Russia', 'China', 'Brazil', 'India', 'Nigeria', 'Mexico', 'Turkey', 'Iran', 'Japan', 'Germany', 'France', 'Kenya', 'Egypt', 'Poland', 'Canada', 'Indonesia', 'Argentina', 'Pakistan', 'Vietnam'];
const ORGS = ['the United Nations', 'NATO', 'the European Union', 'the World Bank', 'the IMF', 'the African Union', 'OPEC', 'the WHO', 'the Red Cross', 'ASEAN', 'the World Trade Organization', 'Amnesty International'];
const ROLES = ['foreign minister', 'prime minister', 'president', 'defence minister', 'finance minister', 'opposition leader', 'central bank governor', 'health minister', 'trade envoy', 'spokesperson'];
const OUTLETS = ['Daily Ledger', 'Morning Post', 'Global Wire', 'City Herald', 'National Tribune', 'Evening Star', 'Coastal Times', 'Continental Review', 'Metro Dispatch', 'Capital Journal', 'Frontier News', 'Harbor Gazette', 'Pacific Courier', 'Northern Echo', 'Union Bulletin'];

interface Topic {
  noun: string;
  /** Past tense of what happened, e.g. 'held' (talks). */
  past: string;
  terms: readonly string[];
}
const TOPICS: readonly Topic[] = [
  { noun: 'peace talks', past: 'negotiated', terms: ['ceasefire', 'delegation', 'negotiators', 'truce', 'mediators', 'prisoner exchange'] },
  { noun: 'trade agreement', past: 'signed', terms: ['tariffs', 'exports', 'customs', 'quotas', 'supply chains', 'import duties'] },
  { noun: 'earthquake', past: 'struck', terms: ['magnitude', 'rescuers', 'aftershocks', 'collapsed buildings', 'survivors', 'epicentre'] },
  { noun: 'election', past: 'held', terms: ['ballots', 'turnout', 'polling stations', 'runoff', 'candidates', 'electoral commission'] },
  { noun: 'flood', past: 'hit', terms: ['rainfall', 'evacuations', 'river banks', 'displaced families', 'emergency shelters', 'dams'] },
  { noun: 'summit', past: 'hosted', terms: ['communique', 'heads of state', 'bilateral meetings', 'joint statement', 'agenda', 'sherpas'] },
  { noun: 'strike', past: 'called', terms: ['unions', 'wages', 'walkout', 'picket lines', 'pension reform', 'transport workers'] },
  { noun: 'interest rate decision', past: 'announced', terms: ['inflation', 'basis points', 'bond yields', 'currency', 'monetary policy', 'lenders'] },
  { noun: 'vaccination campaign', past: 'launched', terms: ['doses', 'clinics', 'outbreak', 'health workers', 'immunisation', 'cases'] },
  { noun: 'protest', past: 'staged', terms: ['demonstrators', 'riot police', 'tear gas', 'arrests', 'marchers', 'curfew'] },
  { noun: 'wildfire', past: 'spread', terms: ['firefighters', 'hectares', 'evacuation orders', 'smoke', 'water bombers', 'containment'] },
  { noun: 'sanctions package', past: 'imposed', terms: ['asset freezes', 'export controls', 'banks', 'oligarchs', 'enforcement', 'loopholes'] },
];
const BACKGROUND = [
  'Analysts said the outcome remained uncertain and that more details were expected in the coming days.',
  'Officials did not respond to requests for comment on Monday.',
  'The situation has drawn attention from governments across the region.',
  'Markets reacted cautiously to the news, with investors waiting for further signals.',
  'Critics argued that the process lacked transparency and public consultation.',
  'Supporters welcomed the move as a long overdue step.',
  'The announcement came after weeks of speculation in local media.',
  'Observers noted that similar efforts had stalled in the past.',
];
const SYLLABLES = ['var', 'mo', 'ka', 'len', 'dri', 'so', 'tal', 've', 'run', 'esh', 'bo', 'lin', 'ga', 'thor', 'mi', 'zan', 'pe', 'rik', 'ul', 'nor', 'cas', 'te', 'bra', 'vin', 'oda', 'hel', 'sk', 'ar', 'quin', 'lo', 'ter', 'mas', 'fen', 'is', 'gor', 'da', 'wel', 'pra', 'ny', 'ost'];
const LOCAL_ROLES = ['local official', 'witness', 'union leader', 'police spokesperson', 'mayor', 'aid worker', 'teacher', 'engineer', 'resident', 'lawyer'];
const SITES = ['Valley', 'Bridge', 'Harbour', 'District', 'Plant', 'Square', 'Camp', 'Station', 'Hall', 'Crossing'];
const SAY = ['said', 'told reporters', 'stated', 'argued', 'warned', 'insisted', 'noted', 'claimed'];

interface EventSpec {
  id: string;
  date: number; // days since 2020-01-01
  topic: Topic;
  place: string;
  countries: [string, string];
  people: { name: string; role: string; country: string }[];
  org: string;
  /** Event-specific names (new names keep appearing as an archive grows, as in real news). */
  local: { name: string; role: string };
  site: string;
  number: number;
  outlets: string[];
  size: number;
}

const DAY0 = Date.UTC(2020, 0, 1);
const isoDay = (d: number): string => new Date(DAY0 + d * 86400000).toISOString().slice(0, 10);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weekday = (d: number): string => WEEKDAYS[new Date(DAY0 + d * 86400000).getUTCDay()] as string;
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Generate `opts.articles` articles (in a shuffled, deterministic order). */
export function generateCorpus(opts: SynthOptions): SynthArticle[] {
  const rand = mulberry32(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  /** A coined proper name of 2-3 syllables (64k+ possibilities). */
  const coined = (): string => {
    let w = '';
    for (let i = int(2, 3); i > 0; i--) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const [sMin, sMax] = opts.sentences ?? [5, 9];
  const perEvent = opts.articlesPerEvent ?? 5;
  const nEvents = Math.max(1, Math.round(opts.articles / perEvent));
  // The calendar grows with the corpus (about 40 events a day), as a real archive would.
  const days = Math.max(30, Math.ceil(nEvents / 40));

  // A cast of recurring people: 30 x 30 names; each keeps one role and country.
  const cast: { name: string; role: string; country: string }[] = [];
  for (const f of FIRST) for (const l of LAST) cast.push({ name: `${f} ${l}`, role: pick(ROLES), country: pick(COUNTRIES) });

  // Story lines recur: a sequel reuses the key entities of an earlier event, weeks or months later.
  const events: EventSpec[] = [];
  for (let e = 0; e < nEvents; e++) {
    const prev = events.length > 0 && rand() < 0.2 ? events[int(Math.max(0, events.length - 2000), events.length - 1)] : undefined;
    const date = prev ? Math.min(days - 1, prev.date + int(21, 120)) : int(0, days - 1);
    const topic = prev ? prev.topic : pick(TOPICS);
    const c1 = pick(COUNTRIES);
    let c2 = pick(COUNTRIES);
    if (c2 === c1) c2 = COUNTRIES[(COUNTRIES.indexOf(c1) + 1) % COUNTRIES.length] as string;
    const people = prev ? prev.people : [pick(cast), pick(cast), pick(cast)];
    const local = { name: `${pick(FIRST)} ${coined()}`, role: pick(LOCAL_ROLES) };
    const site = `${coined()} ${pick(SITES)}`;
    const size = Math.max(2, Math.min(8, Math.round(perEvent + (rand() - 0.5) * 6)));
    const outlets: string[] = [];
    while (outlets.length < size) {
      const o = pick(OUTLETS);
      if (!outlets.includes(o)) outlets.push(o);
    }
    events.push({
      id: `E${String(e).padStart(6, '0')}`,
      date,
      topic,
      place: prev ? prev.place : pick(PLACES),
      countries: prev ? prev.countries : [c1, c2],
      people,
      org: prev ? prev.org : pick(ORGS),
      local,
      site,
      number: int(3, 950),
      outlets,
      size,
    });
  }

  const out: SynthArticle[] = [];
  for (const ev of events) {
    for (const outlet of ev.outlets) {
      if (out.length >= opts.articles) break;
      out.push(article(ev, outlet));
    }
  }
  // Top up (rounding) with extra outlets' takes on random events.
  while (out.length < opts.articles) {
    const ev = events[int(0, events.length - 1)] as EventSpec;
    out.push(article(ev, `${pick(OUTLETS)} ${out.length}`));
  }
  // Shuffle deterministically (Fisher-Yates), then number the articles in corpus order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as SynthArticle, out[i] as SynthArticle];
  }
  return out.map((a, i) => ({ ...a, id: `a${String(i).padStart(7, '0')}`, url: `https://example.org/news/${i}` }));

  function article(ev: EventSpec, outlet: string): SynthArticle {
    const [p1, p2, p3] = ev.people as [EventSpec['people'][0], EventSpec['people'][0], EventSpec['people'][0]];
    const [c1, c2] = ev.countries;
    const t = ev.topic;
    const term = () => pick(t.terms);
    const other = pick(cast);
    const lines = [
      `${c1} and ${c2} ${t.past} ${t.noun} in ${ev.place} on ${rand() < 0.5 ? isoDay(ev.date) : weekday(ev.date)}, officials said.`,
      `${p1.name}, the ${p1.role} of ${p1.country}, ${pick(SAY)} that the ${term()} would be discussed with ${ev.org}.`,
      `About ${ev.number} ${pick(['people', 'delegates', 'officials', 'residents', 'workers'])} were involved, according to ${p2.name}.`,
      `"We expect progress on the ${term()}," ${p2.name} ${pick(SAY)} in ${ev.place}.`,
      `${p3.name} ${pick(SAY)} the ${t.noun} would shape relations between ${c1} and ${c2}.`,
      `Reports from ${ev.place} described ${term()} and ${term()} as the main concerns.`,
      `${ev.local.name}, a ${ev.local.role}, ${pick(SAY)} that the situation at ${ev.site} was ${pick(['tense', 'calm', 'changing quickly', 'unclear'])}.`,
      `Crowds gathered near ${ev.site} as ${ev.local.name} spoke to reporters.`,
      `${ev.org} ${pick(['welcomed', 'criticised', 'questioned', 'backed'])} the ${t.noun} in a statement.`,
    ];
    const n = int(sMin, sMax);
    const body: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i < 2 || rand() < 0.7) body.push(lines[i < 2 ? i : int(2, lines.length - 1)] as string);
      else if (rand() < 0.5) body.push(pick(BACKGROUND));
      else body.push(`Separately, ${other.name}, the ${other.role} of ${other.country}, ${pick(SAY)} that ${pick(PLACES)} was preparing for ${pick(TOPICS).noun}.`);
    }
    const paragraphs: string[] = [];
    for (let i = 0; i < body.length; i += 2) paragraphs.push(body.slice(i, i + 2).map(capitalize).join(' '));
    const title = `${pick(['', 'Breaking: ', 'Analysis: '])}${c1} and ${c2} ${t.noun} in ${ev.place}${rand() < 0.5 ? ` as ${p1.name} ${pick(['speaks', 'weighs in', 'responds'])}` : ''}`;
    return {
      id: '',
      outlet,
      title,
      published: isoDay(Math.min(days + 6, ev.date + (rand() < 0.6 ? 0 : int(1, 3)))),
      url: '',
      language: 'en',
      text: `${title}\n\n${paragraphs.join('\n\n')}\n`,
      event: ev.id,
    };
  }
}

/**
 * BCubed precision, recall and F1 of a clustering against a ground truth
 * (Amigó et al. 2009): per item, precision = share of its cluster that shares its
 * class, recall = share of its class that shares its cluster; averaged over items.
 * Items missing from `predicted` count as singletons.
 */
export function bcubed(truth: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): { precision: number; recall: number; f1: number } {
  if (truth.size === 0) return { precision: 1, recall: 1, f1: 1 };
  const clusterOf = (id: string) => predicted.get(id) ?? `\u0000singleton:${id}`;
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [id, cls] of truth) {
    const cl = clusterOf(id);
    clusterSize.set(cl, (clusterSize.get(cl) ?? 0) + 1);
    classSize.set(cls, (classSize.get(cls) ?? 0) + 1);
    const k = `${cl}\u0001${cls}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const [id, cls] of truth) {
    const cl = clusterOf(id);
    const n = both.get(`${cl}\u0001${cls}`) ?? 0;
    p += n / (clusterSize.get(cl) ?? 1);
    r += n / (classSize.get(cls) ?? 1);
  }
  p /= truth.size;
  r /= truth.size;
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The generator's names (for a gazetteer standing in for entity detection in bench/grouping.ts). */
export function vocabulary(): { cities: string[]; countries: string[]; orgs: string[] } {
  return {
    cities: [...PLACES],
    countries: [...COUNTRIES],
    orgs: [...ORGS],
  };
}
