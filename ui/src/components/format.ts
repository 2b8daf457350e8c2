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
