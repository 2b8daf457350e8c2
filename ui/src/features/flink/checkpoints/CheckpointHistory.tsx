// The checkpoint history, newest first: id, status, savepoint or not, trigger time, end-to-end
// duration, checkpointed size, acknowledged subtasks and the failure. A row opens that
// checkpoint's per-vertex figures (click or Enter; ↑/↓ move between rows).
import type { KeyboardEvent } from "react";
import type { CheckpointSummary } from "../../../bindings/CheckpointSummary";
import { formatBytes, formatLocalTime } from "../../../components/format";
import { formatDuration, NOT_REPORTED } from "../format";
import { JobState } from "../JobState";
import { moveFocusAmong } from "../../../components/keyboard";

interface CheckpointHistoryProps {
  history: readonly CheckpointSummary[];
  selected: number | null;
  onSelect: (checkpointId: number) => void;
}

function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  moveFocusAmong(event, "[data-testid='checkpoint-open']");
}

export function CheckpointHistory({ history, selected, onSelect }: CheckpointHistoryProps) {
  if (history.length === 0) return <p className="muted" data-testid="checkpoints-empty">No checkpoint has been taken yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table checkpoint-table" data-testid="checkpoint-table">
        <thead>
          <tr>
            <th scope="col" className="numeric">Id</th>
            <th scope="col">Status</th>
            <th scope="col">Type</th>
            <th scope="col">Triggered</th>
            <th scope="col" className="numeric">Duration</th>
            <th scope="col" className="numeric">Size</th>
            <th scope="col" className="numeric">Acknowledged</th>
            <th scope="col">Failure</th>
          </tr>
        </thead>
        <tbody onKeyDown={moveFocus}>
          {history.map((checkpoint) => (
            <tr
              key={checkpoint.id}
              className={`checkpoint-row${checkpoint.id === selected ? " checkpoint-row--selected" : ""}`}
              data-testid="checkpoint-row"
              data-checkpoint-id={checkpoint.id}
              data-status={checkpoint.status}
              aria-selected={checkpoint.id === selected}
              onClick={() => {
                onSelect(checkpoint.id);
              }}
            >
              <td className="numeric">
                <button
                  type="button"
                  className="link-button mono"
                  data-testid="checkpoint-open"
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelect(checkpoint.id);
                  }}
                >
                  {checkpoint.id}
                </button>
              </td>
              <td>
                <JobState state={checkpoint.status} />
              </td>
              <td>{checkpoint.isSavepoint ? <span className="tag tag--accent">savepoint</span> : "checkpoint"}</td>
              <td className="mono">{checkpoint.triggerTimestamp === null ? NOT_REPORTED : formatLocalTime(checkpoint.triggerTimestamp, "seconds")}</td>
              <td className="numeric">{formatDuration(checkpoint.endToEndDurationMs)}</td>
              <td className="numeric">{checkpoint.checkpointedSize === null ? NOT_REPORTED : formatBytes(checkpoint.checkpointedSize)}</td>
              <td className="numeric">
                {checkpoint.numAcknowledgedSubtasks ?? NOT_REPORTED}/{checkpoint.numSubtasks ?? NOT_REPORTED}
              </td>
              <td className="checkpoint-row__failure" title={checkpoint.failureMessage ?? undefined}>
                {checkpoint.failureMessage ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
