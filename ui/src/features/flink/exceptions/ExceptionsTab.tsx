// The job's Exceptions tab: what failed, newest first — when, the exception and its message,
// the root cause, the task and where it ran — each opening to its full stack trace and the
// exceptions that happened with it. Flink keeps a bounded history; when it dropped older
// entries, or could not say something, that is written out plainly.
import { useState } from "react";
import type { JobException } from "../../../bindings/JobException";
import { formatLocalTime, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { NOT_REPORTED } from "../format";
import { useJobExceptions } from "../queries";
import "./exceptions.css";

function ExceptionFacts({ entry }: { entry: JobException }) {
  const labels = Object.entries(entry.failureLabels);
  return (
    <dl className="exception-facts">
      {entry.rootCause !== null && entry.rootCause !== entry.message && (
        <>
          <dt>Root cause</dt>
          <dd className="mono" data-testid="exception-root-cause">
            {entry.rootCause}
          </dd>
        </>
      )}
      <dt>Task</dt>
      <dd>{entry.taskName ?? <span className="muted">{NOT_REPORTED}</span>}</dd>
      <dt>Location</dt>
      <dd className="mono">{entry.location ?? entry.taskManagerId ?? <span className="muted">{NOT_REPORTED}</span>}</dd>
      {labels.length > 0 && (
        <>
          <dt>Labels</dt>
          <dd>
            {labels.map(([key, value]) => (
              <span key={key} className="tag tag--muted">
                {key}: {value}
              </span>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

function ExceptionEntry({ entry, testId }: { entry: JobException; testId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={`exception-entry${open ? " exception-entry--open" : ""}`} data-testid={testId}>
      <button
        type="button"
        className="exception-entry__summary"
        data-testid="exception-toggle"
        aria-expanded={open}
        onClick={() => {
          setOpen((current) => !current);
        }}
      >
        <span aria-hidden="true" className="exception-entry__chevron">
          {open ? "▾" : "▸"}
        </span>
        <span className="mono exception-entry__time">{entry.timestamp === null ? NOT_REPORTED : formatLocalTime(entry.timestamp, "seconds")}</span>
        <span className="exception-entry__name" data-testid="exception-name">
          {entry.exceptionName}
        </span>
        <span className="exception-entry__message" data-testid="exception-message">
          {entry.message}
        </span>
      </button>
      <ExceptionFacts entry={entry} />
      {open && (
        <div className="exception-entry__more">
          <pre className="exception-stack" data-testid="exception-stack" tabIndex={0}>
            {entry.stacktrace}
          </pre>
          {entry.concurrent.length > 0 && (
            <div className="exception-concurrent">
              <h5>{pluralize(entry.concurrent.length, "concurrent exception")}</h5>
              <ol className="exception-list">
                {entry.concurrent.map((other, i) => (
                  <ExceptionEntry key={`${String(i)}-${other.exceptionName}`} entry={other} testId="exception-concurrent" />
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

export function ExceptionsTab({ connectionId, jobId }: { connectionId: string; jobId: string }) {
  const exceptions = useJobExceptions(connectionId, jobId);
  const data = exceptions.data;
  const refetch = () => {
    void exceptions.refetch();
  };
  return (
    <section className="exceptions-tab" data-testid="exceptions-tab" aria-label="Exceptions">
      <div className="toolbar">
        {data !== undefined && (
          <span className="muted" data-testid="exception-count" data-value={data.entries.length}>
            {pluralize(data.entries.length, "exception")}, newest first
          </span>
        )}
        <span className="toolbar__spacer" />
        <button type="button" className="button" data-testid="exceptions-refresh" disabled={exceptions.isFetching} onClick={refetch}>
          Refresh
        </button>
      </div>
      {exceptions.error !== null && <InlineError error={exceptions.error} onRetry={refetch} retrying={exceptions.isFetching} />}
      {data === undefined ? (
        exceptions.isPending && <Spinner label="Loading exceptions…" />
      ) : (
        <>
          {data.truncated && (
            <p className="flink-note flink-note--warning" data-testid="exceptions-truncated">
              Truncated: Flink keeps a bounded exception history and dropped older entries.
            </p>
          )}
          {data.notes.map((note) => (
            <p key={note} className="muted flink-note" data-testid="exceptions-note">
              {note}
            </p>
          ))}
          {data.entries.length === 0 ? (
            <p className="empty-state" data-testid="exceptions-empty">
              No exception: this job has not failed since it started.
            </p>
          ) : (
            <ol className="exception-list">
              {data.entries.map((entry, i) => (
                <ExceptionEntry key={`${String(entry.timestamp)}-${String(i)}`} entry={entry} testId="exception-entry" />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
