// The side panel for one vertex of a recording's graph (in the live drawer's frame): its
// figures at the scrubbed time, the records it had read and written by then, and its charts
// from the start of the recording up to that time.
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { VertexMetrics } from "../../../bindings/VertexMetrics";
import { formatLocalTime } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { VertexCharts } from "../../flink/drawer/VertexCharts";
import { VertexDrawerFrame } from "../../flink/drawer/VertexDrawerFrame";
import { formatNumber } from "../../flink/format";
import { useRecordedSamples } from "./useRecordedSamples";

interface RecordingVertexDrawerProps {
  path: string;
  vertex: GraphVertex;
  metrics: VertexMetrics | null;
  /** The time the graph shows: the charts end there. */
  until: number;
  onClose: () => void;
}

export function RecordingVertexDrawer({ path, vertex, metrics, until, onClose }: RecordingVertexDrawerProps) {
  const samples = useRecordedSamples(path, vertex.id, until);
  return (
    <VertexDrawerFrame
      vertex={vertex}
      metrics={metrics}
      onClose={onClose}
      facts={
        <div>
          <dt>Read / written</dt>
          <dd data-testid="drawer-records">
            {formatNumber(metrics?.readRecords ?? null)} / {formatNumber(metrics?.writeRecords ?? null)}
          </dd>
        </div>
      }
    >
      {samples.error !== null && <InlineError error={samples.error} />}
      <section className="drawer-section" aria-label="Over time" data-testid="drawer-recorded" data-until={samples.dataQuery?.until}>
        <h5>Recorded up to {formatLocalTime(until, "clock-millis")}</h5>
        <VertexCharts history={samples.data ?? []} waiting={samples.data === undefined ? "reading the recording…" : "nothing recorded up to this time"} />
      </section>
    </VertexDrawerFrame>
  );
}
