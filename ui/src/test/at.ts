// The item at an index, failing the test (instead of a type cast) when there is none.
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at index ${String(index)} of ${String(items.length)}`);
  return item;
}
