import { describe, expect, it } from "vitest";
import { prettyDetail, summarizeDetail } from "./auditDetail";

describe("summarizeDetail", () => {
  it("shows the topic, counts and whether the read was masked, in a fixed order", () => {
    const browse = '{"topic":"demo.payments","partitions":null,"start":{"kind":"latest"},"limit":100,"masked":true}';
    expect(summarizeDetail(browse)).toBe("topic demo.payments · limit 100 · masked");
    expect(summarizeDetail('{"rows":1200,"topic":"demo.orders","format":"csv","masked":false}')).toBe(
      "topic demo.orders · rows 1200 · format csv",
    );
    expect(summarizeDetail('{"group":"billing","topic":"demo.orders"}')).toBe("topic demo.orders · group billing");
  });

  it("is empty for an empty object and the raw text for anything but a JSON object", () => {
    expect(summarizeDetail("{}")).toBe("");
    expect(summarizeDetail("not json")).toBe("not json");
    expect(summarizeDetail("[1,2]")).toBe("[1,2]");
  });
});

describe("prettyDetail", () => {
  it("indents JSON and leaves other text alone", () => {
    expect(prettyDetail('{"topic":"t"}')).toBe('{\n  "topic": "t"\n}');
    expect(prettyDetail("oops")).toBe("oops");
  });
});
