// The Back/Forward stack: pushing, stepping both ways, dropping what lay ahead, the bound,
// and "the same view" regardless of how its object was written.
import { describe, expect, it } from "vitest";
import type { View } from "./navigation";
import { goBack, goForward, pushView, sameView, startHistory, type ViewHistory } from "./viewHistory";

const HOME: View = { kind: "home" };
const TOPIC: View = { kind: "topic", id: "c1", topic: "demo.orders" };
const GROUP: View = { kind: "group", id: "c1", group: "billing" };
const AUDIT: View = { kind: "audit" };

function through(...views: View[]): ViewHistory {
  return views.reduce((history, view) => pushView(history, view), startHistory(HOME));
}

describe("viewHistory", () => {
  it("goes back and forward between the views visited", () => {
    const visited = through(TOPIC, GROUP);
    expect(visited.present).toEqual(GROUP);
    const back = goBack(visited);
    expect(back.present).toEqual(TOPIC);
    expect(goBack(back).present).toEqual(HOME);
    expect(goForward(back).present).toEqual(GROUP);
    expect(goForward(goForward(goBack(back))).present).toEqual(GROUP);
  });

  it("returns the same history when there is nothing behind or ahead", () => {
    const start = startHistory(HOME);
    expect(goBack(start)).toBe(start);
    expect(goForward(start)).toBe(start);
    const visited = through(TOPIC);
    expect(goForward(visited)).toBe(visited);
  });

  it("drops the views ahead when going somewhere new after going back", () => {
    const branched = pushView(goBack(through(TOPIC, GROUP)), AUDIT);
    expect(branched.present).toEqual(AUDIT);
    expect(branched.forward).toEqual([]);
    expect(goBack(branched).present).toEqual(TOPIC);
  });

  it("does not remember the view on screen twice", () => {
    const again = through(TOPIC, { kind: "topic", topic: "demo.orders", id: "c1" });
    expect(again.back).toEqual([HOME]);
  });

  it("holds at most `limit` views, forgetting the oldest", () => {
    let history = startHistory(HOME);
    for (let i = 0; i < 10; i += 1) history = pushView(history, { kind: "recording", path: `/r/${String(i)}` }, 4);
    expect(history.back).toEqual([
      { kind: "recording", path: "/r/6" },
      { kind: "recording", path: "/r/7" },
      { kind: "recording", path: "/r/8" },
    ]);
    expect(history.present).toEqual({ kind: "recording", path: "/r/9" });
  });

  it("compares views by kind and fields, not by the order their keys were written in", () => {
    expect(sameView({ kind: "job", id: "c1", jobId: "j", jobTab: "graph" }, { jobTab: "graph", jobId: "j", id: "c1", kind: "job" })).toBe(true);
    expect(sameView({ kind: "connection", id: "c1" }, { kind: "connection", id: "c1", tab: "topics" })).toBe(false);
    expect(sameView(TOPIC, { kind: "topic", id: "c2", topic: "demo.orders" })).toBe(false);
  });
});
