// Test harness for the recording views: the whole frame against the mocked platform — each
// test file calls vi.mock("../../platform") (at its depth) and mocks flink/graph/elkEngine
// with test/fakeElkEngine itself — with the sample-shaped recording scripted: its summary
// (the integrity it claims), the verified verdict, events, the one-vertex graph, metrics and
// series at any time, and ten masked customer records answered by time, side and search.
import { screen, waitFor } from "@testing-library/react";
import { expect, vi } from "vitest";
import type { View } from "../../app/navigation";
import type { AppError } from "../../bindings/AppError";
import type { CapturedRecord } from "../../bindings/CapturedRecord";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { Integrity } from "../../bindings/Integrity";
import type { RecordingEvent } from "../../bindings/RecordingEvent";
import type { RecordingSummary } from "../../bindings/RecordingSummary";
import type { Role } from "../../bindings/Role";
import * as platform from "../../platform";
import { appInfo, profile } from "../../test/fixtures";
import { capturedRecord, flakyGraph, recordedMetrics, recordingEvents, recordingSummary, SAMPLE_PATH } from "../../test/recordingFixtures";
import { stubReactFlowDom } from "../../test/reactFlowDom";
import { mockBackend, renderFrame } from "../../test/renderApp";

interface Options {
  role?: Role;
  summary?: RecordingSummary;
  /** open_recording refuses the file with this. */
  openError?: AppError;
  /** What verify_recording answers; null: it never answers. */
  verified?: Integrity | null;
  events?: RecordingEvent[];
  records?: CapturedRecord[];
  connections?: ConnectionProfile[];
  /** Where the app starts; the recording view of SAMPLE_PATH by default. */
  initialView?: View;
  /** The .slrec file the app was started with. */
  launch?: string;
}

export const RECORDS: CapturedRecord[] = Array.from({ length: 10 }, (_, n) => capturedRecord(n));

/** recording_records over `records`: at or after `at` (or before it), containing `contains`. */
export function answerRecords(records: readonly CapturedRecord[]) {
  return (_path: string, at: number, before: boolean, contains: string | null, _expression: string | null, limit: number) => {
    const matching = records.filter((r) => contains === null || JSON.stringify(r.record).toLowerCase().includes(contains.toLowerCase()));
    const time = (r: CapturedRecord) => r.record.timestamp ?? 0;
    const page = before ? matching.filter((r) => time(r) < at).slice(-limit) : matching.filter((r) => time(r) >= at).slice(0, limit);
    return Promise.resolve({ records: page, scanned: records.length });
  };
}

export function renderRecording({
  role = "troubleshooter",
  summary = recordingSummary(),
  openError,
  verified = { state: "unsigned" },
  events = recordingEvents(),
  records = RECORDS,
  connections = [profile({ id: "c1", name: "Local" })],
  initialView = { kind: "recording", path: SAMPLE_PATH },
  launch,
}: Options = {}) {
  stubReactFlowDom();
  mockBackend(connections);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  if (openError === undefined) vi.mocked(platform.openRecording).mockResolvedValue(summary);
  else vi.mocked(platform.openRecording).mockRejectedValue(openError);
  vi.mocked(platform.verifyRecording).mockImplementation(() => (verified === null ? new Promise(() => undefined) : Promise.resolve(verified)));
  vi.mocked(platform.recordingEvents).mockResolvedValue(events);
  vi.mocked(platform.recordingGraphAt).mockResolvedValue(flakyGraph());
  vi.mocked(platform.recordingMetricsAt).mockResolvedValue(recordedMetrics());
  vi.mocked(platform.recordingSeries).mockImplementation((_path, vertexId, metric) => Promise.resolve({ vertexId, metric, points: [] }));
  vi.mocked(platform.recordingRecords).mockImplementation(answerRecords(records));
  vi.mocked(platform.sampleRecording).mockResolvedValue(SAMPLE_PATH);
  if (launch !== undefined) vi.mocked(platform.launchRecording).mockResolvedValue(launch);
  return renderFrame({ initialView });
}

/** Until the recording's graph is drawn with `vertices` nodes (its code loads on demand). */
export async function waitForRecordingGraph(vertices = 1): Promise<void> {
  await waitFor(
    () => {
      expect(screen.getAllByTestId("graph-node")).toHaveLength(vertices);
    },
    { timeout: 10_000 },
  );
}

/** The scrubbed time the controls show. */
export function scrubbedTime(): number {
  return Number(screen.getByTestId("scrubbed-time").dataset["at"]);
}
