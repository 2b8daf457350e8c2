// A recording's job graph at the scrubbed time: the graph as recorded then, tinted and
// labelled with every vertex's figures sampled then (the live graph's canvas, nodes and
// layout: JobGraphView), and the vertex drawer with its charts up to that time. While a newer
// time loads, the last one stays on screen. Loaded on demand, with React Flow, like the live
// Graph tab.
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { formatLocalTime } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { GraphLegend } from "../../flink/graph/GraphLegend";
import { FitViewButton } from "../../flink/graph/GraphToolbar";
import { JobGraphView } from "../../flink/graph/JobGraphView";
import { JobState } from "../../flink/JobState";
import { RecordingVertexDrawer } from "./RecordingVertexDrawer";
import { useRecordingFrame } from "./useRecordingFrame";

interface RecordingGraphProps {
  path: string;
  at: number;
}

function RecordingGraphBody({ path, at }: RecordingGraphProps) {
  const frame = useRecordingFrame(path, at);
  const [selected, setSelected] = useState<string | null>(null);
  const shown = frame.data;
  const vertex = selected === null ? undefined : shown?.graph.vertices.find((v) => v.id === selected);
  return (
    <div className="graph-tab recording-graph" data-testid="recording-graph" data-at={shown?.at} data-pending={frame.pending}>
      <div className="graph-tab__main">
        <div className="toolbar graph-toolbar">
          {shown !== undefined && (
            <>
              <span>
                Job graph at <span className="mono" data-testid="recording-graph-at">{formatLocalTime(shown.at, "clock-millis")}</span>
              </span>
              <JobState state={shown.graph.job.state} />
            </>
          )}
          {frame.pending && shown !== undefined && <span className="muted">catching up…</span>}
          <span className="toolbar__spacer" />
          <FitViewButton />
        </div>
        {frame.error !== null && <InlineError error={frame.error} />}
        {shown === undefined ? (
          frame.pending && <Spinner label="Reading the job graph…" />
        ) : (
          <JobGraphView graph={shown.graph} metrics={shown.metrics} at={shown.at} selected={selected} onSelect={setSelected} />
        )}
        <GraphLegend />
      </div>
      {vertex !== undefined && shown !== undefined && (
        <RecordingVertexDrawer
          key={vertex.id}
          path={path}
          vertex={vertex}
          metrics={shown.metrics.find((m) => m.vertexId === vertex.id) ?? null}
          until={shown.at}
          onClose={() => {
            setSelected(null);
          }}
        />
      )}
    </div>
  );
}

export function RecordingGraph(props: RecordingGraphProps) {
  return (
    <ReactFlowProvider>
      <RecordingGraphBody {...props} />
    </ReactFlowProvider>
  );
}
