// The settings commands through Tauri's IPC mock: names and argument shapes the Rust
// handlers take, the stored value passed back, and invalid input passed on as an AppError.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { AppSettings } from "../bindings/AppSettings";
import { fetchAppSettings, saveAppSettings } from "./settings";

afterEach(() => {
  clearMocks();
});

const settings: AppSettings = {
  theme: "dark",
  timeZone: "Europe/Amsterdam",
  timestampFormat: "rfc3339",
  refreshMs: null,
  pageSize: 500,
  tailRows: 50_000,
  defaultDecoders: { key: "utf-8", value: "json" },
};

describe("settings commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return settings;
    });

    await expect(fetchAppSettings()).resolves.toEqual(settings);
    await expect(saveAppSettings(settings)).resolves.toEqual(settings);

    expect(calls).toEqual([
      ["app_settings", {}],
      ["save_app_settings", { settings }],
    ]);
  });

  it("rejects with the backend's invalid_input as-is", async () => {
    const refusal = { kind: "invalid_input", message: "Page size 5 is out of range: choose 10 to 10,000 messages." };
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw refusal;
    });
    await expect(saveAppSettings({ ...settings, pageSize: 5 })).rejects.toEqual(refusal);
  });
});
