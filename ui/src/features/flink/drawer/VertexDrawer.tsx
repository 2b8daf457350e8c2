// The side panel for one vertex of the graph: its name, parallelism and back-pressure level,
// its subtasks (hot ones highlighted, the skew ratio given), its figures over the time the
// graph has been open, and any other metric of its subtasks on request. Polls the vertex at
// the job's interval while open; Escape or × closes it.
import { useEffect, useId, useRef } from "react";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { formatPercent, formatRate } from "../format";
import type { VertexSample } from "../graph/vertexHistory";
import { JobState } from "../JobState";
import { useVertexDetail, type RefreshMs } from "../queries";
import { MetricPicker } from "./MetricPicker";
import { BackpressureLevel, SubtaskTable } from "./SubtaskTable";
import { VertexCharts } from "./VertexCharts";
import "./drawer.css";

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
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const detail = useVertexDetail(profile.id, jobId, vertex.id, refreshMs);
  const data = detail.data;

  useEffect(() => {
    panel.current?.focus();
  }, []);

  return (
    <aside
      ref={panel}
      className="vertex-drawer"
      data-testid="vertex-drawer"
      data-vertex-id={vertex.id}
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="vertex-drawer__header">
        <h4 id={titleId} className="vertex-drawer__title" data-testid="drawer-title" title={vertex.name}>
          {vertex.name}
        </h4>
        <button type="button" className="button button--ghost" data-testid="drawer-close" aria-label="Close the vertex panel" onClick={onClose}>
          ×
        </button>
      </header>
      <dl className="vertex-drawer__facts">
        <div>
          <dt>Parallelism</dt>
          <dd data-testid="drawer-parallelism">
            {vertex.parallelism}
            {vertex.maxParallelism !== null && <span className="muted"> / max {vertex.maxParallelism}</span>}
          </dd>
        </div>
        <div>
          <dt>Back-pressure</dt>
          <dd>
            <BackpressureLevel level={data?.backpressureLevel ?? null} />
          </dd>
        </div>
        {vertex.status !== null && (
          <div>
            <dt>Status</dt>
            <dd>
              <JobState state={vertex.status} />
            </dd>
          </div>
        )}
        <div>
          <dt>In / out</dt>
          <dd>
            {formatRate(metrics?.recordsInPerSecond ?? null)} / {formatRate(metrics?.recordsOutPerSecond ?? null)}
          </dd>
        </div>
        <div>
          <dt>Busy / back-pressured</dt>
          <dd>
            {formatPercent(metrics?.busyPercent ?? null)} / {formatPercent(metrics?.backpressuredPercent ?? null)}
          </dd>
        </div>
      </dl>

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
    </aside>
  );
}
