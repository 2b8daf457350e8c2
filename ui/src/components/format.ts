// Number formatting for counts shown to people (messages, offsets, partitions): grouped
// in the user's locale, so 1234567 reads "1,234,567" (or "1.234.567", "1 234 567").
// Grouping is forced ("always"): under a C/POSIX locale — which a desktop session can
// have, and the e2e window under Xvfb does — WebKit's default would print "1234567".
const COUNT_FORMAT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, useGrouping: "always" });

export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** "1 partition", "3 partitions" — the count formatted, the noun agreeing with it. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

const BYTE_UNITS = ["KiB", "MiB", "GiB", "TiB"] as const;
const ONE_DECIMAL = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "512 B", "1.5 KiB", "64.0 KiB", "2.3 MiB": binary units, one decimal above 1 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${ONE_DECIMAL.format(value)} ${BYTE_UNITS[unit] ?? "TiB"}`;
}

// Moments are written by timeFormat.ts (time zone and format from Settings); re-exported
// here because this is where the views import their formatters from.
export { formatLocalTime, type TimeShape } from "./timeFormat";
