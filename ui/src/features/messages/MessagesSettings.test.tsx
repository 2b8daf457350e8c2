// The Messages tab under the Settings: the first page at the chosen page size (offered in
// the toolbar even when the list lacks it), a live tail capped at the chosen rows, message
// times in the chosen zone and format, and "From time" read in that zone.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AppSettings } from "../../bindings/AppSettings";
import type { TailBatch } from "../../bindings/TailBatch";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { appSettings, messagePage, messageRecords } from "../../test/fixtures";
import { cell, renderMessages, requests, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

function renderWithSettings(settings: Partial<AppSettings>, before?: () => void) {
  return renderMessages({ page: messagePage({ messages: messageRecords(3, 1) }) }, () => {
    vi.mocked(platform.fetchAppSettings).mockResolvedValue(appSettings(settings));
    before?.();
  });
}

describe("MessagesView: settings", () => {
  it("reads the first page at the page size chosen in Settings", async () => {
    renderWithSettings({ pageSize: 500 });
    await waitForRows(3);
    expect(requests()).toEqual([
      { topic: "demo.payments", partitions: null, start: { kind: "latest", count: 500 }, limit: 1_500, filter: { text: null, expression: null } },
    ]);
    expect(screen.getByTestId("page-size")).toHaveValue("500");
  });

  it("offers a page size from Settings the toolbar's list lacks, beside the list", async () => {
    const { user } = renderWithSettings({ pageSize: 250 });
    await waitForRows(3);
    expect(at(requests(), 0).start).toEqual({ kind: "latest", count: 250 });
    const select = screen.getByTestId("page-size");
    expect(select).toHaveValue("250");
    expect(within(select).getAllByRole("option").map((option) => option.textContent)).toEqual(["50", "100", "250", "500", "1000"]);

    await user.selectOptions(select, "50");
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    expect(at(requests(), 1).start).toEqual({ kind: "latest", count: 50 });
  });

  it("keeps as many live-tail rows as Settings say", async () => {
    let deliver: (batch: TailBatch) => void = () => undefined;
    const { user } = renderWithSettings({ tailRows: 1_000 }, () => {
      vi.mocked(platform.tailMessages).mockImplementation((_id, _topic, _partitions, _filter, _tailId, onBatch) => {
        deliver = onBatch;
        return new Promise(() => undefined);
      });
    });
    await waitForRows(3);
    await user.click(screen.getByTestId("live-tail"));
    act(() => {
      deliver({ messages: messageRecords(1_200, 1, 3), dropped: 0 });
    });
    expect(screen.getByTestId("message-count")).toHaveAttribute("data-value", "1000");
    expect(screen.getByTestId("tail-capped")).toHaveAttribute("data-value", "203");
    expect(screen.getByTestId("tail-capped")).toHaveTextContent(/newest 1\D000; 203 older messages left the view/);
  });

  it("writes message times in the zone and format chosen in Settings", async () => {
    renderWithSettings({ timeZone: "UTC", timestampFormat: "rfc3339" });
    await waitForRows(3);
    await waitFor(() => {
      expect(cell(0, 2)).toHaveTextContent("2026-01-01T00:00:00.000Z");
    });
    expect(cell(1, 2)).toHaveTextContent("2026-01-01T00:00:01.000Z");
  });

  it("writes them in another zone as epoch millis, and reads a typed time in that zone", async () => {
    const { user } = renderWithSettings({ timeZone: "Asia/Tokyo", timestampFormat: "epoch_millis" });
    await waitForRows(3);
    await waitFor(() => {
      expect(cell(0, 2)).toHaveTextContent(/^1767225600000$/);
    });

    await user.selectOptions(screen.getByTestId("seek-mode"), "timestamp");
    expect(screen.getByLabelText("Time (Asia/Tokyo)")).toBeInTheDocument();
    await user.type(screen.getByTestId("seek-value"), "2026-01-01T09:00");
    await user.click(screen.getByTestId("apply-seek"));
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    // 09:00 in Tokyo is midnight UTC.
    expect(at(requests(), 1).start).toEqual({ kind: "timestamp", millis: Date.UTC(2026, 0, 1, 0, 0) });
  });
});
