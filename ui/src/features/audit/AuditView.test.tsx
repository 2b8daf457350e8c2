// The audit log in the whole frame against a mocked platform: the sidebar offers it to
// admins only, the view lists the newest entries with their detail in a few words, and
// "Verify chain" says whether the hash chain holds or where it breaks.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AuditEntry } from "../../bindings/AuditEntry";
import type { Role } from "../../bindings/Role";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { appInfo } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 1,
    at: "2026-01-01T12:00:00.000Z",
    user: "ann",
    role: "developer",
    action: "browse",
    connection: "Local Kafka",
    detail: '{"topic":"demo.payments","partitions":null,"start":{"kind":"latest"},"limit":100,"masked":false}',
    ...overrides,
  };
}

const ENTRIES: AuditEntry[] = [
  auditEntry({
    seq: 3,
    user: "bob",
    role: "support",
    action: "export",
    connection: null,
    detail: '{"connection":"c1","topic":"demo.orders","rows":1200,"format":"csv","path":"/tmp/o.csv"}',
  }),
  auditEntry({ seq: 2, role: "support", detail: '{"topic":"demo.payments","limit":100,"masked":true}' }),
  auditEntry({ seq: 1 }),
];

function renderAs(role: Role) {
  mockBackend();
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.auditEntries).mockResolvedValue(ENTRIES);
  vi.mocked(platform.viewAs).mockImplementation((next) => Promise.resolve(appInfo({ role: next })));
  return renderFrame();
}

describe("Audit log", () => {
  it.each<Role>(["developer", "support", "troubleshooter"])("is not offered to %s", async (role) => {
    renderAs(role);
    await waitFor(() => {
      expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", role);
    });
    expect(screen.queryByTestId("open-audit")).not.toBeInTheDocument();
    expect(screen.getByTestId("copy-diagnostics")).toBeInTheDocument();
  });

  it("is offered to an admin and lists the newest 200 entries with their detail in a few words", async () => {
    const { user } = renderAs("admin");
    await user.click(await screen.findByTestId("open-audit"));

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Audit log");
    expect(screen.getByTestId("audit-view")).toHaveTextContent("append-only and hash-chained");
    const table = await screen.findByTestId("audit-table");
    expect(platform.auditEntries).toHaveBeenCalledWith(200);
    const rows = within(table).getAllByTestId("audit-row");
    expect(rows.map((row) => row.dataset["seq"])).toEqual(["3", "2", "1"]);

    const cells = (index: number) => Array.from(at(rows, index).querySelectorAll("td")).map((td) => td.textContent);
    expect(cells(0)).toEqual([
      "3",
      expect.stringMatching(/^2026-01-0[12] \d\d:00:00\.000$/),
      "bob",
      "support",
      "export",
      "—",
      "topic demo.orders · rows 1200 · format csv",
    ]);
    expect(at(cells(1), 6)).toBe("topic demo.payments · limit 100 · masked");
    expect(at(cells(2), 5)).toBe("Local Kafka");
    expect(at(rows, 2).querySelector("time")).toHaveAttribute("datetime", "2026-01-01T12:00:00.000Z");
    expect(screen.getByTestId("audit-summary")).toHaveTextContent("3 entries");
  });

  it("says the hash chain holds", async () => {
    vi.mocked(platform.verifyAudit).mockResolvedValue({ rows: 42, intact: true, brokenAt: null, problem: null });
    const { user } = renderAs("admin");
    await user.click(await screen.findByTestId("open-audit"));
    await screen.findByTestId("audit-table");

    await user.click(screen.getByTestId("verify-audit"));

    const verdict = await screen.findByTestId("audit-verdict");
    expect(verdict).toHaveTextContent("Intact: 42 rows, the hash chain holds");
    expect(verdict).toHaveAttribute("data-intact", "true");
    expect(verdict).toHaveClass("audit-verdict--intact");
  });

  it("says where the hash chain breaks, as a warning", async () => {
    vi.mocked(platform.verifyAudit).mockResolvedValue({
      rows: 7,
      intact: false,
      brokenAt: 3,
      problem: "the row's hash does not match its content",
    });
    const { user } = renderAs("admin");
    await user.click(await screen.findByTestId("open-audit"));

    await user.click(screen.getByTestId("verify-audit"));

    const verdict = await screen.findByTestId("audit-verdict");
    expect(verdict).toHaveTextContent("Broken at row 3: the row's hash does not match its content");
    expect(verdict).toHaveAttribute("data-intact", "false");
    expect(verdict).toHaveClass("audit-verdict--broken");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });

  it("puts a failed check in the banner", async () => {
    vi.mocked(platform.verifyAudit).mockRejectedValue({ kind: "storage", message: "Cannot read streamlens.db." });
    const { user } = renderAs("admin");
    await user.click(await screen.findByTestId("open-audit"));

    await user.click(screen.getByTestId("verify-audit"));

    expect(await screen.findByTestId("error-banner")).toHaveTextContent("Cannot read streamlens.db.");
    expect(screen.queryByTestId("audit-verdict")).not.toBeInTheDocument();
  });

  it("is withdrawn while an admin views the app as a lower role", async () => {
    const { user } = renderAs("admin");
    // Under the lower role the backend refuses the log: no banner for that, the view says why.
    vi.mocked(platform.auditEntries)
      .mockResolvedValueOnce(ENTRIES)
      .mockRejectedValue({ kind: "forbidden", message: "The developer role may not view the audit log." });
    await user.click(await screen.findByTestId("open-audit"));
    await screen.findByTestId("audit-table");
    await waitFor(() => {
      expect(screen.getByTestId("view-as")).toBeEnabled();
    });

    await user.selectOptions(screen.getByTestId("view-as"), "developer");

    expect(await screen.findByTestId("audit-not-allowed")).toHaveTextContent("The audit log is for admins");
    expect(screen.queryByTestId("open-audit")).not.toBeInTheDocument();
    await waitFor(() => {
      expect(platform.auditEntries).toHaveBeenCalledTimes(2);
    });
    await act(() => Promise.resolve());
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });
});
