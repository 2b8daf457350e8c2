// Two texts side by side, line by line (jsdiff's line diff): unchanged lines on both sides,
// a removed run beside the added run that replaced it, and an empty cell opposite a line
// only one side has. Line numbers are each side's own (1-based).
import { diffLines } from "diff";

export type DiffKind = "same" | "removed" | "added";

export interface DiffCell {
  /** 1-based line number on this side. */
  number: number;
  text: string;
  kind: DiffKind;
}

export interface DiffRow {
  left: DiffCell | null;
  right: DiffCell | null;
}

export interface SideBySide {
  rows: DiffRow[];
  added: number;
  removed: number;
}

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  // A change's value ends with the newline of its last line.
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

export function sideBySide(left: string, right: string): SideBySide {
  const rows: DiffRow[] = [];
  let leftNumber = 0;
  let rightNumber = 0;
  let added = 0;
  let removed = 0;
  let pendingRemoved: DiffCell[] = [];

  const flushRemoved = (addedCells: DiffCell[]) => {
    const count = Math.max(pendingRemoved.length, addedCells.length);
    for (let i = 0; i < count; i++) rows.push({ left: pendingRemoved[i] ?? null, right: addedCells[i] ?? null });
    pendingRemoved = [];
  };

  // Both end with a newline, so a last line compares equal to the same line followed by more.
  for (const change of diffLines(`${left}\n`, `${right}\n`)) {
    const lines = linesOf(change.value);
    if (change.removed) {
      removed += lines.length;
      pendingRemoved.push(...lines.map((text) => ({ number: ++leftNumber, text, kind: "removed" as const })));
    } else if (change.added) {
      added += lines.length;
      flushRemoved(lines.map((text) => ({ number: ++rightNumber, text, kind: "added" as const })));
    } else {
      flushRemoved([]);
      for (const text of lines) {
        rows.push({
          left: { number: ++leftNumber, text, kind: "same" },
          right: { number: ++rightNumber, text, kind: "same" },
        });
      }
    }
  }
  flushRemoved([]);
  return { rows, added, removed };
}
