// Creating a topic from the Topics tab: defaults, client-side checks, config rows, the
// prod confirmation, the backend's refusals, and what happens after success.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Environment } from "../../../bindings/Environment";
import * as platform from "../../../platform";
import { partitionInfo, profile, topicDetail, topicSummary } from "../../../test/fixtures";
import { at } from "../../../test/at";
import { mockBackend, renderFrame, stubViewportHeight } from "../../../test/renderApp";

vi.mock("../../../platform");

async function openDialog(environment: Environment = "dev") {
  mockBackend([profile({ id: "c1", name: "Cluster A", environment })]);
  vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: "demo.orders" })]);
  const rendered = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "topics" } });
  await rendered.user.click(await screen.findByTestId("create-topic"));
  return { ...rendered, dialog: screen.getByTestId("create-topic-dialog") };
}

beforeEach(() => {
  stubViewportHeight();
});

describe("CreateTopicDialog", () => {
  it("starts with 3 partitions and replication factor 1, the name field focused", async () => {
    await openDialog();
    expect(screen.getByTestId("new-topic-name")).toHaveFocus();
    expect(screen.getByTestId("new-topic-partitions")).toHaveValue(3);
    expect(screen.getByTestId("new-topic-replication")).toHaveValue(1);
    expect(screen.queryByTestId("confirm-topic-name")).not.toBeInTheDocument();
  });

  it("refuses names Kafka would refuse, before asking the backend", async () => {
    const { user } = await openDialog();
    const name = screen.getByTestId("new-topic-name");
    await user.type(name, "my orders");
    // A bad character is pointed out while typing.
    expect(name).toHaveAccessibleDescription(/remove spaces/);
    expect(name).toHaveAttribute("aria-invalid", "true");

    await user.clear(name);
    await user.click(screen.getByTestId("create-topic-submit"));
    expect(name).toHaveAccessibleDescription(/Enter a topic name/);

    await user.type(name, "..");
    await user.click(screen.getByTestId("create-topic-submit"));
    expect(name).toHaveAccessibleDescription(/reserved/);

    await user.clear(name);
    await user.type(name, "ok.name");
    await user.clear(screen.getByTestId("new-topic-partitions"));
    await user.type(screen.getByTestId("new-topic-partitions"), "0");
    await user.click(screen.getByTestId("create-topic-submit"));
    expect(screen.getByTestId("new-topic-partitions")).toHaveAccessibleDescription(/at least 1/);
    expect(platform.createTopic).not.toHaveBeenCalled();
  });

  it("creates the topic with its configs, then opens it and refreshes the list", async () => {
    const { user, dialog } = await openDialog();
    vi.mocked(platform.createTopic).mockResolvedValue(
      topicDetail({
        name: "orders.v2",
        messageCount: 0,
        partitions: [0, 1, 2, 3, 4, 5].map((id) => partitionInfo({ id, highWatermark: 0, messageCount: 0 })),
      }),
    );
    await user.type(screen.getByTestId("new-topic-name"), "orders.v2");
    await user.clear(screen.getByTestId("new-topic-partitions"));
    await user.type(screen.getByTestId("new-topic-partitions"), "6");

    await user.click(within(dialog).getByTestId("add-config"));
    await user.click(within(dialog).getByTestId("add-config"));
    await user.click(within(dialog).getByTestId("add-config"));
    const names = within(dialog).getAllByTestId("new-topic-config-name");
    const values = within(dialog).getAllByTestId("new-topic-config-value");
    await user.type(at(names, 0), "retention.ms");
    await user.type(at(values, 0), "3600000");
    await user.type(at(names, 1), "to.be.removed");
    await user.type(at(names, 2), "cleanup.policy");
    await user.type(at(values, 2), "compact");
    await user.click(at(within(dialog).getAllByTestId("remove-config"), 1));
    expect(within(dialog).getAllByTestId("new-topic-config")).toHaveLength(2);

    // What the broker lists once the topic exists.
    vi.mocked(platform.listTopics).mockResolvedValue([
      topicSummary({ name: "demo.orders" }),
      topicSummary({ name: "orders.v2", partitions: 6, messageCount: 0 }),
    ]);
    await user.click(screen.getByTestId("create-topic-submit"));

    expect(await screen.findByTestId("topic-detail")).toBeInTheDocument();
    expect(platform.createTopic).toHaveBeenCalledWith(
      "c1",
      {
        name: "orders.v2",
        partitions: 6,
        replicationFactor: 1,
        configs: [
          { name: "retention.ms", value: "3600000" },
          { name: "cleanup.policy", value: "compact" },
        ],
      },
      null,
    );
    expect(screen.queryByTestId("create-topic-dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("topic-title")).toHaveTextContent("orders.v2");
    // The broker's answer is shown as-is, without asking again.
    await user.click(screen.getByTestId("topic-tab-partitions"));
    expect(screen.getAllByTestId("partition-row")).toHaveLength(6);
    expect(platform.describeTopic).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("back-to-topics"));
    await waitFor(() => {
      expect(screen.getAllByTestId("topic-row").map((r) => r.dataset["topicName"])).toContain("orders.v2");
    });
  });

  it("on a prod connection, enables Create only once the name is typed again and sends it", async () => {
    const { user } = await openDialog("prod");
    vi.mocked(platform.createTopic).mockResolvedValue(topicDetail({ name: "payments.v2" }));
    const submit = screen.getByTestId("create-topic-submit");
    const confirm = screen.getByTestId("confirm-topic-name");
    expect(submit).toBeDisabled();

    await user.type(screen.getByTestId("new-topic-name"), "payments.v2");
    expect(submit).toBeDisabled();
    await user.type(confirm, "payments.v");
    expect(submit).toBeDisabled();
    await user.type(confirm, "2");
    expect(submit).toBeEnabled();

    await user.click(submit);
    await waitFor(() => {
      expect(platform.createTopic).toHaveBeenCalledWith(
        "c1",
        expect.objectContaining({ name: "payments.v2" }),
        "payments.v2",
      );
    });
  });

  it("shows the backend's invalid-input answer in the dialog and keeps the form", async () => {
    const { user, dialog } = await openDialog();
    vi.mocked(platform.createTopic).mockRejectedValue({
      kind: "invalid_input",
      message: "Replication factor 3 is larger than the 1 broker in this cluster.",
    });
    await user.type(screen.getByTestId("new-topic-name"), "orders.v2");
    await user.clear(screen.getByTestId("new-topic-replication"));
    await user.type(screen.getByTestId("new-topic-replication"), "3");
    await user.click(screen.getByTestId("create-topic-submit"));

    expect(await within(dialog).findByTestId("inline-error")).toHaveTextContent(
      "Replication factor 3 is larger than the 1 broker in this cluster.",
    );
    expect(screen.getByTestId("new-topic-name")).toHaveValue("orders.v2");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();

    // Editing the form clears the stale answer.
    await user.clear(screen.getByTestId("new-topic-replication"));
    await user.type(screen.getByTestId("new-topic-replication"), "1");
    expect(within(dialog).queryByTestId("inline-error")).not.toBeInTheDocument();
  });

  it("closes with Cancel without creating anything", async () => {
    const { user, dialog } = await openDialog();
    await user.type(screen.getByTestId("new-topic-name"), "never");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("create-topic-dialog")).not.toBeInTheDocument();
    expect(platform.createTopic).not.toHaveBeenCalled();
  });
});
