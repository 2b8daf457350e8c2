// The live side panel for one vertex of the graph (in VertexDrawerFrame): its back-pressure
// level, the Kafka topics a source or sink names (links to them), its subtasks (hot ones
// highlighted, the skew ratio given), its figures over the time the graph has been open,
// and any other metric of its subtasks on request. Polls the vertex at the job's interval
// while open.
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import type { VertexSample } from "../graph/vertexHistory";
import { useVertexDetail, type RefreshMs } from "../queries";
import { MetricPicker } from "./MetricPicker";
import { BackpressureLevel, SubtaskTable } from "./SubtaskTable";
import { VertexCharts } from "./VertexCharts";
import { VertexDrawerFrame } from "./VertexDrawerFrame";
import { VertexTopics } from "./VertexTopics";

interface VertexDrawerProps {
  profile: ConnectionProfile;
  jobId: string;
  vertex: GraphVertex;
  metrics: VertexMetrics | null;
  history: readonly VertexSample[];
  refreshMs: RefreshMs;
  onClose: () => void;
}

export function VertexDrawer({ profile, jobId, vertex, metrics, history, refreshMs, onClose }: VertexDrawerProps) {
  const detail = useVertexDetail(profile.id, jobId, vertex.id, refreshMs);
  const data = detail.data;

  return (
    <VertexDrawerFrame
      vertex={vertex}
      metrics={metrics}
      onClose={onClose}
      facts={
        <>
          <div>
            <dt>Back-pressure</dt>
            <dd>
              <BackpressureLevel level={data?.backpressureLevel ?? null} />
            </dd>
          </div>
          <VertexTopics profile={profile} vertex={vertex} />
        </>
      }
    >
      {detail.error !== null && (
        <InlineError
          error={detail.error}
          onRetry={() => {
            void detail.refetch();
          }}
          retrying={detail.isFetching}
        />
      )}
      {data?.notes.map((note) => (
        <p key={note} className="muted drawer-note">
          {note}
        </p>
      ))}

      <section className="drawer-section" aria-label="Subtasks">
        <h5>Subtasks</h5>
        {data === undefined ? detail.isPending && <Spinner label="Loading subtasks…" /> : <SubtaskTable detail={data} />}
      </section>

      <section className="drawer-section" aria-label="Over time">
        <h5>Since the graph was opened</h5>
        <VertexCharts history={history} />
      </section>

      <section className="drawer-section" aria-label="More metrics">
        <h5>More metrics</h5>
        <MetricPicker connectionId={profile.id} jobId={jobId} vertexId={vertex.id} refreshMs={refreshMs} />
      </section>
    </VertexDrawerFrame>
  );
}
