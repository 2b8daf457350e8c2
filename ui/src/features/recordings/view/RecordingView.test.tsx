// An opened recording in the whole frame: the header and the integrity the file claims,
// replaced by the verified verdict; the timeline's bands and markers; a file that is not a
// recording; the graph at the first exception; stepping by event and by key; the vertex
// drawer's series up to the scrubbed time; the manifest and events; and playback keeping one
// graph query in flight, skipping the times it cannot keep up with, stopping at the end.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Integrity } from "../../../bindings/Integrity";
import * as platform from "../../../platform";
import { flakyGraph, FIRST_EXCEPTION, FLAKY_VERTEX, REC_END, REC_START, SAMPLE_PATH } from "../../../test/recordingFixtures";
import { renderRecording, scrubbedTime, waitForRecordingGraph } from "../recordingsTestKit";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  vi.useRealTimers();
  window.localStorage.clear();
});

function markers(kind: string): HTMLElement[] {
  return screen.queryAllByTestId("timeline-marker").filter((m) => m.dataset["kind"] === kind);
}

describe("RecordingView", () => {
  it("shows the recording's job, the integrity it claims, then the verified verdict in its place", async () => {
    let verify: (integrity: Integrity) => void = () => undefined;
    renderRecording({ verified: null });
    vi.mocked(platform.verifyRecording).mockImplementation(
      () =>
        new Promise((resolve) => {
          verify = resolve;
        }),
    );
    expect(await screen.findByTestId("recording-title")).toHaveTextContent("FlakyJob");
    expect(screen.getByTestId("recording-counts")).toHaveAttribute("data-samples", "338");
    const banner = screen.getByTestId("integrity-banner");
    expect(banner).toHaveTextContent("Intact — unsigned");
    expect(banner).toHaveAttribute("data-verified", "false");
    expect(banner).toHaveTextContent("As the file claims");
    expect(platform.openRecording).toHaveBeenCalledWith(SAMPLE_PATH);
    await waitFor(() => {
      expect(platform.verifyRecording).toHaveBeenCalledWith(SAMPLE_PATH);
    });

    act(() => {
      verify({ state: "tampered", reason: "the content digest does not match" });
    });
    await waitFor(() => {
      expect(screen.getByTestId("integrity-banner")).toHaveAttribute("data-verified", "true");
    });
    const verified = screen.getByTestId("integrity-banner");
    expect(verified).toHaveAttribute("data-state", "tampered");
    expect(verified).toHaveAttribute("role", "alert");
    expect(verified).toHaveTextContent("Tampered: the content digest does not match");
    expect(verified).not.toHaveTextContent("Intact");
  });

  it("marks the state bands, exceptions, restarts and checkpoints on the timeline, and the time before the recording", async () => {
    renderRecording();
    await waitFor(() => {
      expect(markers("exception")).toHaveLength(2);
    });
    expect(markers("checkpoint_failed")).toHaveLength(1);
    expect(markers("checkpoint_completed")).toHaveLength(1);
    expect(markers("restart")).toHaveLength(1);
    // State changes are the bands' edges, not markers.
    expect(markers("job_state")).toHaveLength(0);
    expect(screen.getAllByTestId("timeline-band").map((b) => b.dataset["state"])).toEqual(["RESTARTING", "RUNNING", "RESTARTING", "RUNNING"]);
    // The time before the recording, collapsed beside the recording window (timeline/Timeline.test.tsx).
    expect(screen.getByTestId("timeline-stub-before")).toHaveTextContent("+ 7m 00s before the recording");
    const track = screen.getByRole("slider", { name: "Time in the recording" });
    expect(track).toHaveAttribute("aria-valuemin", String(FIRST_EXCEPTION));
    expect(track).toHaveAttribute("aria-valuemax", String(REC_END));
    // It starts at the first poll of the live part.
    expect(scrubbedTime()).toBe(REC_START + 1_000);
  });

  it("says plainly why a file does not open", async () => {
    renderRecording({
      openError: { kind: "invalid_input", message: "/tmp/notes.txt is not a Streamlens recording: it is not an SQLite file." },
    });
    const failed = await screen.findByTestId("recording-open-failed");
    expect(within(failed).getByTestId("inline-error")).toHaveTextContent("is not a Streamlens recording: it is not an SQLite file.");
    expect(within(failed).getByTestId("open-recording")).toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("recent-recording")).not.toBeInTheDocument();
  });

  it("jumps to the first exception and shows the graph recorded then, tinted by its figures", async () => {
    const { user } = renderRecording();
    await waitForRecordingGraph(1);
    await waitFor(() => {
      expect(screen.getByTestId("jump-first-exception")).toBeEnabled();
    });
    await user.click(screen.getByTestId("jump-first-exception"));
    expect(scrubbedTime()).toBe(FIRST_EXCEPTION);
    await waitFor(() => {
      expect(screen.getByTestId("recording-graph")).toHaveAttribute("data-at", String(FIRST_EXCEPTION));
    });
    expect(platform.recordingGraphAt).toHaveBeenCalledWith(SAMPLE_PATH, FIRST_EXCEPTION);
    expect(platform.recordingMetricsAt).toHaveBeenCalledWith(SAMPLE_PATH, FIRST_EXCEPTION);
    const node = screen.getByTestId("graph-node");
    expect(node).toHaveAttribute("data-vertex-id", FLAKY_VERTEX);
    expect(within(node).getByTestId("graph-node-busy")).toHaveTextContent("35%");
    expect(node).toHaveAttribute("data-tone", "busy");
    expect(screen.getByTestId("latest-event")).toHaveTextContent("Now: java.lang.IllegalStateException");
  });

  it("steps to the previous and next event, problems only on request, and moves by keys on the track", async () => {
    const { user } = renderRecording();
    await waitFor(() => {
      expect(screen.getByTestId("step-next")).toBeEnabled();
    });
    await user.click(screen.getByTestId("step-next"));
    expect(scrubbedTime()).toBe(REC_START + 3_000);
    await user.click(screen.getByTestId("step-next"));
    expect(scrubbedTime()).toBe(REC_START + 9_000);
    await user.click(screen.getByTestId("step-previous"));
    expect(scrubbedTime()).toBe(REC_START + 3_000);
    await user.selectOptions(screen.getByTestId("step-filter"), "problems");
    await user.click(screen.getByTestId("step-next"));
    expect(scrubbedTime()).toBe(REC_START + 17_000);
    expect(screen.getByTestId("latest-event")).toHaveTextContent("Checkpoint 156 failed");

    screen.getByTestId("timeline-track").focus();
    await user.keyboard("{ArrowRight}");
    expect(scrubbedTime()).toBe(REC_START + 18_000);
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    expect(scrubbedTime()).toBe(REC_START + 8_000);
    await user.keyboard("{End}");
    expect(scrubbedTime()).toBe(REC_END);
    expect(screen.getByTestId("step-next")).toBeDisabled();
    await user.keyboard("{Home}");
    expect(scrubbedTime()).toBe(FIRST_EXCEPTION);
  });

  it("scrubs to an event exactly when its marker is pressed", async () => {
    const { user } = renderRecording();
    await waitFor(() => {
      expect(markers("checkpoint_failed")).toHaveLength(1);
    });
    const failed = markers("checkpoint_failed")[0];
    if (failed === undefined) throw new Error("no failed checkpoint marker");
    await user.pointer({ keys: "[MouseLeft>]", target: failed });
    expect(scrubbedTime()).toBe(REC_START + 17_000);
  });

  it("charts the vertex's recorded series up to the scrubbed time in its drawer", async () => {
    const { user } = renderRecording();
    vi.mocked(platform.recordingSeries).mockImplementation((_path, vertexId, metric, until) =>
      Promise.resolve({
        vertexId,
        metric,
        points: metric === "busyPercent" ? [[REC_START, 20] as [number, number], [until ?? 0, 35] as [number, number]] : [],
      }),
    );
    await waitForRecordingGraph(1);
    await user.click(screen.getByTestId("graph-node-open"));
    const drawer = await screen.findByTestId("vertex-drawer");
    await waitFor(() => {
      expect(within(drawer).getByTestId("chart-busy")).toHaveAttribute("data-points", "2");
    });
    const until = REC_START + 1_000;
    for (const metric of ["recordsInPerSecond", "recordsOutPerSecond", "busyPercent", "backpressuredPercent", "lowWatermark"]) {
      expect(platform.recordingSeries).toHaveBeenCalledWith(SAMPLE_PATH, FLAKY_VERTEX, metric, until);
    }
    expect(within(drawer).getByTestId("drawer-records")).toHaveTextContent("400 / 400");
    expect(within(drawer).getByTestId("chart-records")).toHaveTextContent("nothing recorded up to this time");

    await user.click(screen.getByTestId("step-next"));
    await waitFor(() => {
      expect(platform.recordingSeries).toHaveBeenCalledWith(SAMPLE_PATH, FLAKY_VERTEX, "busyPercent", REC_START + 3_000);
    });
  });

  it("keeps one graph query in flight while playing, skipping the times in between", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderRecording();
    await waitForRecordingGraph(1);
    let inFlight = 0;
    let most = 0;
    vi.mocked(platform.recordingGraphAt).mockImplementation(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 350));
      inFlight -= 1;
      return flakyGraph();
    });
    // From the start: 481 s to play through.
    screen.getByTestId("timeline-track").focus();
    await user.keyboard("{Home}");
    await waitFor(() => {
      expect(screen.getByTestId("recording-graph")).toHaveAttribute("data-at", String(FIRST_EXCEPTION));
    });
    vi.mocked(platform.recordingGraphAt).mockClear();
    const start = scrubbedTime();
    // 10×: a loaded machine's slow ticks cannot reach the end (481 s away) before the pause.
    await user.selectOptions(screen.getByTestId("play-speed"), "10");
    await user.click(screen.getByTestId("play-toggle"));
    expect(screen.getByTestId("play-toggle")).toHaveAttribute("data-playing", "true");
    // Five ticks of 100 ms, each rendered: at least 5 s of the recording.
    for (let tick = 0; tick < 5; tick++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
    }
    await user.click(screen.getByTestId("play-toggle"));
    expect(screen.getByTestId("play-toggle")).toHaveAttribute("data-playing", "false");
    const stoppedAt = scrubbedTime();
    expect(stoppedAt - start).toBeGreaterThanOrEqual(4_000);
    expect(stoppedAt).toBeLessThan(REC_END);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    const times = vi.mocked(platform.recordingGraphAt).mock.calls.map(([, at]) => at);
    expect(most).toBe(1);
    // Five ticks moved the time; fewer times were read, in order, ending on the last.
    expect(times.length).toBeGreaterThan(1);
    expect(times.length).toBeLessThan(5);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.at(-1)).toBe(stoppedAt);
    await waitFor(() => {
      expect(screen.getByTestId("recording-graph")).toHaveAttribute("data-at", String(stoppedAt));
    });
  });

  it("stops playing at the end of the recording", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderRecording();
    await waitFor(() => {
      expect(screen.getByTestId("step-next")).toBeEnabled();
    });
    screen.getByTestId("timeline-track").focus();
    await user.keyboard("{End}");
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    await user.selectOptions(screen.getByTestId("play-speed"), "100");
    await user.click(screen.getByTestId("play-toggle"));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(scrubbedTime()).toBe(REC_END);
    expect(screen.getByTestId("play-toggle")).toHaveAttribute("data-playing", "false");
    // Playing again starts over.
    await user.click(screen.getByTestId("play-toggle"));
    expect(scrubbedTime()).toBeLessThan(FIRST_EXCEPTION + 60_000);
    await user.click(screen.getByTestId("play-toggle"));
  });

  it("lists the manifest: who recorded what, where, and for which role the records are masked", async () => {
    const { user } = renderRecording();
    await user.click(await screen.findByTestId("recording-tab-manifest"));
    const manifest = screen.getByTestId("manifest-panel");
    expect(within(manifest).getByTestId("manifest-masked-for")).toHaveTextContent("the support role");
    expect(within(manifest).getByTestId("manifest-topics")).toHaveTextContent("sample.customers (in)");
    expect(manifest).toHaveTextContent("http://127.0.0.1:18082");
    expect(manifest).toHaveTextContent("dana");
  });

  it("lists the events, and scrubs to the one clicked", async () => {
    const { user } = renderRecording();
    await user.click(await screen.findByTestId("recording-tab-events"));
    await waitFor(() => {
      expect(screen.getAllByTestId("event-row")).toHaveLength(8);
    });
    const restart = screen.getAllByTestId("event-row").find((row) => row.dataset["kind"] === "restart");
    if (restart === undefined) throw new Error("no restart row");
    await user.click(restart);
    expect(scrubbedTime()).toBe(REC_START + 30_000);
    expect(restart).toHaveAttribute("aria-current", "true");
    await user.click(screen.getByTestId("events-problems-only"));
    expect(screen.getAllByTestId("event-row")).toHaveLength(7);
  });
});
