// The time axis' ticks for the span in view: a round step (100 ms … days) giving about one
// tick per TICK_SPACING_PX of axis, ticks on its multiples in the time zone moments are
// read in (Settings; so minutes fall on :00 and days on midnight), a label as precise as the step needs, and only the ticks whose
// label has room between the axis' start and end labels. Pure; the axis measures and draws.
import { formatLocalTime } from "../../../components/format";
import { timeDisplay } from "../../../components/timeFormat";
import { zoneOffsetMs } from "../../../components/timeZones";
import { fractionAt, type TimeSpan } from "./timelineModel";
import { spanOf } from "./timelineView";

export const TARGET_TICKS = 6;
/** About one tick per this many pixels of axis. */
export const TICK_SPACING_PX = 110;
/** A label's width per character at the axis' 11.5 px tabular figures, rounded up. */
export const CHAR_PX = 7;
/** Clear space kept on either side of a label. */
const GAP_PX = 8;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  100,
  200,
  500,
  ...[1, 2, 5, 10, 15, 30].map((n) => n * SECOND),
  ...[1, 2, 5, 10, 15, 30].map((n) => n * MINUTE),
  ...[1, 2, 3, 6, 12, 24].map((n) => n * HOUR),
];

/** The smallest round step giving at most `target` ticks over `spanMs` (whole days beyond). */
export function tickStep(spanMs: number, target = TARGET_TICKS): number {
  return STEPS.find((step) => spanMs / step <= target) ?? Math.ceil(spanMs / target / DAY) * DAY;
}

/** The tick times strictly inside `view`, on multiples of `step` in the zone times are read in. */
export function ticksIn(view: TimeSpan, step = tickStep(spanOf(view))): number[] {
  const offset = zoneOffsetMs(view.start, timeDisplay().timeZone);
  const ticks: number[] = [];
  for (let at = Math.floor((view.start + offset) / step + 1) * step - offset; at < view.end; at += step) ticks.push(at);
  return ticks;
}

/** "13:05" for minute steps, "13:05:10" for seconds, "13:05:10.200" below; the date for days. */
export function tickLabel(at: number, step: number): string {
  if (step >= DAY) return formatLocalTime(at, "date");
  if (step >= MINUTE) return formatLocalTime(at, "clock-minutes");
  if (step >= SECOND) return formatLocalTime(at, "clock");
  return formatLocalTime(at, "clock-millis");
}

export interface AxisTick {
  at: number;
  /** Along the axis, 0 (start) to 1 (end). */
  fraction: number;
  label: string;
}

/** The ticks to draw on an axis `widthPx` wide whose ends are labelled `startLabel`, `endLabel`. */
export function axisTicks(view: TimeSpan, widthPx: number, startLabel: string, endLabel: string): AxisTick[] {
  const step = tickStep(spanOf(view), Math.max(2, Math.floor(widthPx / TICK_SPACING_PX)));
  const first = startLabel.length * CHAR_PX + GAP_PX;
  const last = widthPx - endLabel.length * CHAR_PX - GAP_PX;
  return ticksIn(view, step)
    .map((at) => ({ at, fraction: fractionAt(view, at), label: tickLabel(at, step) }))
    .filter((tick) => tick.fraction * widthPx >= first && tick.fraction * widthPx + tick.label.length * CHAR_PX <= last);
}
