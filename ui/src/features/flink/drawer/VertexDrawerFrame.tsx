// The side panel beside a job graph for one vertex, whatever feeds it: the header with its
// name and ×, the facts every source has (parallelism, status, records in and out, busy and
// back-pressured share) and the caller's sections below. Takes the focus when it opens;
// Escape or × closes it. The live drawer (VertexDrawer) and a recording's both use it.
import { useEffect, useId, useRef, type ReactNode } from "react";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { formatPercent, formatRate } from "../format";
import { JobState } from "../JobState";
import "./drawer.css";

interface VertexDrawerFrameProps {
  vertex: GraphVertex;
  metrics: VertexMetrics | null;
  onClose: () => void;
  /** More facts, after the parallelism (the live drawer's back-pressure level). */
  facts?: ReactNode;
  children: ReactNode;
}

export function VertexDrawerFrame({ vertex, metrics, onClose, facts, children }: VertexDrawerFrameProps) {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    // Not scrolled to: the view around the graph stays where it is.
    panel.current?.focus({ preventScroll: true });
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
        {facts}
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
      {children}
    </aside>
  );
}
