// The captured records around the scrubbed time: a page just before it and a page from it
// on, filtered by the search text and the CEL expression when there are, read through the cache one request at a
// time (the newest time and search win).
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { CapturedRecord } from "../../../bindings/CapturedRecord";
import { fetchRecords } from "../queries";
import { useLatestOnly } from "../useLatestOnly";

/** Records on each side of the scrubbed time. */
export const RECORDS_PER_SIDE = 25;

export interface RecordsAround {
  before: CapturedRecord[];
  after: CapturedRecord[];
  /** Records the backend looked at (a search scans up to 20 pages a side). */
  scanned: number;
}

export interface RecordsQuery {
  at: number;
  /** Trimmed; null: every record. */
  contains: string | null;
  /** A CEL expression over key, value, headers, partition, offset, timestamp, size; null: none. */
  expression: string | null;
}

const identify = ({ at, contains, expression }: RecordsQuery) =>
  `${String(at)}|${contains ?? ""}|${expression ?? ""}`;

/** The search text as the backend takes it: trimmed, or null when empty. */
export function searchText(search: string): string | null {
  const trimmed = search.trim();
  return trimmed === "" ? null : trimmed;
}

export function useCapturedRecords(path: string, at: number, search: string, expression = "") {
  const queryClient = useQueryClient();
  const load = useCallback(
    async ({ at: time, contains, expression: where }: RecordsQuery): Promise<RecordsAround> => {
      const [before, after] = await Promise.all([
        fetchRecords(queryClient, path, time, true, contains, where, RECORDS_PER_SIDE),
        fetchRecords(queryClient, path, time, false, contains, where, RECORDS_PER_SIDE),
      ]);
      return { before: before.records, after: after.records, scanned: before.scanned + after.scanned };
    },
    [queryClient, path],
  );
  return useLatestOnly<RecordsQuery, RecordsAround>(
    { at, contains: searchText(search), expression: searchText(expression) },
    identify,
    load,
  );
}
