// Each vertex's figures over the time the graph has been open, for the drawer's charts: one
// sample per metrics refresh, the last HISTORY_POINTS kept per vertex (30 minutes at one
// refresh every 5 s). Kept as state, appended while rendering when a new refresh arrived.
import { useState } from "react";
import type { GraphMetrics } from "../../../bindings/GraphMetrics";
import { appendBounded } from "../../../components/timeSeries";
import { watermarkLagSeconds } from "../format";

export const HISTORY_POINTS = 360;

export interface VertexSample {
  at: number;
  recordsIn: number | null;
  recordsOut: number | null;
  busy: number | null;
  backpressured: number | null;
  /** Seconds the low watermark was behind the sample's clock. */
  watermarkLag: number | null;
}

export type VertexHistory = Readonly<Record<string, readonly VertexSample[]>>;

export function appendSamples(history: VertexHistory, metrics: GraphMetrics, limit = HISTORY_POINTS): VertexHistory {
  const next: Record<string, readonly VertexSample[]> = { ...history };
  for (const vertex of metrics.vertices) {
    next[vertex.vertexId] = appendBounded(
      history[vertex.vertexId] ?? [],
      {
        at: metrics.at,
        recordsIn: vertex.recordsInPerSecond,
        recordsOut: vertex.recordsOutPerSecond,
        busy: vertex.busyPercent,
        backpressured: vertex.backpressuredPercent,
        watermarkLag: watermarkLagSeconds(vertex.lowWatermark, metrics.at),
      },
      limit,
    );
  }
  return next;
}

export function useVertexHistory(metrics: GraphMetrics | undefined): VertexHistory {
  const [state, setState] = useState<{ at: number | null; history: VertexHistory }>({ at: null, history: {} });
  if (metrics !== undefined && metrics.at !== state.at) {
    setState({ at: metrics.at, history: appendSamples(state.history, metrics) });
  }
  return state.history;
}
