// Above the graph: the refresh interval, Refresh now, what the last refresh cost the Flink
// REST API ("N requests/refresh", and how many on-screen vertices fell back to counters over
// the budget), when it was taken, and Fit view (also above a recording's graph).
import { useReactFlow } from "@xyflow/react";
import type { GraphMetrics } from "../../../bindings/GraphMetrics";
import { formatLocalTime, pluralize } from "../../../components/format";
import { type RefreshMs } from "../queries";
import { RefreshSelect } from "../RefreshSelect";
import { FIT_VIEW_OPTIONS } from "./GraphCanvas";

interface GraphToolbarProps {
  metrics: GraphMetrics | undefined;
  fetching: boolean;
  refreshMs: RefreshMs;
  onRefreshChange: (value: RefreshMs) => void;
  onRefreshNow: () => void;
}

export function FitViewButton() {
  const flow = useReactFlow();
  return (
    <button
      type="button"
      className="button"
      data-testid="graph-fit"
      onClick={() => {
        void flow.fitView(FIT_VIEW_OPTIONS);
      }}
    >
      Fit view
    </button>
  );
}

export function GraphToolbar({ metrics, fetching, refreshMs, onRefreshChange, onRefreshNow }: GraphToolbarProps) {
  const pending = metrics?.vertices.every((v) => v.source === "pending") === true;
  return (
    <div className="toolbar graph-toolbar">
      <RefreshSelect value={refreshMs} onChange={onRefreshChange} />
      <button type="button" className="button" data-testid="graph-refresh" disabled={fetching} onClick={onRefreshNow}>
        {fetching ? "Refreshing…" : "Refresh now"}
      </button>
      {metrics !== undefined && (
        <span
          className="muted graph-toolbar__cost"
          data-testid="graph-requests"
          data-value={metrics.requests}
          data-over-budget={metrics.overBudget}
          title={
            metrics.overBudget > 0
              ? `The vertices on screen are read in detail, up to a budget per refresh; ${pluralize(metrics.overBudget, "more vertex", "more vertices")} on screen came from the job's counters.`
              : "HTTP requests to Flink per refresh: one for the job, one per vertex on screen (up to a budget)."
          }
        >
          {pluralize(metrics.requests, "request")}/refresh
          {metrics.overBudget > 0 && ` (+${String(metrics.overBudget)} over budget)`}
        </span>
      )}
      {metrics !== undefined && (
        <span className="muted graph-toolbar__at" data-testid="graph-sampled-at">
          {pending ? "rates from the next refresh" : formatLocalTime(metrics.at, "clock")}
        </span>
      )}
      <span className="toolbar__spacer" />
      <FitViewButton />
    </div>
  );
}
