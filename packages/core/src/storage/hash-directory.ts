/**
 * Sorted (hash, place) pairs that say where an id is stored: the order directory (place = bucket) and
 * the contact directory (place = page) of the IndexedDB adapter. Two ids may share a 32-bit hash, so a
 * hash only names candidate places, and the place itself confirms the id. Places are below PLACE_LIMIT.
 */
export const PLACE_LIMIT = 2 ** 21;

type Places = Uint16Array | Uint32Array;

/** The places of the entries with this hash (binary search; `hashes` is sorted). */
export function placesOf(hashes: Uint32Array, places: Places, hash: number): number[] {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((hashes[mid] as number) < hash) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < hashes.length && hashes[i] === hash; i++) out.push(places[i] as number);
  return out;
}

/**
 * The entries with one entry removed per `removes` pair and the `adds` pairs inserted, still sorted by
 * hash; `allocate` makes the place array (its type is what is stored).
 */
export function mergeEntries<P extends Places>(
  hashes: Uint32Array,
  places: P,
  adds: [hash: number, place: number][],
  removes: [hash: number, place: number][],
  allocate: (size: number) => P,
): { hashes: Uint32Array; places: P } {
  const entry = (hash: number, place: number) => hash * PLACE_LIMIT + place;
  const remove = new Map<number, number>();
  for (const [hash, place] of removes) remove.set(entry(hash, place), (remove.get(entry(hash, place)) ?? 0) + 1);
  adds.sort((a, b) => a[0] - b[0]);
  const size = hashes.length + adds.length;
  const outHashes = new Uint32Array(size);
  const outPlaces = allocate(size);
  let out = 0;
  let a = 0;
  const push = (hash: number, place: number) => {
    outHashes[out] = hash;
    outPlaces[out] = place;
    out++;
  };
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i] as number;
    const place = places[i] as number;
    const pending = remove.size === 0 ? 0 : (remove.get(entry(hash, place)) ?? 0);
    if (pending > 0) {
      remove.set(entry(hash, place), pending - 1);
      continue;
    }
    while (a < adds.length && (adds[a] as [number, number])[0] < hash) {
      push(...(adds[a] as [number, number]));
      a++;
    }
    push(hash, place);
  }
  for (; a < adds.length; a++) push(...(adds[a] as [number, number]));
  return { hashes: outHashes.subarray(0, out), places: outPlaces.subarray(0, out) as P };
}
