// Stands in for graph/elkEngine in component tests (vi.mock(…, () => import(this))): no
// worker, an answer in ELK's shape at once, placed by the simple layered layout (without
// edge routes). Tests of the real ELK layout use elkInNode instead.
import type { ElkNode } from "elkjs/lib/elk-api.js";
import { simpleLayout } from "../features/flink/graph/simpleLayout";

export function warmUpLayout(): void {
  // Nothing to start.
}

const vertexOf = (port: string | undefined) => (port ?? "").replace(/:(in|out)$/, "");

export function runElk(graph: ElkNode): Promise<ElkNode> {
  const children = graph.children ?? [];
  const layout = simpleLayout({
    nodes: children.map((c) => ({ id: c.id, width: c.width ?? 0, height: c.height ?? 0 })),
    edges: (graph.edges ?? []).map((e) => ({ id: e.id, source: vertexOf(e.sources[0]), target: vertexOf(e.targets[0]) })),
  });
  return Promise.resolve({
    ...graph,
    width: layout.width,
    height: layout.height,
    children: children.map((c) => ({ ...c, x: layout.nodes.get(c.id)?.x ?? 0, y: layout.nodes.get(c.id)?.y ?? 0 })),
  });
}
