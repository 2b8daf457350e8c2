// Copy diagnostics with the real clipboard code over a stubbed navigator.clipboard:
// the happy path confirms, a refusing clipboard falls back to a dialog with the text.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform", async (importOriginal) => {
  const actual = await importOriginal<typeof platform>();
  return {
    ...actual,
    fetchAppInfo: vi.fn(),
    listConnections: vi.fn(),
    listTopics: vi.fn(),
    fetchClusterOverview: vi.fn(),
    fetchDiagnostics: vi.fn(),
    // mockBackend gives these defaults too.
    fetchAppSettings: vi.fn(),
    saveAppSettings: vi.fn(),
    browseMessages: vi.fn(),
    cancelScan: vi.fn(),
    fetchTopicDecoders: vi.fn(),
    pinTopicDecoders: vi.fn(),
    listGroups: vi.fn(),
    fetchRegistryOverview: vi.fn(),
    fetchFlinkOverview: vi.fn(),
    listFlinkJobs: vi.fn(),
    launchRecording: vi.fn(),
    onFileDrag: vi.fn(),
    closeRecording: vi.fn(),
  };
});

const REPORT = "Streamlens 0.1.0\nOS: linux x86_64\nData: /home/me/.local/share/streamlens";

// user-event installs its own clipboard stub in setup(); spy on that one afterwards.
function spyOnClipboard() {
  return vi.spyOn(navigator.clipboard, "writeText");
}

describe("Copy diagnostics", () => {
  it("copies the backend's report to the clipboard and confirms", async () => {
    mockBackend();
    vi.mocked(platform.fetchDiagnostics).mockResolvedValue(REPORT);
    const { user } = renderFrame();
    const writeText = spyOnClipboard();

    await user.click(screen.getByTestId("copy-diagnostics"));

    expect(await screen.findByText("Diagnostics copied")).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(REPORT);
    await expect(navigator.clipboard.readText()).resolves.toBe(REPORT);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("shows the report selected in a dialog when the clipboard refuses", async () => {
    mockBackend();
    vi.mocked(platform.fetchDiagnostics).mockResolvedValue(REPORT);
    const { user } = renderFrame();
    spyOnClipboard().mockRejectedValue(new DOMException("Write permission denied.", "NotAllowedError"));

    await user.click(screen.getByTestId("copy-diagnostics"));

    const dialog = await screen.findByRole("dialog", { name: "Diagnostics" });
    const text = screen.getByTestId("diagnostics-text");
    if (!(text instanceof HTMLTextAreaElement)) throw new Error("expected a textarea");
    expect(dialog).toContainElement(text);
    expect(text.value).toBe(REPORT);
    expect(text).toHaveFocus();
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, REPORT.length]);
    expect(screen.queryByText("Diagnostics copied")).not.toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("reports a backend failure in the banner", async () => {
    mockBackend();
    vi.mocked(platform.fetchDiagnostics).mockRejectedValue({ kind: "forbidden", message: "Diagnostics are disabled by policy." });
    const { user } = renderFrame();

    await user.click(screen.getByTestId("copy-diagnostics"));

    await waitFor(() => {
      expect(screen.getByTestId("error-banner")).toHaveTextContent("Diagnostics are disabled by policy.");
    });
  });
});
