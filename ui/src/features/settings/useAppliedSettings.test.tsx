// The time zone and format from Settings applied across the frame: times already on screen
// are written again when the settings arrive (no navigation needed), a saved change shows
// everywhere after, and the configuration is undone with the frame.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AppSettings } from "../../bindings/AppSettings";
import type { AuditEntry } from "../../bindings/AuditEntry";
import { DEFAULT_TIME_DISPLAY, formatTimeIn, timeDisplay } from "../../components/timeFormat";
import * as platform from "../../platform";
import { appInfo, appSettings } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

const ENTRY: AuditEntry = {
  seq: 1,
  at: "2026-01-01T12:00:00.000Z",
  user: "ann",
  role: "developer",
  action: "browse",
  connection: "Local",
  detail: "{}",
};

/** The audit log (it shows times at once), with app_settings answering only when told to. */
function renderAuditWithLateSettings() {
  mockBackend();
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "admin" }));
  vi.mocked(platform.auditEntries).mockResolvedValue([ENTRY]);
  let answer: (settings: AppSettings) => void = () => undefined;
  vi.mocked(platform.fetchAppSettings).mockImplementation(
    () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  const rendered = renderFrame({ initialView: { kind: "audit" } });
  return {
    ...rendered,
    answer: (settings: AppSettings) => {
      answer(settings);
    },
  };
}

const auditTime = () => screen.getByTestId("audit-row").querySelector("time");

describe("settings applied across the frame", () => {
  it("writes times already on screen again when the settings arrive, and again after a save", async () => {
    const { user, answer, unmount } = renderAuditWithLateSettings();
    await screen.findByTestId("audit-row");
    // Until the settings are read: local time, ISO-like.
    expect(auditTime()).toHaveTextContent(formatTimeIn(Date.parse(ENTRY.at), DEFAULT_TIME_DISPLAY));

    answer(appSettings({ timeZone: "UTC", timestampFormat: "epoch_millis" }));
    await waitFor(() => {
      expect(auditTime()).toHaveTextContent(/^1767268800000$/);
    });

    await user.click(screen.getByTestId("sidebar-settings"));
    await user.selectOptions(await screen.findByTestId("settings-time-zone"), "other");
    await user.type(screen.getByTestId("settings-time-zone-name"), "Asia/Tokyo");
    await user.selectOptions(screen.getByTestId("settings-timestamp-format"), "rfc3339");
    await user.click(screen.getByTestId("settings-save"));
    await waitFor(() => {
      expect(timeDisplay()).toEqual({ timeZone: "Asia/Tokyo", format: "rfc3339" });
    });
    await user.click(screen.getByRole("button", { name: "Back" }));
    await waitFor(() => {
      expect(auditTime()).toHaveTextContent(/^2026-01-01T21:00:00\.000\+09:00$/);
    });

    unmount();
    expect(timeDisplay()).toEqual({ timeZone: "local", format: "iso" });
  });
});
