// The Kafka commands through Tauri's IPC mock: names and argument shapes the Rust
// handlers take (camelCase here, snake_case there), and rejections passed on as AppErrors.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { NewTopic } from "../bindings/NewTopic";
import { createTopic, deleteTopic, describeTopic, fetchClusterOverview, listTopics } from "./kafka";

afterEach(() => {
  clearMocks();
});

const newTopic: NewTopic = {
  name: "orders.v2",
  partitions: 6,
  replicationFactor: 3,
  configs: [{ name: "retention.ms", value: "86400000" }],
};

describe("kafka commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === "list_topics" ? [] : null;
    });

    await fetchClusterOverview("c1");
    await listTopics("c1");
    await describeTopic("c1", "orders");
    await createTopic("c1", newTopic, null);
    await deleteTopic("c1", "orders", "orders");

    expect(calls).toEqual([
      ["cluster_overview", { connectionId: "c1" }],
      ["list_topics", { connectionId: "c1" }],
      ["describe_topic", { connectionId: "c1", topic: "orders" }],
      ["create_topic", { connectionId: "c1", topic: newTopic, confirmation: null }],
      ["delete_topic", { connectionId: "c1", topic: "orders", confirmation: "orders" }],
    ]);
  });

  it("rejects with the backend's unavailable error as-is", async () => {
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw { kind: "unavailable", message: "No broker answered at 127.0.0.1:19092 within 10 s." };
    });
    await expect(listTopics("c1")).rejects.toEqual({
      kind: "unavailable",
      message: "No broker answered at 127.0.0.1:19092 within 10 s.",
    });
  });
});
