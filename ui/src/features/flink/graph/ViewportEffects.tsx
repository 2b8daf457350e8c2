// The React Flow children that tie the view to the graph, rendering nothing: the starting view
// of each new graph once laid out (the whole graph when it fits readably, else its sources),
// the vertices on screen as the view moves (for the next metrics refresh), and the selected
// vertex panned back into view when the drawer narrows the canvas.
import { useReactFlow, useStore, useStoreApi } from "@xyflow/react";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { GraphLayout } from "./graphModel";
import type { LaidOut } from "./useGraphLayout";
import { initialViewport, visibleVertexIds } from "./viewport";

/** The vertices on screen whenever the view or the layout changes. */
export function VisibleVertices({ layout, onChange }: { layout: GraphLayout; onChange: (ids: readonly string[]) => void }) {
  const store = useStoreApi();
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    // Read live: StartViewport may have moved the view in this very commit.
    const { transform, width: w, height: h } = store.getState();
    onChange(visibleVertexIds(layout.nodes, { x: transform[0], y: transform[1], zoom: transform[2] }, { width: w, height: h }));
  }, [store, layout, x, y, zoom, width, height, onChange]);
  return null;
}

/**
 * Pans the selected vertex back into view when it is off screen — the
 * drawer opening beside the canvas makes the canvas narrower and can hide the vertex just
 * clicked. The zoom is kept.
 */
export function KeepSelectedInView({ layout, selected }: { layout: GraphLayout; selected: string | null }) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    const box = selected === null ? undefined : layout.nodes.get(selected);
    if (box === undefined || selected === null) return;
    const viewport = flow.getViewport();
    if (visibleVertexIds(new Map([[selected, box]]), viewport, { width, height }).length > 0) return;
    void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: viewport.zoom, duration: 200 });
  }, [flow, layout, selected, width, height]);
  return null;
}

/** The starting view of each new graph, once laid out (not on re-layouts). */
export function StartViewport({ laidOut, reserved }: { laidOut: LaidOut | null; reserved: number }) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const started = useRef<string | null>(null);
  // Before paint, so the first frame with the nodes is already at the starting view.
  useLayoutEffect(() => {
    if (laidOut === null || started.current === laidOut.structure || width === 0 || height === 0) return;
    started.current = laidOut.structure;
    void flow.setViewport(initialViewport(laidOut.layout, { width, height }, reserved));
  }, [flow, laidOut, width, height, reserved]);
  return null;
}
