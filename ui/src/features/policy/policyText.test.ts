// The policy editor's text functions: the position a parser's message names, the caret's
// line and column, one line's span, and Tab's two spaces.
import { describe, expect, it } from "vitest";
import { caretPosition, indentSelection, lineSpan, problemPosition } from "./policyText";

describe("problemPosition", () => {
  it("reads the TOML parser's line and column", () => {
    expect(problemPosition("TOML parse error at line 3, column 9\n  |\n3 | version = \n  |         ^\ninvalid string")).toEqual({
      line: 3,
      column: 9,
    });
    expect(problemPosition("unknown field `grant` at line 12")).toEqual({ line: 12, column: null });
    expect(problemPosition("Line 4 column 2: expected `=`")).toEqual({ line: 4, column: 2 });
  });

  it("is null when the message names no line", () => {
    expect(problemPosition("masking.rules[0].paths[1]: must start with `$`")).toBeNull();
    expect(problemPosition("the pipeline is offline")).toBeNull();
    expect(problemPosition("at line 0")).toBeNull();
  });
});

describe("caretPosition and lineSpan", () => {
  const text = "version = 1\n\n[[grants]]\nroles = []";

  it("count lines and columns from 1", () => {
    expect(caretPosition(text, 0)).toEqual({ line: 1, column: 1 });
    expect(caretPosition(text, 11)).toEqual({ line: 1, column: 12 });
    expect(caretPosition(text, 12)).toEqual({ line: 2, column: 1 });
    expect(caretPosition(text, 15)).toEqual({ line: 3, column: 3 });
    expect(caretPosition(text, text.length)).toEqual({ line: 4, column: 11 });
  });

  it("span one line without its newline, the last one past the end", () => {
    expect(lineSpan(text, 1)).toEqual({ start: 0, end: 11 });
    expect(lineSpan(text, 2)).toEqual({ start: 12, end: 12 });
    expect(text.slice(lineSpan(text, 3).start, lineSpan(text, 3).end)).toBe("[[grants]]");
    expect(text.slice(lineSpan(text, 4).start, lineSpan(text, 4).end)).toBe("roles = []");
    expect(lineSpan(text, 99)).toEqual(lineSpan(text, 4));
  });
});

describe("indentSelection", () => {
  it("puts two spaces in place of a selection within a line, the caret after them", () => {
    expect(indentSelection("a = 1", 0, 0)).toEqual({ value: "  a = 1", selectionStart: 2, selectionEnd: 2 });
    expect(indentSelection("a = 1", 4, 5)).toEqual({ value: "a =   ", selectionStart: 6, selectionEnd: 6 });
  });

  it("indents every line of a selection across lines, keeping it selected", () => {
    const text = "[x]\nb = 1\nc = 2\nd = 3";
    // From inside "b = 1" to inside "c = 2".
    const edit = indentSelection(text, 6, 12);
    expect(edit.value).toBe("[x]\n  b = 1\n  c = 2\nd = 3");
    expect(edit.value.slice(edit.selectionStart, edit.selectionEnd)).toBe("= 1\n  c ");
    // Ending at the start of a line leaves that line alone.
    expect(indentSelection(text, 4, 10).value).toBe("[x]\n  b = 1\nc = 2\nd = 3");
  });
});
