// How the Flink views write durations, rates, shares and watermarks: short, fixed shapes
// that read at a glance in a graph node ("1,234/s", "35%", "4.2 s behind"), and a dash for
// what Flink did not report — never a 0 that was not measured.
import { formatCount } from "../../components/format";

export const NOT_REPORTED = "–";

const ONE_DECIMAL = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COMPACT = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** "850 ms", "4.2 s", "3m 05s", "2h 07m", "3d 04h". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return NOT_REPORTED;
  if (ms < 1000) return `${String(Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${ONE_DECIMAL.format(seconds)} s`;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, "0");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${String(minutes)}m ${pad(seconds % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${String(hours)}h ${pad(minutes % 60)}m`;
  return `${String(Math.floor(hours / 24))}d ${pad(hours % 24)}h`;
}

/** A plain number the way the rates use it: one decimal below 10, grouped below 100,000, compact above. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NOT_REPORTED;
  const size = Math.abs(value);
  if (size > 0 && size < 10 && !Number.isInteger(value)) return ONE_DECIMAL.format(value);
  if (size < 100_000) return formatCount(value);
  return COMPACT.format(value);
}

/** "1,234/s". */
export function formatRate(perSecond: number | null): string {
  return perSecond === null ? NOT_REPORTED : `${formatNumber(perSecond)}/s`;
}

/** "35%", "<1%" for a share above 0 that rounds to 0. */
export function formatPercent(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return NOT_REPORTED;
  if (percent > 0 && percent < 0.5) return "<1%";
  return `${String(Math.round(percent))}%`;
}

/** Flink reports "no watermark yet" as Long.MIN_VALUE; the backend usually drops it already. */
export function hasWatermark(watermark: number | null): watermark is number {
  return watermark !== null && Number.isFinite(watermark) && watermark > 0;
}

/** Seconds the watermark is behind `now`, or null without one. */
export function watermarkLagSeconds(watermark: number | null, now: number): number | null {
  return hasWatermark(watermark) ? (now - watermark) / 1000 : null;
}

/** "4.2 s behind", "3m 05s behind", "ahead" (a watermark past the sample's clock). */
export function formatLag(seconds: number | null): string {
  if (seconds === null) return NOT_REPORTED;
  if (seconds < 0) return "ahead of now";
  return `${formatDuration(seconds * 1000)} behind`;
}
