// Backend state for an opened recording, cached per file path. A recording never changes
// once sealed, so answers stay fresh for good (staleTime Infinity) and scrubbing back to a
// time already seen asks nothing. The summary comes first (fast; the integrity the file
// claims); the verification and the events follow it. Answers for a moment (graph, metrics,
// series, records) are read through the cache by the latest-only loaders (useLatestOnly).
import { queryOptions, useMutation, useQuery, type QueryClient } from "@tanstack/react-query";
import type { RecordedMetric, RecordingExportKind } from "../../platform";
import {
  exportRecording,
  openRecording,
  recordingEvents,
  recordingGraphAt,
  recordingMetricsAt,
  recordingRecords,
  recordingSeries,
  sampleRecording,
  verifyRecording,
} from "../../platform";

/** Events read for the timeline: plenty for hours of checkpoints every few seconds. */
export const EVENT_LIMIT = 20_000;

export const recordingKeys = {
  all: (path: string) => ["recording", path] as const,
  summary: (path: string) => ["recording", path, "summary"] as const,
  integrity: (path: string) => ["recording", path, "integrity"] as const,
  events: (path: string) => ["recording", path, "events"] as const,
  graph: (path: string, at: number) => ["recording", path, "graph", at] as const,
  metrics: (path: string, at: number) => ["recording", path, "metrics", at] as const,
  series: (path: string, vertexId: string, metric: RecordedMetric, until: number) =>
    ["recording", path, "series", vertexId, metric, until] as const,
  records: (path: string, at: number, before: boolean, contains: string | null, expression: string | null, limit: number) =>
    ["recording", path, "records", at, before, contains, expression, limit] as const,
};

const FOREVER = { staleTime: Infinity, meta: { errorShownInline: true } } as const;

/** Opens the file: its summary, with the integrity it claims (also how a restored view checks it still opens). */
export function recordingSummaryQuery(path: string) {
  return queryOptions({ queryKey: recordingKeys.summary(path), queryFn: () => openRecording(path), ...FOREVER });
}

export function useRecordingSummary(path: string) {
  return useQuery(recordingSummaryQuery(path));
}

/** The digest recomputed, once the summary is on screen (it may take seconds). */
export function useRecordingIntegrity(path: string, enabled: boolean) {
  return useQuery({ queryKey: recordingKeys.integrity(path), queryFn: () => verifyRecording(path), enabled, ...FOREVER });
}

export function useRecordingEvents(path: string, enabled: boolean) {
  return useQuery({ queryKey: recordingKeys.events(path), queryFn: () => recordingEvents(path, [], EVENT_LIMIT), enabled, ...FOREVER });
}

export function fetchGraphAt(queryClient: QueryClient, path: string, at: number) {
  return queryClient.query({ queryKey: recordingKeys.graph(path, at), queryFn: () => recordingGraphAt(path, at), ...FOREVER });
}

export function fetchMetricsAt(queryClient: QueryClient, path: string, at: number) {
  return queryClient.query({ queryKey: recordingKeys.metrics(path, at), queryFn: () => recordingMetricsAt(path, at), ...FOREVER });
}

export function fetchSeries(queryClient: QueryClient, path: string, vertexId: string, metric: RecordedMetric, until: number) {
  return queryClient.query({
    queryKey: recordingKeys.series(path, vertexId, metric, until),
    queryFn: () => recordingSeries(path, vertexId, metric, until),
    ...FOREVER,
  });
}

export function fetchRecords(
  queryClient: QueryClient,
  path: string,
  at: number,
  before: boolean,
  contains: string | null,
  expression: string | null,
  limit: number,
) {
  return queryClient.query({
    queryKey: recordingKeys.records(path, at, before, contains, expression, limit),
    queryFn: () => recordingRecords(path, at, before, contains, expression, limit),
    ...FOREVER,
  });
}

/** Writes the bundled sample into the data directory; resolves with its path. */
export function useSampleRecording() {
  return useMutation({ mutationFn: () => sampleRecording() });
}

export function useExportRecording(path: string) {
  return useMutation({
    mutationFn: ({ output, kind }: { output: string; kind: RecordingExportKind }) => exportRecording(path, output, kind),
  });
}
