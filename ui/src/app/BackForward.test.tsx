// Back and Forward in the whole frame, over the deep links between topics and consumer
// groups: the top bar's buttons, Alt+←/Alt+→, the mouse's back/forward buttons, a topic's tab
// restored on the way back, keys left to a text field, and nothing while a modal is open.
import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as platform from "../platform";
import { groupDetail, groupSummary, profile, topicDetail, topicSummary } from "../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../test/renderApp";

vi.mock("../platform");

const BILLING = groupSummary({ groupId: "billing", topics: ["demo.orders", "demo.payments"] });

function renderTopic() {
  mockBackend([profile({ id: "c1", name: "Local" })]);
  vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: "demo.orders" }), topicSummary({ name: "demo.payments" })]);
  vi.mocked(platform.describeTopic).mockImplementation((_id, name) => Promise.resolve(topicDetail({ name })));
  vi.mocked(platform.listGroups).mockResolvedValue([BILLING, groupSummary({ groupId: "audit-reader", topics: ["audit.trail"] })]);
  vi.mocked(platform.describeGroup).mockResolvedValue(groupDetail({ summary: BILLING }));
  return renderFrame({ initialView: { kind: "topic", id: "c1", topic: "demo.orders" } });
}

const backButton = () => screen.getByRole("button", { name: "Back" });
const forwardButton = () => screen.getByRole("button", { name: "Forward" });

beforeEach(() => {
  stubViewportHeight();
});

describe("Back and Forward", () => {
  it("returns from a group to the topic it was opened from, on the tab it was opened from, and forward again", async () => {
    const { user } = renderTopic();
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(backButton()).toBeDisabled();
    expect(forwardButton()).toBeDisabled();

    await user.click(await screen.findByTestId("topic-tab-groups"));
    const rows = await screen.findAllByTestId("topic-group-row");
    expect(rows.map((row) => row.dataset["groupId"])).toEqual(["billing"]);
    await user.click(within(rows[0] ?? document.body).getByTestId("topic-group-link"));
    expect(await screen.findByTestId("group-title")).toHaveTextContent("billing");

    await user.click(backButton());
    expect(await screen.findByTestId("topic-tab-groups")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("topic-title")).toHaveTextContent("demo.orders");
    await user.click(backButton());
    expect(screen.getByTestId("topic-tab-messages")).toHaveAttribute("aria-selected", "true");
    expect(backButton()).toBeDisabled();

    await user.click(forwardButton());
    await user.click(forwardButton());
    expect(await screen.findByTestId("group-title")).toHaveTextContent("billing");
    expect(forwardButton()).toBeDisabled();
  });

  it("goes back and forward with Alt+←/Alt+→ and the mouse's back and forward buttons", async () => {
    const { user } = renderTopic();
    await user.click(await screen.findByTestId("topic-tab-groups"));
    await user.click(await screen.findByTestId("topic-group-link"));
    // From the group to another of its topics.
    const links = await screen.findAllByTestId("group-topic-link");
    expect(links.map((link) => link.dataset["topic"])).toEqual(["demo.orders", "demo.payments"]);
    await user.click(links[1] ?? document.body);
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.payments");
    (document.activeElement as HTMLElement | null)?.blur();

    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(await screen.findByTestId("group-title")).toHaveTextContent("billing");
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.payments");

    fireEvent.mouseUp(document.body, { button: 3 });
    expect(await screen.findByTestId("group-title")).toHaveTextContent("billing");
    fireEvent.mouseUp(document.body, { button: 4 });
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.payments");
    // Other buttons are not navigation.
    fireEvent.mouseUp(document.body, { button: 1 });
    expect(screen.getByTestId("topic-title")).toHaveTextContent("demo.payments");
  });

  it("leaves Alt+← to a focused text field and to the tab strip's own arrows, and does nothing under a modal", async () => {
    const { user } = renderTopic();
    await user.click(await screen.findByTestId("topic-tab-partitions"));
    await user.click(screen.getByTestId("tab-groups"));
    const search = await screen.findByTestId("group-search");

    await user.click(search);
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(screen.getByTestId("groups-view")).toBeInTheDocument();

    // The tab keeps the focus after the click: Alt+← is Back there, not the previous tab.
    await user.click(screen.getByTestId("tab-groups"));
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(screen.getByTestId("topic-tab-partitions")).toHaveAttribute("aria-selected", "true");

    await user.keyboard("{Control>}k{/Control}");
    expect(screen.getByRole("dialog", { name: "Command palette" })).toBeInTheDocument();
    fireEvent.mouseUp(document.body, { button: 3 });
    fireEvent.keyDown(document.body, { key: "ArrowLeft", altKey: true });
    expect(screen.getByTestId("topic-tab-partitions")).toHaveAttribute("aria-selected", "true");
  });
});
