// The selected vertex's charted series up to the scrubbed time, read through the cache one
// request at a time (the newest vertex and time win; those in between are skipped).
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { VertexSample } from "../../flink/graph/vertexHistory";
import { fetchSeries } from "../queries";
import { useLatestOnly } from "../useLatestOnly";
import { CHARTED_METRICS, samplesFromSeries } from "./recordedSamples";

interface SeriesQuery {
  vertexId: string;
  until: number;
}

const identify = ({ vertexId, until }: SeriesQuery) => `${vertexId}@${String(until)}`;

export function useRecordedSamples(path: string, vertexId: string, until: number) {
  const queryClient = useQueryClient();
  const load = useCallback(
    async (query: SeriesQuery): Promise<VertexSample[]> => {
      const series = await Promise.all(CHARTED_METRICS.map((metric) => fetchSeries(queryClient, path, query.vertexId, metric, query.until)));
      return samplesFromSeries(series);
    },
    [queryClient, path],
  );
  return useLatestOnly<SeriesQuery, VertexSample[]>({ vertexId, until }, identify, load);
}
