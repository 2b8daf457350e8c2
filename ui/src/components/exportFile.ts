// The file an export writes to, shared by the exports that take a typed path (there is no
// file dialog): the formats and their labels, a default name with the local time in it in
// the app's data directory (the backend creates no directories, and this side does not
// know $HOME), the extension following the chosen format, and what is wrong with a typed
// path before the backend is asked.
import type { ExportFormat } from "../bindings/ExportFormat";

export const EXPORT_FORMATS: readonly ExportFormat[] = ["jsonl", "csv"];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  jsonl: "JSON lines (.jsonl)",
  csv: "CSV (.csv)",
};

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "demo.payments-20261130-014422.jsonl": `stem` made file-safe (never hidden; `fallback`
 * when nothing of it is left) and the local time, so names sort by when they were made.
 */
export function timestampedFileName(stem: string, format: ExportFormat, now: Date, fallback = "export"): string {
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || fallback;
  const stamp = `${String(now.getFullYear())}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${safe}-${stamp}.${format}`;
}

/** `name` in `dir`, joined with the separator the directory itself uses. */
export function fileInDirectory(dir: string, name: string): string {
  const separator = dir.includes("\\") && !dir.includes("/") ? "\\" : "/";
  return `${dir.endsWith(separator) ? dir : `${dir}${separator}`}${name}`;
}

/** A typed path ending in one format's extension takes the other's; any other path is kept. */
export function withFormatExtension(path: string, format: ExportFormat): string {
  return path.replace(/\.(jsonl|csv)$/i, `.${format}`);
}

/** A full path: "/…", "C:\…" or "\\server\…". A relative one would land wherever the app was started. */
function isAbsolute(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);
}

/** What is wrong with a typed output path (already trimmed), or null when it can be tried. */
export function outputPathProblem(path: string): string | null {
  if (path === "") return "Enter the file to write.";
  if (!isAbsolute(path)) return "Enter the full path of the file, starting at / (or a drive such as C:\\).";
  return null;
}
