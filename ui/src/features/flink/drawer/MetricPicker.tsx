// Any metric a vertex's subtasks report, charted while the drawer is open: a searchable list
// of the vertex's metric names; up to MAX_PICKED chosen ones are read at the job's refresh
// interval, aggregated over the subtasks, and charted as min, average and max.
import { useId, useMemo, useState } from "react";
import { TimeSeriesChart } from "../../../components/TimeSeriesChart";
import { appendBounded } from "../../../components/timeSeries";
import { pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { formatNumber } from "../format";
import { HISTORY_POINTS } from "../graph/vertexHistory";
import { useVertexMetricNames, useVertexMetrics, type RefreshMs } from "../queries";

export const MAX_PICKED = 6;
/** Names listed at once; the search narrows the rest. */
const LISTED = 150;

interface MetricPoint {
  at: number;
  min: number | null;
  avg: number | null;
  max: number | null;
}

interface MetricPickerProps {
  connectionId: string;
  jobId: string;
  vertexId: string;
  refreshMs: RefreshMs;
}

export function filterMetricNames(names: readonly string[], search: string): string[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return names.filter((name) => words.every((word) => name.toLowerCase().includes(word)));
}

export function MetricPicker({ connectionId, jobId, vertexId, refreshMs }: MetricPickerProps) {
  const searchId = useId();
  const names = useVertexMetricNames(connectionId, jobId, vertexId);
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<readonly string[]>([]);
  const values = useVertexMetrics(connectionId, jobId, vertexId, picked, refreshMs);
  const [history, setHistory] = useState<{ at: number; points: Readonly<Record<string, readonly MetricPoint[]>> }>({
    at: 0,
    points: {},
  });
  if (values.data !== undefined && values.dataUpdatedAt !== history.at) {
    const points = { ...history.points };
    for (const metric of values.data) {
      points[metric.id] = appendBounded(points[metric.id] ?? [], { at: values.dataUpdatedAt, ...metric }, HISTORY_POINTS);
    }
    setHistory({ at: values.dataUpdatedAt, points });
  }
  const matching = useMemo(() => filterMetricNames(names.data ?? [], search), [names.data, search]);
  const full = picked.length >= MAX_PICKED;
  const toggle = (name: string) => {
    setPicked((current) => (current.includes(name) ? current.filter((n) => n !== name) : [...current, name].slice(0, MAX_PICKED)));
  };

  return (
    <div className="metric-picker" data-testid="metric-picker">
      {names.error !== null && (
        <InlineError
          error={names.error}
          onRetry={() => {
            void names.refetch();
          }}
        />
      )}
      {names.isPending && <Spinner label="Loading metric names…" />}
      {names.data !== undefined && (
        <>
          <div className="metric-picker__head">
            <label className="visually-hidden" htmlFor={searchId}>
              Search metrics
            </label>
            <input
              id={searchId}
              type="search"
              className="search-input"
              placeholder="Search metrics"
              autoComplete="off"
              spellCheck={false}
              data-testid="metric-search"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
              }}
            />
            <span className="muted" data-testid="metric-picked-count" data-value={picked.length}>
              {picked.length} of {MAX_PICKED} picked · {pluralize(matching.length, "metric")}
            </span>
          </div>
          <ul className="metric-picker__list" aria-label="Metrics">
            {matching.slice(0, LISTED).map((name) => {
              const checked = picked.includes(name);
              return (
                <li key={name}>
                  <label className="checkbox-label mono" title={full && !checked ? `At most ${String(MAX_PICKED)} metrics at a time` : name}>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={full && !checked}
                      data-testid="metric-option"
                      data-metric={name}
                      onChange={() => {
                        toggle(name);
                      }}
                    />
                    {name}
                  </label>
                </li>
              );
            })}
            {matching.length > LISTED && <li className="muted">{matching.length - LISTED} more: narrow the search</li>}
          </ul>
        </>
      )}
      {values.error !== null && <InlineError error={values.error} />}
      {picked.map((name) => {
        const points = history.points[name] ?? [];
        const pick = (key: "min" | "avg" | "max") => points.map((p) => ({ at: p.at, value: p[key] }));
        return (
          <div key={name} data-testid="metric-chart" data-metric={name}>
            <TimeSeriesChart
              title={name}
              testId="metric-chart-plot"
              format={formatNumber}
              series={[
                { name: "avg", points: pick("avg") },
                { name: "min", points: pick("min"), tone: "muted" },
                { name: "max", points: pick("max"), tone: "muted" },
              ]}
            />
          </div>
        );
      })}
    </div>
  );
}
