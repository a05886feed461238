/** Gives each distinct string the next index of `list` (where it is appended): dictionary encoding. */
export function createInterner(list: string[]): (value: string) => number {
  const indexOf = new Map<string, number>();
  return (value) => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = list.length;
      indexOf.set(value, index);
      list.push(value);
    }
    return index;
  };
}
