// Measures a new graph from its arrival to its first painted frame — the layout, then React
// and React Flow drawing it — and publishes it for the benchmark and the end-to-end tests:
// as the graph element's data-layout-ms and as window.__streamlensGraphTimings. Once per
// graph structure (expanding a chain re-lays out but is not a new graph). "Painted" is the
// frame after the first one that has the nodes in the DOM.
import { useEffect, useState, type RefObject } from "react";
import type { LaidOut } from "./useGraphLayout";

export interface GraphTimings {
  vertices: number;
  /** Arrival of the graph to the layout's answer. */
  layoutMs: number;
  /** The layout's answer to the first painted frame with the nodes. */
  paintMs: number;
  /** Which layout the first paint used ("simple" for a large graph, until ELK's arrives). */
  firstEngine: string;
  /** Arrival of the graph to ELK's layout, when the first paint used the simple one. */
  refinedMs?: number;
}

declare global {
  interface Window {
    __streamlensGraphTimings?: GraphTimings;
  }
}

/** Frames to wait for the nodes to appear before measuring anyway. */
const MAX_FRAMES = 120;

export function usePaintTiming(laidOut: LaidOut | null, vertices: number, container: RefObject<HTMLElement | null>): number | null {
  const [measured, setMeasured] = useState<{ structure: string; totalMs: number } | null>(null);
  const structure = laidOut?.structure;
  useEffect(() => {
    if (laidOut === null || measured?.structure === laidOut.structure) return;
    let frame = 0;
    let frames = 0;
    const painted = () => {
      const paintedAt = performance.now();
      const timings: GraphTimings = {
        vertices,
        layoutMs: Math.round(laidOut.doneAt - laidOut.startedAt),
        paintMs: Math.round(paintedAt - laidOut.doneAt),
        firstEngine: laidOut.layout.engine,
      };
      window.__streamlensGraphTimings = timings;
      setMeasured({ structure: laidOut.structure, totalMs: Math.round(paintedAt - laidOut.startedAt) });
    };
    const waitForNodes = () => {
      frames += 1;
      const drawn = vertices === 0 || (container.current?.querySelector(".react-flow__node") ?? null) !== null;
      frame = requestAnimationFrame(drawn || frames >= MAX_FRAMES ? painted : waitForNodes);
    };
    frame = requestAnimationFrame(waitForNodes);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [laidOut, measured, structure, vertices, container]);
  // ELK's layout replacing a provisional one: note when it came.
  useEffect(() => {
    const timings = window.__streamlensGraphTimings;
    if (laidOut === null || laidOut.provisional || measured?.structure !== laidOut.structure || timings === undefined) return;
    if (timings.firstEngine !== "simple" || timings.refinedMs !== undefined) return;
    window.__streamlensGraphTimings = { ...timings, refinedMs: Math.round(laidOut.doneAt - laidOut.startedAt) };
  }, [laidOut, measured]);
  return measured !== null && measured.structure === structure ? measured.totalMs : null;
}
