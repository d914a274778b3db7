/**
 * Name classes from compromise's lexicon (MIT, npm `compromise` 14): first names, last
 * names, places (cities, regions, countries), organisations, months and weekdays. The
 * entities stage uses them to type proper-noun runs the gazetteer does not know:
 * "New Jersey" is a place, "Capitol Hill" (place head) a place, "Scott Brown" a person
 * because "Scott" is a first name, "January" never a person. Built once, read only.
 */
import nlp from 'compromise';

export type NameClass = 'first' | 'last' | 'place' | 'city' | 'org' | 'month' | 'weekday';

let table: ReadonlyMap<string, ReadonlySet<NameClass>> | null = null;

const TAGS: readonly [RegExp, NameClass][] = [
  [/^(?:FirstName|MaleName|FemaleName)$/, 'first'],
  // compromise's `Person` words are well-known people's names ("clinton", "warren"): surnames here.
  [/^(?:LastName|Person)$/, 'last'],
  [/^(?:City|Region|Country|Place)$/, 'place'],
  [/^City$/, 'city'],
  [/^Organization$/, 'org'],
  [/^Month$/, 'month'],
  [/^WeekDay$/, 'weekday'],
];

/** Lower-case word or phrase -> its classes in compromise's lexicon. */
export function nameClasses(): ReadonlyMap<string, ReadonlySet<NameClass>> {
  if (table) return table;
  const lex = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const out = new Map<string, Set<NameClass>>();
  for (const key of Object.keys(lex).sort()) {
    const v = lex[key]!;
    for (const tag of Array.isArray(v) ? v : [v]) {
      for (const [re, cls] of TAGS) {
        if (!re.test(tag)) continue;
        let s = out.get(key);
        if (!s) out.set(key, (s = new Set()));
        s.add(cls);
      }
    }
  }
  table = out;
  return out;
}

export function hasClass(phrase: string, cls: NameClass): boolean {
  return nameClasses().get(phrase.toLowerCase())?.has(cls) ?? false;
}
