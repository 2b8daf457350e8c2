// The message export's form as plain data: where the file goes by default (the topic and
// the time, in the app's data directory; the file rules are components/exportFile.ts'), what
// is exported (the view's current result up to N messages, or a typed start and a maximum
// with the view's partition and filters), the request and target it becomes or what is
// wrong with it, and what the dialog says about it before and after.
import type { BrowseRequest } from "../../../bindings/BrowseRequest";
import type { ExportFormat } from "../../../bindings/ExportFormat";
import type { ExportSummary } from "../../../bindings/ExportSummary";
import type { ExportTarget } from "../../../bindings/ExportTarget";
import type { StartPosition } from "../../../bindings/StartPosition";
import { fileInDirectory, outputPathProblem, timestampedFileName } from "../../../components/exportFile";
import { formatBytes, formatCount, formatLocalTime, pluralize } from "../../../components/format";
import { startPosition, type SeekMode } from "../seek";

export type ExportScope = "current" | "range";

export const EXPORT_SCOPES: readonly ExportScope[] = ["current", "range"];

export const EXPORT_SCOPE_LABELS: Record<ExportScope, string> = {
  current: "The current result",
  range: "A range from a start I type",
};

/** Where a typed range starts ("Newest" is the current result's business). */
export type RangeStart = Exclude<SeekMode, "latest">;

export const RANGE_STARTS: readonly RangeStart[] = ["earliest", "offset", "timestamp"];

export const RANGE_START_LABELS: Record<RangeStart, string> = {
  earliest: "Oldest",
  offset: "From offset",
  timestamp: "From time",
};

/** The request's limit is a u32 in the backend. */
export const MAX_EXPORT_MESSAGES = 4_294_967_295;

export interface ExportForm {
  format: ExportFormat;
  scope: ExportScope;
  rangeStart: RangeStart;
  /** The offset or datetime-local value of a range that needs one. */
  rangeValue: string;
  /** The most messages to write, as typed. */
  limit: string;
  /** The output file as typed; null while it is the default for the format. */
  path: string | null;
}

export type ExportProblems = Partial<Record<"limit" | "rangeValue" | "path", string>>;

export function initialExportForm(defaultLimit: number): ExportForm {
  return { format: "jsonl", scope: "current", rangeStart: "earliest", rangeValue: "", limit: String(defaultLimit), path: null };
}

/** "demo.payments-20261130-014422.jsonl": the topic made file-safe, and the local time. */
export function exportFileName(topic: string, format: ExportFormat, now: Date): string {
  return timestampedFileName(topic, format, now, "messages");
}

/** The topic's timestamped file in the app's data directory. */
export function defaultExportPath(dataDir: string, topic: string, format: ExportFormat, now: Date): string {
  return fileInDirectory(dataDir, exportFileName(topic, format, now));
}

function parseLimit(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_EXPORT_MESSAGES ? value : null;
}

export type ExportJob = { ok: true; request: BrowseRequest; target: ExportTarget } | { ok: false; problems: ExportProblems };

/**
 * What the export asks of the backend. The current result is the view's own request (its
 * start — including where Older/Newer paged to —, partitions and filters) with the limit
 * typed; a range keeps the view's partitions and filters and starts where typed.
 */
export function toExportJob(view: BrowseRequest, form: ExportForm, path: string): ExportJob {
  const problems: ExportProblems = {};
  const limit = parseLimit(form.limit);
  if (limit === null) problems.limit = `Enter how many messages at most: a whole number from 1 to ${formatCount(MAX_EXPORT_MESSAGES)}.`;
  let start: StartPosition = view.start;
  if (form.scope === "range") {
    const typed = startPosition(form.rangeStart, form.rangeValue, 0);
    if (typed.ok) start = typed.start;
    else problems.rangeValue = typed.problem;
  }
  const output = path.trim();
  const pathProblem = outputPathProblem(output);
  if (pathProblem !== null) problems.path = pathProblem;
  if (limit === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, request: { ...view, start, limit }, target: { path: output, format: form.format } };
}

function describeStart(start: StartPosition): string {
  switch (start.kind) {
    case "latest":
      return `the newest ${formatCount(start.count)} of each partition`;
    case "earliest":
      return "from the oldest message";
    case "offset":
      return `from offset ${formatCount(start.offset)}`;
    case "timestamp":
      return `from ${formatLocalTime(start.millis)}`;
    case "after":
      return "from where the previous page ended";
    case "before":
      return "up to where the next page begins";
  }
}

/** "The newest 100 of each partition · all partitions · containing “x” · where value.a > 1". */
export function describeRequest(request: BrowseRequest): string {
  const partitions =
    request.partitions === null
      ? "all partitions"
      : `${request.partitions.length === 1 ? "partition" : "partitions"} ${request.partitions.join(", ")}`;
  const parts = [describeStart(request.start), partitions];
  if (request.filter.text !== null) parts.push(`containing “${request.filter.text}”`);
  const expression = request.filter.expression ?? null;
  if (expression !== null) parts.push(`where ${expression}`);
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Wrote 1,234 rows (2.3 MiB) to /data/x.jsonl." */
export function exportedText(summary: ExportSummary): string {
  return `Wrote ${pluralize(summary.rows, "row")} (${formatBytes(summary.bytes)}) to ${summary.path}.`;
}
