/**
 * Lists as long as a user's input. `push(...items)` and `Math.max(...items)` pass every item as an
 * argument, and past some 100,000 arguments the call overflows the stack: these loop instead.
 */

/** Appends items to list, in place; returns list. */
export function append<T>(list: T[], items: readonly T[]): T[] {
  for (const x of items) list.push(x);
  return list;
}

/** The largest of values, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  for (const v of values) if (v > max) max = v;
  return max;
}
