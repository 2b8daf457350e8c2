// The Back/Forward stack of the in-memory navigation, as plain data: the views behind the
// current one, the current one, and those ahead of it (after going back). Going somewhere
// new drops the views ahead, like a browser; the stack holds at most HISTORY_LIMIT views,
// forgetting the oldest first. Knows nothing of React.
import type { View } from "./navigation";

export const HISTORY_LIMIT = 100;

export interface ViewHistory {
  /** Oldest first; the last one is where Back goes. */
  readonly back: readonly View[];
  readonly present: View;
  /** Nearest first; the first one is where Forward goes. */
  readonly forward: readonly View[];
}

export function startHistory(view: View): ViewHistory {
  return { back: [], present: view, forward: [] };
}

/**
 * Same view: the same kind and fields. Views are flat objects built by hand in many places,
 * so their keys are compared in sorted order.
 */
export function sameView(a: View, b: View): boolean {
  const canonical = (view: View) => JSON.stringify(view, Object.keys(view).sort());
  return canonical(a) === canonical(b);
}

/** `view` becomes current; asking for the current view again changes nothing. */
export function pushView(history: ViewHistory, view: View, limit = HISTORY_LIMIT): ViewHistory {
  if (sameView(history.present, view)) return history;
  return { back: [...history.back, history.present].slice(-(limit - 1)), present: view, forward: [] };
}

/** One step back; the same history when there is nothing behind. */
export function goBack(history: ViewHistory): ViewHistory {
  const previous = history.back.at(-1);
  if (previous === undefined) return history;
  return { back: history.back.slice(0, -1), present: previous, forward: [history.present, ...history.forward] };
}

/** One step forward; the same history when there is nothing ahead. */
export function goForward(history: ViewHistory): ViewHistory {
  const [next, ...rest] = history.forward;
  if (next === undefined) return history;
  return { back: [...history.back, history.present], present: next, forward: rest };
}
