// The laid-out graph for the graph tab. Layout depends on the graph's structure and on which
// chains are shown — never on metrics — so refreshes reuse it and a re-read of the same job
// graph does not lay it out again. While a new layout runs (a chain was expanded) the last
// one stays on screen; an answer for an older request is dropped.
import { useEffect, useState } from "react";
import type { JobGraph } from "../../../bindings/JobGraph";
import { layoutInput, layoutKey, type GraphLayout, type LayoutInput } from "./graphModel";
import { layoutGraph } from "./layout";

const NONE: ReadonlySet<string> = new Set();

export interface LaidOut {
  layout: GraphLayout;
  /** The structure without expanded chains: a new one is a new graph, not a re-layout. */
  structure: string;
  /** performance.now() when the layout was asked for and when it came back. */
  startedAt: number;
  doneAt: number;
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
  useEffect(() => {
    if (request === null) return;
    let current = true;
    const startedAt = performance.now();
    void layoutGraph(request.input, request.key).then((layout) => {
      if (current) setLaidOut({ layout, structure: request.structure, startedAt, doneAt: performance.now() });
    });
    return () => {
      current = false;
    };
  }, [request]);
  return laidOut;
}
