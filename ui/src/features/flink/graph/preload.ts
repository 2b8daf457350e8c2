// The Graph tab's code (React Flow and the graph components, a chunk of their own) loaded on
// demand, and the ELK layout worker started, ahead of the first graph: the Flink views call
// preloadGraph() when they open. useGraphTab() gives the component once loaded — without
// Suspense, whose reveal React holds back for 300 ms, which would count against the graph's
// first paint.
import { useEffect, useState } from "react";
import { warmUpLayout } from "./elkEngine";
// Types only: erased, so the chunk stays separate.
import type * as GraphTabExports from "./GraphTab";

type GraphTabModule = typeof GraphTabExports;

let loaded: GraphTabModule | null = null;
let loading: Promise<GraphTabModule> | null = null;

function loadGraphTab(): Promise<GraphTabModule> {
  loading ??= import("./GraphTab").then((module) => (loaded = module));
  return loading;
}

export function preloadGraph(): void {
  warmUpLayout();
  loadGraphTab().catch(() => undefined);
}

/** The GraphTab component, or null while its code loads. */
export function useGraphTab(): GraphTabModule["GraphTab"] | null {
  const [module, setModule] = useState<GraphTabModule | null>(loaded);
  useEffect(() => {
    if (module === null) void loadGraphTab().then(setModule);
  }, [module]);
  return module?.GraphTab ?? null;
}
