// The Messages tab's live tail and produce dialog in the whole frame, against a mocked
// platform: batches appended and capped with drops said, produce requests and their
// refusals, and which roles and environments are offered Produce.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { TailBatch } from "../../bindings/TailBatch";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { appInfo, messagePage, messageRecords } from "../../test/fixtures";

import { renderMessages, requests, rows, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

describe("MessagesView: live tail", () => {
  it("appends batches after the page, keeps the newest 10,000, says what was dropped, and cancels when stopped", async () => {
    let deliver: (batch: TailBatch) => void = () => undefined;
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3, 1) }) }, () => {
      vi.mocked(platform.tailMessages).mockImplementation((_id, _topic, _partitions, _filter, _tailId, onBatch) => {
        deliver = onBatch;
        return new Promise(() => undefined);
      });
    });
    await waitForRows(3);
    await user.type(screen.getByTestId("message-filter"), "needle{Enter}");
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });

    await user.click(screen.getByTestId("live-tail"));
    expect(screen.getByTestId("live-tail")).toHaveAttribute("aria-pressed", "true");
    const [connectionId, topic, partitions, filter, tailId] = vi.mocked(platform.tailMessages).mock.calls[0] ?? [];
    expect([connectionId, topic, partitions, filter]).toEqual(["c1", "demo.payments", null, { text: "needle", expression: null }]);
    expect(screen.getByTestId("page-older")).toBeDisabled();

    act(() => {
      deliver({ messages: messageRecords(2, 1, 3), dropped: 0 });
    });
    expect(screen.getByTestId("message-count")).toHaveAttribute("data-value", "5");
    expect(screen.getByTestId("tail-status")).toHaveTextContent("2 new messages");
    expect(screen.queryByTestId("tail-dropped")).not.toBeInTheDocument();

    act(() => {
      deliver({ messages: messageRecords(10_000, 1, 5), dropped: 37 });
    });
    expect(screen.getByTestId("message-count")).toHaveAttribute("data-value", "10000");
    expect(screen.getByTestId("tail-dropped")).toHaveTextContent("37 messages dropped — the view could not keep up");
    expect(screen.getByTestId("tail-capped")).toHaveAttribute("data-value", "5");
    expect(screen.getByTestId("tail-capped")).toHaveTextContent(/newest 10\D000; 5 older messages left the view/);
    expect(rows().length).toBeLessThan(100);

    await user.click(screen.getByTestId("live-tail"));
    expect(platform.cancelScan).toHaveBeenCalledWith(tailId);
    expect(screen.getByTestId("tail-status")).toHaveTextContent("Live tail stopped");
    // The rows received stay until the next seek.
    expect(screen.getByTestId("message-count")).toHaveAttribute("data-value", "10000");
  });

  it("stops the tail, drops its rows and reads the page again when the role changes (view as)", async () => {
    let deliver: (batch: TailBatch) => void = () => undefined;
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3, 1) }) }, () => {
      vi.mocked(platform.tailMessages).mockImplementation((_id, _topic, _partitions, _filter, _tailId, onBatch) => {
        deliver = onBatch;
        return new Promise(() => undefined);
      });
      vi.mocked(platform.viewAs).mockResolvedValue(appInfo({ role: "support" }));
    });
    await waitForRows(3);
    await user.click(screen.getByTestId("live-tail"));
    const tailId = vi.mocked(platform.tailMessages).mock.calls[0]?.[4];
    act(() => {
      deliver({ messages: messageRecords(2, 1, 3), dropped: 0 });
    });
    expect(screen.getByTestId("message-count")).toHaveAttribute("data-value", "5");
    await waitFor(() => {
      expect(screen.getByTestId("view-as")).toBeEnabled();
    });

    await user.selectOptions(screen.getByTestId("view-as"), "support");

    await waitFor(() => {
      expect(screen.getByTestId("live-tail")).toHaveAttribute("aria-pressed", "false");
    });
    expect(platform.cancelScan).toHaveBeenCalledWith(tailId);
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    await waitForRows(3);
    expect(screen.queryByTestId("produce-open")).not.toBeInTheDocument();
  });

  it("shows a tail that failed inline and stops it", async () => {
    vi.mocked(platform.tailMessages).mockRejectedValue({ kind: "unavailable", message: "The broker went away." });
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(1) }) });
    await waitForRows(1);
    await user.click(screen.getByTestId("live-tail"));
    expect(await screen.findByTestId("inline-error")).toHaveTextContent("The broker went away.");
    expect(screen.getByTestId("live-tail")).toHaveAttribute("aria-pressed", "false");
  });
});

describe("MessagesView: produce", () => {
  it("produces key, JSON value and headers, shows where it went and refreshes the page", async () => {
    vi.mocked(platform.produceMessage).mockResolvedValue({ partition: 2, offset: 67 });
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(1) }) });
    await waitForRows(1);

    await user.click(screen.getByTestId("produce-open"));
    const dialog = screen.getByTestId("produce-dialog");
    expect(screen.getByTestId("produce-key")).toHaveFocus();
    await user.type(screen.getByTestId("produce-key"), "k1");
    // userEvent treats { and [ as key descriptors; doubled, they are typed as themselves.
    await user.type(screen.getByTestId("produce-value"), '{{"hello":"e2e"}');
    await user.click(screen.getByTestId("produce-add-header"));
    await user.type(screen.getByTestId("produce-header-key"), "trace-id");
    await user.type(screen.getByTestId("produce-header-value"), "t-1");
    await user.click(screen.getByTestId("produce-add-header"));
    await user.click(at(screen.getAllByTestId("produce-remove-header"), 1));
    await user.click(screen.getByTestId("produce-submit"));

    expect(await within(dialog).findByTestId("produce-result")).toHaveTextContent("Produced to partition 2 at offset 67");
    expect(platform.produceMessage).toHaveBeenCalledWith("c1", {
      topic: "demo.payments",
      partition: null,
      key: "k1",
      value: '{"hello":"e2e"}',
      headers: [{ key: "trace-id", value: "t-1" }],
      format: "json",
      schema: null,
    });
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    expect(at(requests(), 1)).toEqual(at(requests(), 0));
  });

  it("sends a tombstone as no value, to the chosen partition, as text", async () => {
    vi.mocked(platform.produceMessage).mockResolvedValue({ partition: 1, offset: 3 });
    const { user } = renderMessages({ page: messagePage() });
    await user.click(await screen.findByTestId("produce-open"));
    await user.type(screen.getByTestId("produce-key"), "k1");
    await user.type(screen.getByTestId("produce-value"), "ignored");
    await user.click(screen.getByTestId("produce-tombstone"));
    expect(screen.getByTestId("produce-value")).toBeDisabled();
    await user.selectOptions(screen.getByTestId("produce-partition"), "1");
    await user.selectOptions(screen.getByTestId("produce-format"), "text");
    await user.click(screen.getByTestId("produce-submit"));
    await screen.findByTestId("produce-result");
    expect(platform.produceMessage).toHaveBeenCalledWith("c1", {
      topic: "demo.payments",
      partition: 1,
      key: "k1",
      value: null,
      headers: [],
      format: "text",
      schema: null,
    });
  });

  it("shows the backend's invalid-JSON answer under the value and keeps the dialog", async () => {
    vi.mocked(platform.produceMessage).mockRejectedValue({
      kind: "invalid_input",
      message: "The value is not valid JSON: expected `:` at line 1 column 9.",
    });
    const { user } = renderMessages({ page: messagePage() });
    await user.click(await screen.findByTestId("produce-open"));
    await user.type(screen.getByTestId("produce-value"), '{{"hello" "e2e"}');
    await user.click(screen.getByTestId("produce-submit"));
    await waitFor(() => {
      expect(screen.getByTestId("produce-value")).toHaveAccessibleDescription(/line 1 column 9/);
    });
    expect(screen.getByTestId("produce-value")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("produce-result")).not.toBeInTheDocument();
    expect(screen.getByTestId("produce-dialog")).toBeInTheDocument();
  });

  it("offers Produce to developers and admins on dev, never on prod", async () => {
    renderMessages({ role: "admin", page: messagePage() });
    expect(await screen.findByTestId("produce-open")).toBeInTheDocument();
  });

  it("offers no Produce on a prod connection, even to a developer", async () => {
    renderMessages({ environment: "prod", page: messagePage({ messages: messageRecords(1) }) });
    await waitForRows(1);
    await screen.findByText("Developer");
    expect(screen.queryByTestId("produce-open")).not.toBeInTheDocument();
  });

  it("tells a troubleshooter that live messages are not for this role, without asking the backend", async () => {
    renderMessages({ role: "troubleshooter" });
    expect(await screen.findByTestId("messages-not-allowed")).toHaveTextContent("recordings");
    expect(platform.browseMessages).not.toHaveBeenCalled();
  });
});
