// What the graph's colours mean: the busy scale, the back-pressure scale (which wins from
// BACKPRESSURE_FROM % on), idle, and no figures yet.
import { BACKPRESSURE_FROM, scaleGradient, vertexTone } from "./vertexTone";

export function GraphLegend() {
  const idle = vertexTone({
    vertexId: "",
    recordsInPerSecond: 0,
    recordsOutPerSecond: 0,
    busyPercent: 0,
    backpressuredPercent: 0,
    lowWatermark: null,
    readRecords: null,
    writeRecords: null,
    source: "counters",
  });
  return (
    <ul className="graph-legend" data-testid="graph-legend" aria-label="Legend">
      <li>
        <span className="graph-legend__scale" style={{ background: scaleGradient("busy") }} aria-hidden="true" />
        Busy 0 → 100%
      </li>
      <li>
        <span className="graph-legend__scale" style={{ background: scaleGradient("backpressured") }} aria-hidden="true" />
        Back-pressured {BACKPRESSURE_FROM} → 100%
      </li>
      <li>
        <span
          className="graph-legend__swatch graph-legend__swatch--idle"
          style={{ background: idle.fill, borderColor: idle.stroke }}
          aria-hidden="true"
        />
        Idle
      </li>
      <li>
        <span className="graph-legend__swatch" aria-hidden="true" />
        No figures yet
      </li>
    </ul>
  );
}
