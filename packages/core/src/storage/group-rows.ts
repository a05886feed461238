/**
 * Rows grouped by a small integer key (a bucket, a shard) with a counting sort: two passes over typed
 * arrays instead of a map lookup and an array push per row, for the hundred thousand rows of a bulk write.
 * `rowsOf(key)` gives that key's rows in their original order.
 */
export function groupRows(keys: ArrayLike<number>, keyCount: number) {
  const start = new Uint32Array(keyCount + 1);
  for (let row = 0; row < keys.length; row++) (start[(keys[row] as number) + 1] as number)++;
  for (let key = 0; key < keyCount; key++) start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const rows = new Uint32Array(keys.length);
  const next = start.slice(0, keyCount);
  for (let row = 0; row < keys.length; row++) rows[(next[keys[row] as number] as number)++] = row;
  return {
    rowsOf: (key: number): Uint32Array => rows.subarray(start[key], start[key + 1]),
    /** The keys that have rows. */
    keys: (): number[] =>
      Array.from({ length: keyCount }, (_, key) => key).filter((key) => start[key] !== start[key + 1]),
  };
}
