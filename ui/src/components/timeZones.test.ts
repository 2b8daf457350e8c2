// Wall clocks in named zones: the engine's spelling of a zone, offsets either side of a
// DST change, a wall-clock time read back to the moment it names, and local time through
// Date as before.
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, knownTimeZones, LOCAL_ZONE, wallClockAt, wallClockToMillis, zoneOffsetMs } from "./timeZones";

const HOUR = 3_600_000;

describe("canonicalTimeZone", () => {
  it("spells known zones the engine's way and refuses others", () => {
    expect(canonicalTimeZone("Europe/Amsterdam")).toBe("Europe/Amsterdam");
    expect(canonicalTimeZone(" europe/amsterdam ")).toBe("Europe/Amsterdam");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    // "local" is a choice of its own, not a zone name.
    expect(canonicalTimeZone(LOCAL_ZONE)).toBeNull();
  });

  it("lists the zones a picker offers", () => {
    expect(knownTimeZones()).toContain("Europe/Amsterdam");
  });
});

describe("zone offsets and wall clocks", () => {
  it("knows a zone's offset on either side of its DST change", () => {
    // Amsterdam moves to summer time at 01:00 UTC on 2026-03-29.
    const change = Date.UTC(2026, 2, 29, 1, 0, 0, 0);
    expect(zoneOffsetMs(change - 1, "Europe/Amsterdam")).toBe(HOUR);
    expect(zoneOffsetMs(change, "Europe/Amsterdam")).toBe(2 * HOUR);
    expect(zoneOffsetMs(change, "UTC")).toBe(0);
  });

  it("reads a wall-clock time in a zone back to the moment it names", () => {
    const clock = { year: 2026, month: 7, day: 1, hour: 14, minute: 5, second: 9, millisecond: 42 };
    expect(wallClockToMillis(clock, "Europe/Amsterdam")).toBe(Date.UTC(2026, 6, 1, 12, 5, 9, 42));
    expect(wallClockToMillis({ ...clock, month: 1 }, "Europe/Amsterdam")).toBe(Date.UTC(2026, 0, 1, 13, 5, 9, 42));
    expect(wallClockToMillis(clock, "UTC")).toBe(Date.UTC(2026, 6, 1, 14, 5, 9, 42));
    expect(wallClockAt(Date.UTC(2026, 6, 1, 12, 5, 9, 42), "Europe/Amsterdam")).toEqual(clock);
  });

  it("uses Date's local time for the local zone", () => {
    const at = new Date(2026, 2, 4, 5, 6, 7, 8).getTime();
    expect(wallClockAt(at, LOCAL_ZONE)).toEqual({ year: 2026, month: 3, day: 4, hour: 5, minute: 6, second: 7, millisecond: 8 });
    expect(wallClockToMillis({ year: 2026, month: 3, day: 4, hour: 5, minute: 6, second: 7, millisecond: 8 }, LOCAL_ZONE)).toBe(at);
    expect(zoneOffsetMs(at, LOCAL_ZONE)).toBe(-new Date(at).getTimezoneOffset() * 60_000);
  });
});
