// The job graph drawn with React Flow: laid-out vertices (VertexNode) and edges with their
// ship strategy (ShipEdge), pan and zoom, the minimap and controls. Positions come from the
// layout only (nodes are not draggable); sizes and handle places from the graph model, given
// to React Flow with every node. Without them React Flow renders and measures every node it
// has not measured yet — all 300 of a big graph at first, and again after each metrics
// refresh, as new node objects reset its measurements — instead of only those on screen.
// Mounted before the layout is ready, so React Flow's own setup overlaps the layout (the view
// itself: ViewportEffects).
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  Position,
  type EdgeTypes,
  type NodeHandle,
  type NodeTypes,
} from "@xyflow/react";
import { useDeferredValue, useMemo } from "react";
import type { JobGraph } from "../../../bindings/JobGraph";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { useResolvedTheme } from "../../settings/theme";
import type { ShipFlowEdge, VertexFlowNode } from "./flowTypes";
import { edgeId, nodeSize, type GraphLayout } from "./graphModel";
import { ShipEdge } from "./ShipEdge";
import { VertexNode } from "./VertexNode";
import { vertexTone } from "./vertexTone";
import type { LaidOut } from "./useGraphLayout";
import { KeepSelectedInView, StartViewport, VisibleVertices } from "./ViewportEffects";
import "@xyflow/react/dist/style.css";

const NODE_TYPES: NodeTypes = { vertex: VertexNode };
const EDGE_TYPES: EdgeTypes = { ship: ShipEdge };
export const MIN_ZOOM = 0.05;
/** Fit view may zoom out as far as it takes to show every vertex. */
export const FIT_VIEW_OPTIONS = { padding: 0.08, minZoom: MIN_ZOOM, maxZoom: 1 };
const MARKER = { type: MarkerType.ArrowClosed, width: 16, height: 16 };
const MINIMAP_SIZE = { width: 160, height: 100 };
/** React Flow's default handle: a 6 px dot centred on the node's border (graph.css keeps it). */
const HANDLE = 6;

/** Where VertexNode's two handles are: mid-height on the left (in) and right (out) border. */
export function vertexHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE / 2;
  return [
    { id: null, type: "target", position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE },
    { id: null, type: "source", position: Position.Right, x: width - HANDLE / 2, y, width: HANDLE, height: HANDLE },
  ];
}

interface GraphCanvasProps {
  graph: JobGraph;
  /** null while the first layout runs. */
  laidOut: LaidOut | null;
  /** Each vertex's figures; undefined before the first answer. */
  metrics: readonly VertexMetrics[] | undefined;
  /** The clock of those figures. */
  at: number | null;
  expanded: ReadonlySet<string>;
  selected: string | null;
  onOpen: (vertexId: string) => void;
  onVisibleChange: (vertexIds: readonly string[]) => void;
}

const NO_LAYOUT: GraphLayout = { nodes: new Map(), routes: new Map(), width: 0, height: 0, engine: "simple" };

export function GraphCanvas({ graph, laidOut, metrics, at, expanded, selected, onOpen, onVisibleChange }: GraphCanvasProps) {
  const layout = laidOut?.layout ?? NO_LAYOUT;
  // The app's theme (Settings), not the system's: the two differ when a theme is chosen.
  const colorMode = useResolvedTheme();
  // The minimap draws every vertex: it joins in a render of its own, after the graph's
  // first frame, rather than holding that frame back.
  const minimap = useDeferredValue(laidOut !== null, false);
  const byVertex = useMemo(() => new Map<string, VertexMetrics>((metrics ?? []).map((m) => [m.vertexId, m])), [metrics]);
  const nodes = useMemo<VertexFlowNode[]>(
    () =>
      graph.vertices.flatMap((vertex) => {
        const box = layout.nodes.get(vertex.id);
        if (box === undefined) return [];
        const open = expanded.has(vertex.id);
        const size = nodeSize(vertex, open);
        return [
          {
            id: vertex.id,
            type: "vertex",
            position: { x: box.x, y: box.y },
            ...size,
            measured: size,
            handles: vertexHandles(size.width, size.height),
            data: { vertex, metrics: byVertex.get(vertex.id) ?? null, at, expanded: open },
            selected: vertex.id === selected,
            draggable: false,
            connectable: false,
          },
        ];
      }),
    [graph, layout, byVertex, at, expanded, selected],
  );
  const edges = useMemo<ShipFlowEdge[]>(
    () =>
      graph.edges.map((edge, i) => {
        const id = edgeId(edge, i);
        return {
          id,
          type: "ship",
          source: edge.source,
          target: edge.target,
          markerEnd: MARKER,
          data: { strategy: edge.shipStrategy, route: layout.routes.get(id) ?? null },
        };
      }),
    [graph, layout],
  );
  return (
    <ReactFlow<VertexFlowNode, ShipFlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      minZoom={MIN_ZOOM}
      maxZoom={2}
      onlyRenderVisibleElements
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      colorMode={colorMode}
      onNodeClick={(_event, node) => {
        onOpen(node.id);
      }}
    >
      <Background gap={24} size={1} />
      {minimap && (
        <MiniMap<VertexFlowNode>
          pannable
          zoomable
          nodeColor={(node) => vertexTone(node.data.metrics).stroke}
          ariaLabel="Minimap of the job graph"
          style={MINIMAP_SIZE}
        />
      )}
      <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
      <VisibleVertices layout={layout} onChange={onVisibleChange} />
      <KeepSelectedInView layout={layout} selected={selected} />
      <StartViewport laidOut={laidOut} reserved={MINIMAP_SIZE.height + 20} />
    </ReactFlow>
  );
}
