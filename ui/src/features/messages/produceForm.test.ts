import { describe, expect, it } from "vitest";
import { chosenSubject, headerProblems, noSchema, produceForm, toProduceRequest } from "./produceForm";

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
      schema: null,
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

  it("encodes with the chosen schema as JSON, and never a tombstone", () => {
    const schema = { subject: "t-value", version: "3" as const, message: " shop.Order " };
    expect(toProduceRequest("t", { ...produceForm(), format: "text", value: "{}", schema })).toMatchObject({
      format: "json",
      schema: { subject: "t-value", version: 3, message: "shop.Order" },
    });
    expect(toProduceRequest("t", { ...produceForm(), schema: { ...schema, version: "latest", message: "" } }).schema).toEqual({
      subject: "t-value",
      version: null,
      message: null,
    });
    expect(toProduceRequest("t", { ...produceForm(), tombstone: true, schema }).schema).toBeNull();
    expect(toProduceRequest("t", { ...produceForm(), schema: { ...schema, subject: "" } }).schema).toBeNull();
  });
});

describe("chosenSubject", () => {
  it("defaults to the topic's value subject when the registry has it, until one is picked", () => {
    expect(chosenSubject(noSchema(), "orders", ["orders-value", "x"])).toBe("orders-value");
    expect(chosenSubject(noSchema(), "orders", ["x"])).toBe("");
    expect(chosenSubject({ ...noSchema(), subject: "" }, "orders", ["orders-value"])).toBe("");
    expect(chosenSubject({ ...noSchema(), subject: "x" }, "orders", ["orders-value"])).toBe("x");
  });
});
