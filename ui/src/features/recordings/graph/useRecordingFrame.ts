// What the graph shows at the scrubbed time: the job graph as recorded then and every
// vertex's figures sampled then, read together through the cache, one time at a time
// (LatestOnlyLoader: dragging or playing skips the times in between). The graph keeps its
// objects while their content is the same — the job's graph snapshot rarely changes from one
// time to the next — so a new time re-lays out nothing and re-draws only the vertices whose
// figures changed.
import { replaceEqualDeep, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import type { JobGraph } from "../../../bindings/JobGraph";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { fetchGraphAt, fetchMetricsAt } from "../queries";
import { useLatestOnly } from "../useLatestOnly";

export interface RecordingFrame {
  at: number;
  graph: JobGraph;
  metrics: VertexMetrics[];
}

const identifyTime = (at: number) => at;

export function useRecordingFrame(path: string, at: number) {
  const queryClient = useQueryClient();
  const lastGraph = useRef<JobGraph | undefined>(undefined);
  const load = useCallback(
    async (time: number): Promise<RecordingFrame> => {
      const [graph, metrics] = await Promise.all([fetchGraphAt(queryClient, path, time), fetchMetricsAt(queryClient, path, time)]);
      const stable = replaceEqualDeep(lastGraph.current, graph);
      lastGraph.current = stable;
      return { at: time, graph: stable, metrics };
    },
    [queryClient, path],
  );
  return useLatestOnly(at, identifyTime, load);
}
