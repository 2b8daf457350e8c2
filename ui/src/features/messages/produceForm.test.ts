import { describe, expect, it } from "vitest";
import { headerProblems, produceForm, toProduceRequest } from "./produceForm";

describe("toProduceRequest", () => {
  it("sends key, value, format and named headers; empty key and partition mean none", () => {
    expect(
      toProduceRequest("t", {
        ...produceForm(),
        value: '{"hello":"e2e"}',
        headers: [
          { id: 1, key: " trace-id ", value: "abc" },
          { id: 2, key: "", value: "" },
        ],
      }),
    ).toEqual({
      topic: "t",
      partition: null,
      key: null,
      value: '{"hello":"e2e"}',
      headers: [{ key: "trace-id", value: "abc" }],
      format: "json",
    });
  });

  it("sends a tombstone as a null value whatever the field holds, to the chosen partition", () => {
    const request = toProduceRequest("t", { ...produceForm(), key: "k1", value: "left over", tombstone: true, partition: "2" });
    expect(request).toMatchObject({ key: "k1", value: null, partition: 2 });
  });

  it("asks for a header's name when only its value is filled", () => {
    expect(headerProblems([{ id: 1, key: "", value: "v" }, { id: 2, key: "a", value: "" }])).toEqual([
      "Enter the header name.",
      null,
    ]);
  });
});
