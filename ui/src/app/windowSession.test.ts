// The saved sessions: a window's session round-trips; corrupt, foreign-version or
// hand-edited records count as nothing (or as Home, keeping good places); the open-window
// list keeps valid labels once; stale sessions are swept; labels count up; a refusing storage
// costs only the memory; the role notice reaches other windows only through storage events.
import { describe, expect, it, vi } from "vitest";
import { MemoryStore, RefusingStore } from "../test/memoryStore";
import { NO_PLACES, rememberPlace } from "./connectionPlaces";
import {
  announceRoleChange,
  forgetClosedSessions,
  forgetSession,
  nextWindowLabel,
  onRoleChangedElsewhere,
  OPEN_WINDOWS_KEY,
  readOpenWindows,
  readSession,
  ROLE_CHANGED_KEY,
  SESSION_VERSION,
  WINDOWS_LIMIT,
  writeOpenWindows,
  writeSession,
} from "./windowSession";

const TOPIC = { kind: "topic", id: "c1", topic: "demo.orders" } as const;

describe("window sessions", () => {
  it("round-trips a window's view, places and name", () => {
    const store = new MemoryStore();
    const places = rememberPlace(NO_PLACES, { kind: "job", id: "c2", jobId: "j" });
    writeSession("main", { view: TOPIC, places, title: null }, store);
    writeSession("view-2", { view: TOPIC, places: NO_PLACES, title: "demo.orders" }, store);
    expect(readSession("main", store)).toEqual({ view: TOPIC, places, title: null });
    expect(readSession("view-2", store)?.title).toBe("demo.orders");
    forgetSession("view-2", store);
    expect(readSession("view-2", store)).toBeNull();
  });

  it("reads nothing from corrupt or foreign records", () => {
    const store = new MemoryStore();
    for (const raw of ["{oops", "null", "[]", '"text"', JSON.stringify({ view: TOPIC }), JSON.stringify({ version: 99, view: TOPIC })]) {
      store.setItem("streamlens.window.main", raw);
      expect(readSession("main", store)).toBeNull();
    }
  });

  it("reads an unknown view as Home and keeps the places that are good", () => {
    const store = new MemoryStore();
    store.setItem(
      "streamlens.window.main",
      JSON.stringify({ version: SESSION_VERSION, view: { kind: "dashboard" }, places: [TOPIC, { kind: "bad" }], title: 12 }),
    );
    const session = readSession("main", store);
    expect(session?.view).toEqual({ kind: "home" });
    expect([...(session?.places.values() ?? [])]).toEqual([TOPIC]);
    expect(session?.title).toBeNull();
  });

  it("costs only the memory when the storage refuses", () => {
    const store = new RefusingStore();
    expect(() => {
      writeSession("main", { view: TOPIC, places: NO_PLACES, title: null }, store);
      writeOpenWindows(["view-1"], store);
      forgetClosedSessions([], store);
      forgetSession("view-1", store);
      announceRoleChange(undefined, store);
    }).not.toThrow();
    expect(readSession("main", store)).toBeNull();
    expect(readOpenWindows(store)).toEqual([]);
  });
});

describe("the list of open windows", () => {
  it("keeps valid labels once each, at most WINDOWS_LIMIT of the newest", () => {
    const store = new MemoryStore();
    store.setItem(
      OPEN_WINDOWS_KEY,
      JSON.stringify({ version: SESSION_VERSION, labels: ["view-1", "main", "view-1", 3, "view-x", "../view-2", "view-7"] }),
    );
    expect(readOpenWindows(store)).toEqual(["view-1", "view-7"]);
    writeOpenWindows(
      Array.from({ length: WINDOWS_LIMIT + 5 }, (_, i) => `view-${String(i + 1)}`),
      store,
    );
    const labels = readOpenWindows(store);
    expect(labels).toHaveLength(WINDOWS_LIMIT);
    expect(labels[0]).toBe("view-6");
  });

  it("is empty when the record is corrupt or from another version", () => {
    const store = new MemoryStore();
    for (const raw of ["{", JSON.stringify({ version: 2, labels: ["view-1"] }), JSON.stringify({ version: 1, labels: "view-1" })]) {
      store.setItem(OPEN_WINDOWS_KEY, raw);
      expect(readOpenWindows(store)).toEqual([]);
    }
  });

  it("sweeps the sessions of windows no longer open, never the main window's or other keys", () => {
    const store = new MemoryStore();
    for (const label of ["main", "view-1", "view-2", "view-3"]) writeSession(label, { view: TOPIC, places: NO_PLACES, title: null }, store);
    store.setItem("streamlens.recentRecordings", "[]");
    forgetClosedSessions(["view-2"], store);
    expect([...store.items.keys()].sort()).toEqual(["streamlens.recentRecordings", "streamlens.window.main", "streamlens.window.view-2"]);
  });

  it("numbers new windows one past the highest in use", () => {
    expect(nextWindowLabel([])).toBe("view-1");
    expect(nextWindowLabel(["main", "view-3", "view-1"])).toBe("view-4");
  });
});

describe("the role notice", () => {
  it("is a storage write that other windows hear as a storage event", () => {
    const store = new MemoryStore();
    announceRoleChange({ regranted: false }, store, 1234);
    expect(store.json(ROLE_CHANGED_KEY)).toEqual({ at: 1234, regranted: false });

    const heard = vi.fn();
    const stop = onRoleChangedElsewhere(heard);
    window.dispatchEvent(new StorageEvent("storage", { key: "streamlens.recentRecordings" }));
    window.dispatchEvent(new StorageEvent("storage", { key: ROLE_CHANGED_KEY, newValue: '{"at":1234,"regranted":false}' }));
    stop();
    window.dispatchEvent(new StorageEvent("storage", { key: ROLE_CHANGED_KEY }));
    expect(heard.mock.calls).toEqual([[{ regranted: false }]]);
  });

  it("says when the policy was reloaded, and reads anything else as a plain role change", () => {
    const store = new MemoryStore();
    announceRoleChange({ regranted: true }, store, 99);
    expect(store.json(ROLE_CHANGED_KEY)).toEqual({ at: 99, regranted: true });

    const heard = vi.fn();
    const stop = onRoleChangedElsewhere(heard);
    for (const newValue of ['{"at":99,"regranted":true}', "1234", "{not json", null, '{"regranted":"yes"}']) {
      window.dispatchEvent(new StorageEvent("storage", { key: ROLE_CHANGED_KEY, newValue }));
    }
    stop();
    expect(heard.mock.calls).toEqual([
      [{ regranted: true }],
      [{ regranted: false }],
      [{ regranted: false }],
      [{ regranted: false }],
      [{ regranted: false }],
    ]);
  });
});
