// A selected connection's tabs: which one opens first, switching (mouse and keyboard),
// connections without Kafka, and per-connection caches when switching connections.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../platform";
import { profile, topicSummary } from "../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../test/renderApp";

vi.mock("../platform");

function connectionButton(name: string): HTMLElement {
  const item = screen.getAllByTestId("connection-item").find((el) => el.dataset["connectionName"] === name);
  if (item === undefined) throw new Error(`no sidebar item ${name}`);
  return item;
}

describe("ConnectionView", () => {
  it("opens on Topics for a connection with Kafka, and switches tabs by click and arrow keys", async () => {
    stubViewportHeight();
    mockBackend([profile({ id: "c1", name: "Local" })]);
    const { user } = renderFrame();
    await user.click(await screen.findByTestId("connection-item"));

    expect(screen.getByTestId("connection-title")).toHaveTextContent("Local");
    expect(screen.getByTestId("tab-topics")).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByTestId("topics-view")).toBeInTheDocument();

    await user.click(screen.getByTestId("tab-cluster"));
    expect(await screen.findByTestId("cluster-view")).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("Cluster");

    await user.keyboard("{ArrowLeft}");
    expect(screen.getByTestId("tab-settings")).toHaveFocus();
    expect(screen.getByTestId("test-connection")).toBeInTheDocument();
    expect(screen.queryByTestId("cluster-view")).not.toBeInTheDocument();
  });

  it("opens on Settings for a connection without Kafka, and Cluster/Topics say why they are empty", async () => {
    mockBackend([profile({ id: "c2", name: "Flink only", kafka: null })]);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c2" } });

    expect(await screen.findByTestId("test-connection")).toBeInTheDocument();
    expect(screen.getByTestId("tab-settings")).toHaveAttribute("aria-selected", "true");

    await user.click(screen.getByTestId("tab-topics"));
    expect(screen.getByTestId("no-kafka")).toHaveTextContent("has no Kafka part");
    await user.click(screen.getByTestId("tab-cluster"));
    expect(screen.getByTestId("no-kafka")).toHaveTextContent("has no Kafka part");
    await user.click(screen.getByTestId("tab-groups"));
    expect(screen.getByTestId("no-kafka")).toHaveTextContent("no consumer group to show");
    expect(platform.listGroups).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("tab-cluster"));
    expect(platform.listTopics).not.toHaveBeenCalled();
    expect(platform.fetchClusterOverview).not.toHaveBeenCalled();

    await user.click(within(screen.getByTestId("no-kafka")).getByRole("button", { name: "Edit connection" }));
    expect(screen.getByTestId("conn-name")).toHaveValue("Flink only");
  });

  it("keeps each connection's topic list cached when switching between connections", async () => {
    stubViewportHeight();
    mockBackend([profile({ id: "a", name: "Alpha" }), profile({ id: "b", name: "Beta" })]);
    vi.mocked(platform.listTopics).mockImplementation((id) =>
      Promise.resolve([topicSummary({ name: id === "a" ? "alpha.events" : "beta.events" })]),
    );
    const { user } = renderFrame();

    await user.click(await screen.findByText("Alpha"));
    expect(await screen.findByTestId("topic-row")).toHaveAttribute("data-topic-name", "alpha.events");
    await user.click(connectionButton("Beta"));
    expect(await screen.findByTestId("topic-row")).toHaveAttribute("data-topic-name", "beta.events");
    await user.click(connectionButton("Alpha"));
    expect(screen.getByTestId("topic-row")).toHaveAttribute("data-topic-name", "alpha.events");

    expect(vi.mocked(platform.listTopics).mock.calls).toEqual([["a"], ["b"]]);
  });
});
