import { describe, expect, it } from "vitest";
import { appendPoint, LAG_POINTS } from "./lagHistory";

describe("appendPoint", () => {
  it("adds points in order and keeps the last 120", () => {
    let points = appendPoint([], { at: 0, lag: 5 });
    points = appendPoint(points, { at: 5000, lag: 3 });
    expect(points).toEqual([{ at: 0, lag: 5 }, { at: 5000, lag: 3 }]);
    for (let i = 2; i < 130; i++) points = appendPoint(points, { at: i * 5000, lag: i });
    expect(points).toHaveLength(LAG_POINTS);
    expect(points[0]).toEqual({ at: 10 * 5000, lag: 10 });
    expect(points.at(-1)).toEqual({ at: 129 * 5000, lag: 129 });
  });
});
