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

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A moment in the user's local time, ISO-like and sortable: "2026-01-01 13:05:09.042".
 * (Not toLocaleString: message times are compared by eye, so every row has the same shape.)
 */
export function formatLocalTime(millis: number): string {
  const d = new Date(millis);
  return (
    `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}
