// The axis ticks: a round step giving at most so many ticks for the span in view, from 100 ms
// to whole days; ticks strictly inside the view on the step's multiples in local time; labels
// as precise as the step; as many as the axis' width has room for between its end labels.
import { describe, expect, it } from "vitest";
import { REC_END, REC_START } from "../../../test/recordingFixtures";
import { axisTicks, CHAR_PX, tickLabel, tickStep, ticksIn } from "./timelineTicks";

const DAY = 86_400_000;

describe("tickStep", () => {
  it("picks the smallest round step giving at most six ticks", () => {
    expect(tickStep(1_000)).toBe(200);
    expect(tickStep(60_000)).toBe(10_000);
    expect(tickStep(61_000)).toBe(15_000);
    expect(tickStep(480_000)).toBe(120_000);
    expect(tickStep(3 * DAY)).toBe(DAY / 2);
  });

  it("counts in whole days beyond a day's step", () => {
    expect(tickStep(30 * DAY)).toBe(5 * DAY);
  });
});

describe("ticksIn", () => {
  it("places ticks on the step's multiples, strictly inside the view", () => {
    // The minute from REC_START (…062.952 s): every 10 s from …070 s to …120 s.
    const ticks = ticksIn({ start: REC_START, end: REC_END });
    expect(ticks).toHaveLength(6);
    expect(ticks.every((t) => t % 10_000 === 0 && t > REC_START && t < REC_END)).toBe(true);
    expect(ticks[1]).toBe((ticks[0] ?? 0) + 10_000);
    const aligned = Math.floor(REC_START / 10_000) * 10_000;
    expect(ticksIn({ start: aligned, end: aligned + 60_000 })).toEqual([1, 2, 3, 4, 5].map((n) => aligned + n * 10_000));
  });

  it("puts minute ticks on whole local minutes and day ticks on local midnight", () => {
    const minutes = ticksIn({ start: REC_START - 420_000, end: REC_END });
    expect(minutes.length).toBeGreaterThan(2);
    expect(minutes.every((t) => new Date(t).getSeconds() === 0 && new Date(t).getMinutes() % 2 === 0)).toBe(true);
    const days = ticksIn({ start: REC_START, end: REC_START + 5 * DAY });
    expect(days.length).toBeGreaterThan(2);
    expect(days.every((t) => new Date(t).getHours() === 0 && new Date(t).getMinutes() === 0)).toBe(true);
  });
});

describe("tickLabel", () => {
  it("says as much of the time as the step needs", () => {
    expect(tickLabel(REC_START, 200)).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(tickLabel(REC_START, 10_000)).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(tickLabel(REC_START, 120_000)).toMatch(/^\d\d:\d\d$/);
    expect(tickLabel(REC_START, DAY)).toMatch(/^\d{4}-\d\d-\d\d$/);
  });
});

describe("axisTicks", () => {
  const minute = { start: REC_START, end: REC_END };
  const START = "2026-11-30 01:44:22.952";
  const END = "01:45:22.952";

  it("spaces the ticks by the axis' width: more on a wider axis", () => {
    const wide = axisTicks(minute, 1_400, START, END);
    const narrow = axisTicks(minute, 600, START, END);
    expect(wide.length).toBeGreaterThan(narrow.length);
    expect(wide.every((tick) => tick.at % 5_000 === 0)).toBe(true);
    expect(narrow.every((tick) => tick.at % 15_000 === 0)).toBe(true);
  });

  it("keeps only the ticks whose label fits between the end labels", () => {
    const width = 600;
    const ticks = axisTicks(minute, width, START, END);
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) {
      expect(tick.fraction * width).toBeGreaterThanOrEqual(START.length * CHAR_PX);
      expect(tick.fraction * width + tick.label.length * CHAR_PX).toBeLessThanOrEqual(width - END.length * CHAR_PX);
    }
    // Everything else is a tick the step gives but there is no room for.
    expect(ticks.length).toBeLessThan(ticksIn(minute, 15_000).length);
    expect(axisTicks(minute, 250, START, END)).toEqual([]);
  });
});
