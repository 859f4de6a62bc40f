// Lookup tables keyed by words from the outside world (program names, subcommands, entity names). A plain object
// literal inherits `constructor`, `toString`, `__proto__`…, so `TABLE[name]` for a command named `constructor` would
// return a function; a null-prototype table returns undefined for every key it does not hold.
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
