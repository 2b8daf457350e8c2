// One checkpoint, opened from the history: its summary line and each vertex's part of it
// (status, duration, checkpointed and state size, acknowledged subtasks). Vertex names come
// from Flink, else from the job graph.
import type { GraphVertex } from "../../../bindings/GraphVertex";
import { formatBytes } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { formatDuration, NOT_REPORTED } from "../format";
import { JobState } from "../JobState";
import { useCheckpointDetail } from "../queries";

interface CheckpointDetailPanelProps {
  connectionId: string;
  jobId: string;
  checkpointId: number;
  vertices: readonly GraphVertex[];
  onClose: () => void;
}

function size(value: number | null): string {
  return value === null ? NOT_REPORTED : formatBytes(value);
}

export function CheckpointDetailPanel({ connectionId, jobId, checkpointId, vertices, onClose }: CheckpointDetailPanelProps) {
  const detail = useCheckpointDetail(connectionId, jobId, checkpointId);
  const names = new Map(vertices.map((v) => [v.id, v.name]));
  const data = detail.data;
  return (
    <section className="checkpoint-detail" data-testid="checkpoint-detail" data-checkpoint-id={checkpointId} aria-label={`Checkpoint ${String(checkpointId)}`}>
      <header className="checkpoint-detail__header">
        <h4>
          Checkpoint <span className="mono">{checkpointId}</span>
        </h4>
        {data !== undefined && <JobState state={data.checkpoint.status} />}
        <span className="toolbar__spacer" />
        <button type="button" className="button button--ghost" data-testid="checkpoint-detail-close" aria-label="Close the checkpoint" onClick={onClose}>
          ×
        </button>
      </header>
      {detail.error !== null && (
        <InlineError
          error={detail.error}
          onRetry={() => {
            void detail.refetch();
          }}
          retrying={detail.isFetching}
        />
      )}
      {data === undefined ? (
        detail.isPending && <Spinner label="Loading the checkpoint…" />
      ) : (
        <>
          {data.checkpoint.externalPath !== null && (
            <p className="muted">
              Written to <code data-testid="checkpoint-path">{data.checkpoint.externalPath}</code>
            </p>
          )}
          <table className="data-table" data-testid="checkpoint-vertex-table">
            <thead>
              <tr>
                <th scope="col">Vertex</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">Duration</th>
                <th scope="col" className="numeric">Checkpointed</th>
                <th scope="col" className="numeric">State size</th>
                <th scope="col" className="numeric">Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {data.vertices.map((v) => (
                <tr key={v.vertexId} data-testid="checkpoint-vertex-row" data-vertex-id={v.vertexId}>
                  <td title={v.vertexId}>{v.vertexName ?? names.get(v.vertexId) ?? <span className="mono">{v.vertexId}</span>}</td>
                  <td>{v.status === null ? NOT_REPORTED : <JobState state={v.status} />}</td>
                  <td className="numeric">{formatDuration(v.endToEndDurationMs)}</td>
                  <td className="numeric">{size(v.checkpointedSize)}</td>
                  <td className="numeric">{size(v.stateSize)}</td>
                  <td className="numeric">
                    {v.numAcknowledgedSubtasks ?? NOT_REPORTED}/{v.numSubtasks ?? NOT_REPORTED}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
