// The laid-out graph for the graph tab. Layout depends on the graph's structure and on which
// chains are shown — never on metrics — so refreshes reuse it and a re-read of the same job
// graph does not lay it out again. While a new layout runs (a chain was expanded) the last
// one stays on screen; an answer for an older request is dropped. A large new graph is
// drawn at once with the simple layered layout (a few milliseconds) and replaced by ELK's
// when that arrives, so the first picture never waits for ELK (about 1 s at 300 vertices
// in WebKit's worker).
import { useEffect, useRef, useState } from "react";
import type { JobGraph } from "../../../bindings/JobGraph";
import { layoutInput, layoutKey, type GraphLayout, type LayoutInput } from "./graphModel";
import { layoutGraph } from "./layout";
import { simpleLayout } from "./simpleLayout";

/** Graphs with at least this many vertices get the simple layout first. */
export const PROGRESSIVE_MIN_VERTICES = 60;

const NONE: ReadonlySet<string> = new Set();

export interface LaidOut {
  layout: GraphLayout;
  /** The structure without expanded chains: a new one is a new graph, not a re-layout. */
  structure: string;
  /** performance.now() when the layout was asked for and when it came back. */
  startedAt: number;
  doneAt: number;
  /** The quick layout shown until ELK's arrives. */
  provisional: boolean;
}

interface LayoutRequest {
  key: string;
  structure: string;
  input: LayoutInput;
}

export function useGraphLayout(graph: JobGraph | undefined, expanded: ReadonlySet<string>): LaidOut | null {
  const key = graph === undefined ? null : layoutKey(graph, expanded);
  const [request, setRequest] = useState<LayoutRequest | null>(null);
  if (graph !== undefined && key !== null && key !== request?.key) {
    setRequest({ key, structure: layoutKey(graph, NONE), input: layoutInput(graph, expanded) });
  }
  const [laidOut, setLaidOut] = useState<LaidOut | null>(null);
  const laidOutStructure = useRef<string | null>(null);
  useEffect(() => {
    if (request === null) return;
    let current = true;
    const startedAt = performance.now();
    const fresh = laidOutStructure.current !== request.structure;
    laidOutStructure.current = request.structure;
    if (fresh && request.input.nodes.length >= PROGRESSIVE_MIN_VERTICES) {
      const layout = simpleLayout(request.input);
      setLaidOut({ layout, structure: request.structure, startedAt, doneAt: performance.now(), provisional: true });
    }
    void layoutGraph(request.input, request.key).then((layout) => {
      if (current) {
        setLaidOut({ layout, structure: request.structure, startedAt, doneAt: performance.now(), provisional: false });
      }
    });
    return () => {
      current = false;
    };
  }, [request]);
  return laidOut;
}
