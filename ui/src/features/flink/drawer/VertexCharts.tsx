// A vertex's figures since the graph was opened, one sample per refresh: records in and out
// per second, busy and back-pressured share, and how far the low watermark is behind.
import { TimeSeriesChart } from "../../../components/TimeSeriesChart";
import { formatDuration, formatPercent, formatRate } from "../format";
import type { VertexSample } from "../graph/vertexHistory";

function series(history: readonly VertexSample[], pick: (sample: VertexSample) => number | null) {
  return history.map((sample) => ({ at: sample.at, value: pick(sample) }));
}

export function VertexCharts({ history }: { history: readonly VertexSample[] }) {
  return (
    <div className="drawer-charts">
      <TimeSeriesChart
        title="Records per second"
        testId="chart-records"
        format={formatRate}
        series={[
          { name: "in", points: series(history, (s) => s.recordsIn) },
          { name: "out", points: series(history, (s) => s.recordsOut), tone: "secondary" },
        ]}
      />
      <TimeSeriesChart
        title="Busy and back-pressured"
        testId="chart-busy"
        format={formatPercent}
        series={[
          { name: "busy", points: series(history, (s) => s.busy) },
          { name: "back-pressured", points: series(history, (s) => s.backpressured), tone: "secondary" },
        ]}
      />
      <TimeSeriesChart
        title="Watermark lag"
        testId="chart-watermark"
        format={(seconds) => formatDuration(seconds * 1000)}
        series={[{ name: "behind now", points: series(history, (s) => s.watermarkLag) }]}
        waiting="no watermark yet"
      />
    </div>
  );
}
