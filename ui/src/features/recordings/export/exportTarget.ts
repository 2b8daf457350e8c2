// Where an export goes by default and what it says when done. A HistoryServer archive is
// named after the job id next to the recording — the name Flink's HistoryServer looks for in
// its archive directory — and the records go to <recording>-records.jsonl.
import type { RecordingExportKind } from "../../../platform";
import { pluralize } from "../../../components/format";

export const EXPORT_KINDS: readonly RecordingExportKind[] = ["history_archive", "records_jsonl"];

export const EXPORT_LABELS: Record<RecordingExportKind, string> = {
  history_archive: "Flink HistoryServer archive",
  records_jsonl: "Captured records (JSON lines)",
};

function directoryOf(path: string): { dir: string; separator: string } {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut < 0 ? { dir: "", separator: "" } : { dir: path.slice(0, cut + 1), separator: path.charAt(cut) };
}

export function defaultExportPath(recordingPath: string, jobId: string, kind: RecordingExportKind): string {
  if (kind === "history_archive") return `${directoryOf(recordingPath).dir}${jobId}`;
  return `${recordingPath.replace(/\.slrec$/i, "")}-records.jsonl`;
}

export function exportedText(kind: RecordingExportKind, count: number, output: string): string {
  return kind === "history_archive"
    ? `Wrote ${pluralize(count, "archive entry", "archive entries")} to ${output}.`
    : `Wrote ${pluralize(count, "record")} to ${output}.`;
}
