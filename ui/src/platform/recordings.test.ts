// The recording commands through Tauri's IPC mock: names and camelCase argument shapes the
// Rust handlers take, recording progress from the channel reaching the caller's callback, and
// the window's file drops reaching the drop handler (other drag events filtered).
import { Channel } from "@tauri-apps/api/core";
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RecordRequest } from "../bindings/RecordRequest";
import {
  closeRecording,
  exportRecording,
  launchRecording,
  openRecording,
  recordingEvents,
  recordingGraphAt,
  recordingMetricsAt,
  recordingRecords,
  recordingSeries,
  recordJob,
  replayRecording,
  sampleRecording,
  verifyRecording,
} from "./recordings";
import { onFileDrag, type FileDrag } from "./webview";

afterEach(() => {
  clearMocks();
});

function send(channel: unknown, index: number, message: unknown): void {
  if (!(channel instanceof Channel)) throw new Error("expected a Channel argument");
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message });
}

describe("recording commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const path = "/data/run.slrec";
    await openRecording(path);
    await verifyRecording(path);
    await sampleRecording();
    await launchRecording();
    await recordingEvents(path, ["exception"], 500);
    await recordingGraphAt(path, 1_000);
    await recordingMetricsAt(path, 1_000);
    await recordingSeries(path, "v1", "busyPercent", 2_000);
    await recordingRecords(path, 1_000, true, "C-0001", "value.total > 1.0", 50);
    await exportRecording(path, "/tmp/out.json", "history_archive");
    await closeRecording(path);
    expect(calls).toEqual([
      ["open_recording", { path }],
      ["verify_recording", { path }],
      ["sample_recording", {}],
      ["launch_recording", {}],
      ["recording_events", { path, kinds: ["exception"], limit: 500 }],
      ["recording_graph_at", { path, at: 1_000 }],
      ["recording_metrics_at", { path, at: 1_000 }],
      ["recording_series", { path, vertexId: "v1", metric: "busyPercent", until: 2_000 }],
      ["recording_records", { path, at: 1_000, before: true, contains: "C-0001", expression: "value.total > 1.0", limit: 50 }],
      ["export_recording", { path, output: "/tmp/out.json", kind: "history_archive" }],
      ["close_recording", { path }],
    ]);
  });

  it("records a job with its id, passing progress from the channel to the callback", async () => {
    const onProgress = vi.fn();
    const request: RecordRequest = {
      jobId: "j1",
      path: "/data/j1.slrec",
      intervalMs: 1_000,
      durationMs: 5_000,
      topics: [{ topic: "in", direction: "input" }],
      maskedFor: "support",
    };
    const progress = { elapsedMs: 1_000, polls: 1, samples: 6, events: 2, records: 0, droppedRecords: 0, fileBytes: 4096, requests: 5, jobState: "RUNNING" };
    mockIPC((cmd, args) => {
      expect(cmd).toBe("record_job");
      const { onProgress: channel, ...rest } = args as Record<string, unknown>;
      expect(rest).toEqual({ connectionId: "c1", request, recordingId: "rec-1" });
      send(channel, 0, progress);
      return { path: request.path };
    });
    await expect(recordJob("c1", request, "rec-1", onProgress)).resolves.toEqual({ path: request.path });
    expect(onProgress).toHaveBeenCalledWith(progress);
  });
});

describe("replay", () => {
  it("replays with its id and speed, passing progress from the channel to the callback", async () => {
    const onProgress = vi.fn();
    const progress = { total: 1_200, produced: 500, skipped: 3, cancelled: false };
    const done = { ...progress, produced: 1_197 };
    mockIPC((cmd, args) => {
      expect(cmd).toBe("replay_recording");
      const { onProgress: channel, ...rest } = args as Record<string, unknown>;
      expect(rest).toEqual({ path: "/data/run.slrec", connectionId: "c1", topic: "replayed", speed: 10, replayId: "replay-1" });
      send(channel, 0, progress);
      return done;
    });
    await expect(replayRecording("/data/run.slrec", "c1", "replayed", 10, "replay-1", onProgress)).resolves.toEqual(done);
    expect(onProgress).toHaveBeenCalledWith(progress);
  });
});

describe("file drops", () => {
  it("passes entered and dropped paths and the leave, not the moves in between", async () => {
    mockWindows("main");
    mockIPC(() => null, { shouldMockEvents: true });
    const seen: FileDrag[] = [];
    const stop = await onFileDrag((drag) => seen.push(drag));
    await emit("tauri://drag-enter", { paths: ["/tmp/a.slrec"], position: { x: 1, y: 2 } });
    await emit("tauri://drag-over", { position: { x: 3, y: 4 } });
    await emit("tauri://drag-drop", { paths: ["/tmp/a.slrec"], position: { x: 3, y: 4 } });
    await emit("tauri://drag-leave", null);
    expect(seen).toEqual([
      { type: "enter", paths: ["/tmp/a.slrec"] },
      { type: "drop", paths: ["/tmp/a.slrec"] },
      { type: "leave" },
    ]);
    stop();
  });
});
