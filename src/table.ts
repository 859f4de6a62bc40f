// Lookup tables keyed by words from the outside world (program names, subcommands, entity names). A plain object
// literal inherits `constructor`, `toString`, `__proto__`…, so `TABLE[name]` for a command named `constructor` would
// return a function; a null-prototype table returns undefined for every key it does not hold.
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** A lookup table like table()'s whose entries are built on their first read: a call reads a few entries of a big
 *  table, and building all of them was start-up time every hook process paid. */
export function lazyTable<T>(entries: Record<string, () => T>): Readonly<Record<string, T>> {
  const t = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(entries)) {
    Object.defineProperty(t, key, {
      configurable: true,
      enumerable: true,
      get: () => {
        const value = entries[key]!();
        Object.defineProperty(t, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return t;
}

/** An entry of a rule table keyed by program: the programs it covers, and its rule, built the first time one of them
 *  is looked up (a Bash call names a few of a table's programs). */
export interface LazyRule<T> {
  readonly programs: readonly string[];
  readonly rule: () => T;
}

export function lazyRule<T extends { readonly programs: readonly string[] }>(programs: readonly string[], build: () => Omit<T, "programs">): LazyRule<T> {
  return { programs, rule: once(() => ({ ...build(), programs }) as T) };
}

/** `build()`, made on the first call and kept. */
export function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
