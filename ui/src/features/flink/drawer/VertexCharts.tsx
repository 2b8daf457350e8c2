// A vertex's figures over time, one point per sample: records in and out per second, busy
// and back-pressured share, and how far the low watermark is behind. The live drawer gives
// the refreshes since the graph was opened; a recording's drawer the recorded samples up to
// the scrubbed time (and says what an empty chart means there: `waiting`).
import { TimeSeriesChart } from "../../../components/TimeSeriesChart";
import { formatDuration, formatPercent, formatRate } from "../format";
import type { VertexSample } from "../graph/vertexHistory";

function series(history: readonly VertexSample[], pick: (sample: VertexSample) => number | null) {
  return history.map((sample) => ({ at: sample.at, value: pick(sample) }));
}

interface VertexChartsProps {
  history: readonly VertexSample[];
  /** The caption of a chart without samples; the live default waits for the next refresh. */
  waiting?: string;
}

export function VertexCharts({ history, waiting }: VertexChartsProps) {
  const empty = waiting === undefined ? {} : { waiting };
  return (
    <div className="drawer-charts">
      <TimeSeriesChart
        title="Records per second"
        testId="chart-records"
        format={formatRate}
        {...empty}
        series={[
          { name: "in", points: series(history, (s) => s.recordsIn) },
          { name: "out", points: series(history, (s) => s.recordsOut), tone: "secondary" },
        ]}
      />
      <TimeSeriesChart
        title="Busy and back-pressured"
        testId="chart-busy"
        format={formatPercent}
        {...empty}
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
        waiting={waiting ?? "no watermark yet"}
      />
    </div>
  );
}
