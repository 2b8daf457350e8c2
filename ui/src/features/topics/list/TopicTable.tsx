// The topic table, virtualized with @tanstack/react-virtual: only the rows in view (and
// a margin around them) are in the DOM, so 10,000 topics scroll, filter and sort like 10.
// It stays a real <table> (sticky header, spacer rows above and below the rendered
// window) so the columns line up without fixed pixel widths per cell.
// Keyboard: the table is one tab stop; arrows, Page Up/Down, Home and End move the
// selection (scrolling it into view), Enter opens the selected topic.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useId, useRef, type KeyboardEvent } from "react";
import type { TopicSummary } from "../../../bindings/TopicSummary";
import { formatCount } from "../../../components/format";
import type { TopicSort, TopicSortColumn } from "./topicListState";

// Must match .topic-table row and header heights in topics.css.
const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 36;

const COLUMNS: readonly { column: TopicSortColumn; label: string; numeric: boolean; testId: string }[] = [
  { column: "name", label: "Name", numeric: false, testId: "sort-name" },
  { column: "partitions", label: "Partitions", numeric: true, testId: "sort-partitions" },
  { column: "replicationFactor", label: "Replication", numeric: true, testId: "sort-replication" },
  { column: "messageCount", label: "Messages", numeric: true, testId: "sort-messages" },
];

interface TopicTableProps {
  topics: readonly TopicSummary[];
  sort: TopicSort;
  onSort: (column: TopicSortColumn) => void;
  selected: string | null;
  onSelect: (name: string) => void;
  onOpen: (name: string) => void;
}

function SortHeader({
  column,
  label,
  numeric,
  testId,
  sort,
  onSort,
}: (typeof COLUMNS)[number] & { sort: TopicSort; onSort: (column: TopicSortColumn) => void }) {
  const active = sort.column === column;
  return (
    <th
      scope="col"
      className={numeric ? "numeric" : undefined}
      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        className="sort-header"
        data-testid={testId}
        onClick={() => {
          onSort(column);
        }}
      >
        {label}
        <span className="sort-header__arrow" aria-hidden="true">
          {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
        </span>
      </button>
    </th>
  );
}

export function TopicTable({ topics, sort, onSort, selected, onSelect, onOpen }: TopicTableProps) {
  const idBase = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = selected === null ? -1 : topics.findIndex((topic) => topic.name === selected);

  // Stable per list, so the virtualizer re-measures only when the rows change.
  const getItemKey = useCallback((index: number) => topics[index]?.name ?? index, [topics]);
  // The hook returns a mutable instance and re-renders through its own state; the React
  // Compiler cannot memoize around that, which is fine here: nothing memoizes on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: topics.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 10,
    // The sticky header sits inside the scroll area, above the first row.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Back from a topic's detail, start with the selected row in view (a few rows down).
    initialOffset: () => Math.max(0, (selectedIndex - 3) * ROW_HEIGHT),
  });

  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items.at(-1);
  const padTop = firstItem === undefined ? 0 : firstItem.start - HEADER_HEIGHT;
  const padBottom = lastItem === undefined ? 0 : virtualizer.getTotalSize() - (lastItem.end - HEADER_HEIGHT);
  const selectedRendered = items.some((item) => item.index === selectedIndex);

  const moveTo = (index: number) => {
    const topic = topics[index];
    if (topic === undefined) return;
    onSelect(topic.name);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys pressed on a sort button inside the table belong to the button.
    if (event.target !== event.currentTarget || topics.length === 0) return;
    const last = topics.length - 1;
    const viewport = virtualizer.scrollRect?.height ?? 0;
    const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    let next: number;
    switch (event.key) {
      case "ArrowDown":
        next = selectedIndex < 0 ? 0 : Math.min(selectedIndex + 1, last);
        break;
      case "ArrowUp":
        next = selectedIndex < 0 ? 0 : Math.max(selectedIndex - 1, 0);
        break;
      case "PageDown":
        next = Math.min(Math.max(selectedIndex, 0) + page, last);
        break;
      case "PageUp":
        next = Math.max(selectedIndex - page, 0);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Enter": {
        const topic = topics[selectedIndex];
        if (topic !== undefined) {
          event.preventDefault();
          onOpen(topic.name);
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const rowId = (index: number) => `${idBase}-row-${String(index)}`;

  return (
    <div className="topic-table__scroll" ref={scrollRef}>
      <table
        className="data-table topic-table"
        role="grid"
        aria-label="Topics"
        aria-rowcount={topics.length + 1}
        aria-activedescendant={selectedRendered ? rowId(selectedIndex) : undefined}
        tabIndex={0}
        data-testid="topic-table"
        onKeyDown={onKeyDown}
      >
        <colgroup>
          <col />
          <col className="topic-table__col-number" />
          <col className="topic-table__col-number" />
          <col className="topic-table__col-messages" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <SortHeader key={column.column} {...column} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr className="topic-table__spacer" aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => {
            const topic = topics[item.index];
            if (topic === undefined) return null;
            const isSelected = item.index === selectedIndex;
            return (
              <tr
                key={item.key}
                id={rowId(item.index)}
                className={`topic-row${isSelected ? " topic-row--selected" : ""}`}
                data-testid="topic-row"
                data-topic-name={topic.name}
                data-messages={topic.messageCount}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                onClick={() => {
                  onOpen(topic.name);
                }}
              >
                <td className="topic-row__name" title={topic.name}>
                  <span className="topic-row__text">{topic.name}</span>
                  {topic.internal && <span className="tag tag--muted">internal</span>}
                </td>
                <td className="numeric">{formatCount(topic.partitions)}</td>
                <td className="numeric">{formatCount(topic.replicationFactor)}</td>
                <td className="numeric">{formatCount(topic.messageCount)}</td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr className="topic-table__spacer" aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
