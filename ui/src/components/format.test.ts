// Count formatting: grouped thousands whatever the locale's separator, and plural nouns;
// byte sizes in binary units; local times in one sortable shape.
import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatLocalTime, pluralize } from "./format";

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1234567)).toMatch(/^1\D234\D567$/);
    expect(formatCount(10_000)).toMatch(/^10\D000$/);
  });
});

describe("pluralize", () => {
  it("agrees the noun with the count", () => {
    expect(pluralize(1, "topic")).toBe("1 topic");
    expect(pluralize(0, "topic")).toBe("0 topics");
    expect(pluralize(2, "entry", "entries")).toBe("2 entries");
  });
});

describe("formatBytes", () => {
  it("uses bytes below 1 KiB and binary units with one decimal above", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toMatch(/^1\D?023 B$/);
    expect(formatBytes(1536)).toMatch(/^1\D5 KiB$/);
    expect(formatBytes(64 * 1024)).toMatch(/^64\D0 KiB$/);
    expect(formatBytes(5 * 1024 * 1024 + 300_000)).toMatch(/^5\D3 MiB$/);
  });
});

describe("formatLocalTime", () => {
  it("writes local time as YYYY-MM-DD HH:MM:SS.mmm", () => {
    expect(formatLocalTime(new Date(2026, 0, 2, 3, 4, 5, 6).getTime())).toBe("2026-01-02 03:04:05.006");
    expect(formatLocalTime(new Date(2026, 11, 31, 23, 59, 59, 999).getTime())).toBe("2026-12-31 23:59:59.999");
  });
});
