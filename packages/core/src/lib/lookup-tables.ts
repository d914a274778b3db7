/**
 * Lookup tables compiled from the lexicons (phrase indexes, word -> value maps, the
 * gazetteer, word vectors, ...), owned by one engine: createEngine makes one
 * LookupTables and every stage reaches it through the context (`ctx.tables`). A table
 * is built the first time a stage asks for it by name and then reused by that engine
 * only, so no table outlives its engine or leaks from one engine to another (there is
 * no module-level cache). Names are `<module>:<table>`; one name, one builder.
 */
export class LookupTables {
  private readonly byName = new Map<string, unknown>();
  private readonly byObject = new Map<string, WeakMap<object, unknown>>();

  /** The table `name`, built by `build` on first use. */
  get<T>(name: string, build: () => T): T {
    if (this.byName.has(name)) return this.byName.get(name) as T;
    const t = build();
    this.byName.set(name, t);
    return t;
  }

  /** A result per object (e.g. the sense map of one sentence's token array), built on first use. */
  of<T>(name: string, key: object, build: () => T): T {
    let m = this.byObject.get(name);
    if (!m) this.byObject.set(name, (m = new WeakMap()));
    if (m.has(key)) return m.get(key) as T;
    const t = build();
    m.set(key, t);
    return t;
  }
}
