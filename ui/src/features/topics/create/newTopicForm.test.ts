// The create-topic checks: Kafka's topic-name rules, the counts, and config rows.
import { describe, expect, it } from "vitest";
import { checkNewTopic, hasErrors, newTopicForm, toNewTopic, topicNameProblem } from "./newTopicForm";

describe("topicNameProblem", () => {
  it("accepts Kafka's legal characters up to 249 of them", () => {
    for (const name of ["orders", "demo.orders", "orders_v2-EU", "a", "A.b_c-9", "x".repeat(249), "..."]) {
      expect(topicNameProblem(name), name).toBeNull();
    }
  });

  it("refuses an empty name, the reserved . and .., and names that are too long", () => {
    expect(topicNameProblem("")).toMatch(/Enter a topic name/);
    expect(topicNameProblem(".")).toMatch(/reserved/);
    expect(topicNameProblem("..")).toMatch(/reserved/);
    expect(topicNameProblem("x".repeat(250))).toMatch(/at most 249 characters; this one has 250/);
  });

  it("names the characters that are not allowed", () => {
    expect(topicNameProblem("my topic")).toMatch(/remove spaces\.$/);
    expect(topicNameProblem("orders/eu:1")).toMatch(/remove “\/”, “:”\.$/);
    expect(topicNameProblem("zürich")).toMatch(/remove “ü”/);
  });
});

describe("checkNewTopic", () => {
  it("finds nothing wrong with the defaults and a name", () => {
    const errors = checkNewTopic({ ...newTopicForm(), name: "orders" });
    expect(hasErrors(errors)).toBe(false);
  });

  it("needs at least one partition and a replication factor of at least 1, as whole numbers", () => {
    const base = { ...newTopicForm(), name: "orders" };
    expect(checkNewTopic({ ...base, partitions: "0" }).partitions).toMatch(/at least 1/);
    expect(checkNewTopic({ ...base, partitions: "" }).partitions).toMatch(/whole number/);
    expect(checkNewTopic({ ...base, partitions: "2.5" }).partitions).toMatch(/whole number/);
    expect(checkNewTopic({ ...base, partitions: "-1" }).partitions).toMatch(/whole number/);
    expect(checkNewTopic({ ...base, partitions: "100001" }).partitions).toMatch(/at most 100,000/);
    expect(checkNewTopic({ ...base, replicationFactor: "0" }).replicationFactor).toMatch(/at least 1/);
    expect(checkNewTopic({ ...base, replicationFactor: "40000" }).replicationFactor).toMatch(/at most 32,767/);
  });

  it("checks config rows one by one and ignores empty ones", () => {
    const errors = checkNewTopic({
      ...newTopicForm(),
      name: "orders",
      configs: [
        { key: 1, name: "retention.ms", value: "1000" },
        { key: 2, name: "", value: "" },
        { key: 3, name: "", value: "compact" },
        { key: 4, name: "segment.ms", value: " " },
        { key: 5, name: "retention.ms", value: "2000" },
      ],
    });
    expect(errors.configs).toEqual([
      null,
      null,
      expect.stringMatching(/config name/),
      expect.stringMatching(/value for segment\.ms/),
      expect.stringMatching(/retention\.ms is set twice/),
    ]);
  });
});

describe("toNewTopic", () => {
  it("trims the name and numbers and drops empty config rows", () => {
    expect(
      toNewTopic({
        name: " orders ",
        partitions: "6 ",
        replicationFactor: "3",
        configs: [
          { key: 1, name: " cleanup.policy ", value: "compact" },
          { key: 2, name: "", value: "" },
        ],
        confirmation: "",
      }),
    ).toEqual({
      name: "orders",
      partitions: 6,
      replicationFactor: 3,
      configs: [{ name: "cleanup.policy", value: "compact" }],
    });
  });
});
