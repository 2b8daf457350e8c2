// Builders for the Flink answers the UI tests need, shaped like the local environment's
// OrdersPipeline (source → validate+watermarks → 10 s window → format+sink, FORWARD / HASH /
// REBALANCE). Each returns a complete, valid object; tests override only what they are about.
import type { CheckpointDetail } from "../bindings/CheckpointDetail";
import type { CheckpointOverview } from "../bindings/CheckpointOverview";
import type { CheckpointSummary } from "../bindings/CheckpointSummary";
import type { FlinkOverview } from "../bindings/FlinkOverview";
import type { GraphMetrics } from "../bindings/GraphMetrics";
import type { GraphVertex } from "../bindings/GraphVertex";
import type { JobConfiguration } from "../bindings/JobConfiguration";
import type { JobException } from "../bindings/JobException";
import type { JobExceptions } from "../bindings/JobExceptions";
import type { JobGraph } from "../bindings/JobGraph";
import type { JobSummary } from "../bindings/JobSummary";
import type { SubtaskInfo } from "../bindings/SubtaskInfo";
import type { VertexDetail } from "../bindings/VertexDetail";
import type { VertexMetrics } from "../bindings/VertexMetrics";

export const T0 = 1_767_225_600_000;

export function flinkOverview(overrides: Partial<FlinkOverview> = {}): FlinkOverview {
  return {
    flinkVersion: "2.3.0",
    flinkCommit: "abc1234",
    slotsTotal: 8,
    slotsAvailable: 3,
    jobsRunning: 3,
    jobsFinished: 1,
    jobsCancelled: 0,
    jobsFailed: 0,
    taskManagers: [
      {
        id: "127.0.0.1:40123-a1b2c3",
        host: "127.0.0.1:40123",
        slotsTotal: 8,
        slotsFree: 3,
        cpuCores: 4,
        physicalMemory: 16 * 1024 ** 3,
        processMemory: 1728 * 1024 ** 2,
        managedMemory: 512 * 1024 ** 2,
        lastHeartbeat: T0,
      },
    ],
    notes: [],
    ...overrides,
  };
}

export function jobSummary(overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id: "9277b3e7140e8f63fd44e298fe8e465e",
    name: "OrdersPipeline",
    state: "RUNNING",
    startTime: T0,
    endTime: null,
    durationMs: 185_000,
    lastModification: T0,
    tasksTotal: 8,
    tasks: { running: 8 },
    ...overrides,
  };
}

export function graphVertex(overrides: Partial<GraphVertex> & { id: string }): GraphVertex {
  return {
    name: overrides.id,
    parallelism: 2,
    maxParallelism: 128,
    status: "RUNNING",
    operators: [{ name: overrides.name ?? overrides.id, depth: 0 }],
    tasks: { running: 2 },
    isSource: false,
    isSink: false,
    ...overrides,
  };
}

export const SOURCE = "45b0254a46cabbc3efeea5d2e170ea5b";
export const VALIDATE = "fd6963766ea4194724ab0f0fa07e6756";
export const WINDOW = "215c924c8a7d97259d4dcf322e423bde";
export const SINK = "f656d36326941831043671bd45cb2520";

export function jobGraph(overrides: Partial<JobGraph> = {}): JobGraph {
  return {
    job: jobSummary(),
    jobType: "STREAMING",
    isStoppable: false,
    vertices: [
      graphVertex({ id: SOURCE, name: "Source: orders-source", isSource: true }),
      graphVertex({
        id: VALIDATE,
        name: "validate-order -> event-time-watermarks",
        operators: [
          { name: "validate-order", depth: 0 },
          { name: "event-time-watermarks", depth: 1 },
        ],
      }),
      graphVertex({ id: WINDOW, name: "revenue-per-customer-10s" }),
      graphVertex({
        id: SINK,
        name: "format-revenue -> revenue-sink: Writer",
        operators: [
          { name: "format-revenue", depth: 0 },
          { name: "revenue-sink: Writer", depth: 1 },
        ],
        isSink: true,
      }),
    ],
    edges: [
      { source: SOURCE, target: VALIDATE, shipStrategy: "FORWARD", exchange: "pipelined_bounded" },
      { source: VALIDATE, target: WINDOW, shipStrategy: "HASH", exchange: "pipelined_bounded" },
      { source: WINDOW, target: SINK, shipStrategy: "REBALANCE", exchange: "pipelined_bounded" },
    ],
    ...overrides,
  };
}

export function vertexMetrics(overrides: Partial<VertexMetrics> & { vertexId: string }): VertexMetrics {
  return {
    recordsInPerSecond: 100,
    recordsOutPerSecond: 100,
    busyPercent: 20,
    backpressuredPercent: 0,
    lowWatermark: null,
    readRecords: 10_000,
    writeRecords: 10_000,
    source: "detailed",
    ...overrides,
  };
}

/** A refresh of the OrdersPipeline graph: the window vertex 4.2 s behind, the rest busy 20%. */
export function graphMetrics(overrides: Partial<GraphMetrics> = {}): GraphMetrics {
  const at = overrides.at ?? T0 + 60_000;
  return {
    at,
    jobState: "RUNNING",
    vertices: [
      vertexMetrics({ vertexId: SOURCE, recordsInPerSecond: 0, recordsOutPerSecond: 200 }),
      vertexMetrics({ vertexId: VALIDATE }),
      vertexMetrics({ vertexId: WINDOW, busyPercent: 55, lowWatermark: at - 4_200 }),
      vertexMetrics({ vertexId: SINK, busyPercent: 3, recordsInPerSecond: 0, recordsOutPerSecond: 0 }),
    ],
    requests: 5,
    overBudget: 0,
    ...overrides,
  };
}

export function subtask(overrides: Partial<SubtaskInfo> = {}): SubtaskInfo {
  return {
    subtask: 0,
    status: "RUNNING",
    attempt: 0,
    host: "127.0.0.1:40123",
    readRecords: 1_000,
    writeRecords: 1_000,
    readBytes: 64_000,
    writeBytes: 64_000,
    durationMs: 185_000,
    busyPercent: 20,
    backpressuredPercent: 0,
    backpressureLevel: "ok",
    watermark: null,
    skewed: false,
    ...overrides,
  };
}

export function vertexDetail(overrides: Partial<VertexDetail> = {}): VertexDetail {
  return {
    id: WINDOW,
    name: "revenue-per-customer-10s",
    parallelism: 2,
    subtasks: [subtask({ subtask: 0, readRecords: 900 }), subtask({ subtask: 1, readRecords: 1_100 })],
    skewRatio: 1.1,
    backpressureLevel: "ok",
    notes: [],
    ...overrides,
  };
}

export function checkpointSummary(overrides: Partial<CheckpointSummary> = {}): CheckpointSummary {
  return {
    id: 12,
    status: "COMPLETED",
    isSavepoint: false,
    triggerTimestamp: T0 + 60_000,
    latestAckTimestamp: T0 + 60_180,
    endToEndDurationMs: 180,
    checkpointedSize: 24_576,
    stateSize: 24_576,
    numSubtasks: 8,
    numAcknowledgedSubtasks: 8,
    failureMessage: null,
    externalPath: "file:/tmp/flink-checkpoints/9277b3e7/chk-12",
    ...overrides,
  };
}

export function checkpointOverview(overrides: Partial<CheckpointOverview> = {}): CheckpointOverview {
  const latest = checkpointSummary();
  return {
    total: 13,
    completed: 12,
    failed: 1,
    inProgress: 0,
    restored: 0,
    latestCompleted: latest,
    latestFailed: checkpointSummary({ id: 7, status: "FAILED", failureMessage: "Checkpoint expired before completing.", externalPath: null }),
    latestSavepoint: null,
    latestRestoredId: null,
    latestRestoreTimestamp: null,
    history: [
      latest,
      checkpointSummary({ id: 11, triggerTimestamp: T0 + 55_000, endToEndDurationMs: 150, checkpointedSize: 20_480 }),
      checkpointSummary({ id: 7, status: "FAILED", triggerTimestamp: T0 + 35_000, endToEndDurationMs: null, checkpointedSize: null, failureMessage: "Checkpoint expired before completing.", externalPath: null }),
    ],
    config: { mode: "EXACTLY_ONCE", interval: "5000", timeout: "600000" },
    notes: [],
    ...overrides,
  };
}

export function checkpointDetail(overrides: Partial<CheckpointDetail> = {}): CheckpointDetail {
  return {
    checkpoint: checkpointSummary(),
    vertices: [
      { vertexId: SOURCE, vertexName: null, status: "COMPLETED", endToEndDurationMs: 90, checkpointedSize: 1_024, stateSize: 1_024, numSubtasks: 2, numAcknowledgedSubtasks: 2 },
      { vertexId: WINDOW, vertexName: "revenue-per-customer-10s", status: "COMPLETED", endToEndDurationMs: 180, checkpointedSize: 22_528, stateSize: 22_528, numSubtasks: 2, numAcknowledgedSubtasks: 2 },
    ],
    ...overrides,
  };
}

export function jobException(overrides: Partial<JobException> = {}): JobException {
  return {
    exceptionName: "java.lang.RuntimeException",
    message: "java.lang.RuntimeException: Simulated failure after 400 records",
    rootCause: "java.lang.IllegalStateException: record 400 is poisoned",
    stacktrace:
      "java.lang.RuntimeException: Simulated failure after 400 records\n\tat dev.streamlens.testjobs.FlakyJob$FlakyParser.map(FlakyJob.java:61)\nCaused by: java.lang.IllegalStateException: record 400 is poisoned\n\t... 12 more",
    timestamp: T0 + 30_000,
    taskName: "Source: flaky-source -> flaky-parser -> flaky-sink (1/1)",
    location: "127.0.0.1:40123",
    taskManagerId: "127.0.0.1:40123-a1b2c3",
    failureLabels: {},
    concurrent: [],
    ...overrides,
  };
}

export function jobExceptions(overrides: Partial<JobExceptions> = {}): JobExceptions {
  return { entries: [jobException()], truncated: false, notes: [], ...overrides };
}

export function jobConfiguration(overrides: Partial<JobConfiguration> = {}): JobConfiguration {
  return {
    job: [
      { key: "execution-mode", value: "PIPELINED" },
      { key: "restart-strategy", value: "fixed-delay" },
      { key: "user-config.orders.topic", value: "demo.orders" },
    ],
    jobManager: [
      { key: "jobmanager.rpc.address", value: "localhost" },
      { key: "rest.port", value: "18082" },
      { key: "state.savepoints.dir", value: "file:///tmp/flink-savepoints" },
    ],
    notes: [],
    ...overrides,
  };
}
