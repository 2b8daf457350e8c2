// The policy editor's text handling as plain functions: where a check's message points (the
// TOML parser says "line L, column C"), where the caret is, the span of one line (to go to
// the line a message names), and Tab indenting by two spaces — the selection's lines when it
// spans several, as editors do.

export interface TextPosition {
  /** 1-based, as parsers and editors count. */
  line: number;
  column: number | null;
}

/** The line (and column) a check's message names, if it names one. */
export function problemPosition(message: string): TextPosition | null {
  const found = /\bline (\d+)(?:,? column (\d+))?/i.exec(message);
  if (found === null) return null;
  const line = Number(found[1]);
  return line >= 1 ? { line, column: found[2] === undefined ? null : Number(found[2]) } : null;
}

/** The 1-based line and column of `offset` in `text`. */
export function caretPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let i = before.indexOf("\n"); i !== -1; i = before.indexOf("\n", i + 1)) line += 1;
  return { line, column: offset - lineStart + 1 };
}

/** The start and end offsets of 1-based `line` (clamped to the text's lines), without its newline. */
export function lineSpan(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf("\n", start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return { start, end: end === -1 ? text.length : end };
}

export const INDENT = "  ";

export interface Edit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Tab: two spaces in place of the selection, or — when the selection spans lines — two
 * spaces before each of its lines, which stay selected.
 */
export function indentSelection(value: string, start: number, end: number): Edit {
  const selected = value.slice(start, end);
  if (!selected.includes("\n")) {
    const caret = start + INDENT.length;
    return { value: value.slice(0, start) + INDENT + value.slice(end), selectionStart: caret, selectionEnd: caret };
  }
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  // A selection ending at the start of a line does not take that line with it.
  const blockEnd = value.charAt(end - 1) === "\n" ? end - 1 : end;
  const block = value.slice(lineStart, blockEnd);
  const indented = block.replace(/^/gm, INDENT);
  return {
    value: value.slice(0, lineStart) + indented + value.slice(blockEnd),
    selectionStart: start + INDENT.length,
    selectionEnd: end + (indented.length - block.length),
  };
}
