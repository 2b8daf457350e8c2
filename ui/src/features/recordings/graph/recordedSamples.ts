// A vertex's recorded series turned into the samples the drawer's charts draw (the live
// drawer's VertexSample): one per sampled moment, each metric where it was sampled and a gap
// where it was not, the watermark as how far it was behind its own sample's time.
import type { MetricSeries } from "../../../bindings/MetricSeries";
import type { RecordedMetric } from "../../../platform";
import { watermarkLagSeconds } from "../../flink/format";
import type { VertexSample } from "../../flink/graph/vertexHistory";

/** The series the drawer charts. */
export const CHARTED_METRICS = ["recordsInPerSecond", "recordsOutPerSecond", "busyPercent", "backpressuredPercent", "lowWatermark"] as const satisfies readonly RecordedMetric[];

export type ChartedMetric = (typeof CHARTED_METRICS)[number];

function emptySample(at: number): VertexSample {
  return { at, recordsIn: null, recordsOut: null, busy: null, backpressured: null, watermarkLag: null };
}

export function samplesFromSeries(series: readonly MetricSeries[]): VertexSample[] {
  const byTime = new Map<number, VertexSample>();
  for (const { metric, points } of series) {
    for (const [at, value] of points) {
      const sample = byTime.get(at) ?? emptySample(at);
      switch (metric) {
        case "recordsInPerSecond":
          sample.recordsIn = value;
          break;
        case "recordsOutPerSecond":
          sample.recordsOut = value;
          break;
        case "busyPercent":
          sample.busy = value;
          break;
        case "backpressuredPercent":
          sample.backpressured = value;
          break;
        case "lowWatermark":
          sample.watermarkLag = watermarkLagSeconds(value, at);
          break;
        default:
          // A metric the charts do not draw.
          continue;
      }
      byTime.set(at, sample);
    }
  }
  return [...byTime.values()].sort((a, b) => a.at - b.at);
}
