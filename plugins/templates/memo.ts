/**
 * Texts that every page repeats (a reading time, a full address, a button's
 * name), made once. They are kept by an owner that lives as long as a build's
 * configuration (the site, the language), so a configuration loaded anew
 * under `npm start` starts afresh.
 */
export function memoizedBy<Owner extends object, Key, Value>(
  make: (owner: Owner, key: Key) => Value,
): (owner: Owner, key: Key) => Value {
  const byOwner = new WeakMap<Owner, Map<Key, Value>>();
  return (owner, key) => {
    let byKey = byOwner.get(owner);
    if (!byKey) byOwner.set(owner, (byKey = new Map<Key, Value>()));
    if (byKey.has(key)) return byKey.get(key) as Value;
    const value = make(owner, key);
    byKey.set(key, value);
    return value;
  };
}
