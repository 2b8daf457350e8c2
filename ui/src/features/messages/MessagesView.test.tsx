// The Messages tab in the whole frame, against a mocked platform: the requests it sends
// (start, partitions, limit, filter, paging offsets), scan progress and Cancel, and how rows
// and the detail pane show JSON, text, hex, tombstones, withheld and masked payloads and
// 10,000 rows.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MessagePage } from "../../bindings/MessagePage";
import type { ScanProgress } from "../../bindings/ScanProgress";
import * as platform from "../../platform";
import { at } from "../../test/at";
import {
  jsonPayload,
  maskedPayload,
  messagePage,
  messageRecord,
  messageRecords,
  payload,
  withheldPayload,
} from "../../test/fixtures";

import { cell, renderMessages, requests, rowIds, rows, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

describe("MessagesView: reading", () => {
  it("asks for the newest 100 of each partition and shows each message's facts in a row", async () => {
    const message = messageRecord({
      partition: 1,
      offset: 66,
      key: payload({ text: "P-0000066", size: 9 }),
      value: jsonPayload({ payment_id: "P-0000066", payer: { email: "ana@example.org" } }),
      headers: [
        { key: "trace-id", value: payload({ text: "abc" }) },
        { key: "source", value: payload({ text: "payments" }) },
      ],
      sizeBytes: 1536,
    });
    renderMessages({ page: messagePage({ messages: [message], scanned: 3, matched: 1 }) });

    await waitForRows(1);
    expect(requests()).toEqual([
      {
        topic: "demo.payments",
        partitions: null,
        start: { kind: "latest", count: 100 },
        limit: 300,
        filter: { text: null, expression: null },
      },
    ]);
    const row = at(rows(), 0);
    expect(row).toHaveAttribute("data-partition", "1");
    expect(row).toHaveAttribute("data-offset", "66");
    const cells = Array.from(row.querySelectorAll("td")).map((td) => td.textContent);
    expect(cells[0]).toBe("1");
    expect(cells[1]).toBe("66");
    expect(cells[2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    expect(cells.slice(3)).toEqual([
      "P-0000066",
      '{"payment_id":"P-0000066","payer":{"email":"ana@example.org"}}',
      "2",
      "1.5 KiB",
    ]);
    expect(row.querySelectorAll("td")[2]).toHaveAttribute("title", expect.stringContaining("CreateTime"));
    expect(screen.getByTestId("scan-stats")).toHaveTextContent("scanned 3 · matched 1");
    expect(screen.getByTestId("message-count")).toHaveTextContent("1 message");
  });

  it("pages older and newer with the page's previous and next offsets, each button enabled only when there is more", async () => {
    const first = messagePage({
      messages: messageRecords(3, 3, 100),
      previous: [{ partition: 0, offset: 100 }, { partition: 1, offset: 100 }, { partition: 2, offset: 100 }],
      next: [{ partition: 0, offset: 101 }, { partition: 1, offset: 101 }, { partition: 2, offset: 101 }],
      hasOlder: true,
      hasNewer: false,
    });
    const older = messagePage({
      messages: messageRecords(3, 3, 50),
      previous: [{ partition: 0, offset: 50 }, { partition: 1, offset: 50 }, { partition: 2, offset: 50 }],
      next: [{ partition: 0, offset: 51 }, { partition: 1, offset: 51 }, { partition: 2, offset: 51 }],
      hasOlder: false,
      hasNewer: true,
    });
    const { user } = renderMessages({}, () => {
      vi.mocked(platform.browseMessages)
        .mockResolvedValueOnce(first)
        .mockResolvedValueOnce(older)
        .mockResolvedValueOnce(first);
    });

    await waitForRows(3);
    expect(screen.getByTestId("page-newer")).toBeDisabled();
    expect(screen.getByTestId("page-older")).toBeEnabled();

    await user.click(screen.getByTestId("page-older"));
    await waitFor(() => {
      expect(rowIds()).toEqual(["0:50", "1:50", "2:50"]);
    });
    expect(at(requests(), 1)).toEqual({ ...at(requests(), 0), start: { kind: "before", offsets: first.previous } });
    expect(screen.getByTestId("page-older")).toBeDisabled();
    expect(screen.getByTestId("page-newer")).toBeEnabled();

    await user.click(screen.getByTestId("page-newer"));
    await waitFor(() => {
      expect(rowIds()).toEqual(["0:100", "1:100", "2:100"]);
    });
    expect(at(requests(), 2)).toEqual({ ...at(requests(), 0), start: { kind: "after", offsets: older.next } });
  });

  it("shows the scan's progress, and Cancel stops that same scan", async () => {
    let report: (progress: ScanProgress) => void = () => undefined;
    let finish: (page: MessagePage) => void = () => undefined;
    const { user } = renderMessages({}, () => {
      vi.mocked(platform.browseMessages).mockImplementation((_id, _request, _scanId, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => {
          finish = resolve;
        });
      });
    });

    const progress = await screen.findByTestId("scan-progress");
    expect(progress).toHaveTextContent("Starting the scan…");
    act(() => {
      report({ scanned: 1500, matched: 20, total: 6000 });
    });
    expect(progress).toHaveTextContent(/scanned 1\D500 of 6\D000 · matched 20/);
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1500");

    await user.click(screen.getByTestId("scan-cancel"));
    const scanId = vi.mocked(platform.browseMessages).mock.calls[0]?.[2];
    expect(scanId).toEqual(expect.any(String));
    expect(platform.cancelScan).toHaveBeenCalledWith(scanId);

    // The backend answers a cancelled scan with what it read so far.
    act(() => {
      finish(messagePage({ messages: messageRecords(2), scanned: 1500, matched: 2, incomplete: true }));
    });
    expect(await screen.findByTestId("scan-stats")).toHaveTextContent(/scanned 1\D500 · matched 2/);
    expect(screen.getByTestId("scan-incomplete")).toBeInTheDocument();
    expect(screen.queryByTestId("scan-progress")).not.toBeInTheDocument();
  });

  it("says why and where a scan stopped when the broker went away", async () => {
    const stopped =
      "The broker stopped answering (Local: All broker connections are down) and nothing arrived for 10 s, so the scan stopped at partition 0 offset 2. The next page starts there.";
    renderMessages({ page: messagePage({ messages: messageRecords(2), incomplete: true, stopped }) });
    expect(await screen.findByTestId("scan-incomplete")).toHaveTextContent("partition 0 offset 2");
  });

  it("cancels a running scan that a new request replaced", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(2) }) }, () => {
      vi.mocked(platform.browseMessages).mockImplementationOnce(() => new Promise(() => undefined));
    });
    await screen.findByTestId("scan-progress");
    const firstScan = vi.mocked(platform.browseMessages).mock.calls[0]?.[2];

    await user.selectOptions(screen.getByTestId("seek-mode"), "earliest");
    await waitForRows(2);
    expect(platform.cancelScan).toHaveBeenCalledWith(firstScan);
  });

  it("puts the filter and the seek into the request: selects at once, typed values on Enter or Apply", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);

    await user.type(screen.getByTestId("message-filter"), "example.org{Enter}");
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    expect(at(requests(), 1)).toMatchObject({ start: { kind: "latest", count: 100 }, filter: { text: "example.org" } });

    await user.selectOptions(screen.getByTestId("seek-mode"), "earliest");
    await user.selectOptions(screen.getByTestId("page-size"), "50");
    await waitFor(() => {
      expect(requests().at(-1)).toEqual({
        topic: "demo.payments",
        partitions: null,
        start: { kind: "earliest" },
        limit: 50,
        filter: { text: "example.org", expression: null },
      });
    });

    await user.selectOptions(screen.getByTestId("seek-partition"), "2");
    await waitFor(() => {
      expect(requests().at(-1)).toMatchObject({ partitions: [2], start: { kind: "earliest" } });
    });

    // "From offset" waits for an offset; a bad one is refused before asking the backend.
    const before = requests().length;
    await user.selectOptions(screen.getByTestId("seek-mode"), "offset");
    await user.click(screen.getByTestId("apply-seek"));
    expect(screen.getByTestId("seek-error")).toHaveTextContent("Enter the offset");
    expect(requests()).toHaveLength(before);
    await user.type(screen.getByTestId("seek-value"), "42");
    await user.click(screen.getByTestId("apply-seek"));
    await waitFor(() => {
      expect(requests().at(-1)).toMatchObject({ start: { kind: "offset", offset: 42 }, limit: 50, partitions: [2] });
    });
    expect(screen.queryByTestId("seek-error")).not.toBeInTheDocument();
  });

  it("says when a filter matched nothing of what was scanned", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: [], scanned: 300, matched: 0 }) }, () => {
      vi.mocked(platform.browseMessages).mockResolvedValueOnce(
        messagePage({ messages: messageRecords(3), scanned: 3, matched: 3 }),
      );
    });
    await waitForRows(3);
    await user.type(screen.getByTestId("message-filter"), "nobody{Enter}");
    expect(await screen.findByTestId("messages-empty")).toHaveTextContent("None of the 300 messages scanned contains “nobody”.");
    expect(screen.getByTestId("scan-stats")).toHaveAttribute("data-matched", "0");
  });

  it("shows a broker failure inline with Retry", async () => {
    const { user } = renderMessages({}, () => {
      vi.mocked(platform.browseMessages).mockRejectedValueOnce({
        kind: "not_found",
        message: "Topic 'demo.payments' does not exist.",
      });
    });
    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveTextContent("does not exist");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    vi.mocked(platform.browseMessages).mockResolvedValue(messagePage({ messages: messageRecords(1) }));
    await user.click(within(error).getByTestId("retry"));
    await waitForRows(1);
  });
});

describe("MessagesView: rows and detail", () => {
  it("tags tombstones, binary values and withheld payloads in the table", async () => {
    renderMessages({
      page: messagePage({
        messages: [
          messageRecord({ offset: 1, value: payload({ format: "null", text: null, size: 0, decoder: "none" }) }),
          messageRecord({ offset: 2, value: payload({ format: "binary", text: "00 ff 10", size: 3, decoder: "hex" }) }),
          messageRecord({ offset: 3, key: withheldPayload(9), value: withheldPayload() }),
        ],
      }),
    });
    await waitForRows(3);
    const values = screen.getAllByTestId("message-value");
    const [tombstone, binary, withheld] = [at(values, 0), at(values, 1), at(values, 2)];
    expect(tombstone).toHaveTextContent(/^tombstone$/);
    expect(binary).toHaveTextContent(/^hex00 ff 10$/);
    expect(withheld).toHaveTextContent(/^withheld$/);
    expect(within(withheld).getByText("withheld")).toHaveAttribute("title", expect.stringContaining("cannot be checked for personal data"));
    expect(at(screen.getAllByTestId("message-key"), 2)).toHaveTextContent(/^withheld$/);
  });

  it("opens a message in the detail pane with its value indented, headers and decoder; arrows move, Esc closes", async () => {
    const first = messageRecord({
      partition: 0,
      offset: 7,
      value: jsonPayload({ payment_id: "P-7", amount: { value: 12.5 } }),
      headers: [{ key: "trace-id", value: payload({ text: "abc123" }) }],
    });
    const second = messageRecord({ partition: 1, offset: 8, value: payload({ text: "plain text" }) });
    const { user } = renderMessages({ page: messagePage({ messages: [first, second] }) });
    await waitForRows(2);

    await user.click(cell(0, 4));
    const detail = screen.getByTestId("message-detail");
    expect(detail).toHaveTextContent("Partition 0 · Offset 7");
    expect(within(detail).getByTestId("detail-value").querySelector("pre")?.textContent).toBe(
      '{\n  "payment_id": "P-7",\n  "amount": {\n    "value": 12.5\n  }\n}',
    );
    expect(within(detail).getByTestId("detail-value")).toHaveTextContent("Decoded as json");
    expect(within(detail).getByTestId("detail-header-row")).toHaveTextContent("trace-idabc123");

    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("message-detail")).toHaveTextContent("Partition 1 · Offset 8");
    expect(within(screen.getByTestId("message-detail")).getByTestId("detail-value")).toHaveTextContent("plain text");
    expect(screen.getByRole("row", { selected: true })).toHaveAttribute("data-offset", "8");

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("message-detail")).not.toBeInTheDocument();
    expect(screen.getByTestId("message-table")).toHaveFocus();
    await user.keyboard("{ArrowUp}{Enter}");
    expect(screen.getByTestId("message-detail")).toHaveTextContent("Partition 0 · Offset 7");
  });

  it("copies the value as shown", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.mocked(platform.copyText).mockImplementation(writeText);
    const { user } = renderMessages({ page: messagePage({ messages: [messageRecord({ value: jsonPayload({ a: 1 }) })] }) });
    await waitForRows(1);
    await user.click(cell(0, 0));
    await user.click(screen.getByTestId("copy-value"));
    expect(writeText).toHaveBeenCalledWith('{\n  "a": 1\n}');
    expect(await screen.findByText("Copied")).toBeInTheDocument();
  });

  it("says a cut-short value shows only its first 64 KiB, as text", async () => {
    const big = payload({ format: "json", text: '{"items":[1,2,3', size: 300_000, truncated: true, note: "Large JSON: showing the first 64 KiB." });
    const { user } = renderMessages({ page: messagePage({ messages: [messageRecord({ value: big })] }) });
    await waitForRows(1);
    await user.click(cell(0, 0));
    const value = within(screen.getByTestId("message-detail")).getByTestId("detail-value");
    expect(value.querySelector("pre")?.textContent).toBe('{"items":[1,2,3');
    expect(within(value).getByTestId("payload-truncated")).toHaveTextContent(/first 64 KiB of 300\D000 bytes/);
  });

  it("shows a withheld value as its badge and reason only, for the support role, and offers no Produce", async () => {
    const { user } = renderMessages({
      role: "support",
      page: messagePage({
        messages: [
          messageRecord({
            key: withheldPayload(9),
            value: withheldPayload(400),
            headers: [{ key: "user-email", value: withheldPayload(20) }],
          }),
        ],
      }),
    });
    await waitForRows(1);
    expect(await screen.findByText("Support")).toBeInTheDocument();
    expect(screen.queryByTestId("produce-open")).not.toBeInTheDocument();
    await user.click(cell(0, 0));
    const detail = screen.getByTestId("message-detail");
    const value = within(detail).getByTestId("detail-value");
    expect(value).toHaveAttribute("data-format", "withheld");
    expect(value).toHaveTextContent(/^withheld Withheld: binary data cannot be checked/);
    expect(value.querySelector("pre")).toBeNull();
    expect(within(detail).getByTestId("copy-value")).toBeDisabled();
    expect(within(detail).getByTestId("detail-header-row")).toHaveTextContent("user-email");
  });

  it("marks a masked payload with a badge in the row and lists where and by which rule in the detail, nothing more", async () => {
    const value = maskedPayload({ payment_id: "P-1", payer: { email: "***" }, card: "************1111", note: "***" }, [
      { path: "$.payer.email", rule: "rule built-in", action: "redact" },
      { path: "$.card", rule: "rule built-in: detector card", action: "keep_last:4" },
      { path: "$.note", rule: "rule built-in: detector card", action: "redact" },
    ]);
    const key = payload({ text: "pseudo:3fa9c01b2d7e", masks: [{ path: "$", rule: "schema tag", action: "pseudonym" }] });
    const header = payload({ text: "***", masks: [{ path: "$", rule: "rule built-in (header name)", action: "redact" }] });
    const { user } = renderMessages({
      role: "support",
      page: messagePage({
        messages: [
          messageRecord({
            offset: 1,
            key,
            value,
            headers: [
              { key: "payer-email", value: header },
              { key: "trace-id", value: payload({ text: "abc123" }) },
            ],
          }),
          messageRecord({ offset: 2 }),
        ],
      }),
    });
    await waitForRows(2);

    const [masked, plain] = [at(screen.getAllByTestId("message-value"), 0), at(screen.getAllByTestId("message-value"), 1)];
    expect(within(masked).getByTestId("masked-badge")).toHaveAttribute("title", "3 values masked");
    expect(masked).toHaveTextContent(/^masked\{"payment_id":"P-1","payer":\{"email":"\*\*\*"\}/);
    expect(within(plain).queryByTestId("masked-badge")).not.toBeInTheDocument();
    const maskedKey = at(screen.getAllByTestId("message-key"), 0);
    expect(within(maskedKey).getByTestId("masked-badge")).toHaveAttribute("title", "1 value masked");
    expect(maskedKey).toHaveTextContent(/^maskedpseudo:3fa9c01b2d7e$/);

    await user.click(cell(0, 0));
    const detail = screen.getByTestId("message-detail");
    const marks = within(within(detail).getByTestId("detail-value")).getByTestId("mask-marks");
    expect(marks).toHaveTextContent(/^Masked \(3\)/);
    expect(within(marks).getAllByTestId("mask-mark").map((mark) => mark.textContent)).toEqual([
      "$.payer.email · rule built-in · redact",
      "$.card · rule built-in: detector card · keep_last:4",
      "$.note · rule built-in: detector card · redact",
    ]);
    expect(within(within(detail).getByTestId("detail-key")).getByTestId("mask-marks")).toHaveTextContent(
      "$ · schema tag · pseudonym",
    );
    const headerRows = within(detail).getAllByTestId("detail-header-row");
    expect(at(headerRows, 0)).toHaveTextContent("payer-email***masked$ · rule built-in (header name) · redact");
    expect(within(at(headerRows, 1)).queryByTestId("mask-marks")).not.toBeInTheDocument();
    expect(detail).not.toHaveTextContent("@");
  });

  it("renders only the rows in view for a 10,000-message page and reaches the last one by keyboard", async () => {
    // jsdom does no layout or scrolling: give the scroll area the height of 10,000 rows and
    // let the virtualizer's scrollTo move scrollTop (and say so) like a browser would.
    vi.spyOn(HTMLElement.prototype, "scrollHeight", "get").mockReturnValue(34 + 10_000 * 30);
    Object.defineProperty(HTMLElement.prototype, "scrollTo", {
      configurable: true,
      value(this: HTMLElement, options: ScrollToOptions) {
        this.scrollTop = options.top ?? this.scrollTop;
        // A browser fires "scroll" after the scroll, not inside the call.
        setTimeout(() => this.dispatchEvent(new Event("scroll")), 0);
      },
    });
    const many = messageRecords(10_000, 1);
    const { user } = renderMessages({ page: messagePage({ messages: many, scanned: 10_000, matched: 10_000 }) });
    await waitForRows(10_000);
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(100);
    expect(screen.getByTestId("message-table")).toHaveAttribute("aria-rowcount", "10001");

    screen.getByTestId("message-table").focus();
    await user.keyboard("{End}");
    await waitFor(() => {
      expect(screen.getByRole("row", { selected: true })).toHaveAttribute("data-offset", "9999");
    });
    expect(rows().length).toBeLessThan(100);
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("message-detail")).toHaveTextContent("Offset 9999");
  });
});
