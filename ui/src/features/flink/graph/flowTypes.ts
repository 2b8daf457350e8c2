// The React Flow node and edge types of the job graph, and the actions a node offers (open
// the drawer, show or hide its chain) passed by context so node data stays plain values
// and memoized nodes re-render only when their own figures change.
import type { Edge, Node } from "@xyflow/react";
import { createContext } from "react";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import type { Point } from "./graphModel";

export interface VertexNodeData extends Record<string, unknown> {
  vertex: GraphVertex;
  metrics: VertexMetrics | null;
  /** The clock of the metrics sample (for the watermark lag). */
  at: number | null;
  expanded: boolean;
}

export type VertexFlowNode = Node<VertexNodeData, "vertex">;

export interface ShipEdgeData extends Record<string, unknown> {
  strategy: string;
  /** ELK's route, start to end; null draws a curve. */
  route: readonly Point[] | null;
}

export type ShipFlowEdge = Edge<ShipEdgeData, "ship">;

export interface GraphActions {
  open: (vertexId: string) => void;
  toggleChain: (vertexId: string) => void;
}

export const GraphActionsContext = createContext<GraphActions>({
  open: () => undefined,
  toggleChain: () => undefined,
});
