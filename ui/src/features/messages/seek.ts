// The message toolbar's seek as typed (where to start, which partitions, page size, the
// text filter and the CEL expression) and the BrowseRequest it becomes. Kept pure so the request shapes — the part
// the backend cares about — are tested without rendering anything.
import type { BrowseRequest } from "../../bindings/BrowseRequest";
import type { MessageFilter } from "../../bindings/MessageFilter";
import type { MessagePage } from "../../bindings/MessagePage";
import type { StartPosition } from "../../bindings/StartPosition";
import { timeDisplay } from "../../components/timeFormat";
import { wallClockToMillis } from "../../components/timeZones";

export type SeekMode = "latest" | "earliest" | "offset" | "timestamp";

export const SEEK_MODES: readonly SeekMode[] = ["latest", "earliest", "offset", "timestamp"];

export const SEEK_MODE_LABELS: Record<SeekMode, string> = {
  latest: "Newest",
  earliest: "Oldest",
  offset: "From offset",
  timestamp: "From time",
};

export const PAGE_SIZES: readonly number[] = [50, 100, 500, 1000];
/** The first page's size unless Settings choose another. */
export const DEFAULT_PAGE_SIZE = 100;
/** The backend's largest page (MAX_PAGE). */
export const MAX_PAGE = 10_000;

export interface SeekDraft {
  mode: SeekMode;
  /** The offset (mode "offset") or a datetime-local value (mode "timestamp"). */
  value: string;
  /** "all" or one partition id. */
  partition: "all" | number;
  pageSize: number;
  filter: string;
  /** A CEL expression the backend evaluates on each (masked) message. */
  expression: string;
}

export const initialSeek: SeekDraft = {
  mode: "latest",
  value: "",
  partition: "all",
  pageSize: DEFAULT_PAGE_SIZE,
  filter: "",
  expression: "",
};

export function needsValue(mode: SeekMode): boolean {
  return mode === "offset" || mode === "timestamp";
}

/**
 * Milliseconds since the epoch of a datetime-local value ("2026-01-01T10:00[:00[.000]]"),
 * read in the time zone moments are shown in (Settings; local time by default), so a time
 * copied from the message table finds that message.
 */
export function parseLocalDateTime(text: string, zone = timeDisplay().timeZone): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? "0"));
  if (year === undefined || month === undefined || day === undefined) return null;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  // Reject impossible dates (Feb 30 would roll over into March).
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  // ".5" is half a second: the fraction is read as digits after the point.
  const fraction = match[7] ?? "";
  const millisecond = fraction === "" ? 0 : Number(fraction.padEnd(3, "0"));
  return wallClockToMillis({ year, month, day, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0, millisecond }, zone);
}

export type SeekResult = { ok: true; request: BrowseRequest } | { ok: false; problem: string };

export type StartResult = { ok: true; start: StartPosition } | { ok: false; problem: string };

/**
 * Where a typed start begins: "Newest" is the newest `count` of each partition; an offset
 * or a time is checked here, so a bad one never reaches the backend.
 */
export function startPosition(mode: SeekMode, value: string, count: number): StartResult {
  switch (mode) {
    case "latest":
      return { ok: true, start: { kind: "latest", count } };
    case "earliest":
      return { ok: true, start: { kind: "earliest" } };
    case "offset": {
      const text = value.trim();
      if (!/^\d+$/.test(text)) return { ok: false, problem: "Enter the offset to start from, a whole number (0 or more)." };
      return { ok: true, start: { kind: "offset", offset: Number(text) } };
    }
    case "timestamp": {
      const millis = parseLocalDateTime(value);
      if (millis === null) return { ok: false, problem: "Enter the date and time to start from." };
      return { ok: true, start: { kind: "timestamp", millis } };
    }
  }
}

/** The filter as the backend takes it: blank text or a blank expression is none. */
export function messageFilter(text: string, expression: string): MessageFilter {
  const needle = text.trim();
  const cel = expression.trim();
  return { text: needle === "" ? null : needle, expression: cel === "" ? null : cel };
}

/** True when the request filters by text or by expression. */
export function isFiltered(filter: MessageFilter): boolean {
  return filter.text !== null || (filter.expression ?? null) !== null;
}

/**
 * The request for a seek. "Newest" reads the newest `pageSize` messages of each chosen
 * partition, so its limit grows with the partition count (capped at the backend's
 * maximum); every other start reads one page of `pageSize` across the partitions.
 */
export function toBrowseRequest(topic: string, partitionIds: readonly number[], draft: SeekDraft): SeekResult {
  const partitions = draft.partition === "all" ? null : [draft.partition];
  const partitionCount = partitions === null ? Math.max(1, partitionIds.length) : 1;
  const start = startPosition(draft.mode, draft.value, draft.pageSize);
  if (!start.ok) return start;
  const limit = draft.mode === "latest" ? Math.min(MAX_PAGE, draft.pageSize * partitionCount) : draft.pageSize;
  const filter = messageFilter(draft.filter, draft.expression);
  return { ok: true, request: { topic, partitions, start: start.start, limit, filter } };
}

/** The next (newer) page: continue where this page stopped on each partition. */
export function newerPage(request: BrowseRequest, page: MessagePage): BrowseRequest {
  return { ...request, start: { kind: "after", offsets: page.next } };
}

/** The previous (older) page: read up to where this page started on each partition. */
export function olderPage(request: BrowseRequest, page: MessagePage): BrowseRequest {
  return { ...request, start: { kind: "before", offsets: page.previous } };
}
