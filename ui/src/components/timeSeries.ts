// Bounded histories for the small time-series charts: one point per answer from the backend,
// the oldest dropped past a limit, so a view left open for hours holds a fixed amount.
export interface TimePoint {
  /** When the value was measured (ms since the epoch). */
  at: number;
  /** null where there was no value: the chart leaves a gap. */
  value: number | null;
}

/** `points` with `point` appended, keeping only the newest `limit`. */
export function appendBounded<T>(points: readonly T[], point: T, limit: number): T[] {
  const next = [...points, point];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
