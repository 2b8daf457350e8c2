// The live tail's buffer: batches appended in order, what the backend dropped counted, and
// the cap — the default and one chosen in Settings — keeping the newest rows.
import { describe, expect, it } from "vitest";
import { messageRecords } from "../../test/fixtures";
import { appendBatch, DEFAULT_TAIL_ROWS, startTail } from "./tailBuffer";

describe("tail buffer", () => {
  it("appends batches in order and counts what arrived and what the backend dropped", () => {
    const [a, b, c] = messageRecords(3, 1);
    if (a === undefined || b === undefined || c === undefined) throw new Error("fixtures");
    let view = startTail([a]);
    view = appendBatch(view, { messages: [b], dropped: 0 });
    view = appendBatch(view, { messages: [c], dropped: 7 });
    expect(view.rows.map((r) => r.offset)).toEqual([0, 1, 2]);
    expect(view).toMatchObject({ received: 2, dropped: 7, removed: 0 });
  });

  it("keeps at most 10,000 rows by default, the newest, and counts the ones that left", () => {
    let view = startTail(messageRecords(9_990, 1));
    view = appendBatch(view, { messages: messageRecords(25, 1, 9_990), dropped: 0 });
    expect(view.rows).toHaveLength(DEFAULT_TAIL_ROWS);
    expect(view.rows[0]?.offset).toBe(15);
    expect(view.rows.at(-1)?.offset).toBe(10_014);
    expect(view.removed).toBe(15);
  });

  it("keeps the limit it started with, also for the rows it starts from", () => {
    let view = startTail(messageRecords(1_500, 1), 1_000);
    expect(view).toMatchObject({ limit: 1_000, removed: 500 });
    expect(view.rows[0]?.offset).toBe(500);
    view = appendBatch(view, { messages: messageRecords(10, 1, 1_500), dropped: 0 });
    expect(view.rows).toHaveLength(1_000);
    expect(view.rows.at(-1)?.offset).toBe(1_509);
    expect(view.removed).toBe(510);
  });
});
