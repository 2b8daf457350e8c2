// The timeline's view in the opened sample-shaped recording (a minute recorded, seven minutes
// of history Flink still reported before it): it opens on the recording window with the
// history collapsed into a labelled stub that keeps its events; the stub expands to the whole
// history and Fit comes back; + − 0, the buttons and Ctrl+wheel zoom; the axis pans; and
// stepping or jumping to an event out of view, or playing past its edge, brings the view along.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLocalTime } from "../../../components/format";
import { FIRST_EXCEPTION, REC_END, REC_START } from "../../../test/recordingFixtures";
import { renderRecording, scrubbedTime } from "../recordingsTestKit";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  vi.useRealTimers();
  window.localStorage.clear();
});

/** The span in view, as the timeline says it. */
function shownSpan(): [number, number] {
  const timeline = screen.getByTestId("timeline");
  return [Number(timeline.dataset["viewStart"]), Number(timeline.dataset["viewEnd"])];
}

const kinds = (within: HTMLElement) => [...within.querySelectorAll<HTMLElement>('[data-testid="timeline-marker"]')].map((m) => m.dataset["kind"]);

async function openSample() {
  const rendered = renderRecording();
  await waitFor(() => {
    expect(screen.getAllByTestId("timeline-marker").filter((m) => m.dataset["kind"] === "exception")).toHaveLength(2);
  });
  return rendered;
}

describe("Timeline view", () => {
  it("opens on the recording window, the history before it collapsed into a stub with its events", async () => {
    await openSample();
    expect(shownSpan()).toEqual([REC_START, REC_END]);
    expect(screen.getByTestId("timeline-axis-start")).toHaveTextContent(formatLocalTime(REC_START));
    expect(screen.getByTestId("timeline-axis-end")).toHaveTextContent(formatLocalTime(REC_END).slice(11));
    expect(screen.getAllByTestId("timeline-tick").map((tick) => Number(tick.dataset["at"]) % 10_000)).not.toHaveLength(0);
    const stub = screen.getByTestId("timeline-stub-before");
    expect(within(stub).getByRole("button", { name: "+ 7m 00s before the recording" })).toBeInTheDocument();
    expect(kinds(stub)).toEqual(["exception", "exception"]);
    expect(kinds(screen.getByTestId("timeline-track"))).not.toContain("exception");
    expect(screen.queryByTestId("timeline-stub-after")).not.toBeInTheDocument();
    expect(screen.queryByTestId("timeline-history")).not.toBeInTheDocument();
    expect(screen.getByTestId("timeline-shown")).toHaveTextContent("1m 00s of 8m 00s shown");
    expect(screen.getByTestId("timeline-fit")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("timeline-whole")).toHaveAttribute("aria-pressed", "false");
  });

  it("expands the stub to the whole history, shaded before the recording, and fits back", async () => {
    const { user } = await openSample();
    await user.click(screen.getByRole("button", { name: "+ 7m 00s before the recording" }));
    expect(shownSpan()).toEqual([FIRST_EXCEPTION, REC_END]);
    expect(screen.queryByTestId("timeline-stub-before")).not.toBeInTheDocument();
    expect(kinds(screen.getByTestId("timeline-track"))).toEqual(expect.arrayContaining(["exception", "exception"]));
    expect(screen.getByTestId("timeline-history")).toBeInTheDocument();
    expect(screen.getByTestId("timeline-axis-start")).toHaveTextContent(formatLocalTime(FIRST_EXCEPTION));
    expect(screen.getByTestId("timeline-shown")).toHaveTextContent("All 8m 00s shown · shaded: before the recording");
    expect(screen.getByTestId("timeline-whole")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("timeline-zoom-out")).toBeDisabled();

    await user.click(screen.getByTestId("timeline-fit"));
    expect(shownSpan()).toEqual([REC_START, REC_END]);
    await user.click(screen.getByTestId("timeline-whole"));
    expect(shownSpan()).toEqual([FIRST_EXCEPTION, REC_END]);
  });

  it("zooms around the scrubbed time with + and − on the track, fits with 0, and with the buttons", async () => {
    const { user } = await openSample();
    // The scrubbed time is the first poll, a 60th of the way in: it stays a 60th of the way in.
    screen.getByTestId("timeline-track").focus();
    await user.keyboard("+");
    expect(shownSpan()).toEqual([REC_START + 500, REC_START + 30_500]);
    expect(screen.getByTestId("timeline-cursor")).toHaveAttribute("data-at", String(REC_START + 1_000));
    expect(within(screen.getByTestId("timeline-stub-after")).getByRole("button")).toHaveTextContent("later");
    expect(within(screen.getByTestId("timeline-stub-before")).getByRole("button")).toHaveTextContent("+ 7m 00s earlier");
    expect(screen.getByTestId("timeline-fit")).toHaveAttribute("aria-pressed", "false");
    await user.keyboard("-");
    expect(shownSpan()).toEqual([REC_START, REC_END]);
    await user.keyboard("++0");
    expect(shownSpan()).toEqual([REC_START, REC_END]);
    // Keys that land before a render (a held key's burst) each count.
    const track = screen.getByTestId("timeline-track");
    act(() => {
      for (let press = 0; press < 3; press++) fireEvent.keyDown(track, { key: "+" });
    });
    expect(shownSpan()[1] - shownSpan()[0]).toBe(7_500);
    await user.keyboard("0");
    // Scrubbing keys still scrub.
    await user.keyboard("{ArrowRight}");
    expect(scrubbedTime()).toBe(REC_START + 2_000);

    await user.click(screen.getByTestId("timeline-zoom-in"));
    expect(shownSpan()).toEqual([REC_START + 1_000, REC_START + 31_000]);
    await user.click(screen.getByTestId("timeline-zoom-out"));
    expect(shownSpan()).toEqual([REC_START, REC_END]);
    // Down to a second and no further.
    for (let step = 0; step < 8; step++) await user.click(screen.getByTestId("timeline-zoom-in"));
    const [start, end] = shownSpan();
    expect(end - start).toBe(1_000);
    expect(screen.getByTestId("timeline-zoom-in")).toBeDisabled();
  });

  it("zooms with Ctrl+wheel, pans with Shift+wheel and by dragging the axis, and leaves a plain wheel alone", async () => {
    await openSample();
    const track = screen.getByTestId("timeline-track");
    // jsdom lays nothing out: the track is 0 px wide, so the pointer is at the view's start.
    fireEvent.wheel(track, { ctrlKey: true, deltaY: -300 });
    expect(shownSpan()).toEqual([REC_START, REC_START + 30_000]);
    const plain = fireEvent.wheel(track, { deltaY: 100 });
    expect(plain).toBe(true);
    expect(shownSpan()).toEqual([REC_START, REC_START + 30_000]);

    const axis = screen.getByTestId("timeline-axis");
    vi.spyOn(axis, "getBoundingClientRect").mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 300, height: 16 }));
    fireEvent.pointerDown(axis, { clientX: 200, pointerId: 1, buttons: 1 });
    // 30 px of 300 to the right: the view moves a tenth of its span earlier.
    fireEvent.pointerMove(axis, { clientX: 230, pointerId: 1, buttons: 1 });
    fireEvent.pointerUp(axis, { clientX: 230, pointerId: 1 });
    expect(shownSpan()).toEqual([REC_START - 3_000, REC_START + 27_000]);
    fireEvent.pointerMove(axis, { clientX: 400, pointerId: 1, buttons: 0 });
    expect(shownSpan()).toEqual([REC_START - 3_000, REC_START + 27_000]);

    vi.spyOn(track.parentElement ?? track, "getBoundingClientRect").mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 300, height: 46 }));
    fireEvent.wheel(track, { shiftKey: true, deltaY: 30 });
    expect(shownSpan()).toEqual([REC_START, REC_START + 30_000]);
  });

  it("brings an event out of view into it: the previous event, the first exception, a marker on the stub", async () => {
    const { user } = await openSample();
    // A second before the recording: paged back, just inside the left edge.
    await user.click(screen.getByTestId("step-previous"));
    expect(scrubbedTime()).toBe(REC_START - 1_000);
    expect(shownSpan()).toEqual([REC_START - 55_000, REC_START + 5_000]);
    expect(screen.getByTestId("timeline-cursor")).toHaveAttribute("data-at", String(REC_START - 1_000));

    // Seven minutes before: the view goes there, the recording collapsed after it.
    await user.click(screen.getByTestId("jump-first-exception"));
    expect(scrubbedTime()).toBe(FIRST_EXCEPTION);
    expect(shownSpan()).toEqual([FIRST_EXCEPTION, FIRST_EXCEPTION + 60_000]);
    expect(screen.queryByTestId("timeline-stub-before")).not.toBeInTheDocument();
    expect(kinds(screen.getByTestId("timeline-track"))).toEqual(["exception"]);
    expect(screen.getByTestId("timeline-cursor")).toHaveAttribute("data-at", String(FIRST_EXCEPTION));
    const after = screen.getByTestId("timeline-stub-after");
    expect(within(after).getByRole("button")).toHaveTextContent("+ 7m 00s later");

    // The next exception, on the stub: pressing it scrubs there and centres the view on it.
    const next = [...after.querySelectorAll<HTMLElement>('[data-testid="timeline-marker"]')].find((m) => m.dataset["kind"] === "exception");
    if (next === undefined) throw new Error("no exception on the stub");
    await user.pointer({ keys: "[MouseLeft>]", target: next });
    expect(scrubbedTime()).toBe(REC_START - 30_000);
    expect(shownSpan()).toEqual([REC_START - 60_000, REC_START]);
  });

  it("follows the playhead while playing", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = await openSample();
    screen.getByTestId("timeline-track").focus();
    await user.keyboard("++++");
    const [start, end] = shownSpan();
    expect(end - start).toBe(3_750);
    await user.selectOptions(screen.getByTestId("play-speed"), "10");
    await user.click(screen.getByTestId("play-toggle"));
    for (let tick = 0; tick < 10; tick++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
      const [from, to] = shownSpan();
      const at = scrubbedTime();
      expect(at).toBeGreaterThanOrEqual(from);
      expect(at).toBeLessThanOrEqual(to);
    }
    await user.click(screen.getByTestId("play-toggle"));
    expect(scrubbedTime()).toBeGreaterThan(end);
    expect(shownSpan()[0]).toBeGreaterThan(start);
    expect(screen.getByTestId("timeline-cursor")).toHaveAttribute("data-at", String(scrubbedTime()));
  });
});
