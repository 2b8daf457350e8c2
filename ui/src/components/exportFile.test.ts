// The export file rules both typed-path exports share: the default name and where it goes,
// the extension following the format, and the typed paths refused before asking the backend.
import { describe, expect, it } from "vitest";
import { fileInDirectory, outputPathProblem, timestampedFileName, withFormatExtension } from "./exportFile";

const NOW = new Date(2026, 10, 30, 1, 44, 22);

describe("the default file", () => {
  it("is the stem and the local time, with the format's extension", () => {
    expect(timestampedFileName("audit", "jsonl", NOW)).toBe("audit-20261130-014422.jsonl");
    expect(timestampedFileName("demo.payments", "csv", new Date(2026, 0, 2, 3, 4, 5))).toBe("demo.payments-20260102-030405.csv");
  });

  it("makes the stem file-safe and never hidden, falling back when nothing is left", () => {
    expect(timestampedFileName("orders/eu west", "csv", NOW)).toBe("orders-eu-west-20261130-014422.csv");
    expect(timestampedFileName(".hidden", "jsonl", NOW)).toBe("hidden-20261130-014422.jsonl");
    expect(timestampedFileName("..", "csv", NOW)).toBe("export-20261130-014422.csv");
    expect(timestampedFileName("//", "csv", NOW, "messages")).toBe("messages-20261130-014422.csv");
  });

  it("goes in the directory with the separator the directory uses", () => {
    expect(fileInDirectory("/home/me/.local/share/streamlens", "a.jsonl")).toBe("/home/me/.local/share/streamlens/a.jsonl");
    expect(fileInDirectory("/data/", "a.csv")).toBe("/data/a.csv");
    expect(fileInDirectory("C:\\Users\\me\\AppData\\streamlens", "a.csv")).toBe("C:\\Users\\me\\AppData\\streamlens\\a.csv");
    expect(fileInDirectory("C:\\data\\", "a.csv")).toBe("C:\\data\\a.csv");
  });
});

describe("a typed path", () => {
  it("swaps its extension with the format, and keeps any other name", () => {
    expect(withFormatExtension("/tmp/out.jsonl", "csv")).toBe("/tmp/out.csv");
    expect(withFormatExtension("/tmp/out.CSV", "jsonl")).toBe("/tmp/out.jsonl");
    expect(withFormatExtension("/tmp/out.txt", "csv")).toBe("/tmp/out.txt");
  });

  it("must be there and full", () => {
    expect(outputPathProblem("")).toBe("Enter the file to write.");
    expect(outputPathProblem("out.jsonl")).toBe("Enter the full path of the file, starting at / (or a drive such as C:\\).");
    expect(outputPathProblem("./out.jsonl")).toMatch(/^Enter the full path/);
    expect(outputPathProblem("/tmp/out.jsonl")).toBeNull();
    expect(outputPathProblem("C:\\out\\x.csv")).toBeNull();
    expect(outputPathProblem("D:/out/x.csv")).toBeNull();
    expect(outputPathProblem("\\\\server\\share\\x.csv")).toBeNull();
  });
});
