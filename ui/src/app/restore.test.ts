// Restoring a window: the main window's saved view and places; a secondary window's saved
// view before its URL's; Home for a deleted connection, a recording that no longer opens,
// nothing saved, or lookups that fail; places of deleted connections dropped.
import { describe, expect, it, vi } from "vitest";
import { MemoryStore } from "../test/memoryStore";
import { NO_PLACES, rememberPlace } from "./connectionPlaces";
import type { View } from "./navigation";
import { checkView, restoreWindow, type RestoreLookups } from "./restore";
import { viewQuery } from "./viewCodec";
import { writeSession } from "./windowSession";

const TOPIC: View = { kind: "topic", id: "c1", topic: "demo.orders", topicTab: "configs" };
const RECORDING: View = { kind: "recording", path: "/tmp/run.slrec" };

function lookups(ids: string[], opens = true): RestoreLookups {
  return {
    connectionIds: vi.fn(() => Promise.resolve(new Set(ids))),
    recordingOpens: vi.fn(() => Promise.resolve(opens)),
  };
}

describe("checkView", () => {
  it("keeps a view whose connection exists or whose recording opens", async () => {
    expect(await checkView(TOPIC, lookups(["c1"]))).toEqual(TOPIC);
    expect(await checkView({ kind: "edit-connection", id: "c1" }, lookups(["c1"]))).toEqual({ kind: "edit-connection", id: "c1" });
    expect(await checkView(RECORDING, lookups([]))).toEqual(RECORDING);
    expect(await checkView({ kind: "settings" }, lookups([]))).toEqual({ kind: "settings" });
  });

  it("gives Home for a deleted connection, a recording that no longer opens, or a failed lookup", async () => {
    expect(await checkView(TOPIC, lookups(["c2"]))).toEqual({ kind: "home" });
    expect(await checkView(RECORDING, lookups([], false))).toEqual({ kind: "home" });
    const failing: RestoreLookups = { connectionIds: () => Promise.reject(new Error("storage")), recordingOpens: () => Promise.resolve(true) };
    expect(await checkView(TOPIC, failing)).toEqual({ kind: "home" });
  });
});

describe("restoreWindow", () => {
  it("brings the main window back to its view and places, without deleted connections' places", async () => {
    const store = new MemoryStore();
    const places = rememberPlace(rememberPlace(NO_PLACES, { kind: "job", id: "gone", jobId: "j" }), TOPIC);
    writeSession("main", { view: TOPIC, places, title: null }, store);
    const restored = await restoreWindow("main", "", lookups(["c1"]), store);
    expect(restored.view).toEqual(TOPIC);
    expect([...restored.places.keys()]).toEqual(["c1"]);
  });

  it("starts on Home with nothing saved, and ignores a view in the main window's URL", async () => {
    const restored = await restoreWindow("main", viewQuery(TOPIC), lookups(["c1"]), new MemoryStore());
    expect(restored).toEqual({ view: { kind: "home" }, places: NO_PLACES, name: null });
  });

  it("gives Home when the saved view's connection was deleted", async () => {
    const store = new MemoryStore();
    writeSession("main", { view: TOPIC, places: NO_PLACES, title: null }, store);
    expect((await restoreWindow("main", "", lookups(["other"]), store)).view).toEqual({ kind: "home" });
  });

  it("opens a secondary window on its saved view, else on its URL's", async () => {
    const store = new MemoryStore();
    const job: View = { kind: "job", id: "c1", jobId: "j", jobTab: "exceptions" };
    writeSession("view-1", { view: job, places: NO_PLACES, title: "OrdersPipeline" }, store);
    expect(await restoreWindow("view-1", viewQuery(TOPIC), lookups(["c1"]), store)).toMatchObject({ view: job, name: "OrdersPipeline" });
    expect(await restoreWindow("view-2", viewQuery(TOPIC), lookups(["c1"]), store)).toMatchObject({ view: TOPIC, name: null });
    expect((await restoreWindow("view-3", "?view=garbage", lookups(["c1"]), store)).view).toEqual({ kind: "home" });
  });
});
