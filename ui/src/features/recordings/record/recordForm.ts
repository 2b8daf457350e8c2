// The "Record…" form as plain data: its defaults (a file named after the job and the time in
// the app's data directory — the browser side does not know $HOME, and the backend creates
// no directories — sampled every second for a minute, records masked for support), the
// topics typed as lists, and the request it makes, or what is wrong with it.
import type { RecordedTopic } from "../../../bindings/RecordedTopic";
import type { RecordRequest } from "../../../bindings/RecordRequest";
import type { Role } from "../../../bindings/Role";

export interface RecordForm {
  path: string;
  intervalSeconds: string;
  durationSeconds: string;
  untilStopped: boolean;
  /** The job's source topics, comma- or line-separated. */
  inputTopics: string;
  /** Its sink topics. */
  outputTopics: string;
  maskedFor: Role;
}

export type RecordFormErrors = Partial<Record<"path" | "intervalSeconds" | "durationSeconds", string>>;

/** The backend's lowest sampling interval. */
export const MIN_INTERVAL_SECONDS = 0.2;
/** The longest duration the request carries (u32 milliseconds, about 49 days). */
const MAX_DURATION_MS = 4_294_967_295;

const pad = (n: number) => String(n).padStart(2, "0");

/** "OrdersPipeline-20261130-014422.slrec": the job's name made file-safe, and the local time. */
export function recordingFileName(jobName: string, now: Date): string {
  const safe = jobName.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "job";
  const stamp = `${String(now.getFullYear())}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${safe}-${stamp}.slrec`;
}

/** The file in `dataDir`, joined with the separator the directory itself uses. */
export function defaultRecordingPath(dataDir: string, jobName: string, now: Date): string {
  const separator = dataDir.includes("\\") && !dataDir.includes("/") ? "\\" : "/";
  const dir = dataDir.endsWith(separator) ? dataDir : `${dataDir}${separator}`;
  return `${dir}${recordingFileName(jobName, now)}`;
}

export function initialRecordForm(dataDir: string, jobName: string, now: Date): RecordForm {
  return {
    path: defaultRecordingPath(dataDir, jobName, now),
    intervalSeconds: "1",
    durationSeconds: "60",
    untilStopped: false,
    inputTopics: "",
    outputTopics: "",
    maskedFor: "support",
  };
}

/** Topic names from a typed list: split at commas and white space, each once. */
export function parseTopics(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((name) => name !== ""))];
}

function seconds(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}

export function validateRecordForm(form: RecordForm): RecordFormErrors {
  const errors: RecordFormErrors = {};
  if (form.path.trim() === "") errors.path = "Name the file to write the recording to.";
  const interval = seconds(form.intervalSeconds);
  if (interval === null || interval < MIN_INTERVAL_SECONDS) {
    errors.intervalSeconds = `Sample at most every ${String(MIN_INTERVAL_SECONDS)} s: give a number of seconds of at least that.`;
  }
  if (!form.untilStopped) {
    const duration = seconds(form.durationSeconds);
    if (duration === null || duration <= 0) errors.durationSeconds = "Give how many seconds to record, or record until stopped.";
    else if (duration * 1000 > MAX_DURATION_MS) errors.durationSeconds = "At most 49 days: record until stopped instead.";
  }
  return errors;
}

export function recordRequest(jobId: string, form: RecordForm): RecordRequest {
  const topics: RecordedTopic[] = [
    ...parseTopics(form.inputTopics).map((topic) => ({ topic, direction: "input" })),
    ...parseTopics(form.outputTopics).map((topic) => ({ topic, direction: "output" })),
  ];
  return {
    jobId,
    path: form.path.trim(),
    intervalMs: Math.round((seconds(form.intervalSeconds) ?? 1) * 1000),
    durationMs: form.untilStopped ? null : Math.round((seconds(form.durationSeconds) ?? 60) * 1000),
    topics,
    maskedFor: form.maskedFor,
  };
}
