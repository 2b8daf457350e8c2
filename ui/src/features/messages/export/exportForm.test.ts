// The export form as data: the default file in the data directory, the request and target
// for the current result and for a typed range, what is refused before asking the backend,
// and the lines the dialog shows.
import { describe, expect, it } from "vitest";
import type { BrowseRequest } from "../../../bindings/BrowseRequest";
import {
  defaultExportPath,
  describeRequest,
  exportedText,
  exportFileName,
  initialExportForm,
  toExportJob,
  type ExportForm,
} from "./exportForm";

const NOW = new Date(2026, 10, 30, 1, 44, 22);

const view: BrowseRequest = {
  topic: "demo.payments",
  partitions: null,
  start: { kind: "latest", count: 100 },
  limit: 300,
  filter: { text: "example.org", expression: "value.amount.value > 500.0" },
};

function form(patch: Partial<ExportForm>): ExportForm {
  return { ...initialExportForm(300), ...patch };
}

describe("the default file", () => {
  it("is the topic and the local time in the data directory, with the format's extension", () => {
    expect(exportFileName("demo.payments", "jsonl", NOW)).toBe("demo.payments-20261130-014422.jsonl");
    expect(defaultExportPath("/home/me/.local/share/streamlens", "demo.payments", "csv", NOW)).toBe(
      "/home/me/.local/share/streamlens/demo.payments-20261130-014422.csv",
    );
    expect(defaultExportPath("/data/", "t", "jsonl", NOW)).toBe("/data/t-20261130-014422.jsonl");
    expect(defaultExportPath("C:\\Users\\me\\AppData\\streamlens", "t", "csv", NOW)).toBe(
      "C:\\Users\\me\\AppData\\streamlens\\t-20261130-014422.csv",
    );
  });

  it("is named “messages” when nothing of the topic's name is file-safe", () => {
    expect(exportFileName("..", "csv", NOW)).toBe("messages-20261130-014422.csv");
  });
});

describe("toExportJob", () => {
  it("exports the current result: the view's start, partitions and filters, up to the typed maximum", () => {
    expect(toExportJob(view, form({ limit: " 250 " }), "  /tmp/out.jsonl ")).toEqual({
      ok: true,
      request: { ...view, limit: 250 },
      target: { path: "/tmp/out.jsonl", format: "jsonl" },
    });
    const paged: BrowseRequest = { ...view, start: { kind: "after", offsets: [{ partition: 0, offset: 120 }] } };
    const job = toExportJob(paged, form({ format: "csv" }), "/tmp/out.csv");
    expect(job.ok && job.request.start).toEqual(paged.start);
    expect(job.ok && job.target).toEqual({ path: "/tmp/out.csv", format: "csv" });
  });

  it("exports a typed range with the view's partitions and filters", () => {
    const narrowed = { ...view, partitions: [2] };
    expect(toExportJob(narrowed, form({ scope: "range", rangeStart: "offset", rangeValue: "42", limit: "20000" }), "/tmp/x.jsonl")).toEqual({
      ok: true,
      request: { ...narrowed, start: { kind: "offset", offset: 42 }, limit: 20_000 },
      target: { path: "/tmp/x.jsonl", format: "jsonl" },
    });
    const oldest = toExportJob(view, form({ scope: "range", rangeStart: "earliest" }), "/tmp/x.jsonl");
    expect(oldest.ok && oldest.request.start).toEqual({ kind: "earliest" });
    const fromTime = toExportJob(view, form({ scope: "range", rangeStart: "timestamp", rangeValue: "2026-01-01T10:30" }), "/x");
    expect(fromTime.ok && fromTime.request.start).toEqual({ kind: "timestamp", millis: new Date(2026, 0, 1, 10, 30).getTime() });
  });

  it("refuses a maximum, a start or a path that is not one, each at its field", () => {
    for (const limit of ["", "0", "-3", "1.5", "abc", "4294967296"]) {
      const job = toExportJob(view, form({ limit }), "/tmp/x.jsonl");
      expect(job.ok ? "accepted" : job.problems.limit, limit).toMatch(/whole number from 1 to/);
    }
    expect(toExportJob(view, form({ limit: "4294967295" }), "/tmp/x.jsonl").ok).toBe(true);

    const bad = toExportJob(view, form({ scope: "range", rangeStart: "offset", rangeValue: "x", limit: "10" }), "out.jsonl");
    expect(bad).toEqual({
      ok: false,
      problems: {
        rangeValue: "Enter the offset to start from, a whole number (0 or more).",
        path: "Enter the full path of the file, starting at / (or a drive such as C:\\).",
      },
    });
    expect(toExportJob(view, form({}), "   ")).toEqual({ ok: false, problems: { path: "Enter the file to write." } });
    // The current result ignores a range's leftovers.
    expect(toExportJob(view, form({ rangeStart: "offset", rangeValue: "x" }), "C:\\out\\x.csv").ok).toBe(true);
    expect(toExportJob(view, form({}), "\\\\server\\share\\x.csv").ok).toBe(true);
  });
});

describe("what the dialog says", () => {
  it("describes the current result: start, partitions and filters", () => {
    expect(describeRequest(view)).toBe(
      "The newest 100 of each partition · all partitions · containing “example.org” · where value.amount.value > 500.0",
    );
    expect(
      describeRequest({ ...view, partitions: [2], start: { kind: "earliest" }, filter: { text: null, expression: null } }),
    ).toBe("From the oldest message · partition 2");
    expect(describeRequest({ ...view, partitions: [0, 1], start: { kind: "offset", offset: 1200 }, filter: { text: null } })).toMatch(
      /^From offset 1\D200 · partitions 0, 1$/,
    );
    expect(describeRequest({ ...view, start: { kind: "before", offsets: [] }, filter: { text: null } })).toBe(
      "Up to where the next page begins · all partitions",
    );
  });

  it("says how many rows and how much went where", () => {
    expect(exportedText({ rows: 1234, bytes: 2_411_724, path: "/tmp/out.jsonl", cancelled: false })).toMatch(
      /^Wrote 1\D234 rows \(2\.3 MiB\) to \/tmp\/out\.jsonl\.$/,
    );
    expect(exportedText({ rows: 1, bytes: 300, path: "/x.csv", cancelled: false })).toBe("Wrote 1 row (300 B) to /x.csv.");
  });
});
