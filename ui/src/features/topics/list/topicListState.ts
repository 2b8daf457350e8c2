// What the topic list shows: the search, the internal-topics toggle, the sort and the
// selected row, and the pure function that turns all topics into the visible rows.
// Kept out of the components so 10,000 topics can be filtered and sorted in a test.
import type { TopicSummary } from "../../../bindings/TopicSummary";

export type TopicSortColumn = "name" | "partitions" | "replicationFactor" | "messageCount";
export type SortDirection = "asc" | "desc";

export interface TopicSort {
  column: TopicSortColumn;
  direction: SortDirection;
}

export interface TopicListState {
  search: string;
  showInternal: boolean;
  sort: TopicSort;
  /** Name of the selected topic (by name, so it survives filtering and re-sorting). */
  selected: string | null;
}

export const initialTopicListState: TopicListState = {
  search: "",
  showInternal: false,
  sort: { column: "name", direction: "asc" },
  selected: null,
};

// Numeric-aware and case-insensitive: "orders-2" before "orders-10", "Audit" beside "audit".
const NAME_ORDER = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** The row order for a sort; ties on a number are always broken by name, A to Z. */
function comparator({ column, direction }: TopicSort): (a: TopicSummary, b: TopicSummary) => number {
  const sign = direction === "asc" ? 1 : -1;
  if (column === "name") return (a, b) => sign * NAME_ORDER.compare(a.name, b.name);
  return (a, b) => sign * (a[column] - b[column]) || NAME_ORDER.compare(a.name, b.name);
}

export function visibleTopics(
  topics: readonly TopicSummary[],
  { search, showInternal, sort }: Pick<TopicListState, "search" | "showInternal" | "sort">,
): TopicSummary[] {
  const needle = search.trim().toLowerCase();
  const shown = topics.filter(
    (topic) => (showInternal || !topic.internal) && (needle === "" || topic.name.toLowerCase().includes(needle)),
  );
  return shown.sort(comparator(sort));
}

/**
 * The sort after clicking a column header: the same column flips direction; a new column
 * starts ascending for names and descending for numbers (the biggest topics first).
 */
export function nextSort(current: TopicSort, column: TopicSortColumn): TopicSort {
  if (current.column === column) {
    return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  }
  return { column, direction: column === "name" ? "asc" : "desc" };
}
