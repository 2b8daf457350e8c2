// Ids the UI gives a page scan or a live tail, so it can cancel exactly that one.
// getRandomValues rather than randomUUID: the latter needs a secure context.
export function newScanId(prefix = "scan"): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
