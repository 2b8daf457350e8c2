// The job graph laid out and drawn, for any source of figures: the live Graph tab (polled
// metrics) and a recording (the metrics at the scrubbed time). Owns which chains are shown,
// the layout (once per structure: new figures never re-lay it out), the first-paint timing
// published for the benchmark and the end-to-end tests, and the actions a node offers; the
// figures, their clock, the selected vertex and what a click does come from the caller.
// Must be inside a ReactFlowProvider.
import { useMemo, useRef, useState } from "react";
import type { JobGraph } from "../../../bindings/JobGraph";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { pluralize } from "../../../components/format";
import { Spinner } from "../../../components/Spinner";
import { GraphActionsContext, type GraphActions } from "./flowTypes";
import { GraphCanvas } from "./GraphCanvas";
import { useGraphLayout } from "./useGraphLayout";
import { usePaintTiming } from "./usePaintTiming";
import "./graph.css";

interface JobGraphViewProps {
  graph: JobGraph;
  /** Each vertex's figures; undefined before the first answer. */
  metrics: readonly VertexMetrics[] | undefined;
  /** The clock of those figures (the watermark lag is measured against it). */
  at: number | null;
  selected: string | null;
  onSelect: (vertexId: string) => void;
  /** The vertices on screen whenever the view moves. */
  onVisibleChange?: (vertexIds: readonly string[]) => void;
}

const IGNORE_VISIBLE = () => undefined;

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

export function JobGraphView({ graph, metrics, at, selected, onSelect, onVisibleChange = IGNORE_VISIBLE }: JobGraphViewProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const laidOut = useGraphLayout(graph, expanded);
  const canvas = useRef<HTMLDivElement>(null);
  const layoutMs = usePaintTiming(laidOut, graph.vertices.length, canvas);
  const actions = useMemo<GraphActions>(
    () => ({
      open: onSelect,
      toggleChain: (id) => {
        setExpanded((current) => toggled(current, id));
      },
    }),
    [onSelect],
  );
  const engine = laidOut?.layout.engine;
  return (
    <GraphActionsContext value={actions}>
      <div
        ref={canvas}
        className="graph-canvas"
        data-testid="job-graph"
        data-vertices={graph.vertices.length}
        data-edges={graph.edges.length}
        data-layout-ms={layoutMs ?? undefined}
        data-layout-engine={engine}
      >
        {graph.vertices.length === 0 ? (
          <p className="empty-state graph-canvas__empty">Flink reports no vertices for this job.</p>
        ) : (
          <GraphCanvas
            graph={graph}
            laidOut={laidOut}
            metrics={metrics}
            at={at}
            expanded={expanded}
            selected={selected}
            onOpen={onSelect}
            onVisibleChange={onVisibleChange}
          />
        )}
        {graph.vertices.length > 0 && laidOut === null && (
          <div className="graph-canvas__overlay">
            <Spinner label={`Laying out ${pluralize(graph.vertices.length, "vertex", "vertices")}…`} />
          </div>
        )}
        {engine === "simple" && (
          <span className="tag graph-canvas__engine" title="The ELK layout worker could not run; a simpler layout is shown.">
            simple layout
          </span>
        )}
      </div>
    </GraphActionsContext>
  );
}
