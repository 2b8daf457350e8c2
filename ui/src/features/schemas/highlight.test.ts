// The schema highlighter: tokens that join back to each line exactly, JSON keys told from
// string values, .proto keywords, scalar types and comments (block comments across lines).
import { describe, expect, it } from "vitest";
import { tokenizeLines, type Token } from "./highlight";

const kinds = (tokens: readonly Token[]) => tokens.filter((t) => t.kind !== "plain").map((t) => `${t.kind}:${t.text}`);

describe("tokenizeLines", () => {
  it("tells JSON keys from strings, numbers, literals and punctuation", () => {
    const [line] = tokenizeLines('  "size": 16, "name": "a\\"b", "default": null', "json");
    expect(kinds(line ?? [])).toEqual([
      'key:"size"', "punct::", "number:16", "punct:,",
      'key:"name"', "punct::", 'string:"a\\"b"', "punct:,",
      'key:"default"', "punct::", "keyword:null",
    ]);
  });

  it("marks .proto keywords, scalar types, strings and comments, across lines for block comments", () => {
    const text = 'syntax = "proto3";\n/* an\n order */ message Order {\n  int64 id = 1; // the id\n  shop.Money total = 2;\n}';
    const lines = tokenizeLines(text, "proto");
    expect(kinds(lines[0] ?? [])).toEqual(["keyword:syntax", "punct:=", 'string:"proto3"', "punct:;"]);
    expect(kinds(lines[1] ?? [])).toEqual(["comment:/* an"]);
    expect(kinds(lines[2] ?? [])).toEqual(["comment: order */", "keyword:message", "punct:{"]);
    expect(kinds(lines[3] ?? [])).toEqual(["type:int64", "punct:=", "number:1", "punct:;", "comment:// the id"]);
    expect(kinds(lines[4] ?? [])).toEqual(["punct:=", "number:2", "punct:;"]);
  });

  it("never loses or adds a character", () => {
    const text = '{\n  "a": [1, -2.5e3, true],\n  "b": "<script>x</script>",\n  weird ~ stuff\n}';
    for (const language of ["json", "proto"] as const) {
      const joined = tokenizeLines(text, language).map((tokens) => tokens.map((t) => t.text).join("")).join("\n");
      expect(joined).toBe(text);
    }
  });
});
