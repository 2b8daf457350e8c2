// The Settings form and the AppSettings it becomes: the zone picked as Local, UTC or by
// name (checked, and spelled the engine's way), live-tail rows as typed, and the round
// trip from stored settings to form and back.
import { describe, expect, it } from "vitest";
import { appSettings } from "../../test/fixtures";
import { checkForm, formFromSettings, type SettingsForm } from "./settingsForm";

const form = (patch: Partial<SettingsForm> = {}): SettingsForm => ({ ...formFromSettings(appSettings()), ...patch });

describe("settings form", () => {
  it("round-trips stored settings", () => {
    for (const stored of [
      appSettings(),
      appSettings({ timeZone: "UTC", timestampFormat: "epoch_millis", refreshMs: null, theme: "dark" }),
      appSettings({ timeZone: "Europe/Amsterdam", pageSize: 250, tailRows: 50_000, defaultDecoders: { key: "hex", value: "json" } }),
    ]) {
      expect(checkForm(formFromSettings(stored))).toEqual({ ok: true, settings: stored });
    }
    expect(formFromSettings(appSettings({ timeZone: "Europe/Amsterdam" }))).toMatchObject({ zoneChoice: "other", zoneName: "Europe/Amsterdam" });
    expect(formFromSettings(appSettings({ timeZone: "UTC" }))).toMatchObject({ zoneChoice: "utc", zoneName: "" });
  });

  it("writes a typed zone the engine's way and refuses one it does not know", () => {
    expect(checkForm(form({ zoneChoice: "other", zoneName: " asia/tokyo " }))).toMatchObject({ ok: true, settings: { timeZone: "Asia/Tokyo" } });
    // A zone typed but not picked does not count.
    expect(checkForm(form({ zoneChoice: "utc", zoneName: "Asia/Tokyo" }))).toMatchObject({ ok: true, settings: { timeZone: "UTC" } });
    const unknown = checkForm(form({ zoneChoice: "other", zoneName: "Mars/Olympus_Mons" }));
    expect(unknown).toEqual({ ok: false, problems: { timeZone: expect.stringContaining("“Mars/Olympus_Mons” is not a time zone") as unknown } });
    expect(checkForm(form({ zoneChoice: "other", zoneName: "  " }))).toMatchObject({ ok: false, problems: { timeZone: expect.stringMatching(/^Type a time zone/) as unknown } });
    expect(checkForm(form({ zoneChoice: "other", zoneName: `Europe/${"x".repeat(70)}` })).ok).toBe(false);
  });

  it("takes live-tail rows as a whole number from 1,000 to 1,000,000", () => {
    expect(checkForm(form({ tailRows: " 1000 " }))).toMatchObject({ ok: true, settings: { tailRows: 1_000 } });
    expect(checkForm(form({ tailRows: "1000000" }))).toMatchObject({ ok: true, settings: { tailRows: 1_000_000 } });
    for (const tailRows of ["999", "1000001", "", "12.5", "-2000", "lots"]) {
      expect(checkForm(form({ tailRows })), tailRows).toMatchObject({ ok: false, problems: { tailRows: expect.stringMatching(/^Enter a whole number of rows from 1\D000 to 1\D000\D000/) as unknown } });
    }
  });

  it("says everything that is wrong at once", () => {
    const result = checkForm(form({ zoneChoice: "other", zoneName: "nowhere", tailRows: "5" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(["tailRows", "timeZone"]);
  });
});
