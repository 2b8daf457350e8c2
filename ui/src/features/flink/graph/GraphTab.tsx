// The job's Graph tab: the graph laid out once per structure, tinted and labelled with live
// figures refreshed at the job's interval (the vertices on screen read in detail), and the
// vertex drawer beside it for the vertex clicked. Each vertex's figures are kept while the
// tab is open, for the drawer's charts.
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { JobGraph } from "../../../bindings/JobGraph";
import { pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { VertexDrawer } from "../drawer/VertexDrawer";
import { useGraphMetrics, type RefreshMs } from "../queries";
import { GraphActionsContext, type GraphActions } from "./flowTypes";
import { GraphCanvas } from "./GraphCanvas";
import { GraphLegend } from "./GraphLegend";
import { GraphToolbar } from "./GraphToolbar";
import { useGraphLayout } from "./useGraphLayout";
import { usePaintTiming } from "./usePaintTiming";
import { useVertexHistory } from "./vertexHistory";
import "./graph.css";

interface GraphTabProps {
  profile: ConnectionProfile;
  jobId: string;
  graph: JobGraph;
  refreshMs: RefreshMs;
  onRefreshChange: (value: RefreshMs) => void;
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

function GraphTabBody({ profile, jobId, graph, refreshMs, onRefreshChange }: GraphTabProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
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
  const laidOut = useGraphLayout(graph, expanded);

  const canvas = useRef<HTMLDivElement>(null);
  const layoutMs = usePaintTiming(laidOut, graph.vertices.length, canvas);

  const actions = useMemo<GraphActions>(
    () => ({
      open: setSelected,
      toggleChain: (id) => {
        setExpanded((current) => toggled(current, id));
      },
    }),
    [],
  );
  const vertex = selected === null ? undefined : graph.vertices.find((v) => v.id === selected);
  const refetch = () => {
    void metrics.refetch();
  };

  return (
    <GraphActionsContext value={actions}>
      <div className="graph-tab" data-testid="graph-tab">
        <div className="graph-tab__main">
          <GraphToolbar
            metrics={metrics.data}
            fetching={metrics.isFetching}
            refreshMs={refreshMs}
            onRefreshChange={onRefreshChange}
            onRefreshNow={refetch}
            engine={laidOut?.layout.engine}
          />
          {metrics.error !== null && <InlineError error={metrics.error} onRetry={refetch} retrying={metrics.isFetching} />}
          <div
            ref={canvas}
            className="graph-canvas"
            data-testid="job-graph"
            data-vertices={graph.vertices.length}
            data-edges={graph.edges.length}
            data-layout-ms={layoutMs ?? undefined}
            data-layout-engine={laidOut?.layout.engine}
          >
            {graph.vertices.length === 0 ? (
              <p className="empty-state graph-canvas__empty">Flink reports no vertices for this job.</p>
            ) : (
              <GraphCanvas
                graph={graph}
                laidOut={laidOut}
                metrics={metrics.data}
                expanded={expanded}
                selected={selected}
                onOpen={setSelected}
                onVisibleChange={onVisibleChange}
              />
            )}
            {graph.vertices.length > 0 && laidOut === null && (
              <div className="graph-canvas__overlay">
                <Spinner label={`Laying out ${pluralize(graph.vertices.length, "vertex", "vertices")}…`} />
              </div>
            )}
          </div>
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
    </GraphActionsContext>
  );
}

export function GraphTab(props: GraphTabProps) {
  return (
    <ReactFlowProvider>
      <GraphTabBody {...props} />
    </ReactFlowProvider>
  );
}
