// The Flink commands through Tauri's IPC mock: names and camelCase argument shapes the Rust
// handlers take, and a refusal passed on as an AppError.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { JobActionRequest } from "../bindings/JobActionRequest";
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
} from "./flink";

afterEach(() => {
  clearMocks();
});

describe("flink commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const request: JobActionRequest = { kind: "savepoint", targetDirectory: "file:///sp", confirm: null };

    await fetchFlinkOverview("c1");
    await listFlinkJobs("c1");
    await fetchJobGraph("c1", "j1");
    await fetchGraphMetrics("c1", "j1", ["v1", "v2"]);
    await fetchVertexDetail("c1", "j1", "v1");
    await listVertexMetricNames("c1", "j1", "v1");
    await fetchVertexMetrics("c1", "j1", "v1", ["numRecordsIn"]);
    await fetchCheckpoints("c1", "j1");
    await fetchCheckpointDetail("c1", "j1", 42);
    await fetchJobExceptions("c1", "j1");
    await fetchJobConfiguration("c1", "j1");
    await runJobAction("c1", "j1", request);
    await fetchSavepointStatus("c1", "j1", "t1");

    expect(calls).toEqual([
      ["flink_overview", { connectionId: "c1" }],
      ["flink_jobs", { connectionId: "c1" }],
      ["flink_job_graph", { connectionId: "c1", jobId: "j1" }],
      ["flink_graph_metrics", { connectionId: "c1", jobId: "j1", detailed: ["v1", "v2"] }],
      ["flink_vertex", { connectionId: "c1", jobId: "j1", vertexId: "v1" }],
      ["flink_vertex_metric_names", { connectionId: "c1", jobId: "j1", vertexId: "v1" }],
      ["flink_vertex_metrics", { connectionId: "c1", jobId: "j1", vertexId: "v1", names: ["numRecordsIn"] }],
      ["flink_checkpoints", { connectionId: "c1", jobId: "j1" }],
      ["flink_checkpoint_detail", { connectionId: "c1", jobId: "j1", checkpointId: 42 }],
      ["flink_exceptions", { connectionId: "c1", jobId: "j1" }],
      ["flink_configuration", { connectionId: "c1", jobId: "j1" }],
      ["flink_job_action", { connectionId: "c1", jobId: "j1", request }],
      ["flink_savepoint_status", { connectionId: "c1", jobId: "j1", triggerId: "t1" }],
    ]);
  });

  it("rejects with the backend's invalid_input error as-is", async () => {
    const refusal = { kind: "invalid_input", message: "Type the job name 'OrdersPipeline' to cancel it on this prod connection." };
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw refusal;
    });
    await expect(runJobAction("c1", "j1", { kind: "cancel", targetDirectory: null, confirm: null })).rejects.toEqual(refusal);
  });
});
