/** Sets `key` as the most recent entry of `map` and forgets the oldest entries beyond `max` (a small LRU when reads re-set their key). */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
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
