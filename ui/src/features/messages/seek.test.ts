// The toolbar's seek → the BrowseRequest the backend gets, and the paging requests built
// from a page's next/previous offsets.
import { describe, expect, it } from "vitest";
import { messagePage } from "../../test/fixtures";
import { initialSeek, newerPage, olderPage, parseLocalDateTime, toBrowseRequest, type SeekDraft } from "./seek";

const PARTITIONS = [0, 1, 2];

function request(patch: Partial<SeekDraft>) {
  const result = toBrowseRequest("demo.payments", PARTITIONS, { ...initialSeek, ...patch });
  if (!result.ok) throw new Error(result.problem);
  return result.request;
}

describe("toBrowseRequest", () => {
  it("starts with the newest 100 of each partition, no filter", () => {
    expect(request({})).toEqual({
      topic: "demo.payments",
      partitions: null,
      start: { kind: "latest", count: 100 },
      limit: 300,
      filter: { text: null, expression: null },
    });
  });

  it("reads one page of the page size for the other starts", () => {
    expect(request({ mode: "earliest", pageSize: 50 })).toMatchObject({ start: { kind: "earliest" }, limit: 50 });
    expect(request({ mode: "offset", value: " 42 " })).toMatchObject({ start: { kind: "offset", offset: 42 }, limit: 100 });
    expect(request({ mode: "timestamp", value: "2026-01-01T10:30:05" })).toMatchObject({
      start: { kind: "timestamp", millis: new Date(2026, 0, 1, 10, 30, 5).getTime() },
    });
  });

  it("narrows to one partition (and Newest's limit with it) and caps Newest at 10,000", () => {
    expect(request({ partition: 2 })).toMatchObject({ partitions: [2], start: { kind: "latest", count: 100 }, limit: 100 });
    const many = toBrowseRequest("t", Array.from({ length: 24 }, (_, i) => i), { ...initialSeek, pageSize: 1000 });
    expect(many.ok && many.request.limit).toBe(10_000);
  });

  it("sends the filter text and the expression trimmed, and none for blank ones", () => {
    expect(request({ filter: "  example.org " }).filter).toEqual({ text: "example.org", expression: null });
    expect(request({ filter: "   ", expression: " \n " }).filter).toEqual({ text: null, expression: null });
    expect(request({ expression: "  value.amount.value > 500.0\n" }).filter).toEqual({
      text: null,
      expression: "value.amount.value > 500.0",
    });
    expect(request({ filter: "P-", expression: "partition == 0" }).filter).toEqual({ text: "P-", expression: "partition == 0" });
  });

  it("refuses an offset or time that is not one", () => {
    for (const value of ["", "-1", "1.5", "abc"]) {
      expect(toBrowseRequest("t", PARTITIONS, { ...initialSeek, mode: "offset", value }).ok).toBe(false);
    }
    expect(toBrowseRequest("t", PARTITIONS, { ...initialSeek, mode: "timestamp", value: "" }).ok).toBe(false);
  });
});

describe("parseLocalDateTime", () => {
  it("reads datetime-local values as local time, with optional seconds and fraction", () => {
    expect(parseLocalDateTime("2026-03-04T05:06")).toBe(new Date(2026, 2, 4, 5, 6).getTime());
    expect(parseLocalDateTime("2026-03-04T05:06:07.5")).toBe(new Date(2026, 2, 4, 5, 6, 7, 500).getTime());
  });

  it("reads them in the zone times are shown in, when Settings chose one", () => {
    expect(parseLocalDateTime("2026-07-01T14:05:09.042", "Europe/Amsterdam")).toBe(Date.UTC(2026, 6, 1, 12, 5, 9, 42));
    expect(parseLocalDateTime("2026-01-01T14:05", "Europe/Amsterdam")).toBe(Date.UTC(2026, 0, 1, 13, 5));
    expect(parseLocalDateTime("2026-01-01T14:05", "UTC")).toBe(Date.UTC(2026, 0, 1, 14, 5));
    expect(parseLocalDateTime("2026-02-30T10:00", "UTC")).toBeNull();
  });

  it("refuses impossible dates and other text", () => {
    expect(parseLocalDateTime("2026-02-30T10:00")).toBeNull();
    expect(parseLocalDateTime("2026-02-29T10:00")).toBeNull();
    expect(parseLocalDateTime("2028-02-29T10:00")).not.toBeNull();
    expect(parseLocalDateTime("2026-01-01T24:00")).toBeNull();
    expect(parseLocalDateTime("yesterday")).toBeNull();
  });
});

describe("paging", () => {
  it("continues after page.next for Newer and before page.previous for Older, keeping the rest", () => {
    const base = request({ filter: "x" });
    const page = messagePage({
      next: [{ partition: 0, offset: 120 }],
      previous: [{ partition: 0, offset: 20 }],
    });
    expect(newerPage(base, page)).toEqual({ ...base, start: { kind: "after", offsets: [{ partition: 0, offset: 120 }] } });
    expect(olderPage(base, page)).toEqual({ ...base, start: { kind: "before", offsets: [{ partition: 0, offset: 20 }] } });
  });
});
