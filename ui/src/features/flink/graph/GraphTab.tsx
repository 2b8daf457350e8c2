// The job's Graph tab: the graph (JobGraphView) tinted and labelled with live figures
// refreshed at the job's interval (the vertices on screen read in detail), and the vertex
// drawer beside it for the vertex clicked. Each vertex's figures are kept while the tab is
// open, for the drawer's charts.
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useRef, useState } from "react";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { JobGraph } from "../../../bindings/JobGraph";
import { InlineError } from "../../../components/InlineError";
import { VertexDrawer } from "../drawer/VertexDrawer";
import { useGraphMetrics, type RefreshMs } from "../queries";
import { GraphLegend } from "./GraphLegend";
import { GraphToolbar } from "./GraphToolbar";
import { JobGraphView } from "./JobGraphView";
import { useVertexHistory } from "./vertexHistory";
import "./graph.css";

interface GraphTabProps {
  profile: ConnectionProfile;
  jobId: string;
  graph: JobGraph;
  refreshMs: RefreshMs;
  onRefreshChange: (value: RefreshMs) => void;
}

function GraphTabBody({ profile, jobId, graph, refreshMs, onRefreshChange }: GraphTabProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const onScreen = useRef<readonly string[]>([]);
  // The first refresh goes out before the graph is laid out, so it names no vertex; once the
  // vertices on screen are known they are asked for at once (their figures need no earlier
  // sample), not a whole interval later.
  const askedForNone = useRef(false);
  const detailed = useCallback(() => {
    askedForNone.current = onScreen.current.length === 0;
    return onScreen.current;
  }, []);
  const metrics = useGraphMetrics(profile.id, jobId, detailed, refreshMs);
  const refetchMetrics = metrics.refetch;
  const onVisibleChange = useCallback(
    (ids: readonly string[]) => {
      onScreen.current = ids;
      if (askedForNone.current && ids.length > 0) {
        askedForNone.current = false;
        void refetchMetrics();
      }
    },
    [refetchMetrics],
  );
  const history = useVertexHistory(metrics.data);
  const vertex = selected === null ? undefined : graph.vertices.find((v) => v.id === selected);
  const refetch = () => {
    void metrics.refetch();
  };

  return (
    <div className="graph-tab" data-testid="graph-tab">
      <div className="graph-tab__main">
        <GraphToolbar
          metrics={metrics.data}
          fetching={metrics.isFetching}
          refreshMs={refreshMs}
          onRefreshChange={onRefreshChange}
          onRefreshNow={refetch}
        />
        {metrics.error !== null && <InlineError error={metrics.error} onRetry={refetch} retrying={metrics.isFetching} />}
        <JobGraphView
          graph={graph}
          metrics={metrics.data?.vertices}
          at={metrics.data?.at ?? null}
          selected={selected}
          onSelect={setSelected}
          onVisibleChange={onVisibleChange}
        />
        <GraphLegend />
      </div>
      {vertex !== undefined && (
        <VertexDrawer
          key={vertex.id}
          profile={profile}
          jobId={jobId}
          vertex={vertex}
          metrics={metrics.data?.vertices.find((m) => m.vertexId === vertex.id) ?? null}
          history={history[vertex.id] ?? []}
          refreshMs={refreshMs}
          onClose={() => {
            setSelected(null);
          }}
        />
      )}
    </div>
  );
}

export function GraphTab(props: GraphTabProps) {
  return (
    <ReactFlowProvider>
      <GraphTabBody {...props} />
    </ReactFlowProvider>
  );
}
