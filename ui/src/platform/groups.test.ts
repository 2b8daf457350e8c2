// The consumer-group commands through Tauri's IPC mock: names and argument shapes.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { OffsetReset } from "../bindings/OffsetReset";
import { describeGroup, listGroups, resetOffsets } from "./groups";

afterEach(() => {
  clearMocks();
});

describe("group commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === "list_groups" ? [] : null;
    });
    const reset: OffsetReset = {
      groupId: "billing",
      topic: "demo.orders",
      partitions: null,
      target: { kind: "earliest" },
      dryRun: true,
      assumeInactive: false,
    };
    await listGroups("c1");
    await describeGroup("c1", "billing");
    await resetOffsets("c1", reset, "billing");
    expect(calls).toEqual([
      ["list_groups", { connectionId: "c1" }],
      ["describe_group", { connectionId: "c1", groupId: "billing" }],
      ["reset_offsets", { connectionId: "c1", reset, confirmation: "billing" }],
    ]);
  });
});
