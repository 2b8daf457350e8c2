// The job list's search: every word of it must appear in the job's name, id or state.
import type { JobSummary } from "../../../bindings/JobSummary";

export function matchesJob(job: JobSummary, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${job.name}\n${job.id}\n${job.state}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
