import { describe, expect, it } from "vitest";
import { parsePartitionList, resetForm, toOffsetReset } from "./resetForm";

describe("toOffsetReset", () => {
  it("builds the dry run for every partition by default", () => {
    expect(toOffsetReset("billing", resetForm("demo.orders"), { dryRun: true, assumeInactive: false })).toEqual({
      ok: true,
      reset: {
        groupId: "billing",
        topic: "demo.orders",
        partitions: null,
        target: { kind: "earliest" },
        dryRun: true,
        assumeInactive: false,
      },
    });
  });

  it("reads offsets, times and partition lists", () => {
    const offset = toOffsetReset("g", { topic: "t", target: "offset", value: "10", partitions: "2, 0,2" }, { dryRun: false, assumeInactive: true });
    expect(offset).toMatchObject({ ok: true, reset: { target: { kind: "offset", offset: 10 }, partitions: [0, 2], dryRun: false, assumeInactive: true } });
    const time = toOffsetReset("g", { topic: "t", target: "timestamp", value: "2026-01-01T00:00", partitions: "" }, { dryRun: true, assumeInactive: false });
    expect(time).toMatchObject({ ok: true, reset: { target: { kind: "timestamp", millis: new Date(2026, 0, 1).getTime() } } });
  });

  it("refuses what is not a topic, an offset, a time or a partition list", () => {
    const flags = { dryRun: true, assumeInactive: false };
    expect(toOffsetReset("g", resetForm(" "), flags)).toEqual({ ok: false, problem: "Choose the topic whose offsets to reset." });
    expect(toOffsetReset("g", { ...resetForm("t"), target: "offset", value: "x" }, flags).ok).toBe(false);
    expect(toOffsetReset("g", { ...resetForm("t"), target: "timestamp", value: "" }, flags).ok).toBe(false);
    expect(parsePartitionList("0, a")).toEqual(expect.stringContaining("“a” is not a partition id"));
    expect(parsePartitionList(" , ")).toBeNull();
  });
});
