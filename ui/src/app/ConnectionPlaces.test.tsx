// The place per connection in the whole frame: picking another connection and coming back
// returns to the topic and its tab; Back and Forward still walk every step; picking the
// connection on screen goes to its first tab; a connection never opened starts on its first.
import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as platform from "../platform";
import { profile, topicDetail, topicSummary } from "../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../test/renderApp";

vi.mock("../platform");

function sidebarItem(name: string): HTMLElement {
  const item = screen.getAllByTestId("connection-item").find((el) => el.dataset["connectionName"] === name);
  if (item === undefined) throw new Error(`no sidebar item ${name}`);
  return item;
}

beforeEach(() => {
  stubViewportHeight();
  mockBackend([profile({ id: "a", name: "Alpha" }), profile({ id: "b", name: "Beta" })]);
  vi.mocked(platform.listTopics).mockImplementation((id) => Promise.resolve([topicSummary({ name: `${id}.events` })]));
  vi.mocked(platform.describeTopic).mockImplementation((_id, name) => Promise.resolve(topicDetail({ name })));
});

describe("the place per connection", () => {
  it("returns to the topic and tab left in a connection, and Back/Forward walk every step", async () => {
    const { user } = renderFrame({ initialView: { kind: "topic", id: "a", topic: "a.events" } });
    await user.click(await screen.findByTestId("topic-tab-configs"));

    // Beta was never opened: its first tab.
    await user.click(sidebarItem("Beta"));
    expect(await screen.findByTestId("topics-view")).toBeInTheDocument();
    await user.click(screen.getByTestId("tab-cluster"));
    expect(await screen.findByTestId("cluster-view")).toBeInTheDocument();

    await user.click(sidebarItem("Alpha"));
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("a.events");
    expect(screen.getByTestId("topic-tab-configs")).toHaveAttribute("aria-selected", "true");

    await user.click(sidebarItem("Beta"));
    expect(await screen.findByTestId("cluster-view")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByTestId("topic-tab-configs")).toHaveAttribute("aria-selected", "true");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByTestId("cluster-view")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Forward" }));
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("a.events");

    // Back changed the place too: Beta's place is still its Cluster tab, Alpha's the topic.
    await user.click(sidebarItem("Beta"));
    expect(await screen.findByTestId("cluster-view")).toBeInTheDocument();
    await user.click(sidebarItem("Alpha"));
    expect(await screen.findByTestId("topic-tab-configs")).toHaveAttribute("aria-selected", "true");
  });

  it("goes to the first tab when the connection on screen is picked again", async () => {
    const { user } = renderFrame({ initialView: { kind: "topic", id: "a", topic: "a.events", topicTab: "partitions" } });
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("a.events");
    await user.click(sidebarItem("Alpha"));
    expect(await screen.findByTestId("topics-view")).toBeInTheDocument();
    expect(screen.queryByTestId("topic-title")).not.toBeInTheDocument();
  });
});
