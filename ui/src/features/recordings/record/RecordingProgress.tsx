// A running recording, after every poll: how long it has run (against the duration asked
// for, when there is one), polls and their REST cost, samples, events and records written,
// records dropped because the capture fell behind, the file's size and the job's state.
import type { RecordingProgress as Progress } from "../../../bindings/RecordingProgress";
import { formatBytes, formatCount } from "../../../components/format";
import { formatDuration } from "../../flink/format";
import { JobState } from "../../flink/JobState";

interface RecordingProgressProps {
  progress: Progress | null;
  /** The duration asked for; null: until stopped. */
  durationMs: number | null;
}

export function RecordingProgress({ progress, durationMs }: RecordingProgressProps) {
  const elapsed = progress?.elapsedMs ?? 0;
  return (
    <div className="recording-progress" data-testid="recording-progress" data-polls={progress?.polls ?? 0} role="status">
      {durationMs === null ? (
        <progress className="recording-progress__bar" aria-label="Recording until stopped" />
      ) : (
        <progress className="recording-progress__bar" aria-label="Recorded so far" value={Math.min(elapsed, durationMs)} max={durationMs} />
      )}
      {progress === null ? (
        <p className="muted">Starting: reading the job…</p>
      ) : (
        <dl className="recording-progress__facts">
          <div>
            <dt>Elapsed</dt>
            <dd data-testid="progress-elapsed">
              {formatDuration(elapsed)}
              {durationMs !== null && <span className="muted"> of {formatDuration(durationMs)}</span>}
            </dd>
          </div>
          <div>
            <dt>Polls</dt>
            <dd data-testid="progress-polls">
              {formatCount(progress.polls)} <span className="muted">({formatCount(progress.requests)} requests each)</span>
            </dd>
          </div>
          <div>
            <dt>Samples</dt>
            <dd data-testid="progress-samples">{formatCount(progress.samples)}</dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd data-testid="progress-events">{formatCount(progress.events)}</dd>
          </div>
          <div>
            <dt>Records</dt>
            <dd data-testid="progress-records">{formatCount(progress.records)}</dd>
          </div>
          <div>
            <dt>Dropped</dt>
            <dd data-testid="progress-dropped" className={progress.droppedRecords > 0 ? "recording-progress__dropped" : undefined}>
              {formatCount(progress.droppedRecords)}
            </dd>
          </div>
          <div>
            <dt>File</dt>
            <dd data-testid="progress-file">{formatBytes(progress.fileBytes)}</dd>
          </div>
          <div>
            <dt>Job</dt>
            <dd>
              <JobState state={progress.jobState} />
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
