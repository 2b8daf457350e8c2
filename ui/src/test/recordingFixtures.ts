// Builders for the recording answers the UI tests need, shaped like the bundled sample
// (FlakyJob's one vertex, recorded for a minute, with exceptions Flink reported from before
// the recording, restarts, failed checkpoints and masked customer records). Each returns a
// complete, valid object; tests override only what they are about.
import type { CapturedRecord } from "../bindings/CapturedRecord";
import type { JobGraph } from "../bindings/JobGraph";
import type { Manifest } from "../bindings/Manifest";
import type { RecordingEvent } from "../bindings/RecordingEvent";
import type { RecordingProgress } from "../bindings/RecordingProgress";
import type { RecordingSummary } from "../bindings/RecordingSummary";
import type { VertexMetrics } from "../bindings/VertexMetrics";
import { jsonPayload, payload } from "./fixtures";
import { graphVertex, jobSummary } from "./flinkFixtures";

export const SAMPLE_PATH = "/home/me/.local/share/streamlens/sample-flakyjob.slrec";
/** The live part: 60 s from REC_START. */
export const REC_START = 1_796_003_062_952;
export const REC_END = REC_START + 60_000;
/** The first event: an exception Flink still reported, from 7 minutes before. */
export const FIRST_EXCEPTION = REC_START - 420_000;
export const FLAKY_JOB_ID = "3d3081a3a4ab69098b1194481c2ef2ab";
export const FLAKY_VERTEX = "0e6974929d4a7caba84695093f903d57";

export function manifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    formatVersion: 1,
    appVersion: "0.1.0",
    recordedBy: "dana",
    recordedAt: "2026-11-30T01:44:22.952+00:00",
    connection: "local",
    flinkUrl: "http://127.0.0.1:18082",
    flinkVersion: "2.3.0",
    jobId: FLAKY_JOB_ID,
    jobName: "FlakyJob",
    start: REC_START,
    end: REC_END,
    intervalMs: 1_000,
    policyHash: "3a442ff9549b550c1c1ad5c588cff9656c8dfa3ec0ae9c8bfffe12d0ffab613c",
    maskedForRole: "support",
    topics: [{ topic: "sample.customers", direction: "input" }],
    ...overrides,
  };
}

export function recordingSummary(overrides: Partial<RecordingSummary> = {}): RecordingSummary {
  return {
    path: SAMPLE_PATH,
    fileBytes: 782_336,
    manifest: manifest(),
    integrity: { state: "unsigned" },
    counts: { snapshots: 96, samples: 338, events: 8, records: 50 },
    start: FIRST_EXCEPTION,
    end: REC_END,
    stateBands: [
      { from: REC_START - 1_000, to: REC_START + 3_000, state: "RESTARTING" },
      { from: REC_START + 3_000, to: REC_START + 27_000, state: "RUNNING" },
      { from: REC_START + 27_000, to: REC_START + 30_000, state: "RESTARTING" },
      { from: REC_START + 30_000, to: REC_END, state: "RUNNING" },
    ],
    ...overrides,
  };
}

function event(seq: number, at: number, kind: RecordingEvent["kind"], summary: string): RecordingEvent {
  return { seq, at, kind, summary, detail: "{}" };
}

/** In time order, as recording_events answers. */
export function recordingEvents(): RecordingEvent[] {
  return [
    event(12, FIRST_EXCEPTION, "exception", "java.lang.IllegalStateException: Simulated failure after 400 records (execution #15)"),
    event(13, REC_START - 30_000, "exception", "java.lang.IllegalStateException: Simulated failure after 400 records (execution #16)"),
    event(1, REC_START - 1_000, "job_state", "Job RESTARTING"),
    event(2, REC_START + 3_000, "job_state", "Job RESTARTING → RUNNING"),
    event(3, REC_START + 9_000, "checkpoint_completed", "Checkpoint 153 completed in 5 ms"),
    event(4, REC_START + 17_000, "checkpoint_failed", "Checkpoint 156 failed: Checkpoint expired before completing."),
    event(5, REC_START + 27_000, "job_state", "Job RUNNING → RESTARTING"),
    event(6, REC_START + 30_000, "restart", "Job restarted (restart 32)"),
  ];
}

export function flakyGraph(overrides: Partial<JobGraph> = {}): JobGraph {
  return {
    job: jobSummary({ id: FLAKY_JOB_ID, name: "FlakyJob", tasksTotal: 1, tasks: { running: 1 } }),
    jobType: "STREAMING",
    isStoppable: false,
    vertices: [
      graphVertex({
        id: FLAKY_VERTEX,
        name: "Source: flaky-source -> flaky-parser -> flaky-sink: Writer",
        parallelism: 1,
        operators: [
          { name: "Source: flaky-source", depth: 0 },
          { name: "flaky-parser", depth: 1 },
          { name: "flaky-sink: Writer", depth: 2 },
        ],
        isSource: true,
        isSink: true,
      }),
    ],
    edges: [],
    ...overrides,
  };
}

export function recordedMetrics(overrides: Partial<VertexMetrics> = {}): VertexMetrics[] {
  return [
    {
      vertexId: FLAKY_VERTEX,
      recordsInPerSecond: 0,
      recordsOutPerSecond: 12,
      busyPercent: 35,
      backpressuredPercent: 0,
      lowWatermark: null,
      readRecords: 400,
      writeRecords: 400,
      source: "counters",
      ...overrides,
    },
  ];
}

/** Customer `n`, captured from the input topic, masked for support as the sample is. */
export function capturedRecord(n: number, overrides: Partial<CapturedRecord> = {}): CapturedRecord {
  const id = `C-${String(n).padStart(6, "0")}`;
  return {
    seq: n + 1,
    direction: "input",
    topic: "sample.customers",
    record: {
      partition: 0,
      offset: n,
      timestamp: REC_START + 3_000 + n * 1_000,
      timestampKind: "create_time",
      key: payload({ text: id, size: 8 }),
      value: {
        ...jsonPayload({ customer_id: id, email: "***", phone: "***", address: { city: "Utrecht", country: "NL" } }),
        masks: [
          { path: "$.email", rule: "rule built-in", action: "redact" },
          { path: "$.phone", rule: "rule built-in", action: "redact" },
        ],
      },
      headers: [],
      sizeBytes: 616,
    },
    ...overrides,
  };
}

export function recordingProgress(overrides: Partial<RecordingProgress> = {}): RecordingProgress {
  return {
    elapsedMs: 2_000,
    polls: 2,
    samples: 12,
    events: 3,
    records: 4,
    droppedRecords: 0,
    fileBytes: 40_960,
    requests: 5,
    jobState: "RUNNING",
    ...overrides,
  };
}
