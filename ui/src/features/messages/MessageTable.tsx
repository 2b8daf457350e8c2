// The message table, virtualized like the topic table: only the rows in view (and a margin)
// are in the DOM, so 10,000 messages — a full page, or a live tail at its cap — scroll like
// 10. Cells show one line each: the value is a monospace preview cut with an ellipsis,
// the detail pane shows all of it (PayloadCell says how a cell reads). Keyboard: the table
// is one tab stop; ↑/↓, Page Up/Down, Home and End move the selection, Enter opens the
// selected message.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from "react";
import type { MessageRecord } from "../../bindings/MessageRecord";
import type { TimestampKind } from "../../bindings/TimestampKind";
import { formatBytes, formatLocalTime } from "../../components/format";
import { PayloadCell } from "./PayloadCell";

// Must match .message-row and header heights in messages.css.
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 34;

export const TIMESTAMP_KIND_LABELS: Record<TimestampKind, string> = {
  create_time: "CreateTime (set by the producer)",
  log_append_time: "LogAppendTime (set by the broker)",
  none: "No timestamp",
};

export function messageKey(message: Pick<MessageRecord, "partition" | "offset">): string {
  return `${String(message.partition)}:${String(message.offset)}`;
}

export function timestampTitle(message: MessageRecord): string {
  const kind = TIMESTAMP_KIND_LABELS[message.timestampKind];
  return message.timestamp === null ? kind : `${kind}\n${new Date(message.timestamp).toISOString()}`;
}

interface MessageTableProps {
  rows: readonly MessageRecord[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onOpen: (key: string) => void;
  /** Keep the newest row in view as rows arrive, unless the user scrolled up. */
  follow: boolean;
  /** Beside the detail pane: only partition, offset, key and value (the pane shows the rest). */
  compact?: boolean;
}

export function MessageTable({ rows, selectedKey, onSelect, onOpen, follow, compact = false }: MessageTableProps) {
  const columnCount = compact ? 4 : 7;
  const idBase = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottomRef = useRef(true);
  const selectedIndex = selectedKey === null ? -1 : rows.findIndex((row) => messageKey(row) === selectedKey);

  const getItemKey = useCallback((index: number) => {
    const row = rows[index];
    return row === undefined ? index : messageKey(row);
  }, [rows]);
  // The hook returns a mutable instance and re-renders through its own state; the React
  // Compiler cannot memoize around that, which is fine here: nothing memoizes on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  useEffect(() => {
    if (follow && atBottomRef.current && rows.length > 0) {
      virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
    }
  }, [follow, rows.length, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items.at(-1);
  const padTop = firstItem === undefined ? 0 : firstItem.start - HEADER_HEIGHT;
  const padBottom = lastItem === undefined ? 0 : virtualizer.getTotalSize() - (lastItem.end - HEADER_HEIGHT);
  const selectedRendered = items.some((item) => item.index === selectedIndex);

  const moveTo = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    onSelect(messageKey(row));
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const last = rows.length - 1;
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
        const row = rows[selectedIndex];
        if (row !== undefined) {
          event.preventDefault();
          onOpen(messageKey(row));
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
    <div
      className="message-table__scroll"
      ref={scrollRef}
      onScroll={(event) => {
        const el = event.currentTarget;
        atBottomRef.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2;
      }}
    >
      <table
        className="data-table message-table"
        role="grid"
        aria-label="Messages"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={selectedRendered ? rowId(selectedIndex) : undefined}
        tabIndex={0}
        data-testid="message-table"
        onKeyDown={onKeyDown}
      >
        <colgroup>
          <col className="message-table__col-partition" />
          <col className="message-table__col-offset" />
          {!compact && <col className="message-table__col-time" />}
          <col className="message-table__col-key" />
          <col />
          {!compact && <col className="message-table__col-headers" />}
          {!compact && <col className="message-table__col-size" />}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="numeric" title="Partition">
              {compact ? "P" : "Partition"}
            </th>
            <th scope="col" className="numeric">
              Offset
            </th>
            {!compact && <th scope="col">Timestamp</th>}
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            {!compact && (
              <th scope="col" className="numeric">
                Headers
              </th>
            )}
            {!compact && (
              <th scope="col" className="numeric">
                Size
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr className="message-table__spacer" aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={columnCount} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            const key = messageKey(row);
            const isSelected = item.index === selectedIndex;
            return (
              <tr
                key={item.key}
                id={rowId(item.index)}
                className={`message-row${isSelected ? " message-row--selected" : ""}`}
                data-testid="message-row"
                data-partition={row.partition}
                data-offset={row.offset}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                onClick={() => {
                  onSelect(key);
                  onOpen(key);
                }}
              >
                <td className="numeric">{row.partition}</td>
                <td className="numeric">{row.offset}</td>
                {!compact && (
                  <td className="mono" title={timestampTitle(row)}>
                    {row.timestamp === null ? <span className="muted">—</span> : formatLocalTime(row.timestamp)}
                  </td>
                )}
                <td className="message-cell mono" data-testid="message-key">
                  <PayloadCell payload={row.key} role="key" />
                </td>
                <td className="message-cell mono" data-testid="message-value">
                  <PayloadCell payload={row.value} role="value" />
                </td>
                {!compact && <td className="numeric">{row.headers.length}</td>}
                {!compact && (
                  <td className="numeric" title={`${String(row.sizeBytes)} bytes`}>
                    {formatBytes(row.sizeBytes)}
                  </td>
                )}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr className="message-table__spacer" aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={columnCount} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
