// An audit entry's detail (JSON, written by the backend) in a few words for the table:
// the topic or group first, then counts and positions, "masked" when the read was.
// Keys not listed here stay out of the cell; the whole JSON is the cell's tooltip.

const SHOWN_KEYS = ["topic", "group", "rows", "partition", "offset", "limit", "format", "sha256"] as const;

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** "topic demo.payments · limit 100 · masked"; the raw text when it is not a JSON object. */
export function summarizeDetail(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return detail;
  const fields = parsed as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of SHOWN_KEYS) {
    const value = scalar(fields[key]);
    if (value !== null) parts.push(`${key} ${value}`);
  }
  if (fields["masked"] === true) parts.push("masked");
  return parts.join(" · ");
}

/** The detail as indented JSON for the tooltip; the raw text when it is not JSON. */
export function prettyDetail(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}
