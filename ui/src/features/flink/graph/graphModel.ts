// The job graph as boxes and lines, independent of React and of the layout engine: each
// vertex's box size (taller when its chained operators are shown), the layout input built
// from the graph's structure only — so metric refreshes never re-lay it out — and the
// laid-out result both engines (ELK in a worker, the simple fallback) produce.
import type { GraphEdge } from "../../../bindings/GraphEdge";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { JobGraph } from "../../../bindings/JobGraph";

export const NODE_WIDTH = 264;
/** Name, four figures, the watermark and the operators toggle (VertexNode's CSS matches). */
export const NODE_HEIGHT = 150;
export const OPERATOR_ROW = 18;
const OPERATOR_LIST_PAD = 10;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutInput {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}

export interface GraphLayout {
  nodes: ReadonlyMap<string, Box>;
  /** The route of each edge, start to end (ELK only; the fallback draws curves). */
  routes: ReadonlyMap<string, readonly Point[]>;
  width: number;
  height: number;
  engine: "elk" | "simple";
}

/** Chained operators are listed only when the vertex chains more than one. */
export function hasChain(vertex: GraphVertex): boolean {
  return vertex.operators.length > 1;
}

export function nodeSize(vertex: GraphVertex, expanded: boolean): { width: number; height: number } {
  const extra = expanded && hasChain(vertex) ? vertex.operators.length * OPERATOR_ROW + OPERATOR_LIST_PAD : 0;
  return { width: NODE_WIDTH, height: NODE_HEIGHT + extra };
}

/** Stable per graph: the same two vertices may be joined twice (a self-join), hence the index. */
export function edgeId(edge: GraphEdge, index: number): string {
  return `${edge.source}->${edge.target}#${String(index)}`;
}

/** What the layout depends on: vertices, edges and which chains are shown. */
export function layoutKey(graph: JobGraph, expanded: ReadonlySet<string>): string {
  const vertices = graph.vertices.map((v) => `${v.id}${expanded.has(v.id) && hasChain(v) ? `+${String(v.operators.length)}` : ""}`);
  const edges = graph.edges.map((e) => `${e.source}>${e.target}`);
  return `${vertices.join(",")}|${edges.join(",")}`;
}

export function layoutInput(graph: JobGraph, expanded: ReadonlySet<string>): LayoutInput {
  const known = new Set(graph.vertices.map((v) => v.id));
  return {
    nodes: graph.vertices.map((v) => ({ id: v.id, ...nodeSize(v, expanded.has(v.id)) })),
    edges: graph.edges.flatMap((e, i) =>
      known.has(e.source) && known.has(e.target) ? [{ id: edgeId(e, i), source: e.source, target: e.target }] : [],
    ),
  };
}

export function bounds(boxes: Iterable<Box>): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const box of boxes) {
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
  }
  return { width, height };
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
