// Wall-clock arithmetic in a time zone chosen by name: "local" (the machine's zone, through
// Date's own getters, so the default output stays exactly what it always was), "UTC" or an
// IANA zone ("Europe/Amsterdam", through Intl.DateTimeFormat.formatToParts). Knows nothing
// of settings or of how a moment is written; timeFormat.ts builds on it.

/** The zone name that means "whatever zone the machine is in". */
export const LOCAL_ZONE = "local";

/** A moment as a clock on the wall shows it; month 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The machine's zone as the engine names it ("Europe/Amsterdam"); "UTC" when it names none. */
export function detectedTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The engine's spelling of a zone it knows ("europe/amsterdam" → "Europe/Amsterdam"), or
 * null for a name it does not know. The engine's tz database is the judge here; the
 * backend checks the name again on save.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.toLowerCase() === LOCAL_ZONE) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every IANA zone the engine can list, for a picker; empty where it cannot list them. */
export function knownTimeZones(): readonly string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

// One formatter per zone: building one costs far more than using it, and tables format
// hundreds of moments per render.
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      // h23, not hour12: false, which some engines answer with "24" for midnight.
      hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const millisOf = (millis: number) => ((millis % 1000) + 1000) % 1000;

/** The wall clock in `zone` at `millis` (ms since the epoch). `zone` must be LOCAL_ZONE or known. */
export function wallClockAt(millis: number, zone: string): WallClock {
  if (zone === LOCAL_ZONE) {
    const d = new Date(millis);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
      millisecond: d.getMilliseconds(),
    };
  }
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: millisOf(millis) };
  for (const { type, value } of partsFormatter(zone).formatToParts(millis)) {
    if (type === "year" || type === "month" || type === "day" || type === "hour" || type === "minute" || type === "second") {
      clock[type] = Number(value);
    }
  }
  return clock;
}

/** The clock read as if it were UTC, in ms since the epoch. */
function clockAsUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond);
}

/** How far `zone`'s clocks are ahead of UTC at `millis`, in ms (east positive). */
export function zoneOffsetMs(millis: number, zone: string): number {
  if (zone === LOCAL_ZONE) return -new Date(millis).getTimezoneOffset() * 60_000;
  return clockAsUtc(wallClockAt(millis, zone)) - millis;
}

/**
 * The moment a wall clock in `zone` shows `clock`. In a DST gap or overlap it is the
 * engine's pick for local time, and for named zones the one whose offset matches after a
 * second look (so a time an hour into summer time reads as summer time).
 */
export function wallClockToMillis(clock: WallClock, zone: string): number {
  if (zone === LOCAL_ZONE) {
    const { year, month, day, hour, minute, second, millisecond } = clock;
    return new Date(year, month - 1, day, hour, minute, second, millisecond).getTime();
  }
  const asUtc = clockAsUtc(clock);
  const guess = asUtc - zoneOffsetMs(asUtc, zone);
  return asUtc - zoneOffsetMs(guess, zone);
}
