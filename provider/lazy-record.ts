// A record built on first use. The settings tables are derived from the vendor registry, whose
// modules import the code that reads those tables: building them when the module loads would read
// the registry before it exists.

/** A read-only record whose entries `build` makes the first time anything reads it. */
export function lazyRecord<V>(build: () => Record<string, V>): Readonly<Record<string, V>> {
  let built: Record<string, V> | undefined;
  const get = () => (built ??= build());
  return new Proxy({} as Record<string, V>, {
    get: (_, key) => (typeof key === "string" ? get()[key] : undefined),
    has: (_, key) => key in get(),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d && { value: d.value, enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
