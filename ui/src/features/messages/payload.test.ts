// How payloads are shown: JSON indented (numbers as written), cut-short previews said so,
// withheld shown as its reason only, tombstones and hex told apart, masked values counted.
import { describe, expect, it } from "vitest";
import { jsonPayload, payload, withheldPayload } from "../../test/fixtures";
import {
  copyableText,
  displayPayload,
  indentJson,
  maskedSummary,
  previewText,
  PREVIEW_CHARS,
  truncationNote,
} from "./payload";

describe("indentJson", () => {
  it("matches JSON.stringify(…, null, 2) for ordinary JSON", () => {
    const value = { a: [1, 2, { b: "x, y: {z}" }], c: {}, d: [], e: null, f: 'q"uote\\' };
    const compact = JSON.stringify(value);
    expect(indentJson(compact)).toBe(JSON.stringify(value, null, 2));
  });

  it("keeps numbers as written (a 64-bit id stays exact) and whitespace-only input changes nothing else", () => {
    expect(indentJson('{"id":12345678901234567890,"price":1.50}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "price": 1.50\n}',
    );
    expect(indentJson(' [ 1 ,\n 2 ] ')).toBe("[\n  1,\n  2\n]");
  });
});

describe("displayPayload", () => {
  it("pretty-prints JSON", () => {
    expect(displayPayload(jsonPayload({ payment_id: "P-1" }))).toEqual({
      kind: "json",
      text: '{\n  "payment_id": "P-1"\n}',
    });
  });

  it("shows a cut-off JSON preview as text and says how much of it there is", () => {
    const cut = payload({ format: "json", text: '{"a":"xxx', size: 200_000, truncated: true, note: "Large JSON" });
    expect(displayPayload(cut)).toEqual({ kind: "text", text: '{"a":"xxx' });
    expect(truncationNote(cut)).toMatch(/^Showing the first 64 KiB of 200\D000 bytes\.$/);
  });

  it("shows hex as hex, with the bytes shown when cut", () => {
    const hex = payload({ format: "binary", text: "00 ff 10", size: 100_000, truncated: true, decoder: "hex" });
    expect(displayPayload(hex)).toEqual({ kind: "hex", text: "00 ff 10" });
    expect(truncationNote(hex)).toMatch(/^Showing the first 3 B of 100\D000 bytes\.$/);
  });

  it("shows a withheld payload as its reason only, and has nothing to copy", () => {
    const withheld = withheldPayload();
    expect(displayPayload(withheld)).toEqual({ kind: "withheld", note: withheld.note });
    expect(copyableText(withheld)).toBeNull();
    expect(copyableText(payload({ format: "null", text: null }))).toBeNull();
  });
});

describe("previewText", () => {
  it("cuts long text for a table cell", () => {
    expect(previewText(payload({ text: "x".repeat(PREVIEW_CHARS + 50) }))).toHaveLength(PREVIEW_CHARS);
  });
});

describe("maskedSummary", () => {
  it("counts the masked values, the noun agreeing", () => {
    expect(maskedSummary(1)).toBe("1 value masked");
    expect(maskedSummary(3)).toBe("3 values masked");
  });
});
