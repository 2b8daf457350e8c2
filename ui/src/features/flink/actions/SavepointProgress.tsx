// A started job action until it is done: a savepoint is asked about every second, with a
// progress bar and the seconds so far, until Flink says COMPLETED (the savepoint's location,
// copyable) or FAILED (Flink's reason). A cancel has nothing to follow.
import { useState } from "react";
import type { SavepointStatus } from "../../../bindings/SavepointStatus";
import { InlineError } from "../../../components/InlineError";
import { copyText } from "../../../platform";
import { useSavepointStatus } from "../queries";

interface SavepointProgressProps {
  connectionId: string;
  jobId: string;
  started: SavepointStatus;
  /** Date.now() when the action was sent. */
  startedAt: number;
}

function Location({ location }: { location: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <div className="savepoint-location">
      <code data-testid="savepoint-location">{location}</code>
      <button
        type="button"
        className="button"
        data-testid="savepoint-copy"
        onClick={() => {
          copyText(location).then(
            () => {
              setCopied("yes");
            },
            () => {
              setCopied("no");
            },
          );
        }}
      >
        {copied === "yes" ? "Copied" : "Copy"}
      </button>
      {copied === "no" && <span className="muted">The clipboard refused: select the path and copy it.</span>}
    </div>
  );
}

export function SavepointProgress({ connectionId, jobId, started, startedAt }: SavepointProgressProps) {
  const status = useSavepointStatus(connectionId, jobId, started.triggerId);
  if (started.triggerId === null) {
    return (
      <p className="job-action-done" role="status" data-testid="job-action-done" data-status={started.status}>
        Requested: Flink is cancelling the job ({started.status}).
      </p>
    );
  }
  const current = status.data ?? started;
  const seconds = Math.max(0, Math.round(((status.data === undefined ? startedAt : status.dataUpdatedAt) - startedAt) / 1000));
  return (
    <div className="savepoint-progress" data-testid="savepoint-progress" data-status={current.status} role="status">
      {current.status === "IN_PROGRESS" && (
        <>
          <progress className="savepoint-progress__bar" data-testid="savepoint-progress-bar" aria-label="Savepoint in progress" />
          <p>
            Savepoint in progress… <span className="muted">{seconds} s</span>
          </p>
        </>
      )}
      {current.status === "COMPLETED" && (
        <>
          <p className="savepoint-progress__done">Savepoint completed{current.location === null ? "." : ":"}</p>
          {current.location !== null && <Location location={current.location} />}
        </>
      )}
      {current.status === "FAILED" && (
        <p className="savepoint-progress__failed" data-testid="savepoint-failure">
          The savepoint failed: {current.failure ?? "Flink gave no reason."}
        </p>
      )}
      {!["IN_PROGRESS", "COMPLETED", "FAILED"].includes(current.status) && <p>Flink says: {current.status}</p>}
      {status.error !== null && (
        <InlineError
          error={status.error}
          onRetry={() => {
            void status.refetch();
          }}
          retrying={status.isFetching}
        />
      )}
    </div>
  );
}
