// The window frame: top bar facts from app_info, the error banner, navigation basics.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../platform";
import { appInfo } from "../test/fixtures";
import { mockBackend, renderFrame } from "../test/renderApp";

vi.mock("../platform");

describe("AppFrame", () => {
  it("shows the app version and the current role", async () => {
    mockBackend([]);
    vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ version: "1.4.2", role: "support" }));
    renderFrame();
    expect(await screen.findByTestId("app-version")).toHaveTextContent(/^1\.4\.2$/);
    expect(screen.getByText("Support")).toBeInTheDocument();
  });

  it("shows a failed query in a dismissible banner", async () => {
    mockBackend([]);
    vi.mocked(platform.listConnections).mockRejectedValue({ kind: "storage", message: "Cannot open streamlens.db." });
    const { user } = renderFrame();

    const banner = await screen.findByTestId("error-banner");
    expect(banner).toHaveTextContent("Storage error");
    expect(banner).toHaveTextContent("Cannot open streamlens.db.");
    await user.click(screen.getByRole("button", { name: "Dismiss error" }));
    await waitFor(() => {
      expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    });
  });

  it("opens the editor from Add connection and returns home on Cancel", async () => {
    mockBackend([]);
    const { user } = renderFrame();
    await user.click(screen.getByTestId("add-connection"));
    expect(screen.queryByTestId("home-view")).not.toBeInTheDocument();
    expect(screen.getByTestId("conn-environment")).toHaveValue("dev");
    await user.click(screen.getByTestId("cancel-edit"));
    expect(screen.getByTestId("home-view")).toBeInTheDocument();
  });
});
