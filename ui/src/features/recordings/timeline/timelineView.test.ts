// The timeline's view: opening on the recording window (the history before it collapsed)
// unless there is next to no history, clamping to the timeline and to the shortest and
// longest span, zooming around a point, panning, expanding a collapsed stretch, placing
// markers in or beside the view, revealing a time (paged when near, centred when far) and
// the zoom keys and wheel.
import { describe, expect, it } from "vitest";
import { FIRST_EXCEPTION, manifest, REC_END, REC_START, recordingEvents, recordingSummary } from "../../../test/recordingFixtures";
import { buildTimeline, fractionAt, type TimeSpan } from "./timelineModel";
import {
  clampView,
  defaultView,
  expandTo,
  hiddenStretch,
  MIN_SPAN_MS,
  panBy,
  panByPixels,
  placeOf,
  reveal,
  spanOf,
  splitMarkers,
  viewForKey,
  viewForWheel,
  wholeView,
  zoomAround,
  type WheelInput,
} from "./timelineView";

const timeline = buildTimeline(recordingSummary(), recordingEvents());
const recording: TimeSpan = { start: REC_START, end: REC_END };
const at = (offset: number) => REC_START + offset;
const view = (from: number, to: number): TimeSpan => ({ start: at(from), end: at(to) });

describe("the view a recording opens on", () => {
  it("is the recording window, with the seven minutes of history before it collapsed", () => {
    expect(defaultView(timeline)).toEqual(recording);
    expect(hiddenStretch(timeline, recording, "before")).toEqual({ start: FIRST_EXCEPTION, end: REC_START });
    expect(hiddenStretch(timeline, recording, "after")).toBeNull();
  });

  it("is the whole timeline when the history is next to nothing, or the window is under a second", () => {
    const littleHistory = buildTimeline(recordingSummary({ start: REC_START - 3_000 }), []);
    expect(defaultView(littleHistory)).toEqual({ start: REC_START - 3_000, end: REC_END });
    const endedJob = buildTimeline(recordingSummary({ manifest: manifest({ end: REC_START + 200 }) }), []);
    expect(defaultView(endedJob)).toEqual(wholeView(endedJob));
  });
});

describe("clampView", () => {
  it("moves a view back inside the timeline, keeping its span", () => {
    expect(clampView(timeline, { start: FIRST_EXCEPTION - 10_000, end: FIRST_EXCEPTION + 50_000 })).toEqual({
      start: FIRST_EXCEPTION,
      end: FIRST_EXCEPTION + 60_000,
    });
    expect(clampView(timeline, view(30_000, 90_000))).toEqual(recording);
  });

  it("widens a view under a second around its middle, and narrows one wider than everything", () => {
    expect(clampView(timeline, view(0, 10))).toEqual(view(5 - MIN_SPAN_MS / 2, 5 + MIN_SPAN_MS / 2));
    expect(clampView(timeline, { start: 0, end: REC_END * 2 })).toEqual(wholeView(timeline));
    const tiny = buildTimeline(recordingSummary({ start: REC_START, end: REC_START + 400, stateBands: [] }), []);
    expect(clampView(tiny, { start: REC_START + 100, end: REC_START + 200 })).toEqual({ start: REC_START, end: REC_START + 400 });
  });

  it("answers the same view when nothing changed", () => {
    const inside = view(1_000, 9_000);
    expect(clampView(timeline, inside)).toBe(inside);
  });
});

describe("zooming", () => {
  it("zooms around a point, which stays where it was on the track", () => {
    const zoomed = zoomAround(timeline, recording, at(15_000), 0.5);
    expect(zoomed).toEqual(view(7_500, 37_500));
    expect(fractionAt(zoomed, at(15_000))).toBeCloseTo(fractionAt(recording, at(15_000)));
    // Out, the span doubled: it would run past the end, so it ends there.
    expect(zoomAround(timeline, recording, at(15_000), 2)).toEqual(view(-60_000, 60_000));
  });

  it("stops at a second going in and at the whole history going out", () => {
    let zoomed = recording;
    for (let step = 0; step < 20; step++) zoomed = zoomAround(timeline, zoomed, at(20_000), 0.5);
    expect(spanOf(zoomed)).toBe(MIN_SPAN_MS);
    expect(zoomed.start).toBeLessThanOrEqual(at(20_000));
    expect(zoomed.end).toBeGreaterThanOrEqual(at(20_000));
    for (let step = 0; step < 20; step++) zoomed = zoomAround(timeline, zoomed, at(20_000), 2);
    expect(zoomed).toEqual(wholeView(timeline));
  });
});

describe("panning and expanding", () => {
  it("pans by time or by pixels, never past either end", () => {
    expect(panBy(timeline, recording, -10_000)).toEqual(view(-10_000, 50_000));
    expect(panBy(timeline, recording, 10_000)).toEqual(recording);
    expect(panBy(timeline, recording, -1_000_000)).toEqual({ start: FIRST_EXCEPTION, end: FIRST_EXCEPTION + 60_000 });
    // 100 px of a 1,000 px track over a minute: 6 s.
    expect(panByPixels(timeline, recording, -100, 1_000)).toEqual(view(-6_000, 54_000));
    expect(panByPixels(timeline, recording, -100, 0)).toBe(recording);
  });

  it("stretches the view to either end of the timeline", () => {
    expect(expandTo(timeline, recording, "before")).toEqual(wholeView(timeline));
    expect(expandTo(timeline, view(10_000, 20_000), "after")).toEqual(view(10_000, 60_000));
    expect(hiddenStretch(timeline, view(10_000, 20_000), "after")).toEqual(view(20_000, 60_000));
  });
});

describe("placing markers", () => {
  it("puts each marker in exactly one place: collapsed before, shown, or collapsed after", () => {
    const split = splitMarkers(timeline, recording);
    // The two exceptions Flink still reported, and the RESTARTING a second before the start.
    expect(split.before.map((m) => m.kind)).toEqual(["exception", "exception", "job_state"]);
    expect(split.shown).toHaveLength(5);
    expect(split.after).toHaveLength(0);
    const middle = splitMarkers(timeline, view(5_000, 20_000));
    expect(middle.before.length + middle.shown.length + middle.after.length).toBe(timeline.markers.length);
    expect(middle.shown.map((m) => m.at)).toEqual([at(9_000), at(17_000)]);
    expect(splitMarkers(timeline, wholeView(timeline)).shown).toHaveLength(8);
  });

  it("keeps a time outside the timeline on the track when no stub is on its side", () => {
    expect(placeOf(timeline, recording, REC_END + 5_000)).toBe("shown");
    expect(placeOf(timeline, recording, FIRST_EXCEPTION - 5_000)).toBe("before");
    expect(placeOf(timeline, wholeView(timeline), FIRST_EXCEPTION - 5_000)).toBe("shown");
  });
});

describe("reveal", () => {
  it("leaves the view alone when the time is in it", () => {
    expect(reveal(timeline, recording, at(30_000))).toBe(recording);
    expect(reveal(timeline, recording, REC_START)).toBe(recording);
  });

  it("pages a time just past an edge in, a tenth of the span inside the edge it crossed", () => {
    expect(reveal(timeline, view(0, 10_000), at(15_000))).toEqual(view(14_000, 24_000));
    expect(reveal(timeline, view(20_000, 30_000), at(15_000))).toEqual(view(6_000, 16_000));
  });

  it("centres a time further away, within the timeline", () => {
    expect(reveal(timeline, recording, FIRST_EXCEPTION + 100_000)).toEqual({ start: FIRST_EXCEPTION + 70_000, end: FIRST_EXCEPTION + 130_000 });
    expect(reveal(timeline, recording, FIRST_EXCEPTION)).toEqual({ start: FIRST_EXCEPTION, end: FIRST_EXCEPTION + 60_000 });
  });

  it("follows a playhead moving on: always in view, the span kept", () => {
    let followed = view(0, 10_000);
    for (let t = at(0); t <= REC_END; t += 700) {
      followed = reveal(timeline, followed, t);
      expect(t).toBeGreaterThanOrEqual(followed.start);
      expect(t).toBeLessThanOrEqual(followed.end);
      expect(spanOf(followed)).toBe(10_000);
    }
  });
});

describe("keys and wheel", () => {
  it("zooms in and out around the scrubbed time with + and −, and fits with 0", () => {
    expect(viewForKey(timeline, recording, at(15_000), "+")).toEqual(view(7_500, 37_500));
    expect(viewForKey(timeline, recording, at(15_000), "=")).toEqual(view(7_500, 37_500));
    // The scrubbed time out of view: around the middle.
    expect(viewForKey(timeline, view(0, 10_000), at(40_000), "-")).toEqual(view(-5_000, 15_000));
    expect(viewForKey(timeline, view(0, 10_000), at(5_000), "0")).toEqual(recording);
    expect(viewForKey(timeline, recording, at(5_000), "z")).toBeNull();
  });

  const wheel = (input: Partial<WheelInput>): WheelInput => ({
    deltaX: 0,
    deltaY: 0,
    deltaMode: 0,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...input,
  });

  it("zooms around the pointer with Ctrl (or ⌘) and the wheel, lines counted as 16 px", () => {
    expect(viewForWheel(timeline, recording, wheel({ ctrlKey: true, deltaY: -300 }), at(15_000), 1_000)).toEqual(view(7_500, 37_500));
    expect(viewForWheel(timeline, recording, wheel({ metaKey: true, deltaY: -300 }), at(15_000), 1_000)).toEqual(view(7_500, 37_500));
    expect(spanOf(viewForWheel(timeline, recording, wheel({ ctrlKey: true, deltaY: 300 }), at(15_000), 1_000) ?? recording)).toBe(120_000);
    const lines = viewForWheel(timeline, recording, wheel({ ctrlKey: true, deltaY: -3, deltaMode: 1 }), at(0), 1_000);
    expect(spanOf(lines ?? recording)).toBe(Math.round(60_000 * 2 ** (-48 / 300)));
  });

  it("pans with Shift+wheel and horizontal scrolls, and leaves a plain wheel to the page", () => {
    expect(viewForWheel(timeline, recording, wheel({ shiftKey: true, deltaY: -100 }), at(0), 1_000)).toEqual(view(-6_000, 54_000));
    expect(viewForWheel(timeline, recording, wheel({ shiftKey: true, deltaX: -50, deltaY: -100 }), at(0), 1_000)).toEqual(view(-3_000, 57_000));
    expect(viewForWheel(timeline, recording, wheel({ deltaX: -100, deltaY: 5 }), at(0), 1_000)).toEqual(view(-6_000, 54_000));
    expect(viewForWheel(timeline, recording, wheel({ deltaY: 100 }), at(0), 1_000)).toBeNull();
  });
});
