// A topic's detail in the whole frame: its tabs (Messages first), facts, partitions
// (under-replication marked), configs or the backend's note, deleting (with the prod
// safeguard) and role hiding.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Environment } from "../../../bindings/Environment";
import type { Role } from "../../../bindings/Role";
import type { TopicDetail } from "../../../bindings/TopicDetail";
import * as platform from "../../../platform";
import { appInfo, configEntry, groupSummary, partitionInfo, profile, topicDetail, topicSummary } from "../../../test/fixtures";
import { at } from "../../../test/at";
import { mockBackend, renderFrame, stubViewportHeight } from "../../../test/renderApp";

vi.mock("../../../platform");

interface Options {
  detail?: TopicDetail;
  environment?: Environment;
  role?: Role;
}

function renderDetail({ detail = topicDetail(), environment = "dev", role = "developer" }: Options = {}) {
  mockBackend([profile({ id: "c1", name: "Cluster A", environment })]);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.describeTopic).mockResolvedValue(detail);
  vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: detail.name })]);
  return renderFrame({ initialView: { kind: "topic", id: "c1", topic: detail.name } });
}

beforeEach(() => {
  stubViewportHeight();
});

describe("TopicDetailView", () => {
  it("opens on Messages, and the Partitions tab shows one row per partition with watermarks and messages", async () => {
    const { user } = renderDetail();
    expect(await screen.findByTestId("topic-message-count")).toHaveTextContent("200 messages");
    expect(screen.getByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(platform.describeTopic).toHaveBeenCalledWith("c1", "demo.orders");
    expect(screen.getByTestId("tab-topics")).toHaveAttribute("aria-selected", "true");
    expect(screen.queryByTestId("internal-badge")).not.toBeInTheDocument();
    expect(screen.getByTestId("topic-tab-messages")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("messages-view")).toBeVisible();
    expect(screen.queryByTestId("partition-row")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("topic-tab-partitions"));
    expect(screen.getByTestId("topic-tab-partitions")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("messages-view")).not.toBeVisible();

    const rows = screen.getAllByTestId("partition-row");
    expect(rows.map((row) => row.dataset["partition"])).toEqual(["0", "1", "2"]);
    expect(Array.from(rows[2]?.querySelectorAll("td") ?? []).map((td) => td.textContent)).toEqual([
      "2",
      "1",
      "1",
      "1",
      "0",
      "66",
      "66",
    ]);
    expect(screen.getByTestId("under-replicated-count")).toHaveTextContent("0");
  });

  it("marks partitions whose in-sync replicas are fewer than their replicas", async () => {
    const { user } = renderDetail({
      detail: topicDetail({
        partitions: [
          partitionInfo({ id: 0, replicas: [1, 2, 3], isr: [1, 2, 3] }),
          partitionInfo({ id: 1, replicas: [2, 3, 1], isr: [2] }),
        ],
      }),
    });
    await user.click(await screen.findByTestId("topic-tab-partitions"));
    const rows = screen.getAllByTestId("partition-row");
    const [healthy, under] = rows;
    if (healthy === undefined || under === undefined) throw new Error("expected two partition rows");
    expect(healthy).toHaveAttribute("data-under-replicated", "false");
    expect(healthy).not.toHaveClass("partition-row--warning");
    expect(within(healthy).queryByText("under-replicated")).not.toBeInTheDocument();

    expect(under).toHaveAttribute("data-under-replicated", "true");
    expect(under).toHaveClass("partition-row--warning");
    expect(within(under).getByText("under-replicated")).toBeInTheDocument();
    expect(within(under).getByTitle("Under-replicated: 1 of 3 replicas in sync")).toBeInTheDocument();
    expect(screen.getByTestId("under-replicated-count")).toHaveTextContent("1");
  });

  it("lists configs with overrides first, tags defaults and masks sensitive values", async () => {
    const { user } = renderDetail({
      detail: topicDetail({
        configs: [
          configEntry({ name: "cleanup.policy", value: "delete", isDefault: true }),
          configEntry({ name: "sasl.jaas.config", value: "secret-jaas", isSensitive: true, isDefault: false }),
          configEntry({ name: "retention.ms", value: "86400000", isDefault: false }),
        ],
      }),
    });
    await user.click(await screen.findByTestId("topic-tab-configs"));
    const rows = screen.getAllByTestId("config-row");
    expect(rows.map((row) => row.dataset["configName"])).toEqual(["retention.ms", "sasl.jaas.config", "cleanup.policy"]);
    const [retention, jaas, cleanup] = [at(rows, 0), at(rows, 1), at(rows, 2)];
    expect(retention).toHaveTextContent("86400000");
    expect(within(retention).queryByText("default")).not.toBeInTheDocument();
    expect(jaas).toHaveTextContent("••••");
    expect(screen.queryByText("secret-jaas")).not.toBeInTheDocument();
    expect(within(cleanup).getByText("default")).toBeInTheDocument();
    expect(screen.queryByTestId("config-note")).not.toBeInTheDocument();
  });

  it("shows the backend's note instead of an empty config table", async () => {
    const { user } = renderDetail({
      detail: topicDetail({
        configs: [],
        configNote: "The broker returned no configuration entries for this topic.",
      }),
    });
    await user.click(await screen.findByTestId("topic-tab-configs"));
    expect(screen.getByTestId("config-note")).toHaveTextContent(
      "The broker returned no configuration entries for this topic.",
    );
    expect(screen.queryByTestId("config-table")).not.toBeInTheDocument();
  });

  it("lists on the Consumer groups tab the groups reading the topic, or says there are none", async () => {
    const { user } = renderDetail();
    vi.mocked(platform.listGroups).mockResolvedValue([
      groupSummary({ groupId: "billing", state: "Stable", members: 2, totalLag: 1_500, topics: ["demo.orders", "demo.payments"] }),
      groupSummary({ groupId: "audit-reader", topics: ["audit.trail"] }),
    ]);
    await user.click(await screen.findByTestId("topic-tab-groups"));
    const rows = await screen.findAllByTestId("topic-group-row");
    expect(rows.map((row) => row.dataset["groupId"])).toEqual(["billing"]);
    expect(Array.from(at(rows, 0).querySelectorAll("td")).map((td) => td.textContent)).toEqual(["billing", "Stable", "2", "1,500"]);
    expect(screen.getByTestId("topic-groups-count")).toHaveTextContent("1 group reads this topic.");

    vi.mocked(platform.listGroups).mockResolvedValue([groupSummary({ groupId: "audit-reader", topics: ["audit.trail"] })]);
    await user.click(screen.getByTestId("tab-groups"));
    await user.click(await screen.findByTestId("refresh-groups"));
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByTestId("topic-groups-empty")).toHaveTextContent("No consumer group has committed offsets on “demo.orders”");
  });

  it("badges an internal topic and offers no Delete for it", async () => {
    renderDetail({ detail: topicDetail({ name: "__consumer_offsets", internal: true }) });
    expect(await screen.findByTestId("internal-badge")).toHaveTextContent("internal");
    expect(screen.queryByTestId("delete-topic")).not.toBeInTheDocument();
  });

  it("deletes on a dev connection after a plain confirmation and returns to a refreshed list", async () => {
    mockBackend([profile({ id: "c1", environment: "dev" })]);
    vi.mocked(platform.listTopics).mockResolvedValue([
      topicSummary({ name: "demo.orders" }),
      topicSummary({ name: "demo.payments" }),
    ]);
    vi.mocked(platform.describeTopic).mockResolvedValue(topicDetail());
    vi.mocked(platform.deleteTopic).mockResolvedValue(undefined);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "topics" } });
    const rows = await screen.findAllByTestId("topic-row");
    await user.click(at(rows, 0));
    await user.click(await screen.findByTestId("delete-topic"));

    const dialog = screen.getByTestId("delete-topic-dialog");
    expect(dialog).toHaveTextContent("200 messages");
    expect(within(dialog).queryByTestId("confirm-topic-name")).not.toBeInTheDocument();
    vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: "demo.payments" })]);
    await user.click(within(dialog).getByTestId("confirm-delete-topic"));

    expect(await screen.findByTestId("topics-view")).toBeInTheDocument();
    expect(platform.deleteTopic).toHaveBeenCalledWith("c1", "demo.orders", null);
    expect(screen.getAllByTestId("topic-row").map((row) => row.dataset["topicName"])).toEqual(["demo.payments"]);
    await waitFor(() => {
      expect(platform.listTopics).toHaveBeenCalledTimes(2);
    });
    // The deleted topic's detail is not asked for again.
    expect(platform.describeTopic).toHaveBeenCalledTimes(1);
  });

  it("requires the topic name typed back to delete on a prod connection", async () => {
    const { user } = renderDetail({ environment: "prod" });
    vi.mocked(platform.deleteTopic).mockResolvedValue(undefined);
    await user.click(await screen.findByTestId("delete-topic"));

    const confirm = screen.getByTestId("confirm-delete-topic");
    const typed = screen.getByTestId("confirm-topic-name");
    expect(typed).toHaveFocus();
    expect(confirm).toBeDisabled();
    await user.type(typed, "demo.order");
    expect(confirm).toBeDisabled();
    await user.keyboard("{Enter}");
    expect(platform.deleteTopic).not.toHaveBeenCalled();

    await user.type(typed, "s");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => {
      expect(platform.deleteTopic).toHaveBeenCalledWith("c1", "demo.orders", "demo.orders");
    });
  });

  it("keeps the dialog open with the backend's reason when a delete is refused", async () => {
    const { user } = renderDetail();
    vi.mocked(platform.deleteTopic).mockRejectedValue({
      kind: "forbidden",
      message: "The support role may not delete topics.",
    });
    await user.click(await screen.findByTestId("delete-topic"));
    await user.click(screen.getByTestId("confirm-delete-topic"));

    const dialog = screen.getByTestId("delete-topic-dialog");
    expect(await within(dialog).findByTestId("inline-error")).toHaveTextContent(
      "The support role may not delete topics.",
    );
    expect(screen.getByTestId("topic-detail")).toBeInTheDocument();
  });

  it.each(["support", "troubleshooter"] as const)("hides Delete topic from the %s role", async (role) => {
    renderDetail({ role });
    await screen.findByTestId("topic-message-count");
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("delete-topic")).not.toBeInTheDocument();
  });

  it("says inline when the topic is gone, with Retry, and goes back to the list", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.describeTopic).mockRejectedValue({
      kind: "not_found",
      message: "Topic demo.gone does not exist on this cluster.",
    });
    const { user } = renderFrame({ initialView: { kind: "topic", id: "c1", topic: "demo.gone" } });
    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveTextContent("Topic demo.gone does not exist on this cluster.");
    expect(within(error).getByTestId("retry")).toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("delete-topic")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("back-to-topics"));
    expect(await screen.findByTestId("topics-view")).toBeInTheDocument();
  });
});
