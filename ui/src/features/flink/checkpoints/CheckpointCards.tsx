// The checkpoint counts (total, completed, failed, in progress, restored) and the latest
// completed, failed and savepoint, and the last restore, each as a card.
import type { CheckpointOverview } from "../../../bindings/CheckpointOverview";
import type { CheckpointSummary } from "../../../bindings/CheckpointSummary";
import { formatBytes, formatCount, formatLocalTime } from "../../../components/format";
import { formatDuration, NOT_REPORTED } from "../format";

function when(millis: number | null): string {
  return millis === null ? NOT_REPORTED : formatLocalTime(millis, "seconds");
}

function LatestCard({ title, checkpoint, testId }: { title: string; checkpoint: CheckpointSummary | null; testId: string }) {
  return (
    <div className={`checkpoint-card${checkpoint?.status === "FAILED" ? " checkpoint-card--failed" : ""}`} data-testid={testId}>
      <h5>{title}</h5>
      {checkpoint === null ? (
        <p className="muted">none yet</p>
      ) : (
        <dl>
          <dt>Id</dt>
          <dd className="mono" data-testid={`${testId}-id`}>
            {checkpoint.id}
          </dd>
          <dt>Triggered</dt>
          <dd>{when(checkpoint.triggerTimestamp)}</dd>
          <dt>Duration</dt>
          <dd>{formatDuration(checkpoint.endToEndDurationMs)}</dd>
          <dt>Size</dt>
          <dd>{checkpoint.checkpointedSize === null ? NOT_REPORTED : formatBytes(checkpoint.checkpointedSize)}</dd>
          {checkpoint.externalPath !== null && (
            <>
              <dt>Path</dt>
              <dd className="mono checkpoint-card__path" title={checkpoint.externalPath}>
                {checkpoint.externalPath}
              </dd>
            </>
          )}
          {checkpoint.failureMessage !== null && (
            <>
              <dt>Failure</dt>
              <dd className="checkpoint-card__failure">{checkpoint.failureMessage}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

export function CheckpointCards({ overview }: { overview: CheckpointOverview }) {
  const counts: [string, number, string][] = [
    ["Total", overview.total, "checkpoints-total"],
    ["Completed", overview.completed, "checkpoints-completed"],
    ["Failed", overview.failed, "checkpoints-failed"],
    ["In progress", overview.inProgress, "checkpoints-in-progress"],
    ["Restored", overview.restored, "checkpoints-restored"],
  ];
  return (
    <>
      <dl className="fact-cards">
        {counts.map(([label, value, testId]) => (
          <div key={testId} className={`fact-card${testId === "checkpoints-failed" && value > 0 ? " fact-card--warning" : ""}`}>
            <dt>{label}</dt>
            <dd data-testid={testId} data-value={value}>
              {formatCount(value)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="checkpoint-cards">
        <LatestCard title="Latest completed" checkpoint={overview.latestCompleted} testId="latest-completed" />
        <LatestCard title="Latest failed" checkpoint={overview.latestFailed} testId="latest-failed" />
        <LatestCard title="Latest savepoint" checkpoint={overview.latestSavepoint} testId="latest-savepoint" />
        <div className="checkpoint-card" data-testid="latest-restore">
          <h5>Last restore</h5>
          {overview.latestRestoredId === null ? (
            <p className="muted">never restored</p>
          ) : (
            <dl>
              <dt>From</dt>
              <dd className="mono">{overview.latestRestoredId}</dd>
              <dt>At</dt>
              <dd>{when(overview.latestRestoreTimestamp)}</dd>
            </dl>
          )}
        </div>
      </div>
    </>
  );
}
