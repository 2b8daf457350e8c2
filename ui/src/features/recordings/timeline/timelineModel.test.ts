// The timeline's numbers: span and live part, state bands clipped to the span, markers in
// time order, the scrubber's pointer and key arithmetic, stepping to the previous and next
// event (all, or problems only), the first exception and where a recording starts.
import { describe, expect, it } from "vitest";
import { FIRST_EXCEPTION, REC_END, REC_START, recordingEvents, recordingSummary } from "../../../test/recordingFixtures";
import {
  buildTimeline,
  clampTime,
  firstException,
  fractionAt,
  initialTime,
  latestEvent,
  nextEvent,
  previousEvent,
  PROBLEM_KINDS,
  stateAt,
  timeAtPointer,
  timeForKey,
} from "./timelineModel";

const timeline = buildTimeline(recordingSummary(), [...recordingEvents()].reverse());

describe("buildTimeline", () => {
  it("spans the history Flink reported and marks the live part", () => {
    expect(timeline.start).toBe(FIRST_EXCEPTION);
    expect(timeline.end).toBe(REC_END);
    expect([timeline.recordedFrom, timeline.recordedTo]).toEqual([REC_START, REC_END]);
    expect(timeline.stepMs).toBe(1_000);
  });

  it("keeps the state bands, clipped to the span, and drops empty ones", () => {
    const clipped = buildTimeline(
      recordingSummary({
        stateBands: [
          { from: FIRST_EXCEPTION - 5_000, to: REC_START, state: "RUNNING" },
          { from: REC_START, to: REC_START, state: "FAILING" },
          { from: REC_START, to: REC_END + 9_000, state: "RESTARTING" },
        ],
      }),
      [],
    );
    expect(clipped.bands).toEqual([
      { from: FIRST_EXCEPTION, to: REC_START, state: "RUNNING" },
      { from: REC_START, to: REC_END, state: "RESTARTING" },
    ]);
    expect(stateAt(timeline, REC_START + 28_000)).toBe("RESTARTING");
    expect(stateAt(timeline, FIRST_EXCEPTION)).toBeUndefined();
  });

  it("puts the markers in time order, one per event, with their kind and summary", () => {
    expect(timeline.markers.map((m) => m.at)).toEqual(recordingEvents().map((e) => e.at));
    expect(timeline.markers.filter((m) => m.kind === "exception")).toHaveLength(2);
    expect(timeline.markers.find((m) => m.kind === "checkpoint_failed")?.summary).toMatch(/^Checkpoint 156 failed/);
  });

  it("orders events at the same moment by their sequence", () => {
    const same = buildTimeline(recordingSummary(), [
      { seq: 9, at: REC_START, kind: "restart", summary: "b", detail: "{}" },
      { seq: 4, at: REC_START, kind: "job_state", summary: "a", detail: "{}" },
    ]);
    expect(same.markers.map((m) => m.summary)).toEqual(["a", "b"]);
  });
});

describe("scrubbing", () => {
  const span = REC_END - FIRST_EXCEPTION;

  it("maps a pointer over the track to a time, clamped to the ends", () => {
    const track = { left: 100, width: 800 };
    expect(timeAtPointer(timeline, 100, track)).toBe(FIRST_EXCEPTION);
    expect(timeAtPointer(timeline, 500, track)).toBe(Math.round(FIRST_EXCEPTION + span / 2));
    expect(timeAtPointer(timeline, 20, track)).toBe(FIRST_EXCEPTION);
    expect(timeAtPointer(timeline, 2_000, track)).toBe(REC_END);
    expect(timeAtPointer(timeline, 500, { left: 0, width: 0 })).toBe(FIRST_EXCEPTION);
  });

  it("places a time along the track and clamps times outside the recording", () => {
    expect(fractionAt(timeline, FIRST_EXCEPTION + span / 4)).toBeCloseTo(0.25);
    expect(fractionAt(timeline, 0)).toBe(0);
    expect(fractionAt(timeline, REC_END * 2)).toBe(1);
    expect(clampTime(timeline, REC_END + 1)).toBe(REC_END);
    expect(clampTime(timeline, REC_START + 0.4)).toBe(REC_START);
  });

  it("moves by a sampling interval per arrow key, ten with Shift, to the ends with Home and End", () => {
    const at = REC_START + 10_000;
    expect(timeForKey(timeline, at, "ArrowRight", false)).toBe(at + 1_000);
    expect(timeForKey(timeline, at, "ArrowLeft", false)).toBe(at - 1_000);
    expect(timeForKey(timeline, at, "ArrowRight", true)).toBe(at + 10_000);
    expect(timeForKey(timeline, REC_END - 500, "ArrowRight", false)).toBe(REC_END);
    expect(timeForKey(timeline, at, "Home", false)).toBe(FIRST_EXCEPTION);
    expect(timeForKey(timeline, at, "End", false)).toBe(REC_END);
    expect(timeForKey(timeline, at, "Enter", false)).toBeNull();
  });

  it("moves to the previous and next event with PageUp and PageDown", () => {
    expect(timeForKey(timeline, REC_START + 10_000, "PageDown", false)).toBe(REC_START + 17_000);
    expect(timeForKey(timeline, REC_START + 10_000, "PageUp", false)).toBe(REC_START + 9_000);
    expect(timeForKey(timeline, REC_END, "PageDown", false)).toBe(REC_END);
    expect(timeForKey(timeline, FIRST_EXCEPTION, "PageUp", false)).toBe(FIRST_EXCEPTION);
  });

  it("starts at the first poll of the live part", () => {
    expect(initialTime(timeline)).toBe(REC_START + 1_000);
  });
});

describe("stepping through events", () => {
  it("steps to the next and previous event strictly after and before the time", () => {
    expect(nextEvent(timeline, REC_START + 9_000)?.kind).toBe("checkpoint_failed");
    expect(previousEvent(timeline, REC_START + 9_000)?.summary).toBe("Job RESTARTING → RUNNING");
    expect(nextEvent(timeline, REC_START + 30_000)).toBeUndefined();
    expect(previousEvent(timeline, FIRST_EXCEPTION)).toBeUndefined();
  });

  it("skips completed checkpoints when stepping through problems only", () => {
    expect(nextEvent(timeline, REC_START + 3_000, PROBLEM_KINDS)?.kind).toBe("checkpoint_failed");
    expect(previousEvent(timeline, REC_START + 17_000, PROBLEM_KINDS)?.summary).toBe("Job RESTARTING → RUNNING");
  });

  it("finds the first exception, and none in a recording without one", () => {
    expect(firstException(timeline)?.at).toBe(FIRST_EXCEPTION);
    expect(firstException(buildTimeline(recordingSummary(), recordingEvents().filter((e) => e.kind !== "exception")))).toBeUndefined();
  });

  it("names the latest event at or before a time", () => {
    expect(latestEvent(timeline, REC_START + 17_000)?.kind).toBe("checkpoint_failed");
    expect(latestEvent(timeline, REC_START + 16_999)?.kind).toBe("checkpoint_completed");
    expect(latestEvent(timeline, FIRST_EXCEPTION - 1)).toBeUndefined();
  });
});
