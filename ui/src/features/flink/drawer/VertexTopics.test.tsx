// A source's or sink's Kafka topics in the vertex drawer: named whole in the vertex's name or
// operators, offered as links to the topic (and Back returns to the job); nothing asked for a
// vertex in the middle of the graph.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { topicDetail, topicSummary } from "../../../test/fixtures";
import { graphVertex, jobGraph, SOURCE, WINDOW } from "../../../test/flinkFixtures";
import { ORDERS_JOB_ID, renderFlink, waitForGraph } from "../flinkTestKit";
import { topicsNamedBy } from "./VertexTopics";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

const topics = (...names: string[]) => names.map((name) => topicSummary({ name }));

describe("topicsNamedBy", () => {
  it("finds topics named whole in the vertex's name or operators, never a part of a longer name", () => {
    const vertex = {
      name: "Source: demo.orders -> Map",
      operators: [
        { name: "Source: demo.orders", depth: 0 },
        { name: "Sink: payments (Writer)", depth: 1 },
      ],
    };
    const named = topicsNamedBy(vertex, topics("demo.orders", "orders", "demo", "payments", "Map", "Writer.v2", "Sink-payments"));
    expect(named).toEqual(["demo.orders", "payments", "Map"]);
    expect(topicsNamedBy({ name: "KafkaSink-payments", operators: [] }, topics("payments"))).toEqual([]);
  });

  it("leaves internal topics out", () => {
    const vertex = { name: "Source: __consumer_offsets", operators: [] };
    expect(topicsNamedBy(vertex, [topicSummary({ name: "__consumer_offsets", internal: true })])).toEqual([]);
  });
});

function graphWithKafkaSource() {
  return jobGraph({
    vertices: [
      graphVertex({ id: SOURCE, name: "Source: demo.orders", isSource: true }),
      ...jobGraph().vertices.filter((vertex) => vertex.id !== SOURCE),
    ],
  });
}

async function openVertex(user: ReturnType<typeof renderFlink>["user"], vertexId: string) {
  const node = screen.getAllByTestId("graph-node").find((el) => el.dataset["vertexId"] === vertexId);
  if (node === undefined) throw new Error(`no vertex ${vertexId}`);
  await user.click(within(node).getByTestId("graph-node-open"));
  return screen.findByTestId("vertex-drawer");
}

describe("VertexTopics", () => {
  it("links a source to the Kafka topic it names, and Back returns to the job", async () => {
    const { user } = renderFlink({ open: { jobId: ORDERS_JOB_ID }, graph: graphWithKafkaSource() });
    vi.mocked(platform.listTopics).mockResolvedValue(topics("demo.orders", "orders", "revenue"));
    vi.mocked(platform.describeTopic).mockResolvedValue(topicDetail({ name: "demo.orders" }));
    await waitForGraph();

    const window = await openVertex(user, WINDOW);
    expect(within(window).queryByTestId("vertex-topics")).not.toBeInTheDocument();
    expect(platform.listTopics).not.toHaveBeenCalled();

    const source = await openVertex(user, SOURCE);
    const link = await within(source).findByTestId("vertex-topic-link");
    expect(within(source).getAllByTestId("vertex-topic-link").map((el) => el.dataset["topic"])).toEqual(["demo.orders"]);
    expect(platform.listTopics).toHaveBeenCalledWith("c1");

    await user.click(link);
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(screen.getByTestId("tab-topics")).toHaveAttribute("aria-selected", "true");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByTestId("job-view")).toHaveAttribute("data-job-id", ORDERS_JOB_ID);
  });
});
