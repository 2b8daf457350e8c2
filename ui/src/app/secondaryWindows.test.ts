// The main window's record of the other windows: opening one (its session written first,
// listed, watched, created with its title and view), closing it (forgotten), a window that
// cannot be created (forgotten, the error passed on), and the reopening after a restart
// (deleted connections and unreadable sessions dropped, still-open windows only watched).
// Also the titles.
import { describe, expect, it, vi } from "vitest";
import type { ViewWindow } from "../platform";
import { MemoryStore } from "../test/memoryStore";
import { NO_PLACES } from "./connectionPlaces";
import type { View } from "./navigation";
import { SecondaryWindows, windowName, windowTitle, type WindowPlatform } from "./secondaryWindows";
import { viewFromQuery } from "./viewCodec";
import { readOpenWindows, readSession, writeOpenWindows, writeSession } from "./windowSession";

const TOPIC: View = { kind: "topic", id: "c1", topic: "demo.orders" };
const JOB: View = { kind: "job", id: "c1", jobId: "3d3081a3a4ab69098b1194481c2ef2ab" };

/** A platform that creates windows at once and lets the test close them. */
function fakePlatform(existing: string[] = []) {
  const closers = new Map<string, () => void>();
  const opened: ViewWindow[] = [];
  const platform = {
    open: vi.fn((window: ViewWindow) => {
      opened.push(window);
      return Promise.resolve();
    }),
    onClosed: vi.fn((label: string, handler: () => void) => {
      closers.set(label, handler);
      return Promise.resolve(() => undefined);
    }),
    labels: vi.fn(() => Promise.resolve(["main", ...existing])),
  } satisfies WindowPlatform;
  const close = (label: string) => {
    closers.get(label)?.();
  };
  return { platform, opened, close };
}

const ids = (...known: string[]) => () => Promise.resolve(new Set(known));

describe("SecondaryWindows", () => {
  it("opens a view in a new window, lists it, and forgets it when the user closes it", async () => {
    const store = new MemoryStore();
    const { platform, opened, close } = fakePlatform();
    const windows = new SecondaryWindows(platform, store);
    await windows.restore(ids("c1"));

    await windows.open(TOPIC, "demo.orders");
    await windows.open(JOB, "OrdersPipeline");
    expect(opened.map(({ label, title }) => [label, title])).toEqual([
      ["view-1", "demo.orders — Streamlens"],
      ["view-2", "OrdersPipeline — Streamlens"],
    ]);
    expect(viewFromQuery(opened[0]?.query ?? "")).toEqual(TOPIC);
    expect(readOpenWindows(store)).toEqual(["view-1", "view-2"]);
    expect(readSession("view-2", store)).toEqual({ view: JOB, places: NO_PLACES, title: "OrdersPipeline" });

    close("view-1");
    expect(readOpenWindows(store)).toEqual(["view-2"]);
    expect(readSession("view-1", store)).toBeNull();
    // New windows never take a label this run has used, even when opened at once.
    await Promise.all([windows.open(TOPIC, "demo.orders"), windows.open(JOB, "OrdersPipeline")]);
    expect(opened.slice(2).map(({ label }) => label)).toEqual(["view-3", "view-4"]);
    expect(readOpenWindows(store)).toEqual(["view-2", "view-3", "view-4"]);
  });

  it("numbers new windows past those already open when it starts", async () => {
    const { platform, opened } = fakePlatform(["view-7"]);
    const windows = new SecondaryWindows(platform, new MemoryStore());
    await windows.restore(ids("c1"));
    await windows.open(TOPIC, "demo.orders");
    expect(opened.map(({ label }) => label)).toEqual(["view-8"]);
  });

  it("forgets a window that cannot be created and passes the error on", async () => {
    const store = new MemoryStore();
    const { platform } = fakePlatform();
    platform.open.mockRejectedValueOnce({ kind: "forbidden", message: "webview.create_webview_window not allowed" });
    const windows = new SecondaryWindows(platform, store);
    await expect(windows.open(TOPIC, "demo.orders")).rejects.toEqual({ kind: "forbidden", message: "webview.create_webview_window not allowed" });
    expect(readOpenWindows(store)).toEqual([]);
    expect(readSession("view-1", store)).toBeNull();
  });

  it("reopens the windows that were open, on their latest views, and drops those that no longer make sense", async () => {
    const store = new MemoryStore();
    writeOpenWindows(["view-2", "view-4", "view-5", "view-6"], store);
    writeSession("view-2", { view: { ...TOPIC, topicTab: "partitions" }, places: NO_PLACES, title: "demo.orders" }, store);
    writeSession("view-4", { view: { kind: "topic", id: "deleted", topic: "x" }, places: NO_PLACES, title: "x" }, store);
    store.setItem("streamlens.window.view-5", "{corrupt");
    writeSession("view-6", { view: JOB, places: NO_PLACES, title: null }, store);
    writeSession("view-9", { view: TOPIC, places: NO_PLACES, title: "left by a crash" }, store);
    const { platform, opened } = fakePlatform();

    await new SecondaryWindows(platform, store).restore(ids("c1"));
    expect(opened.map(({ label, title }) => [label, title])).toEqual([
      ["view-2", "demo.orders — Streamlens"],
      ["view-6", "Flink job 3d3081a3 — Streamlens"],
    ]);
    expect(viewFromQuery(opened[0]?.query ?? "")).toEqual({ ...TOPIC, topicTab: "partitions" });
    expect(readOpenWindows(store)).toEqual(["view-2", "view-6"]);
    for (const gone of ["view-4", "view-5", "view-9"]) expect(readSession(gone, store)).toBeNull();
  });

  it("only watches a listed window that is still open (the main window reloaded), and restores once", async () => {
    const store = new MemoryStore();
    writeOpenWindows(["view-1"], store);
    writeSession("view-1", { view: TOPIC, places: NO_PLACES, title: "demo.orders" }, store);
    const { platform, close } = fakePlatform(["view-1"]);
    const windows = new SecondaryWindows(platform, store);
    await Promise.all([windows.restore(ids("c1")), windows.restore(ids("c1"))]);
    expect(platform.open).not.toHaveBeenCalled();
    expect(platform.onClosed).toHaveBeenCalledTimes(1);
    close("view-1");
    expect(readOpenWindows(store)).toEqual([]);
  });

  it("keeps a window reopened when the connections cannot be read (the window checks its view itself)", async () => {
    const store = new MemoryStore();
    writeOpenWindows(["view-1"], store);
    writeSession("view-1", { view: TOPIC, places: NO_PLACES, title: "demo.orders" }, store);
    const { platform, opened } = fakePlatform();
    await new SecondaryWindows(platform, store).restore(() => Promise.reject(new Error("storage")));
    expect(opened.map(({ label }) => label)).toEqual(["view-1"]);
  });
});

describe("window titles", () => {
  it("keep the name the window was opened with on any tab of its topic or job, else say what is shown", () => {
    const first = { view: JOB, name: "OrdersPipeline" };
    expect(windowTitle(windowName({ ...JOB, jobTab: "checkpoints" }, first))).toBe("OrdersPipeline — Streamlens");
    expect(windowName({ kind: "job", id: "c1", jobId: "ffff0000aaaa" }, first)).toBe("Flink job ffff0000");
    expect(windowName({ kind: "group", id: "c1", group: "billing" }, first)).toBe("billing");
    expect(windowName(TOPIC, { view: TOPIC, name: null })).toBe("demo.orders");
    expect(windowName({ kind: "recording", path: "/tmp/runs/a.slrec" }, first)).toBe("a.slrec");
  });
});
