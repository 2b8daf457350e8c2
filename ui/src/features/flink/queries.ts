// Backend state for the Flink views, cached per connection and job. Live views (the graph's
// metrics, an open vertex, checkpoints) poll at the job view's refresh interval while they
// are mounted — TanStack Query polls only for mounted observers — and stop polling while
// their source cannot be read (Retry resumes) or Flink is lost (its recovery resumes them).
// The graph's metrics ask for the vertices on screen at the moment of each request, so
// panning never starts a new query.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { JobActionRequest } from "../../bindings/JobActionRequest";
import {
  fetchCheckpointDetail,
  fetchCheckpoints,
  fetchFlinkOverview,
  fetchGraphMetrics,
  fetchJobConfiguration,
  fetchJobExceptions,
  fetchJobGraph,
  fetchSavepointStatus,
  fetchVertexDetail,
  fetchVertexMetrics,
  listFlinkJobs,
  listVertexMetricNames,
  runJobAction,
} from "../../platform";
import { usePollEvery } from "../../app/connectionRecovery";

export const flinkKeys = {
  overview: (connectionId: string) => ["flink-overview", connectionId] as const,
  jobs: (connectionId: string) => ["flink-jobs", connectionId] as const,
  graph: (connectionId: string, jobId: string) => ["flink-graph", connectionId, jobId] as const,
  metrics: (connectionId: string, jobId: string) => ["flink-metrics", connectionId, jobId] as const,
  vertex: (connectionId: string, jobId: string, vertexId: string) => ["flink-vertex", connectionId, jobId, vertexId] as const,
  metricNames: (connectionId: string, jobId: string, vertexId: string) =>
    ["flink-metric-names", connectionId, jobId, vertexId] as const,
  vertexMetrics: (connectionId: string, jobId: string, vertexId: string, names: readonly string[]) =>
    ["flink-vertex-metrics", connectionId, jobId, vertexId, names] as const,
  checkpoints: (connectionId: string, jobId: string) => ["flink-checkpoints", connectionId, jobId] as const,
  checkpoint: (connectionId: string, jobId: string, checkpointId: number) =>
    ["flink-checkpoint", connectionId, jobId, checkpointId] as const,
  exceptions: (connectionId: string, jobId: string) => ["flink-exceptions", connectionId, jobId] as const,
  configuration: (connectionId: string, jobId: string) => ["flink-configuration", connectionId, jobId] as const,
  savepoint: (connectionId: string, jobId: string, triggerId: string) =>
    ["flink-savepoint", connectionId, jobId, triggerId] as const,
};

/** A job view's refresh interval in ms; null while paused. */
export type RefreshMs = number | null;
export const REFRESH_CHOICES: readonly number[] = [2_000, 5_000, 10_000, 30_000];
/** The job view's interval unless Settings choose another. */
export const DEFAULT_REFRESH_MS = 5_000;
/** The job list and the job's own summary change slowly: never polled faster than this. */
const SLOW_POLL_MS = 10_000;
/** How often a triggered savepoint is asked about. */
export const SAVEPOINT_POLL_MS = 1_000;


export function useFlinkOverview(connectionId: string) {
  return useQuery({
    queryKey: flinkKeys.overview(connectionId),
    queryFn: () => fetchFlinkOverview(connectionId),
    meta: { errorShownInline: true },
  });
}

/** `enabled: false` waits (a caller that only needs the list when the connection has Flink). */
export function useFlinkJobs(connectionId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: flinkKeys.jobs(connectionId),
    queryFn: () => listFlinkJobs(connectionId),
    enabled,
    refetchInterval: usePollEvery(connectionId, "flink", SLOW_POLL_MS),
    meta: { errorShownInline: true },
  });
}

/** The job's graph and summary; re-read now and then for its state, tasks and duration. */
export function useJobGraph(connectionId: string, jobId: string, refreshMs: RefreshMs) {
  return useQuery({
    queryKey: flinkKeys.graph(connectionId, jobId),
    queryFn: () => fetchJobGraph(connectionId, jobId),
    refetchInterval: usePollEvery(connectionId, "flink", refreshMs === null ? null : Math.max(refreshMs, SLOW_POLL_MS)),
    meta: { errorShownInline: true },
  });
}

/** `detailed` is read at each request: the vertices on screen at that moment. */
export function useGraphMetrics(connectionId: string, jobId: string, detailed: () => readonly string[], refreshMs: RefreshMs) {
  return useQuery({
    queryKey: flinkKeys.metrics(connectionId, jobId),
    queryFn: () => fetchGraphMetrics(connectionId, jobId, detailed()),
    refetchInterval: usePollEvery(connectionId, "flink", refreshMs),
    // Every answer is a point on the charts; a cached one would be a stale one.
    staleTime: 0,
    meta: { errorShownInline: true },
  });
}

export function useVertexDetail(connectionId: string, jobId: string, vertexId: string, refreshMs: RefreshMs) {
  return useQuery({
    queryKey: flinkKeys.vertex(connectionId, jobId, vertexId),
    queryFn: () => fetchVertexDetail(connectionId, jobId, vertexId),
    refetchInterval: usePollEvery(connectionId, "flink", refreshMs),
    staleTime: 0,
    meta: { errorShownInline: true },
  });
}

export function useVertexMetricNames(connectionId: string, jobId: string, vertexId: string) {
  return useQuery({
    queryKey: flinkKeys.metricNames(connectionId, jobId, vertexId),
    queryFn: () => listVertexMetricNames(connectionId, jobId, vertexId),
    staleTime: 5 * 60_000,
    meta: { errorShownInline: true },
  });
}

export function useVertexMetrics(
  connectionId: string,
  jobId: string,
  vertexId: string,
  names: readonly string[],
  refreshMs: RefreshMs,
) {
  return useQuery({
    queryKey: flinkKeys.vertexMetrics(connectionId, jobId, vertexId, names),
    queryFn: () => fetchVertexMetrics(connectionId, jobId, vertexId, names),
    enabled: names.length > 0,
    refetchInterval: usePollEvery(connectionId, "flink", refreshMs),
    staleTime: 0,
    meta: { errorShownInline: true },
  });
}

export function useCheckpoints(connectionId: string, jobId: string, refreshMs: RefreshMs) {
  return useQuery({
    queryKey: flinkKeys.checkpoints(connectionId, jobId),
    queryFn: () => fetchCheckpoints(connectionId, jobId),
    refetchInterval: usePollEvery(connectionId, "flink", refreshMs),
    staleTime: 0,
    meta: { errorShownInline: true },
  });
}

/** One checkpoint's per-vertex figures; null waits (no row chosen). */
export function useCheckpointDetail(connectionId: string, jobId: string, checkpointId: number | null) {
  return useQuery({
    queryKey: flinkKeys.checkpoint(connectionId, jobId, checkpointId ?? -1),
    queryFn: () => fetchCheckpointDetail(connectionId, jobId, checkpointId ?? -1),
    enabled: checkpointId !== null,
    meta: { errorShownInline: true },
  });
}

export function useJobExceptions(connectionId: string, jobId: string) {
  return useQuery({
    queryKey: flinkKeys.exceptions(connectionId, jobId),
    queryFn: () => fetchJobExceptions(connectionId, jobId),
    meta: { errorShownInline: true },
  });
}

export function useJobConfiguration(connectionId: string, jobId: string) {
  return useQuery({
    queryKey: flinkKeys.configuration(connectionId, jobId),
    queryFn: () => fetchJobConfiguration(connectionId, jobId),
    // A running job's configuration does not change.
    staleTime: 5 * 60_000,
    meta: { errorShownInline: true },
  });
}

/** Starts a savepoint, a stop with savepoint or a cancel; the job and list are re-read after. */
export function useJobAction(connectionId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: JobActionRequest) => runJobAction(connectionId, jobId, request),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: flinkKeys.graph(connectionId, jobId) }),
        queryClient.invalidateQueries({ queryKey: flinkKeys.jobs(connectionId) }),
      ]);
    },
  });
}

/** A triggered savepoint's status, asked every second until it is no longer IN_PROGRESS. */
export function useSavepointStatus(connectionId: string, jobId: string, triggerId: string | null) {
  return useQuery({
    queryKey: flinkKeys.savepoint(connectionId, jobId, triggerId ?? ""),
    queryFn: () => fetchSavepointStatus(connectionId, jobId, triggerId ?? ""),
    enabled: triggerId !== null,
    refetchInterval: (query) =>
      query.state.status !== "error" && (query.state.data === undefined || query.state.data.status === "IN_PROGRESS")
        ? SAVEPOINT_POLL_MS
        : false,
    staleTime: 0,
    meta: { errorShownInline: true },
  });
}
