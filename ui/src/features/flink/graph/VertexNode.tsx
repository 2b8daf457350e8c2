// One vertex of the job graph: name and parallelism, records in and out per second, busy and
// back-pressured share, the low watermark (its time and how far behind the sample's clock),
// and its chained operators — hidden behind a toggle, indented by depth. Tinted by
// vertexTone. Memoized on its own figures: panning, zooming and other vertices' refreshes
// do not re-render it.
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, use } from "react";
import { formatLocalTime } from "../../../components/format";
import { formatLag, formatPercent, formatRate, hasWatermark, NOT_REPORTED, watermarkLagSeconds } from "../format";
import { GraphActionsContext, type VertexFlowNode, type VertexNodeData } from "./flowTypes";
import { hasChain } from "./graphModel";
import { vertexTone } from "./vertexTone";

function Watermark({ data }: { data: VertexNodeData }) {
  const watermark = data.metrics?.lowWatermark ?? null;
  if (!hasWatermark(watermark)) return <span className="muted">no watermark</span>;
  const lag = data.at === null ? null : watermarkLagSeconds(watermark, data.at);
  return (
    <span title={formatLocalTime(watermark)}>
      {formatLocalTime(watermark, "clock")} <span className="muted">· {formatLag(lag)}</span>
    </span>
  );
}

function VertexNodeView({ data, selected }: NodeProps<VertexFlowNode>) {
  const { vertex, metrics, expanded } = data;
  const actions = use(GraphActionsContext);
  const tone = vertexTone(metrics);
  const chained = hasChain(vertex);
  return (
    <div
      className={`vertex-node vertex-node--${tone.kind}${selected ? " vertex-node--selected" : ""}`}
      style={{ background: tone.fill, borderColor: tone.stroke }}
      data-testid="graph-node"
      data-vertex-id={vertex.id}
      data-vertex-name={vertex.name}
      data-tone={tone.kind}
      data-source={metrics?.source ?? "none"}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="vertex-node__head">
        <button
          type="button"
          className="vertex-node__name nopan nodrag"
          data-testid="graph-node-open"
          title={vertex.name}
          onClick={() => {
            actions.open(vertex.id);
          }}
        >
          {vertex.name}
        </button>
        <span className="vertex-node__parallelism" title={`Parallelism ${String(vertex.parallelism)}`}>
          ×{vertex.parallelism}
        </span>
      </div>
      <dl className="vertex-node__figures">
        <div>
          <dt>In</dt>
          <dd data-testid="graph-node-in">{formatRate(metrics?.recordsInPerSecond ?? null)}</dd>
        </div>
        <div>
          <dt>Out</dt>
          <dd data-testid="graph-node-out">{formatRate(metrics?.recordsOutPerSecond ?? null)}</dd>
        </div>
        <div>
          <dt>Busy</dt>
          <dd data-testid="graph-node-busy">{formatPercent(metrics?.busyPercent ?? null)}</dd>
        </div>
        <div>
          <dt>Back-pressured</dt>
          <dd data-testid="graph-node-backpressured">{formatPercent(metrics?.backpressuredPercent ?? null)}</dd>
        </div>
      </dl>
      <div className="vertex-node__watermark" data-testid="graph-node-watermark">
        <span className="vertex-node__label">Watermark</span> {metrics === null ? NOT_REPORTED : <Watermark data={data} />}
      </div>
      {chained && (
        <button
          type="button"
          className="vertex-node__toggle nopan nodrag"
          data-testid="graph-node-chain-toggle"
          aria-expanded={expanded}
          onClick={(event) => {
            // Not also a click on the node (which opens the drawer).
            event.stopPropagation();
            actions.toggleChain(vertex.id);
          }}
        >
          <span aria-hidden="true">{expanded ? "▾" : "▸"}</span> {vertex.operators.length} chained operators
        </button>
      )}
      {chained && expanded && (
        <ol className="vertex-node__operators" data-testid="graph-node-operators">
          {vertex.operators.map((operator, i) => (
            <li key={`${String(i)}-${operator.name}`} style={{ paddingLeft: `${String(operator.depth * 12)}px` }} title={operator.name}>
              {operator.depth > 0 && <span className="muted">+- </span>}
              {operator.name}
            </li>
          ))}
        </ol>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

function sameFigures(a: VertexNodeData, b: VertexNodeData): boolean {
  const m = a.metrics;
  const n = b.metrics;
  if (m === n) return true;
  if (m === null || n === null) return false;
  return (
    m.recordsInPerSecond === n.recordsInPerSecond &&
    m.recordsOutPerSecond === n.recordsOutPerSecond &&
    m.busyPercent === n.busyPercent &&
    m.backpressuredPercent === n.backpressuredPercent &&
    m.lowWatermark === n.lowWatermark &&
    m.source === n.source &&
    // The watermark's lag moves with the clock.
    (!hasWatermark(m.lowWatermark) || a.at === b.at)
  );
}

export const VertexNode = memo(
  VertexNodeView,
  (prev, next) =>
    prev.selected === next.selected &&
    prev.data.vertex === next.data.vertex &&
    prev.data.expanded === next.data.expanded &&
    sameFigures(prev.data, next.data),
);
