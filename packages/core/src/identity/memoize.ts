/**
 * A pure function of one string that remembers its results. Imports meet the same names, phone
 * numbers and domains over and over, and each conversion (accent folding, libphonenumber) costs
 * microseconds; a Map lookup costs tens of nanoseconds. `limit` bounds the memory of a memo kept for
 * the life of the module: when it is full it starts over.
 */
export function memoize<T>(fn: (key: string) => T, limit = Number.POSITIVE_INFINITY): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = fn(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value as T;
  };
}
