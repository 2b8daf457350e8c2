// The CEL expression filter in the Messages tab, against a mocked platform: it goes into the
// request on Enter or Apply (beside the text filter), its hint says what it reads, the
// backend's refusal shows inline and marks the field, an empty result says what it had to
// satisfy, and a live tail filters with it too.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { messagePage, messageRecords } from "../../test/fixtures";
import { renderMessages, requests, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

const REFUSAL = {
  kind: "invalid_input",
  message:
    'The filter expression does not parse: Syntax error: mismatched input \'==\'. It is CEL, e.g. value.status == "failed" && partition == 0.',
} as const;

describe("MessagesView: CEL expression", () => {
  it("sends the expression on Enter and on Apply, beside the text filter, and keeps the scan's counts in view", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3), scanned: 300, matched: 3 }) });
    await waitForRows(3);
    const field = screen.getByTestId("message-expression");
    expect(field).toHaveAttribute("placeholder", expect.stringContaining("value.amount.value > 500.0"));

    await user.type(field, "value.amount.value > 500.0{Enter}");
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    expect(at(requests(), 1).filter).toEqual({ text: null, expression: "value.amount.value > 500.0" });

    // Typing alone sends nothing; Apply sends both filters.
    await user.type(screen.getByTestId("message-filter"), "example.org");
    await user.clear(field);
    await user.type(field, "  partition == 0 ");
    expect(requests()).toHaveLength(2);
    await user.click(screen.getByTestId("apply-seek"));
    await waitFor(() => {
      expect(requests()).toHaveLength(3);
    });
    expect(at(requests(), 2).filter).toEqual({ text: "example.org", expression: "partition == 0" });
    expect(await screen.findByTestId("scan-stats")).toHaveTextContent("scanned 300 · matched 3");

    // Cleared, the expression is gone from the request.
    await user.clear(field);
    await user.type(field, "{Enter}");
    await waitFor(() => {
      expect(requests()).toHaveLength(4);
    });
    expect(at(requests(), 3).filter).toEqual({ text: "example.org", expression: null });
  });

  it("describes the field with what an expression reads and examples of one", async () => {
    renderMessages({ page: messagePage({ messages: messageRecords(1) }) });
    await waitForRows(1);
    const field = screen.getByTestId("message-expression");
    expect(field).toHaveAccessibleName("Expression (CEL)");
    expect(field).toHaveAccessibleDescription(/reads key, value \(JSON as an object\), headers, partition, offset, timestamp/);
    const hint = screen.getByTestId("message-expression-hint");
    expect(within(hint).getByText("value.amount.value > 500.0")).toBeInTheDocument();
    expect(within(hint).getByText("headers['source'] == 'payments-service'")).toBeInTheDocument();
  });

  it("shows the backend's refusal inline, marks the field with it, offers no Retry, and clears once fixed", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    vi.mocked(platform.browseMessages).mockRejectedValueOnce(REFUSAL);

    const field = screen.getByTestId("message-expression");
    await user.type(field, "value. =={Enter}");
    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveTextContent("Invalid input");
    expect(error).toHaveTextContent("The filter expression does not parse: Syntax error");
    expect(error).toHaveAttribute("data-error-kind", "invalid_input");
    expect(within(error).queryByTestId("retry")).not.toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(expect.stringContaining("The filter expression does not parse"));
    expect(screen.queryByTestId("messages-empty")).not.toBeInTheDocument();

    await user.clear(field);
    await user.type(field, "offset >= 0{Enter}");
    await waitForRows(3);
    expect(screen.queryByTestId("inline-error")).not.toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "false");
    expect(field).not.toHaveAccessibleDescription(expect.stringContaining("does not parse"));
  });

  it("keeps Retry for a failure that is not about the input", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(1) }) });
    await waitForRows(1);
    vi.mocked(platform.browseMessages).mockRejectedValueOnce({ kind: "unavailable", message: "The broker did not answer." });
    await user.type(screen.getByTestId("message-expression"), "partition == 1{Enter}");
    const error = await screen.findByTestId("inline-error");
    expect(within(error).getByTestId("retry")).toBeEnabled();
    expect(screen.getByTestId("message-expression")).toHaveAttribute("aria-invalid", "false");
  });

  it("says what an empty result had to satisfy", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: [], scanned: 300, matched: 0 }) }, () => {
      vi.mocked(platform.browseMessages).mockResolvedValueOnce(messagePage({ messages: messageRecords(3), scanned: 3, matched: 3 }));
    });
    await waitForRows(3);
    await user.type(screen.getByTestId("message-expression"), "value.amount.value > 5000.0{Enter}");
    expect(await screen.findByTestId("messages-empty")).toHaveTextContent(
      "None of the 300 messages scanned satisfies value.amount.value > 5000.0.",
    );
    await user.type(screen.getByTestId("message-filter"), "nobody{Enter}");
    await waitFor(() => {
      expect(screen.getByTestId("messages-empty")).toHaveTextContent(
        "None of the 300 messages scanned contains “nobody” and satisfies value.amount.value > 5000.0.",
      );
    });
  });

  it("follows new messages with the expression too", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(2) }) }, () => {
      vi.mocked(platform.tailMessages).mockImplementation(() => new Promise(() => undefined));
    });
    await waitForRows(2);
    await user.type(screen.getByTestId("message-expression"), "size > 1024{Enter}");
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    await user.click(screen.getByTestId("live-tail"));
    expect(vi.mocked(platform.tailMessages).mock.calls[0]?.[3]).toEqual({ text: null, expression: "size > 1024" });
  });
});
