// The Record… form's defaults, topic lists and the request it makes, and what it refuses.
import { describe, expect, it } from "vitest";
import { defaultRecordingPath, initialRecordForm, parseTopics, recordingFileName, recordRequest, validateRecordForm } from "./recordForm";

const NOW = new Date(2026, 10, 30, 1, 44, 22);

describe("record form", () => {
  it("names the file after the job and the local time, in the data directory", () => {
    expect(recordingFileName("Orders Pipeline (v2)", NOW)).toBe("Orders-Pipeline-v2-20261130-014422.slrec");
    expect(recordingFileName("···", NOW)).toBe("job-20261130-014422.slrec");
    expect(defaultRecordingPath("/home/me/.local/share/streamlens", "FlakyJob", NOW)).toBe(
      "/home/me/.local/share/streamlens/FlakyJob-20261130-014422.slrec",
    );
    expect(defaultRecordingPath("C:\\Users\\me\\AppData\\streamlens\\", "FlakyJob", NOW)).toBe(
      "C:\\Users\\me\\AppData\\streamlens\\FlakyJob-20261130-014422.slrec",
    );
  });

  it("reads topic lists split at commas, spaces and lines, each topic once", () => {
    expect(parseTopics(" demo.orders, demo.payments\ndemo.orders  ")).toEqual(["demo.orders", "demo.payments"]);
    expect(parseTopics("  ")).toEqual([]);
  });

  it("makes the request: seconds to milliseconds, topics by direction, masked for the role chosen", () => {
    const form = { ...initialRecordForm("/data", "FlakyJob", NOW), inputTopics: "in.a, in.b", outputTopics: "out", intervalSeconds: "0.5", durationSeconds: "5" };
    expect(validateRecordForm(form)).toEqual({});
    expect(recordRequest("j1", form)).toEqual({
      jobId: "j1",
      path: "/data/FlakyJob-20261130-014422.slrec",
      intervalMs: 500,
      durationMs: 5_000,
      topics: [
        { topic: "in.a", direction: "input" },
        { topic: "in.b", direction: "input" },
        { topic: "out", direction: "output" },
      ],
      maskedFor: "support",
    });
    expect(recordRequest("j1", { ...form, untilStopped: true, durationSeconds: "" }).durationMs).toBeNull();
  });

  it("refuses no file, too short an interval and no duration", () => {
    const form = initialRecordForm("/data", "FlakyJob", NOW);
    const errors = validateRecordForm({ ...form, path: " ", intervalSeconds: "0.1", durationSeconds: "" });
    expect(Object.keys(errors).sort()).toEqual(["durationSeconds", "intervalSeconds", "path"]);
    expect(errors.intervalSeconds).toContain("0.2 s");
    expect(validateRecordForm({ ...form, durationSeconds: "", untilStopped: true })).toEqual({});
    expect(validateRecordForm({ ...form, durationSeconds: "5000000" }).durationSeconds).toMatch(/49 days/);
  });
});
