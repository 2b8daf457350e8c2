// The side-by-side line diff and the schema text it runs on: unchanged lines on both sides,
// a replaced run paired line by line, lines only one side has opposite an empty cell, each
// side numbered by itself; Avro pretty-printed with two spaces, Protobuf as written.
import { describe, expect, it } from "vitest";
import { sideBySide } from "./schemaDiff";
import { prettySchema } from "./schemaText";

describe("sideBySide", () => {
  it("pairs a replaced line, and puts an added line opposite nothing", () => {
    const { rows, added, removed } = sideBySide("a\nb\nc", "a\nB\nc\nd");
    expect(rows).toEqual([
      { left: { number: 1, text: "a", kind: "same" }, right: { number: 1, text: "a", kind: "same" } },
      { left: { number: 2, text: "b", kind: "removed" }, right: { number: 2, text: "B", kind: "added" } },
      { left: { number: 3, text: "c", kind: "same" }, right: { number: 3, text: "c", kind: "same" } },
      { left: null, right: { number: 4, text: "d", kind: "added" } },
    ]);
    expect([added, removed]).toEqual([2, 1]);
  });

  it("keeps numbering each side by itself after a removal", () => {
    const { rows } = sideBySide("x\ny\nz", "x\nz");
    expect(rows.map((row) => [row.left?.number ?? null, row.left?.kind ?? null, row.right?.number ?? null])).toEqual([
      [1, "same", 1],
      [2, "removed", null],
      [3, "same", 2],
    ]);
  });

  it("finds nothing to mark between equal texts", () => {
    const { rows, added, removed } = sideBySide("{\n}", "{\n}");
    expect(rows.every((row) => row.left?.kind === "same" && row.right?.kind === "same")).toBe(true);
    expect([added, removed]).toEqual([0, 0]);
  });
});

describe("prettySchema", () => {
  it("indents Avro and JSON Schema by two spaces, numbers as written", () => {
    expect(prettySchema("AVRO", '{"type":"fixed","size":16}')).toBe('{\n  "type": "fixed",\n  "size": 16\n}');
    expect(prettySchema("JSON", '{"maximum":1.50}')).toBe('{\n  "maximum": 1.50\n}');
    expect(prettySchema("AVRO", '"string"')).toBe('"string"');
  });

  it("shows Protobuf and unparsable text as written", () => {
    expect(prettySchema("PROTOBUF", 'syntax = "proto3";\r\nmessage A {}\n\n')).toBe('syntax = "proto3";\nmessage A {}');
    expect(prettySchema("AVRO", "{not json")).toBe("{not json");
  });
});
