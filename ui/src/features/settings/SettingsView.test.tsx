// The Settings view in the whole frame: the stored settings in the form, Save sending the
// form as the backend takes it, the backend's refusal inline, the form's own checks, Reset
// to defaults, the live example of a timestamp format, and the ways in (sidebar, command
// palette, Back/Forward).
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { View } from "../../app/navigation";
import type { AppSettings } from "../../bindings/AppSettings";
import * as platform from "../../platform";
import { appSettings, profile } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

const STORED = appSettings({
  theme: "light",
  timeZone: "UTC",
  timestampFormat: "rfc3339",
  refreshMs: 10_000,
  pageSize: 500,
  tailRows: 20_000,
  defaultDecoders: { key: "utf-8", value: "registry" },
});

function renderSettings(stored: AppSettings = STORED, initialView: View = { kind: "settings" }) {
  mockBackend([profile({ id: "c1", name: "Local" })]);
  vi.mocked(platform.fetchAppSettings).mockResolvedValue(stored);
  return renderFrame({ initialView });
}

const field = (testId: string) => screen.getByTestId(testId);

/** The one argument of the last save_app_settings. */
function lastSaved(): AppSettings | undefined {
  return vi.mocked(platform.saveAppSettings).mock.calls.at(-1)?.[0];
}

describe("Settings view", () => {
  it("shows the stored settings and saves the form as the backend takes it", async () => {
    const { user } = renderSettings();
    expect(await screen.findByTestId("settings-theme")).toHaveValue("light");
    expect(field("settings-time-zone")).toHaveValue("utc");
    expect(field("settings-timestamp-format")).toHaveValue("rfc3339");
    expect(field("settings-refresh")).toHaveValue("10000");
    expect(field("settings-page-size")).toHaveValue("500");
    expect(field("settings-tail-rows")).toHaveValue(20_000);
    expect(field("settings-key-decoder")).toHaveValue("utf-8");
    expect(field("settings-value-decoder")).toHaveValue("registry");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Settings");

    await user.selectOptions(field("settings-theme"), "dark");
    await user.selectOptions(field("settings-time-zone"), "other");
    await user.type(field("settings-time-zone-name"), "asia/tokyo");
    await user.selectOptions(field("settings-timestamp-format"), "epoch_millis");
    await user.selectOptions(field("settings-refresh"), "manual");
    await user.selectOptions(field("settings-page-size"), "1000");
    await user.clear(field("settings-tail-rows"));
    await user.type(field("settings-tail-rows"), "50000");
    await user.selectOptions(field("settings-key-decoder"), "hex");
    await user.selectOptions(field("settings-value-decoder"), "json");
    expect(field("settings-saved")).toHaveTextContent("");
    await user.click(field("settings-save"));

    await waitFor(() => {
      expect(field("settings-saved")).toHaveTextContent("Saved");
    });
    expect(platform.saveAppSettings).toHaveBeenCalledTimes(1);
    expect(lastSaved()).toEqual({
      theme: "dark",
      timeZone: "Asia/Tokyo",
      timestampFormat: "epoch_millis",
      refreshMs: null,
      pageSize: 1000,
      tailRows: 50_000,
      defaultDecoders: { key: "hex", value: "json" },
    });
    // The zone as stored, written the engine's way.
    expect(field("settings-time-zone-name")).toHaveValue("Asia/Tokyo");

    // "Saved" is about the form as saved: the next change takes it away.
    await user.selectOptions(field("settings-theme"), "system");
    expect(field("settings-saved")).toHaveTextContent("");
  });

  it("shows the backend's refusal next to the form, not in the banner, and keeps what was typed", async () => {
    const message = "Time zone “Europe/Atlantis” is not in the tz database: choose Local, UTC or a zone such as Europe/Amsterdam.";
    const { user } = renderSettings();
    vi.mocked(platform.saveAppSettings).mockRejectedValue({ kind: "invalid_input", message });
    await user.selectOptions(await screen.findByTestId("settings-page-size"), "50");
    await user.click(field("settings-save"));

    const refusal = await screen.findByTestId("settings-error");
    expect(refusal).toHaveTextContent("Invalid input");
    expect(refusal).toHaveTextContent(message);
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(field("settings-saved")).toHaveTextContent("");
    expect(field("settings-page-size")).toHaveValue("50");

    // Editing again clears it.
    await user.selectOptions(field("settings-page-size"), "100");
    expect(screen.queryByTestId("settings-error")).not.toBeInTheDocument();
  });

  it("sends any other failure to the banner", async () => {
    const { user } = renderSettings();
    vi.mocked(platform.saveAppSettings).mockRejectedValue({ kind: "storage", message: "The app database is read-only." });
    await user.click(await screen.findByTestId("settings-save"));
    expect(await screen.findByTestId("error-banner")).toHaveTextContent("The app database is read-only.");
    expect(screen.queryByTestId("settings-error")).not.toBeInTheDocument();
  });

  it("checks the time zone and live-tail rows before asking the backend", async () => {
    const { user } = renderSettings();
    await user.selectOptions(await screen.findByTestId("settings-time-zone"), "other");
    await user.type(field("settings-time-zone-name"), "Mars/Olympus_Mons");
    await user.clear(field("settings-tail-rows"));
    await user.type(field("settings-tail-rows"), "5");
    // Nothing said while typing.
    expect(screen.queryByText(/is not a time zone/)).not.toBeInTheDocument();
    await user.click(field("settings-save"));

    expect(screen.getByText(/“Mars\/Olympus_Mons” is not a time zone this app knows/)).toBeInTheDocument();
    expect(field("settings-time-zone-name")).toHaveAttribute("aria-invalid", "true");
    expect(field("settings-tail-rows")).toHaveAttribute("aria-invalid", "true");
    expect(platform.saveAppSettings).not.toHaveBeenCalled();

    await user.clear(field("settings-time-zone-name"));
    await user.type(field("settings-time-zone-name"), "Europe/Amsterdam");
    await user.clear(field("settings-tail-rows"));
    await user.type(field("settings-tail-rows"), "5000");
    expect(field("settings-tail-rows")).toHaveAttribute("aria-invalid", "false");
    await user.click(field("settings-save"));
    await waitFor(() => {
      expect(lastSaved()).toMatchObject({ timeZone: "Europe/Amsterdam", tailRows: 5_000 });
    });
  });

  it("fills in the defaults on Reset, and stores them only on Save", async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByTestId("settings-reset"));
    expect(field("settings-theme")).toHaveValue("system");
    expect(field("settings-time-zone")).toHaveValue("local");
    expect(field("settings-timestamp-format")).toHaveValue("iso");
    expect(field("settings-refresh")).toHaveValue("5000");
    expect(field("settings-page-size")).toHaveValue("100");
    expect(field("settings-tail-rows")).toHaveValue(10_000);
    expect(field("settings-key-decoder")).toHaveValue("auto");
    expect(field("settings-value-decoder")).toHaveValue("auto");
    expect(platform.saveAppSettings).not.toHaveBeenCalled();

    await user.click(field("settings-save"));
    await waitFor(() => {
      expect(lastSaved()).toEqual(appSettings());
    });
  });

  it("offers a stored page size or refresh interval the lists do not name", async () => {
    renderSettings(appSettings({ pageSize: 250, refreshMs: 60_000 }));
    expect(await screen.findByTestId("settings-page-size")).toHaveValue("250");
    expect(field("settings-refresh")).toHaveValue("60000");
    expect(within(field("settings-refresh")).getByRole("option", { name: "every 60 s" })).toBeInTheDocument();
  });

  it("writes the current moment in the format and zone chosen, before saving", async () => {
    const { user } = renderSettings(appSettings());
    const example = await screen.findByTestId("settings-time-example");
    expect(example).toHaveTextContent(/^Now: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
    await user.selectOptions(field("settings-timestamp-format"), "epoch_millis");
    expect(example).toHaveTextContent(/^Now: \d{13}$/);
    await user.selectOptions(field("settings-timestamp-format"), "rfc3339");
    await user.selectOptions(field("settings-time-zone"), "utc");
    expect(example).toHaveTextContent(/^Now: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await user.selectOptions(field("settings-time-zone"), "other");
    await user.type(field("settings-time-zone-name"), "Asia/Kolkata");
    expect(example).toHaveTextContent(/\+05:30$/);
    expect(field("settings-time-zone")).toHaveTextContent(/Local \(.+\)/);
  });

  it("is opened from the sidebar and the command palette, and Back and Forward return to it", async () => {
    const { user } = renderSettings(STORED, { kind: "home" });
    expect(await screen.findByTestId("home-view")).toBeInTheDocument();

    await user.click(field("sidebar-settings"));
    expect(await screen.findByTestId("settings-view")).toBeInTheDocument();
    expect(field("sidebar-settings")).toHaveAttribute("aria-current", "page");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByTestId("home-view")).toBeInTheDocument();
    expect(field("sidebar-settings")).not.toHaveAttribute("aria-current");
    await user.click(screen.getByRole("button", { name: "Forward" }));
    expect(await screen.findByTestId("settings-view")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Back" }));
    await user.keyboard("{Control>}k{/Control}");
    const dialog = screen.getByRole("dialog", { name: "Command palette" });
    await user.type(within(dialog).getByRole("combobox", { name: "Go to" }), "settings");
    const views = within(dialog)
      .getAllByTestId("palette-group")
      .find((group) => group.dataset["kind"] === "view");
    expect(views && within(views).getAllByRole("option")[0]).toHaveTextContent(/^Settings$/);
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("settings-view")).toBeInTheDocument();
  });
});
