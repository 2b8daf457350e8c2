// Typed functions for the Flink commands: the cluster and its jobs, one job's graph with its
// live metrics (the vertices on screen read in detail), a vertex's subtasks and metrics,
// checkpoints, exceptions and configuration, and the job actions (savepoint, stop with
// savepoint, cancel: developer and admin; on prod `confirm` is the job's name typed back).
import type { AggregatedMetric } from "../bindings/AggregatedMetric";
import type { CheckpointDetail } from "../bindings/CheckpointDetail";
import type { CheckpointOverview } from "../bindings/CheckpointOverview";
import type { FlinkOverview } from "../bindings/FlinkOverview";
import type { GraphMetrics } from "../bindings/GraphMetrics";
import type { JobActionRequest } from "../bindings/JobActionRequest";
import type { JobConfiguration } from "../bindings/JobConfiguration";
import type { JobExceptions } from "../bindings/JobExceptions";
import type { JobGraph } from "../bindings/JobGraph";
import type { JobSummary } from "../bindings/JobSummary";
import type { SavepointStatus } from "../bindings/SavepointStatus";
import type { VertexDetail } from "../bindings/VertexDetail";
import { callCommand } from "./ipc";

export function fetchFlinkOverview(connectionId: string): Promise<FlinkOverview> {
  return callCommand<FlinkOverview>("flink_overview", { connectionId });
}

/** Running jobs first, then the newest. */
export function listFlinkJobs(connectionId: string): Promise<JobSummary[]> {
  return callCommand<JobSummary[]>("flink_jobs", { connectionId });
}

export function fetchJobGraph(connectionId: string, jobId: string): Promise<JobGraph> {
  return callCommand<JobGraph>("flink_job_graph", { connectionId, jobId });
}

/** One refresh of the graph's figures; `detailed` are the vertices on screen. */
export function fetchGraphMetrics(connectionId: string, jobId: string, detailed: readonly string[]): Promise<GraphMetrics> {
  return callCommand<GraphMetrics>("flink_graph_metrics", { connectionId, jobId, detailed });
}

export function fetchVertexDetail(connectionId: string, jobId: string, vertexId: string): Promise<VertexDetail> {
  return callCommand<VertexDetail>("flink_vertex", { connectionId, jobId, vertexId });
}

export function listVertexMetricNames(connectionId: string, jobId: string, vertexId: string): Promise<string[]> {
  return callCommand<string[]>("flink_vertex_metric_names", { connectionId, jobId, vertexId });
}

export function fetchVertexMetrics(
  connectionId: string,
  jobId: string,
  vertexId: string,
  names: readonly string[],
): Promise<AggregatedMetric[]> {
  return callCommand<AggregatedMetric[]>("flink_vertex_metrics", { connectionId, jobId, vertexId, names });
}

export function fetchCheckpoints(connectionId: string, jobId: string): Promise<CheckpointOverview> {
  return callCommand<CheckpointOverview>("flink_checkpoints", { connectionId, jobId });
}

export function fetchCheckpointDetail(connectionId: string, jobId: string, checkpointId: number): Promise<CheckpointDetail> {
  return callCommand<CheckpointDetail>("flink_checkpoint_detail", { connectionId, jobId, checkpointId });
}

export function fetchJobExceptions(connectionId: string, jobId: string): Promise<JobExceptions> {
  return callCommand<JobExceptions>("flink_exceptions", { connectionId, jobId });
}

export function fetchJobConfiguration(connectionId: string, jobId: string): Promise<JobConfiguration> {
  return callCommand<JobConfiguration>("flink_configuration", { connectionId, jobId });
}

export function runJobAction(connectionId: string, jobId: string, request: JobActionRequest): Promise<SavepointStatus> {
  return callCommand<SavepointStatus>("flink_job_action", { connectionId, jobId, request });
}

export function fetchSavepointStatus(connectionId: string, jobId: string, triggerId: string): Promise<SavepointStatus> {
  return callCommand<SavepointStatus>("flink_savepoint_status", { connectionId, jobId, triggerId });
}
