// The message commands through Tauri's IPC mock: the names and argument shapes
// the Rust handlers take, and channel messages reaching the caller's plain callbacks.
import { Channel } from "@tauri-apps/api/core";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BrowseRequest } from "../bindings/BrowseRequest";
import type { ProduceRequest } from "../bindings/ProduceRequest";
import {
  browseMessages,
  cancelScan,
  exportMessages,
  fetchTopicDecoders,
  pinTopicDecoders,
  produceMessage,
  tailMessages,
} from "./messages";

afterEach(() => {
  clearMocks();
});

const request: BrowseRequest = {
  topic: "demo.payments",
  partitions: [0, 2],
  start: { kind: "before", offsets: [{ partition: 0, offset: 50 }] },
  limit: 100,
  filter: { text: "example.org" },
};

/** Delivers a message on a channel the way the Rust side does (indexed, in order). */
function send(channel: unknown, index: number, message: unknown): void {
  if (!(channel instanceof Channel)) throw new Error("expected a Channel argument");
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message });
}

describe("message commands", () => {
  it("browses with the request and scan id, and passes progress from the channel to the callback", async () => {
    const onProgress = vi.fn();
    mockIPC((cmd, args) => {
      expect(cmd).toBe("browse_messages");
      const { onProgress: channel, ...rest } = args as Record<string, unknown>;
      expect(rest).toEqual({ connectionId: "c1", request, scanId: "scan-1" });
      send(channel, 0, { scanned: 10, matched: 1, total: 100 });
      send(channel, 1, { scanned: 100, matched: 4, total: 100 });
      return {
        messages: [],
        next: [],
        previous: [],
        hasNewer: false,
        hasOlder: false,
        scanned: 100,
        matched: 4,
        incomplete: false,
        stopped: null,
        registryNotice: null,
      };
    });
    const page = await browseMessages("c1", request, "scan-1", onProgress);
    expect(page.matched).toBe(4);
    expect(onProgress.mock.calls).toEqual([[{ scanned: 10, matched: 1, total: 100 }], [{ scanned: 100, matched: 4, total: 100 }]]);
  });

  it("exports with the request, target and scan id, passing progress on and returning the summary", async () => {
    const onProgress = vi.fn();
    const target = { path: "/data/demo.payments.jsonl", format: "jsonl" } as const;
    const filtered: BrowseRequest = { ...request, filter: { text: null, expression: "value.amount.value > 500.0" } };
    mockIPC((cmd, args) => {
      expect(cmd).toBe("export_messages");
      const { onProgress: channel, ...rest } = args as Record<string, unknown>;
      expect(rest).toEqual({ connectionId: "c1", request: filtered, target, scanId: "export-1" });
      send(channel, 0, { scanned: 500, matched: 20, total: 1000 });
      return { rows: 42, bytes: 9000, path: target.path, cancelled: false };
    });
    await expect(exportMessages("c1", filtered, target, "export-1", onProgress)).resolves.toEqual({
      rows: 42,
      bytes: 9000,
      path: target.path,
      cancelled: false,
    });
    expect(onProgress.mock.calls).toEqual([[{ scanned: 500, matched: 20, total: 1000 }]]);
  });

  it("rejects an export the backend refuses with its AppError", async () => {
    mockIPC(() => {
      // Tauri rejects with the command's error as plain data, never an Error object.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw { kind: "invalid_input", message: "Cannot write /nope/x.partial: No such file or directory. Choose another folder." };
    });
    await expect(exportMessages("c1", request, { path: "/nope/x.csv", format: "csv" }, "export-2", vi.fn())).rejects.toEqual({
      kind: "invalid_input",
      message: "Cannot write /nope/x.partial: No such file or directory. Choose another folder.",
    });
  });

  it("tails with its id and delivers batches; cancels and produces by name", async () => {
    const onBatch = vi.fn();
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      const { onBatch: channel, ...rest } = args as Record<string, unknown>;
      calls.push([cmd, rest]);
      if (cmd === "tail_messages") send(channel, 0, { messages: [], dropped: 3 });
      return cmd === "produce_message" ? { partition: 1, offset: 9 } : null;
    });
    const produce: ProduceRequest = { topic: "t", partition: null, key: "k1", value: null, headers: [], format: "json", schema: null };

    await tailMessages("c1", "t", null, { text: null }, "tail-1", onBatch);
    await cancelScan("tail-1");
    await expect(produceMessage("c1", produce)).resolves.toEqual({ partition: 1, offset: 9 });

    expect(onBatch).toHaveBeenCalledWith({ messages: [], dropped: 3 });
    expect(calls).toEqual([
      ["tail_messages", { connectionId: "c1", topic: "t", partitions: null, filter: { text: null }, tailId: "tail-1" }],
      ["cancel_scan", { scanId: "tail-1" }],
      ["produce_message", { connectionId: "c1", request: produce }],
    ]);
  });

  it("reads and pins a topic's decoders, with a schema-encoded produce passed as given", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "topic_decoders") return { key: "utf-8", value: "auto" };
      return cmd === "produce_message" ? { partition: 0, offset: 1 } : null;
    });
    const produce: ProduceRequest = {
      topic: "t",
      partition: null,
      key: null,
      value: '{"amount":"1.23"}',
      headers: [],
      format: "json",
      schema: { subject: "t-value", version: 3, message: null },
    };

    await expect(fetchTopicDecoders("c1", "t")).resolves.toEqual({ key: "utf-8", value: "auto" });
    await pinTopicDecoders("c1", "t", { key: "utf-8", value: "registry" });
    await produceMessage("c1", produce);

    expect(calls).toEqual([
      ["topic_decoders", { connectionId: "c1", topic: "t" }],
      ["pin_topic_decoders", { connectionId: "c1", topic: "t", decoders: { key: "utf-8", value: "registry" } }],
      ["produce_message", { connectionId: "c1", request: produce }],
    ]);
  });
});
