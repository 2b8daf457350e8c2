// The Flink tab's job list: running jobs first, then finished ones, newest first (the
// backend's order), with a search over names, ids and states ("/" focuses it). Rows open
// the job on click or Enter; ↑/↓ move between rows.
import { useId, useMemo, useRef, type KeyboardEvent } from "react";
import type { JobSummary } from "../../../bindings/JobSummary";
import { formatCount, formatLocalTime, pluralize } from "../../../components/format";
import { useFocusShortcut } from "../../../components/useFocusShortcut";
import { formatDuration, NOT_REPORTED } from "../format";
import { JobState } from "../JobState";
import { TaskChips } from "../TaskChips";
import { matchesJob } from "./jobFilter";
import { moveFocusAmong } from "../../../components/keyboard";

interface JobListProps {
  jobs: readonly JobSummary[] | undefined;
  search: string;
  onSearchChange: (search: string) => void;
  onOpen: (jobId: string) => void;
}

function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  moveFocusAmong(event, "[data-testid='job-open']");
}

export function JobList({ jobs, search, onSearchChange, onOpen }: JobListProps) {
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  useFocusShortcut("/", searchRef);
  const visible = useMemo(() => (jobs ?? []).filter((job) => matchesJob(job, search)), [jobs, search]);

  return (
    <section className="job-list" data-testid="job-list" aria-label="Jobs">
      <div className="toolbar">
        <h4 className="job-list__title">Jobs</h4>
        <label className="visually-hidden" htmlFor={searchId}>
          Search jobs
        </label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          className="search-input"
          placeholder="Search name, id or state    /"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/"
          data-testid="job-search"
          value={search}
          disabled={jobs === undefined}
          onChange={(event) => {
            onSearchChange(event.target.value);
          }}
        />
        {jobs !== undefined && (
          <span className="muted job-list__count" data-testid="job-count" data-value={visible.length} aria-live="polite">
            {visible.length === jobs.length ? pluralize(jobs.length, "job") : `${formatCount(visible.length)} of ${pluralize(jobs.length, "job")}`}
          </span>
        )}
      </div>
      {jobs !== undefined &&
        (visible.length === 0 ? (
          <p className="empty-state" data-testid="jobs-empty">
            {jobs.length === 0 ? "This Flink cluster has no jobs." : `No job matches “${search.trim()}”.`}
          </p>
        ) : (
          <table className="data-table job-table" data-testid="job-table">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">State</th>
                <th scope="col">Started</th>
                <th scope="col" className="numeric">
                  Duration
                </th>
                <th scope="col">Tasks</th>
              </tr>
            </thead>
            <tbody onKeyDown={moveFocus}>
              {visible.map((job) => (
                <tr
                  key={job.id}
                  className="job-row"
                  data-testid="job-row"
                  data-job-id={job.id}
                  data-job-name={job.name}
                  data-state={job.state}
                  onClick={() => {
                    onOpen(job.id);
                  }}
                >
                  <td className="job-row__name">
                    <button
                      type="button"
                      className="link-button"
                      data-testid="job-open"
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(job.id);
                      }}
                    >
                      {job.name === "" ? job.id : job.name}
                    </button>
                    <span className="mono muted job-row__id">{job.id}</span>
                  </td>
                  <td>
                    <JobState state={job.state} />
                  </td>
                  <td className="mono">{job.startTime === null ? NOT_REPORTED : formatLocalTime(job.startTime, "seconds")}</td>
                  <td className="numeric">{formatDuration(job.durationMs)}</td>
                  <td>
                    <TaskChips tasks={job.tasks} total={job.tasksTotal} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
