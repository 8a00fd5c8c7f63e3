/** Sets `key` as the most recent entry of `map` and forgets the oldest entries beyond `max` (a small LRU when reads re-set their key). */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  // Only when over: finding the oldest key walks past the slots of deleted entries, which re-set
  // keys leave at the front (a memoised vocabulary call per row was paying it on every hit).
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done === true) break;
    map.delete(oldest.value);
  }
}

/** The map kept for `owner` in `owners`, made empty the first time (a per-store or per-index cache). */
export function mapFor<O extends object, K, V>(owners: WeakMap<O, Map<K, V>>, owner: O): Map<K, V> {
  let map = owners.get(owner);
  if (!map) {
    map = new Map();
    owners.set(owner, map);
  }
  return map;
}
