// Typed functions for the recording commands: open a .slrec file (its summary, fast, with the
// integrity the file claims) and verify it (the digest recomputed: seconds on a big file);
// read it at any time — events, the job graph and metrics at a moment, one metric's series,
// captured records around a moment; export it; replay its input records; record a job
// (progress on a Channel, stopped with cancelScan(recordingId)); the bundled sample and the
// file the app was started with.
import { Channel } from "@tauri-apps/api/core";
import type { CapturedPage } from "../bindings/CapturedPage";
import type { EventKind } from "../bindings/EventKind";
import type { Integrity } from "../bindings/Integrity";
import type { JobGraph } from "../bindings/JobGraph";
import type { MetricSeries } from "../bindings/MetricSeries";
import type { RecordingEvent } from "../bindings/RecordingEvent";
import type { RecordingProgress } from "../bindings/RecordingProgress";
import type { RecordingSummary } from "../bindings/RecordingSummary";
import type { RecordRequest } from "../bindings/RecordRequest";
import type { ReplayProgress } from "../bindings/ReplayProgress";
import type { VertexMetrics } from "../bindings/VertexMetrics";
import { callCommand } from "./ipc";

/** The metrics a recording samples per vertex (format version 1). */
export type RecordedMetric =
  | "recordsInPerSecond"
  | "recordsOutPerSecond"
  | "busyPercent"
  | "backpressuredPercent"
  | "lowWatermark"
  | "readRecords"
  | "writeRecords";

/** What export_recording writes: a Flink HistoryServer archive, or the captured records. */
export type RecordingExportKind = "history_archive" | "records_jsonl";

export function openRecording(path: string): Promise<RecordingSummary> {
  return callCommand<RecordingSummary>("open_recording", { path });
}

export function verifyRecording(path: string): Promise<Integrity> {
  return callCommand<Integrity>("verify_recording", { path });
}

/** Writes the bundled sample recording into the data directory; resolves with its path. */
export function sampleRecording(): Promise<string> {
  return callCommand<string>("sample_recording");
}

/** The .slrec file the app was started with, if any. */
export function launchRecording(): Promise<string | null> {
  return callCommand<string | null>("launch_recording");
}

/** Events in time order; `kinds` empty: every kind. */
export function recordingEvents(path: string, kinds: readonly EventKind[], limit: number): Promise<RecordingEvent[]> {
  return callCommand<RecordingEvent[]>("recording_events", { path, kinds, limit });
}

export function recordingGraphAt(path: string, at: number): Promise<JobGraph> {
  return callCommand<JobGraph>("recording_graph_at", { path, at });
}

export function recordingMetricsAt(path: string, at: number): Promise<VertexMetrics[]> {
  return callCommand<VertexMetrics[]>("recording_metrics_at", { path, at });
}

/** One metric of one vertex, up to `until` (everything when null). */
export function recordingSeries(path: string, vertexId: string, metric: RecordedMetric, until: number | null): Promise<MetricSeries> {
  return callCommand<MetricSeries>("recording_series", { path, vertexId, metric, until });
}

/**
 * Captured records at or after `at` (or, `before`, the ones just before it) that pass the
 * message browser's filter — text in key, value or headers, and a CEL expression; limit ≤ 500.
 */
export function recordingRecords(
  path: string,
  at: number,
  before: boolean,
  contains: string | null,
  expression: string | null,
  limit: number,
): Promise<CapturedPage> {
  return callCommand<CapturedPage>("recording_records", { path, at, before, contains, expression, limit });
}

/** Resolves with what was written: archive entries or records. */
export function exportRecording(path: string, output: string, kind: RecordingExportKind): Promise<number> {
  return callCommand<number>("export_recording", { path, output, kind });
}

/**
 * Re-produces the input records into `topic`; speed null: as fast as possible. Progress
 * arrives after every page of records; cancel with cancelScan(replayId). Resolves with the
 * final progress (`cancelled` when stopped early).
 */
export function replayRecording(
  path: string,
  connectionId: string,
  topic: string,
  speed: number | null,
  replayId: string,
  onProgress: (progress: ReplayProgress) => void,
): Promise<ReplayProgress> {
  const channel = new Channel<ReplayProgress>(onProgress);
  return callCommand<ReplayProgress>("replay_recording", { path, connectionId, topic, speed, replayId, onProgress: channel });
}

/**
 * Records a job until the duration, the end of the job or cancelScan(recordingId); resolves
 * with the sealed recording's summary. Progress arrives after every poll.
 */
export function recordJob(
  connectionId: string,
  request: RecordRequest,
  recordingId: string,
  onProgress: (progress: RecordingProgress) => void,
): Promise<RecordingSummary> {
  const channel = new Channel<RecordingProgress>(onProgress);
  return callCommand<RecordingSummary>("record_job", { connectionId, request, recordingId, onProgress: channel });
}

export async function closeRecording(path: string): Promise<void> {
  await callCommand<null>("close_recording", { path });
}
