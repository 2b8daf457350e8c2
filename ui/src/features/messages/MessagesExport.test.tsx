// Export… in the Messages tab, against a mocked platform: the current result (the view's
// request, up to what it shows) to a default file in the data directory, progress from the
// channel, Cancel and Escape stopping that same export, a typed range as CSV submitted with
// Enter, refusals before and from the backend, and the note that a masked role's file is
// masked like the view.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ExportSummary } from "../../bindings/ExportSummary";
import type { ScanProgress } from "../../bindings/ScanProgress";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { maskedPayload, messagePage, messageRecord, messageRecords } from "../../test/fixtures";
import { renderMessages, requests, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

const DATA_DIR = "/home/me/.local/share/streamlens";
const DEFAULT_PATH = /^\/home\/me\/\.local\/share\/streamlens\/demo\.payments-\d{8}-\d{6}\.jsonl$/;

/** exportMessages answers only when the test says, and hands the test its progress callback. */
function scriptExport() {
  const run: { report: (progress: ScanProgress) => void; finish: (summary: ExportSummary) => void } = {
    report: () => undefined,
    finish: () => undefined,
  };
  vi.mocked(platform.exportMessages).mockImplementation((_id, _request, _target, _scanId, onProgress) => {
    run.report = onProgress;
    return new Promise((resolve) => {
      run.finish = resolve;
    });
  });
  return run;
}

function exportCall(index = 0) {
  const call = vi.mocked(platform.exportMessages).mock.calls[index];
  if (call === undefined) throw new Error(`export_messages was not called ${String(index + 1)} time(s)`);
  const [connectionId, request, target, scanId] = call;
  return { connectionId, request, target, scanId };
}

async function openExport(user: ReturnType<typeof renderMessages>["user"]) {
  await user.click(screen.getByTestId("export-open"));
  return screen.getByTestId("export-dialog");
}

describe("MessagesView: export", () => {
  it("exports the current result up to what the view shows, with progress, then says what it wrote", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3), scanned: 300, matched: 3 }) });
    await waitForRows(3);
    await user.type(screen.getByTestId("message-expression"), "value.amount.value > 500.0{Enter}");
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    await waitForRows(3);
    const run = scriptExport();

    const dialog = await openExport(user);
    expect(dialog).toHaveAccessibleName("Export messages of “demo.payments”");
    expect(within(dialog).getByTestId("export-format")).toHaveValue("jsonl");
    expect(within(dialog).getByTestId("export-format")).toHaveFocus();
    expect(within(dialog).getByTestId("export-scope")).toHaveValue("current");
    expect(within(dialog).getByTestId("export-what")).toHaveTextContent(
      "The newest 100 of each partition · all partitions · where value.amount.value > 500.0.",
    );
    expect(within(dialog).getByTestId("export-limit")).toHaveValue(3);
    expect(within(dialog).getByTestId("export-limit")).toHaveAccessibleDescription("The view shows 3 messages.");
    const path = within(dialog).getByTestId<HTMLInputElement>("export-path");
    expect(path.value).toMatch(DEFAULT_PATH);
    expect(within(dialog).queryByTestId("export-masked-note")).not.toBeInTheDocument();
    expect(within(dialog).queryByTestId("export-progress")).not.toBeInTheDocument();

    await user.click(within(dialog).getByTestId("export-submit"));
    const call = exportCall();
    expect(call.connectionId).toBe("c1");
    expect(call.request).toEqual({ ...at(requests(), 1), limit: 3 });
    expect(call.request.filter).toEqual({ text: null, expression: "value.amount.value > 500.0" });
    expect(call.target).toEqual({ path: path.value, format: "jsonl" });
    expect(call.scanId).toMatch(/^export-[0-9a-f]{24}$/);

    const progress = within(dialog).getByTestId("export-progress");
    expect(progress).toHaveTextContent("Starting the export…");
    expect(within(dialog).getByTestId("export-submit")).toBeDisabled();
    expect(within(dialog).getByTestId("export-path")).toBeDisabled();
    expect(within(dialog).queryByTestId("export-close")).not.toBeInTheDocument();
    act(() => {
      run.report({ scanned: 150, matched: 2, total: 300 });
    });
    expect(progress).toHaveTextContent("scanned 150 of 300 · written 2");
    expect(progress).toHaveAttribute("data-written", "2");
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "150");

    act(() => {
      run.finish({ rows: 3, bytes: 2_411_724, path: call.target.path, cancelled: false });
    });
    const done = await within(dialog).findByTestId("export-done");
    expect(done).toHaveTextContent(`Wrote 3 rows (2.3 MiB) to ${call.target.path}.`);
    expect(done).toHaveAttribute("data-rows", "3");
    expect(done).toHaveAttribute("data-path", call.target.path);
    expect(within(dialog).queryByTestId("export-progress")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("export-submit")).toBeEnabled();
    expect(platform.cancelScan).not.toHaveBeenCalledWith(call.scanId);

    await user.click(within(dialog).getByTestId("export-close"));
    expect(screen.queryByTestId("export-dialog")).not.toBeInTheDocument();
  });

  it("Cancel stops that same export, and nothing is said to be written", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    const run = scriptExport();
    const dialog = await openExport(user);
    await user.click(within(dialog).getByTestId("export-submit"));
    act(() => {
      run.report({ scanned: 10, matched: 1, total: 300 });
    });

    await user.click(within(dialog).getByTestId("export-cancel"));
    expect(platform.cancelScan).toHaveBeenCalledWith(exportCall().scanId);
    act(() => {
      run.finish({ rows: 1, bytes: 100, path: "", cancelled: true });
    });
    expect(await within(dialog).findByTestId("export-cancelled")).toHaveTextContent(
      "Export cancelled after 1 row: no file was written.",
    );
    expect(within(dialog).queryByTestId("export-done")).not.toBeInTheDocument();
    // The progress went with the focus on it: Close has it now, so Escape still works.
    expect(within(dialog).getByTestId("export-close")).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("export-dialog")).not.toBeInTheDocument();
  });

  it("closes on Escape, cancelling an export still running", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    scriptExport();
    const dialog = await openExport(user);
    await user.click(within(dialog).getByTestId("export-submit"));
    // The fields and Export are disabled while it runs; the focus waits on the progress.
    expect(within(dialog).getByTestId("export-progress")).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("export-dialog")).not.toBeInTheDocument();
    expect(platform.cancelScan).toHaveBeenCalledWith(exportCall().scanId);
    expect(screen.getByTestId("export-open")).toHaveFocus();
  });

  it("exports a typed range as CSV with the view's partition and filter, submitted with Enter", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    await user.selectOptions(screen.getByTestId("seek-partition"), "2");
    await user.type(screen.getByTestId("message-filter"), "example.org{Enter}");
    await waitFor(() => {
      expect(requests().at(-1)?.filter.text).toBe("example.org");
    });
    vi.mocked(platform.exportMessages).mockResolvedValue({ rows: 5000, bytes: 1_000, path: "/tmp/range.csv", cancelled: false });

    const dialog = await openExport(user);
    await user.selectOptions(within(dialog).getByTestId("export-format"), "csv");
    expect(within(dialog).getByTestId<HTMLInputElement>("export-path").value).toMatch(/\.csv$/);
    await user.selectOptions(within(dialog).getByTestId("export-scope"), "range");
    expect(within(dialog).getByTestId("export-what")).toHaveTextContent("with the view's partition and filters");
    await user.selectOptions(within(dialog).getByTestId("export-start"), "offset");
    await user.type(within(dialog).getByTestId("export-start-value"), "42");
    const limit = within(dialog).getByTestId("export-limit");
    await user.clear(limit);
    await user.type(limit, "5000");
    const path = within(dialog).getByTestId("export-path");
    await user.clear(path);
    await user.type(path, "/tmp/range.csv{Enter}");

    expect(exportCall().request).toEqual({
      topic: "demo.payments",
      partitions: [2],
      start: { kind: "offset", offset: 42 },
      limit: 5000,
      filter: { text: "example.org", expression: null },
    });
    expect(exportCall().target).toEqual({ path: "/tmp/range.csv", format: "csv" });
    expect(await within(dialog).findByTestId("export-done")).toHaveTextContent(/^Wrote 5\D000 rows \(1\D000 B\) to \/tmp\/range\.csv\.$/);
  });

  it("offers a page's worth when the view shows nothing", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: [], scanned: 300, matched: 0 }) });
    await screen.findByTestId("messages-empty");
    const limit = within(await openExport(user)).getByTestId("export-limit");
    expect(limit).toHaveValue(300);
    expect(limit).toHaveAccessibleDescription("The view shows none; a page of it holds up to 300 messages.");
  });

  it("refuses a maximum or a path that is not one at its field, without asking the backend", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    const dialog = await openExport(user);
    const limit = within(dialog).getByTestId("export-limit");
    await user.clear(limit);
    await user.type(limit, "0");
    const path = within(dialog).getByTestId("export-path");
    await user.clear(path);
    await user.type(path, "relative.jsonl");
    await user.click(within(dialog).getByTestId("export-submit"));

    expect(limit).toHaveAttribute("aria-invalid", "true");
    expect(limit).toHaveAccessibleDescription(/whole number from 1 to 4\D294\D967\D295/);
    expect(path).toHaveAccessibleDescription(/Enter the full path of the file/);
    expect(platform.exportMessages).not.toHaveBeenCalled();

    // A path with a typed name keeps it when the format changes, with the new extension.
    await user.clear(path);
    await user.type(path, "/tmp/out.jsonl");
    expect(path).toHaveAttribute("aria-invalid", "false");
    await user.selectOptions(within(dialog).getByTestId("export-format"), "csv");
    expect(path).toHaveValue("/tmp/out.csv");
  });

  it("shows the backend's refusal in the dialog, not in the banner", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    vi.mocked(platform.exportMessages).mockRejectedValue({
      kind: "invalid_input",
      message: `Cannot write ${DATA_DIR}/nope/x.partial: No such file or directory (os error 2). Choose another folder.`,
    });
    const dialog = await openExport(user);
    await user.click(within(dialog).getByTestId("export-submit"));
    const error = await within(dialog).findByTestId("inline-error");
    expect(error).toHaveTextContent("Choose another folder.");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(within(dialog).queryByTestId("export-done")).not.toBeInTheDocument();
  });

  it("says a masked role's file is masked like the view", async () => {
    const { user } = renderMessages({ role: "support", page: messagePage({ messages: messageRecords(3) }) });
    await waitForRows(3);
    const dialog = await openExport(user);
    expect(within(dialog).getByTestId("export-masked-note")).toHaveTextContent(
      "Masked like the view: the file holds what the support role sees here",
    );
  });

  it("says so for a developer too when the connection is prod or the page shows masking", async () => {
    const first = renderMessages({ environment: "prod", page: messagePage({ messages: messageRecords(2) }) });
    await waitForRows(2);
    expect(within(await openExport(first.user)).getByTestId("export-masked-note")).toBeInTheDocument();
    first.unmount();

    const masked = messageRecord({ value: maskedPayload({ email: "***" }, [{ path: "$.email", rule: "email", action: "redact" }]) });
    const second = renderMessages({ page: messagePage({ messages: [masked] }) });
    await waitForRows(1);
    expect(within(await openExport(second.user)).getByTestId("export-masked-note")).toBeInTheDocument();
  });
});
