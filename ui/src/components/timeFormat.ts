// How moments are written across the app, in the time zone and timestamp format chosen in
// Settings. Deliberately a module-level configuration rather than a prop or a context:
// formatLocalTime is called from some 25 places — table cells, chart axes, tooltips, pure
// helpers such as the timeline's tick labels — and threading the choice through all of them
// would touch every one for a value that changes once in a blue moon. The settings hook sets
// it (configureTimeDisplay) when the settings load or change, and the app frame subscribes
// (subscribeTimeDisplay) and renders again, so what is on screen follows at once.
// formatTimeIn takes the configuration as an argument, for tests and for the Settings view's
// live example of a choice not yet saved.
import type { TimestampFormat } from "../bindings/TimestampFormat";
import { canonicalTimeZone, LOCAL_ZONE, wallClockAt, zoneOffsetMs } from "./timeZones";

export interface TimeDisplay {
  /** LOCAL_ZONE, "UTC" or an IANA zone. */
  timeZone: string;
  format: TimestampFormat;
}

export const DEFAULT_TIME_DISPLAY: TimeDisplay = { timeZone: LOCAL_ZONE, format: "iso" };

/**
 * How much of a moment to write. "full" and "seconds" are timestamps and take the chosen
 * format ("2026-01-01 13:05:09.042", "2026-01-01T13:05:09.042+01:00" or "1767269109042");
 * the shorter shapes label axes and lists and always read as a clock, in the chosen zone:
 * "minutes" "2026-01-01 13:05", "date" "2026-01-01", "clock" "13:05:09",
 * "clock-millis" "13:05:09.042", "clock-minutes" "13:05".
 */
export type TimeShape = "full" | "seconds" | "minutes" | "date" | "clock" | "clock-millis" | "clock-minutes";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "+01:00", "-03:30"; "Z" in UTC itself. */
function offsetText(millis: number, zone: string): string {
  if (zone === "UTC") return "Z";
  const minutes = Math.round(zoneOffsetMs(millis, zone) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const size = Math.abs(minutes);
  return `${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/** `millis` (ms since the epoch) written in `shape` under `display`. */
export function formatTimeIn(millis: number, display: TimeDisplay, shape: TimeShape = "full"): string {
  const timestamp = shape === "full" || shape === "seconds";
  if (timestamp && display.format === "epoch_millis") return String(Math.trunc(millis));
  const c = wallClockAt(millis, display.timeZone);
  const date = `${String(c.year)}-${pad(c.month)}-${pad(c.day)}`;
  const minutes = `${pad(c.hour)}:${pad(c.minute)}`;
  const seconds = `${minutes}:${pad(c.second)}`;
  const fraction = `.${pad(c.millisecond, 3)}`;
  switch (shape) {
    case "full":
    case "seconds": {
      const time = shape === "full" ? seconds + fraction : seconds;
      return display.format === "rfc3339" ? `${date}T${time}${offsetText(millis, display.timeZone)}` : `${date} ${time}`;
    }
    case "minutes":
      return `${date} ${minutes}`;
    case "date":
      return date;
    case "clock":
      return seconds;
    case "clock-millis":
      return seconds + fraction;
    case "clock-minutes":
      return minutes;
  }
}

let current: TimeDisplay = DEFAULT_TIME_DISPLAY;
const listeners = new Set<() => void>();

/**
 * Makes `display` the way moments are written from now on. A zone this engine does not
 * know (the backend's tz database may be newer) falls back to local time rather than
 * failing every timestamp on screen.
 */
export function configureTimeDisplay(display: TimeDisplay): void {
  const timeZone = display.timeZone === LOCAL_ZONE ? LOCAL_ZONE : (canonicalTimeZone(display.timeZone) ?? LOCAL_ZONE);
  if (timeZone === current.timeZone && display.format === current.format) return;
  current = { timeZone, format: display.format };
  for (const listener of listeners) listener();
}

/** The configuration in force (the same object until it changes). */
export function timeDisplay(): TimeDisplay {
  return current;
}

export function subscribeTimeDisplay(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * A moment as the user chose to read it (Settings: time zone and timestamp format); by
 * default local time, ISO-like and sortable: "2026-01-01 13:05:09.042". Not
 * toLocaleString: times are compared by eye, so every row has the same shape.
 */
export function formatLocalTime(millis: number, shape: TimeShape = "full"): string {
  return formatTimeIn(millis, current, shape);
}

