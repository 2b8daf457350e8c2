// Moments as Settings say to write them: each timestamp format, each shape, local time
// byte-identical to the format the app always had, UTC and IANA zones (with their summer
// and winter offsets), and the module-level configuration the views read.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  configureTimeDisplay,
  DEFAULT_TIME_DISPLAY,
  formatLocalTime,
  formatTimeIn,
  subscribeTimeDisplay,
  timeDisplay,
  type TimeDisplay,
  type TimeShape,
} from "./timeFormat";

afterEach(() => {
  configureTimeDisplay(DEFAULT_TIME_DISPLAY);
});

/** 2026-07-01 12:05:09.042 UTC: summer in the northern hemisphere. */
const SUMMER = Date.UTC(2026, 6, 1, 12, 5, 9, 42);
/** 2026-01-01 00:00:00.007 UTC: winter, and a new day in Amsterdam an hour before UTC's. */
const WINTER = Date.UTC(2026, 0, 1, 0, 0, 0, 7);

const utc = (format: TimeDisplay["format"]): TimeDisplay => ({ timeZone: "UTC", format });
const zone = (timeZone: string, format: TimeDisplay["format"] = "iso"): TimeDisplay => ({ timeZone, format });

describe("formatTimeIn", () => {
  it("writes local time by default exactly as the app always has", () => {
    const at = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(formatTimeIn(at, DEFAULT_TIME_DISPLAY)).toBe("2026-01-02 03:04:05.006");
    expect(formatLocalTime(at)).toBe("2026-01-02 03:04:05.006");
  });

  it("writes each timestamp format", () => {
    expect(formatTimeIn(SUMMER, utc("iso"))).toBe("2026-07-01 12:05:09.042");
    expect(formatTimeIn(SUMMER, utc("rfc3339"))).toBe("2026-07-01T12:05:09.042Z");
    expect(formatTimeIn(SUMMER, utc("epoch_millis"))).toBe("1782907509042");
    // The epoch does not depend on the zone.
    expect(formatTimeIn(SUMMER, zone("Asia/Tokyo", "epoch_millis"))).toBe("1782907509042");
  });

  it("writes a moment in an IANA zone with its offset of the day, summer and winter", () => {
    expect(formatTimeIn(SUMMER, zone("Europe/Amsterdam"))).toBe("2026-07-01 14:05:09.042");
    expect(formatTimeIn(SUMMER, zone("Europe/Amsterdam", "rfc3339"))).toBe("2026-07-01T14:05:09.042+02:00");
    expect(formatTimeIn(WINTER, zone("Europe/Amsterdam", "rfc3339"))).toBe("2026-01-01T01:00:00.007+01:00");
    expect(formatTimeIn(WINTER, zone("America/New_York", "rfc3339"))).toBe("2025-12-31T19:00:00.007-05:00");
    expect(formatTimeIn(SUMMER, zone("America/New_York", "rfc3339"))).toBe("2026-07-01T08:05:09.042-04:00");
    expect(formatTimeIn(SUMMER, zone("Asia/Kolkata", "rfc3339"))).toBe("2026-07-01T17:35:09.042+05:30");
    expect(formatTimeIn(WINTER, zone("America/St_Johns", "rfc3339"))).toBe("2025-12-31T20:30:00.007-03:30");
    // Midnight is 00, never 24.
    expect(formatTimeIn(Date.UTC(2026, 0, 1, 23, 0, 0, 0), zone("Europe/Amsterdam"))).toBe("2026-01-02 00:00:00.000");
  });

  it("writes UTC and a zone differently for the same moment", () => {
    expect(formatTimeIn(WINTER, utc("iso"))).toBe("2026-01-01 00:00:00.007");
    expect(formatTimeIn(WINTER, zone("Europe/Amsterdam"))).toBe("2026-01-01 01:00:00.007");
  });

  it.each<[TimeShape, string, string]>([
    ["full", "2026-07-01 14:05:09.042", "2026-07-01T14:05:09.042+02:00"],
    ["seconds", "2026-07-01 14:05:09", "2026-07-01T14:05:09+02:00"],
    ["minutes", "2026-07-01 14:05", "2026-07-01 14:05"],
    ["date", "2026-07-01", "2026-07-01"],
    ["clock", "14:05:09", "14:05:09"],
    ["clock-millis", "14:05:09.042", "14:05:09.042"],
    ["clock-minutes", "14:05", "14:05"],
  ])("writes the %s shape (ISO, RFC 3339)", (shape, iso, rfc3339) => {
    expect(formatTimeIn(SUMMER, zone("Europe/Amsterdam", "iso"), shape)).toBe(iso);
    expect(formatTimeIn(SUMMER, zone("Europe/Amsterdam", "rfc3339"), shape)).toBe(rfc3339);
  });

  it("writes timestamps as epoch millis but keeps axis and list labels a clock", () => {
    const display = zone("Europe/Amsterdam", "epoch_millis");
    expect(formatTimeIn(SUMMER, display, "seconds")).toBe("1782907509042");
    expect(formatTimeIn(SUMMER, display, "clock")).toBe("14:05:09");
    expect(formatTimeIn(SUMMER, display, "date")).toBe("2026-07-01");
  });
});

describe("the configured time display", () => {
  it("is what formatLocalTime writes with, and tells subscribers when it changes", () => {
    const listener = vi.fn();
    const unsubscribe = subscribeTimeDisplay(listener);
    configureTimeDisplay({ timeZone: "Europe/Amsterdam", format: "rfc3339" });
    expect(formatLocalTime(SUMMER)).toBe("2026-07-01T14:05:09.042+02:00");
    expect(formatLocalTime(SUMMER, "clock")).toBe("14:05:09");
    expect(listener).toHaveBeenCalledTimes(1);

    // The same again is no change: no render for nothing.
    const before = timeDisplay();
    configureTimeDisplay({ timeZone: "Europe/Amsterdam", format: "rfc3339" });
    expect(timeDisplay()).toBe(before);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    configureTimeDisplay({ timeZone: "UTC", format: "epoch_millis" });
    expect(formatLocalTime(SUMMER)).toBe("1782907509042");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("writes a zone the way the engine spells it, and falls back to local time for one it does not know", () => {
    configureTimeDisplay({ timeZone: "europe/amsterdam", format: "iso" });
    expect(timeDisplay().timeZone).toBe("Europe/Amsterdam");
    configureTimeDisplay({ timeZone: "Mars/Olympus_Mons", format: "iso" });
    expect(timeDisplay()).toEqual({ timeZone: "local", format: "iso" });
    const at = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(formatLocalTime(at)).toBe("2026-01-02 03:04:05.006");
  });
});
