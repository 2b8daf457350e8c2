// Views read back from storage or a window's URL: every kind round-trips; unknown kinds,
// missing or empty fields and non-objects are refused; unknown tabs and extra fields are
// dropped rather than trusted; the query string round-trips.
import { describe, expect, it } from "vitest";
import type { View } from "./navigation";
import { parseView, parseViewJson, viewFromQuery, viewQuery } from "./viewCodec";

const EVERY_KIND: View[] = [
  { kind: "home" },
  { kind: "connection", id: "c1" },
  { kind: "connection", id: "c1", tab: "flink" },
  { kind: "topic", id: "c1", topic: "demo.orders" },
  { kind: "topic", id: "c1", topic: "demo.orders", topicTab: "partitions" },
  { kind: "group", id: "c1", group: "billing" },
  { kind: "subject", id: "c1", subject: "demo.orders-value" },
  { kind: "job", id: "c1", jobId: "3d30", jobTab: "checkpoints" },
  { kind: "new-connection" },
  { kind: "edit-connection", id: "c1" },
  { kind: "audit" },
  { kind: "policy" },
  { kind: "settings" },
  { kind: "recording", path: "/home/me/run.slrec" },
];

describe("parseView", () => {
  it("reads back every kind of view as written", () => {
    for (const view of EVERY_KIND) expect(parseView(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });

  it("refuses what is not a view", () => {
    for (const value of [
      null,
      undefined,
      42,
      "home",
      [],
      [{ kind: "home" }],
      {},
      { kind: "nonsense" },
      { kind: "topic", id: "c1" },
      { kind: "topic", id: "", topic: "t" },
      { kind: "topic", id: 7, topic: "t" },
      { kind: "job", id: "c1", jobId: null },
      { kind: "recording", path: "" },
      { kind: "edit-connection" },
      { kind: "__proto__", id: "c1" },
    ]) {
      expect(parseView(value)).toBeNull();
    }
  });

  it("drops tabs it does not know and fields that are not a view's", () => {
    expect(parseView({ kind: "topic", id: "c1", topic: "t", topicTab: "lag", extra: { deep: true } })).toEqual({
      kind: "topic",
      id: "c1",
      topic: "t",
    });
    expect(parseView({ kind: "connection", id: "c1", tab: "toString" })).toEqual({ kind: "connection", id: "c1" });
    expect(parseView({ kind: "home", id: "c1" })).toEqual({ kind: "home" });
  });
});

describe("parseViewJson", () => {
  it("is null for missing or unparseable text", () => {
    expect(parseViewJson(null)).toBeNull();
    expect(parseViewJson("{not json")).toBeNull();
    expect(parseViewJson('{"kind":"settings"}')).toEqual({ kind: "settings" });
  });
});

describe("viewQuery / viewFromQuery", () => {
  it("round-trips a view through a URL's query string, odd characters included", () => {
    const view: View = { kind: "topic", id: "c1", topic: "a&b=c?#ü topic" };
    const query = viewQuery(view);
    expect(query.startsWith("?view=")).toBe(true);
    expect(new URL(`tauri://localhost/index.html${query}`).search).toBe(query);
    expect(viewFromQuery(query)).toEqual(view);
  });

  it("is null without a view or with a broken one", () => {
    expect(viewFromQuery("")).toBeNull();
    expect(viewFromQuery("?other=1")).toBeNull();
    expect(viewFromQuery("?view=%7Bbroken")).toBeNull();
    expect(viewFromQuery(`?view=${encodeURIComponent('{"kind":"topic"}')}`)).toBeNull();
  });
});
