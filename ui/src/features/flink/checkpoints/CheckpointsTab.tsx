// The job's Checkpoints tab: counts and the latest checkpoints, end-to-end duration and
// checkpointed size over the history, the history itself (a row opens its per-vertex
// figures), and the checkpointing settings, folded. Refreshed at the job's interval.
import { useState } from "react";
import type { CheckpointSummary } from "../../../bindings/CheckpointSummary";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import { formatBytes } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { TimeSeriesChart } from "../../../components/TimeSeriesChart";
import type { TimePoint } from "../../../components/timeSeries";
import { formatDuration } from "../format";
import { useCheckpoints, type RefreshMs } from "../queries";
import { RefreshSelect } from "../RefreshSelect";
import { CheckpointCards } from "./CheckpointCards";
import { CheckpointDetailPanel } from "./CheckpointDetailPanel";
import { CheckpointHistory } from "./CheckpointHistory";
import "./checkpoints.css";

interface CheckpointsTabProps {
  connectionId: string;
  jobId: string;
  vertices: readonly GraphVertex[];
  refreshMs: RefreshMs;
  onRefreshChange: (value: RefreshMs) => void;
}

/** Oldest first, at each checkpoint's trigger time. */
function over(history: readonly CheckpointSummary[], pick: (c: CheckpointSummary) => number | null): TimePoint[] {
  return history
    .flatMap((c) => (c.triggerTimestamp === null ? [] : [{ at: c.triggerTimestamp, value: pick(c) }]))
    .sort((a, b) => a.at - b.at);
}

export function CheckpointsTab({ connectionId, jobId, vertices, refreshMs, onRefreshChange }: CheckpointsTabProps) {
  const checkpoints = useCheckpoints(connectionId, jobId, refreshMs);
  const [selected, setSelected] = useState<number | null>(null);
  const data = checkpoints.data;
  const refetch = () => {
    void checkpoints.refetch();
  };
  return (
    <section className="checkpoints-tab" data-testid="checkpoints-tab" aria-label="Checkpoints">
      <div className="toolbar">
        <RefreshSelect value={refreshMs} onChange={onRefreshChange} />
        <button type="button" className="button" data-testid="checkpoints-refresh" disabled={checkpoints.isFetching} onClick={refetch}>
          Refresh now
        </button>
      </div>
      {checkpoints.error !== null && <InlineError error={checkpoints.error} onRetry={refetch} retrying={checkpoints.isFetching} />}
      {data === undefined ? (
        checkpoints.isPending && <Spinner label="Loading checkpoints…" />
      ) : (
        <>
          {data.notes.map((note) => (
            <p key={note} className="muted flink-note">
              {note}
            </p>
          ))}
          <CheckpointCards overview={data} />
          <div className="checkpoint-charts">
            <TimeSeriesChart
              title="End-to-end duration"
              testId="checkpoint-duration-chart"
              format={formatDuration}
              series={[{ name: "duration", points: over(data.history, (c) => c.endToEndDurationMs) }]}
              waiting="no checkpoint yet"
            />
            <TimeSeriesChart
              title="Checkpointed size"
              testId="checkpoint-size-chart"
              format={formatBytes}
              series={[{ name: "size", points: over(data.history, (c) => c.checkpointedSize) }]}
              waiting="no checkpoint yet"
            />
          </div>
          <section className="detail-section" aria-label="History">
            <h4>History</h4>
            <CheckpointHistory history={data.history} selected={selected} onSelect={setSelected} />
          </section>
          {selected !== null && (
            <CheckpointDetailPanel
              key={selected}
              connectionId={connectionId}
              jobId={jobId}
              checkpointId={selected}
              vertices={vertices}
              onClose={() => {
                setSelected(null);
              }}
            />
          )}
          <details className="detail-section checkpoint-config" data-testid="checkpoint-config">
            <summary>Checkpointing settings</summary>
            <table className="data-table config-table">
              <tbody>
                {Object.entries(data.config).map(([key, value]) => (
                  <tr key={key} data-testid="checkpoint-config-row" data-key={key}>
                    <th scope="row" className="mono">
                      {key}
                    </th>
                    <td className="mono">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
