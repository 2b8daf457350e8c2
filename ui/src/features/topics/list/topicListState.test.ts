// Filtering and sorting of the topic list, without rendering anything.
import { describe, expect, it } from "vitest";
import { topicSummary } from "../../../test/fixtures";
import { initialTopicListState, nextSort, visibleTopics } from "./topicListState";

const topics = [
  topicSummary({ name: "demo.orders", messageCount: 200, partitions: 3 }),
  topicSummary({ name: "Audit.Orders-EU", messageCount: 5, partitions: 12 }),
  topicSummary({ name: "__consumer_offsets", internal: true, messageCount: 40, partitions: 50 }),
  topicSummary({ name: "demo.payments", messageCount: 200, partitions: 3 }),
  topicSummary({ name: "orders-10", messageCount: 1, partitions: 1 }),
  topicSummary({ name: "orders-2", messageCount: 1, partitions: 1 }),
];
const names = (list: { name: string }[]) => list.map((t) => t.name);

describe("visibleTopics", () => {
  it("hides internal topics unless asked, and sorts names naturally", () => {
    expect(names(visibleTopics(topics, initialTopicListState))).toEqual([
      "Audit.Orders-EU",
      "demo.orders",
      "demo.payments",
      "orders-2",
      "orders-10",
    ]);
    expect(names(visibleTopics(topics, { ...initialTopicListState, showInternal: true }))[0]).toBe(
      "__consumer_offsets",
    );
  });

  it("matches a case-insensitive substring anywhere in the name, ignoring surrounding spaces", () => {
    const state = { ...initialTopicListState, search: "  ORDERS " };
    expect(names(visibleTopics(topics, state))).toEqual(["Audit.Orders-EU", "demo.orders", "orders-2", "orders-10"]);
    expect(visibleTopics(topics, { ...state, search: "offsets" })).toEqual([]);
    expect(names(visibleTopics(topics, { ...state, search: "offsets", showInternal: true }))).toEqual([
      "__consumer_offsets",
    ]);
  });

  it("sorts numeric columns with the name as tie-breaker, in either direction", () => {
    const byMessages = { ...initialTopicListState, sort: { column: "messageCount", direction: "desc" } } as const;
    expect(names(visibleTopics(topics, byMessages))).toEqual([
      "demo.orders",
      "demo.payments",
      "Audit.Orders-EU",
      "orders-2",
      "orders-10",
    ]);
    const ascending = { ...byMessages, sort: { column: "messageCount", direction: "asc" } } as const;
    expect(names(visibleTopics(topics, ascending))).toEqual([
      "orders-2",
      "orders-10",
      "Audit.Orders-EU",
      "demo.orders",
      "demo.payments",
    ]);
  });

  it("does not reorder the list it was given", () => {
    const before = names(topics);
    visibleTopics(topics, { ...initialTopicListState, sort: { column: "partitions", direction: "desc" } });
    expect(names(topics)).toEqual(before);
  });
});

describe("nextSort", () => {
  it("flips the direction of the current column", () => {
    expect(nextSort({ column: "name", direction: "asc" }, "name")).toEqual({ column: "name", direction: "desc" });
    expect(nextSort({ column: "partitions", direction: "desc" }, "partitions")).toEqual({
      column: "partitions",
      direction: "asc",
    });
  });

  it("starts a new column ascending for names and descending for numbers", () => {
    expect(nextSort({ column: "name", direction: "asc" }, "messageCount")).toEqual({
      column: "messageCount",
      direction: "desc",
    });
    expect(nextSort({ column: "messageCount", direction: "desc" }, "name")).toEqual({
      column: "name",
      direction: "asc",
    });
  });
});
