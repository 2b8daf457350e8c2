// What a live tail shows: the rows so far plus each batch, at most `limit` of them (the
// live-tail rows chosen in Settings; the oldest leave first), and how many messages were
// lost on the way — dropped by the backend because the view could not keep up, or removed
// here by the cap.
import type { MessageRecord } from "../../bindings/MessageRecord";
import type { TailBatch } from "../../bindings/TailBatch";

/** The most rows a tail keeps unless Settings say otherwise: enough to scroll back through, bounded so RAM is too. */
export const DEFAULT_TAIL_ROWS = 10_000;

export interface TailView {
  rows: MessageRecord[];
  /** The most rows kept, fixed when the tail started. */
  limit: number;
  /** Messages the backend dropped because more arrived than a batch holds. */
  dropped: number;
  /** Older rows removed from the view to stay within the cap. */
  removed: number;
  /** Messages received since the tail started. */
  received: number;
}

export function startTail(initial: readonly MessageRecord[], limit = DEFAULT_TAIL_ROWS): TailView {
  const removed = Math.max(0, initial.length - limit);
  return { rows: initial.slice(removed), limit, dropped: 0, removed, received: 0 };
}

export function appendBatch(view: TailView, batch: TailBatch): TailView {
  const combined = batch.messages.length === 0 ? view.rows : view.rows.concat(batch.messages);
  const over = Math.max(0, combined.length - view.limit);
  return {
    ...view,
    rows: over === 0 ? combined : combined.slice(over),
    dropped: view.dropped + batch.dropped,
    removed: view.removed + over,
    received: view.received + batch.messages.length,
  };
}
