/**
 * Sorted (hash, place) pairs that say where an id is stored: the order directory (place = bucket) and
 * the contact directory (place = page) of the IndexedDB adapter. Two ids may share a 32-bit hash, so a
 * hash only names candidate places, and the place itself confirms the id. Places are below PLACE_LIMIT.
 */
export const PLACE_LIMIT = 2 ** 21;

type Places = Uint16Array | Uint32Array;

/**
 * One (hash, place) entry as one number (hash · PLACE_LIMIT + place, below 2^53): a write adds an entry
 * per stored id, and a million of them as numbers sort as a typed array and cost no pair array each.
 */
export const entryOf = (hash: number, place: number): number => hash * PLACE_LIMIT + place;
/** The hash and the place of an entry made by `entryOf`. */
export const hashOfEntry = (entry: number): number => Math.floor(entry / PLACE_LIMIT);
export const placeOfEntry = (entry: number): number => entry % PLACE_LIMIT;

const NO_PLACES: readonly number[] = Object.freeze([]);

/** The places of the entries with this hash (binary search; `hashes` is sorted). */
export function placesOf(hashes: Uint32Array, places: Places, hash: number): readonly number[] {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((hashes[mid] as number) < hash) lo = mid + 1;
    else hi = mid;
  }
  // Most lookups of a bulk write are new ids: no array for them.
  if (hashes[lo] !== hash) return NO_PLACES;
  const out: number[] = [];
  for (let i = lo; i < hashes.length && hashes[i] === hash; i++) out.push(places[i] as number);
  return out;
}

/**
 * The entries with one entry removed per entry of `removes` and the entries of `adds` inserted (both
 * made by `entryOf`), still sorted by hash; `allocate` makes the place array (its type is what is stored).
 */
export function mergeEntries<P extends Places>(
  hashes: Uint32Array,
  places: P,
  adds: ArrayLike<number>,
  removes: readonly number[],
  allocate: (size: number) => P,
): { hashes: Uint32Array; places: P } {
  const remove = new Map<number, number>();
  for (const e of removes) remove.set(e, (remove.get(e) ?? 0) + 1);
  const added = Float64Array.from(adds).sort();
  const size = hashes.length + added.length;
  const outHashes = new Uint32Array(size);
  const outPlaces = allocate(size);
  let out = 0;
  let a = 0;
  const push = (hash: number, place: number) => {
    outHashes[out] = hash;
    outPlaces[out] = place;
    out++;
  };
  const pushEntry = (e: number) => push(hashOfEntry(e), placeOfEntry(e));
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i] as number;
    const place = places[i] as number;
    const pending = remove.size === 0 ? 0 : (remove.get(entryOf(hash, place)) ?? 0);
    if (pending > 0) {
      remove.set(entryOf(hash, place), pending - 1);
      continue;
    }
    for (; a < added.length && (added[a] as number) < entryOf(hash, 0); a++) pushEntry(added[a] as number);
    push(hash, place);
  }
  for (; a < added.length; a++) pushEntry(added[a] as number);
  return { hashes: outHashes.subarray(0, out), places: outPlaces.subarray(0, out) as P };
}
