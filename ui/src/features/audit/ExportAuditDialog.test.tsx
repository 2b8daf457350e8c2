// Export… in the audit log, against a mocked platform: a JSON lines file named after the
// time the dialog opened in the data directory by default, the extension following the
// format, Enter submitting, a relative path refused before asking the backend, the backend's
// refusal of an existing file shown in the dialog (and gone once the path changes), and
// Escape closing the dialog back to the button that opened it.
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { appInfo } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";
import { auditExportedText, defaultAuditExportPath } from "./ExportAuditDialog";

vi.mock("../../platform");

const DATA_DIR = "/home/me/.local/share/streamlens";
const OPENED_AT = new Date(2026, 10, 30, 1, 44, 22);

beforeEach(() => {
  // Only the clock: user-event's own timers stay real.
  vi.useFakeTimers({ toFake: ["Date"], now: OPENED_AT });
});

afterEach(() => {
  vi.useRealTimers();
});

async function openExport() {
  mockBackend();
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "admin", dataDir: DATA_DIR }));
  vi.mocked(platform.auditEntries).mockResolvedValue([]);
  const rendered = renderFrame({ initialView: { kind: "audit" } });
  await rendered.user.click(await screen.findByTestId("audit-export"));
  const dialog = screen.getByTestId("export-dialog");
  return { ...rendered, dialog, path: within(dialog).getByTestId<HTMLInputElement>("export-path") };
}

describe("the audit export's file and what it says", () => {
  it("is audit-<local time> in the data directory", () => {
    expect(defaultAuditExportPath(DATA_DIR, "csv", OPENED_AT)).toBe(`${DATA_DIR}/audit-20261130-014422.csv`);
    expect(defaultAuditExportPath("C:\\Users\\me\\streamlens", "jsonl", OPENED_AT)).toBe(
      "C:\\Users\\me\\streamlens\\audit-20261130-014422.jsonl",
    );
  });

  it("says how many entries went where", () => {
    expect(auditExportedText({ rows: 1, path: "/tmp/a.csv" })).toBe("Wrote 1 entry to /tmp/a.csv");
    expect(auditExportedText({ rows: 3, path: "/tmp/a.jsonl" })).toBe("Wrote 3 entries to /tmp/a.jsonl");
  });
});

describe("Audit log: export", () => {
  it("writes JSON lines to a new file in the data directory by default, and says what it wrote", async () => {
    vi.mocked(platform.exportAudit).mockResolvedValue({ rows: 3, path: `${DATA_DIR}/audit-20261130-014422.jsonl` });
    const { user, dialog, path } = await openExport();

    expect(dialog).toHaveAccessibleName("Export the audit log");
    expect(within(dialog).getByTestId("export-format")).toHaveValue("jsonl");
    expect(within(dialog).getByTestId("export-format")).toHaveFocus();
    expect(path).toHaveValue(`${DATA_DIR}/audit-20261130-014422.jsonl`);
    expect(path).toHaveAccessibleDescription("A new file in a folder that exists (an existing file is never replaced).");

    await user.click(within(dialog).getByTestId("export-submit"));

    const done = await within(dialog).findByTestId("export-done");
    expect(done).toHaveTextContent(`Wrote 3 entries to ${DATA_DIR}/audit-20261130-014422.jsonl`);
    expect(done).toHaveAttribute("data-rows", "3");
    expect(vi.mocked(platform.exportAudit).mock.calls).toEqual([[{ path: `${DATA_DIR}/audit-20261130-014422.jsonl`, format: "jsonl" }]]);
    expect(within(dialog).getByTestId("export-close")).toHaveTextContent("Close");
    expect(within(dialog).queryByTestId("inline-error")).not.toBeInTheDocument();
  });

  it("follows the format with the extension, typed or default, and submits on Enter", async () => {
    vi.mocked(platform.exportAudit).mockImplementation((target) => Promise.resolve({ rows: 12, path: target.path }));
    const { user, dialog, path } = await openExport();

    await user.selectOptions(within(dialog).getByTestId("export-format"), "csv");
    expect(path).toHaveValue(`${DATA_DIR}/audit-20261130-014422.csv`);

    await user.clear(path);
    await user.type(path, "/tmp/audit-copy.csv");
    await user.selectOptions(within(dialog).getByTestId("export-format"), "jsonl");
    expect(path).toHaveValue("/tmp/audit-copy.jsonl");
    await user.selectOptions(within(dialog).getByTestId("export-format"), "csv");
    expect(path).toHaveValue("/tmp/audit-copy.csv");

    await user.type(path, "{Enter}");

    expect(await within(dialog).findByTestId("export-done")).toHaveTextContent("Wrote 12 entries to /tmp/audit-copy.csv");
    expect(vi.mocked(platform.exportAudit).mock.calls).toEqual([[{ path: "/tmp/audit-copy.csv", format: "csv" }]]);
  });

  it("refuses a path that is not a full one at the field, without asking the backend", async () => {
    const { user, dialog, path } = await openExport();

    await user.clear(path);
    await user.type(path, "audit.jsonl{Enter}");

    expect(path).toBeInvalid();
    expect(path).toHaveAccessibleDescription(/Enter the full path of the file, starting at \//);
    await user.clear(path);
    await user.click(within(dialog).getByTestId("export-submit"));
    expect(path).toHaveAccessibleDescription(/Enter the file to write\./);
    expect(platform.exportAudit).not.toHaveBeenCalled();

    await user.type(path, "/");
    expect(path).toBeValid();
  });

  it("shows the backend's refusal in the dialog until the path changes", async () => {
    const taken = `${DATA_DIR}/audit-20261130-014422.jsonl`;
    vi.mocked(platform.exportAudit).mockRejectedValue({
      kind: "invalid_input",
      message: `${taken} already exists: choose a new file name; an export never replaces a file.`,
    });
    const { user, dialog, path } = await openExport();

    await user.click(within(dialog).getByTestId("export-submit"));

    const error = await within(dialog).findByTestId("inline-error");
    expect(error).toHaveAttribute("data-error-kind", "invalid_input");
    expect(error).toHaveTextContent(`${taken} already exists`);
    expect(within(dialog).queryByTestId("export-done")).not.toBeInTheDocument();
    // In the dialog, not also in the banner.
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("export-submit")).toBeEnabled();

    await user.type(path, "2");
    expect(within(dialog).queryByTestId("inline-error")).not.toBeInTheDocument();
  });

  it("closes with Escape, back to Export…", async () => {
    const { user } = await openExport();

    await user.keyboard("{Escape}");

    await waitFor(() => {
      expect(screen.queryByTestId("export-dialog")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId("audit-export")).toHaveFocus();
  });

  it("is not offered while an admin views the app as a lower role", async () => {
    mockBackend();
    vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "support" }));
    renderFrame({ initialView: { kind: "audit" } });
    expect(await screen.findByTestId("audit-not-allowed")).toBeInTheDocument();
    expect(screen.queryByTestId("audit-export")).not.toBeInTheDocument();
  });
});
