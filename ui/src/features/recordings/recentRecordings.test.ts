// The recent-recordings list: newest first, one entry per path, capped, tolerant of whatever
// is in storage, and shared by every view that reads it.
import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { forgetRecording, parseRecent, RECENT_KEY, RECENT_LIMIT, rememberRecording, useRecentRecordings, withRecent } from "./recentRecordings";

afterEach(() => {
  window.localStorage.clear();
});

describe("recent recordings", () => {
  it("puts the newest first, once per path, and keeps at most the limit", () => {
    let list = withRecent([], { path: "/a.slrec", jobName: "A", openedAt: 1 });
    list = withRecent(list, { path: "/b.slrec", jobName: "B", openedAt: 2 });
    list = withRecent(list, { path: "/a.slrec", jobName: "A", openedAt: 3 });
    expect(list.map((r) => [r.path, r.openedAt])).toEqual([
      ["/a.slrec", 3],
      ["/b.slrec", 2],
    ]);
    for (let i = 0; i < 20; i++) list = withRecent(list, { path: `/${String(i)}.slrec`, jobName: "J", openedAt: i });
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]?.path).toBe("/19.slrec");
  });

  it("reads nothing from storage it cannot understand", () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent("{not json")).toEqual([]);
    expect(parseRecent('{"path":"/a.slrec"}')).toEqual([]);
    expect(parseRecent('[{"path":"/a.slrec","jobName":"A","openedAt":1},{"path":42},null]')).toEqual([{ path: "/a.slrec", jobName: "A", openedAt: 1 }]);
  });

  it("stores the list and tells every reader at once", () => {
    const { result } = renderHook(() => useRecentRecordings());
    expect(result.current).toEqual([]);
    act(() => {
      rememberRecording("/data/run.slrec", "OrdersPipeline", 10);
    });
    expect(result.current).toEqual([{ path: "/data/run.slrec", jobName: "OrdersPipeline", openedAt: 10 }]);
    expect(JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? "[]")).toHaveLength(1);
    act(() => {
      forgetRecording("/data/run.slrec");
    });
    expect(result.current).toEqual([]);
  });
});
