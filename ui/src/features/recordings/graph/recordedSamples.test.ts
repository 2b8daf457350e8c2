// Recorded series merged into chart samples: by time, gaps where a metric was not sampled,
// the watermark as its lag behind the sample's time, unknown metrics ignored.
import { describe, expect, it } from "vitest";
import { samplesFromSeries } from "./recordedSamples";

describe("samplesFromSeries", () => {
  it("merges the series by time, leaving gaps where a metric was not sampled", () => {
    const samples = samplesFromSeries([
      { vertexId: "v", metric: "busyPercent", points: [[2_000, 40], [1_000, 30]] },
      { vertexId: "v", metric: "recordsInPerSecond", points: [[1_000, 12]] },
      { vertexId: "v", metric: "lowWatermark", points: [[2_000, 500]] },
      { vertexId: "v", metric: "numRestarts", points: [[3_000, 1]] },
    ]);
    expect(samples).toEqual([
      { at: 1_000, recordsIn: 12, recordsOut: null, busy: 30, backpressured: null, watermarkLag: null },
      { at: 2_000, recordsIn: null, recordsOut: null, busy: 40, backpressured: null, watermarkLag: 1.5 },
    ]);
  });

  it("gives nothing for nothing recorded", () => {
    expect(samplesFromSeries([{ vertexId: "v", metric: "busyPercent", points: [] }])).toEqual([]);
  });
});
