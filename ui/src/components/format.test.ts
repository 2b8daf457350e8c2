// Count formatting: grouped thousands whatever the locale's separator, and plural nouns.
import { describe, expect, it } from "vitest";
import { formatCount, pluralize } from "./format";

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
