// A small time-series chart: one or a few series over time as inline SVG lines — no chart
// library for a handful of points — scaled from 0 (or the lowest value, when negative) to
// the highest value seen, with the first series' latest value written out. Points sit at
// their time, so irregular samples (checkpoints) keep their spacing; a null value is a gap.
// Used by the consumer-group lag chart and the Flink graph, drawer and checkpoint charts.
import { formatLocalTime } from "./format";
import type { TimePoint } from "./timeSeries";
import "./timeSeriesChart.css";

export type SeriesTone = "primary" | "secondary" | "muted";

export interface ChartSeries {
  name: string;
  points: readonly TimePoint[];
  tone?: SeriesTone;
}

interface TimeSeriesChartProps {
  title: string;
  /** The first series is the one whose latest value and sample count the caption gives. */
  series: readonly ChartSeries[];
  format: (value: number) => string;
  testId: string;
  /** Replaces the caption's "now … · highest … · N samples". */
  summary?: string;
  /** Shown in the caption before the first sample. */
  waiting?: string;
}

const WIDTH = 600;
const HEIGHT = 80;
const PAD = 4;

function latestValue(points: readonly TimePoint[]): number | undefined {
  for (let i = points.length - 1; i >= 0; i--) {
    const value = points[i]?.value;
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
}

/** Runs of consecutive non-null points: each is drawn as one line. */
function segments(points: readonly TimePoint[]): { at: number; value: number }[][] {
  const runs: { at: number; value: number }[][] = [];
  let current: { at: number; value: number }[] = [];
  for (const { at, value } of points) {
    if (value === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push({ at, value });
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

export function TimeSeriesChart({ title, series, format, testId, summary, waiting = "waiting for the first answer…" }: TimeSeriesChartProps) {
  const main = series[0]?.points ?? [];
  const latest = latestValue(main);
  const all = series.flatMap((s) => s.points);
  const values = all.flatMap((p) => (p.value === null ? [] : [p.value]));
  const highest = Math.max(0, ...values);
  const lowest = Math.min(0, ...values);
  const span = Math.max(highest - lowest, Number.EPSILON);
  const times = all.map((p) => p.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const duration = last - first;
  const x = (at: number) => PAD + ((at - first) / duration) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - ((value - lowest) / span) * (HEIGHT - 2 * PAD);
  const line = (run: { at: number; value: number }[]) => {
    const head = run[0];
    if (head === undefined) return "";
    // A single moment is drawn as a level line across the plot (the value so far); a lone
    // point between gaps as a short dash.
    const shown =
      duration <= 0
        ? [{ px: PAD, value: head.value }, { px: WIDTH - PAD, value: head.value }]
        : run.length === 1
          ? [{ px: x(head.at) - 3, value: head.value }, { px: x(head.at) + 3, value: head.value }]
          : run.map((p) => ({ px: x(p.at), value: p.value }));
    return shown.map((p) => `${p.px.toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  };
  const caption =
    summary ??
    (latest === undefined
      ? waiting
      : `now ${format(latest)} · highest ${format(highest)} · ${String(main.length)} sample${main.length === 1 ? "" : "s"}`);

  return (
    <figure className="ts-chart" data-testid={testId} data-points={main.length} data-latest={latest} aria-label={title}>
      <figcaption className="ts-chart__caption">
        <span>{title}</span>
        <span className="muted">{caption}</span>
      </figcaption>
      <svg
        className="ts-chart__plot"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={latest === undefined ? "No samples yet" : `${title}, latest ${format(latest)}`}
      >
        <line className="ts-chart__axis" x1={0} y1={y(0)} x2={WIDTH} y2={y(0)} />
        {series.map((s) =>
          segments(s.points).map((run) => (
            <polyline
              key={`${s.name}-${String(run[0]?.at)}`}
              className={`ts-chart__line ts-chart__line--${s.tone ?? "primary"}`}
              points={line(run)}
            />
          )),
        )}
      </svg>
      {series.length > 1 && (
        <ul className="ts-chart__legend">
          {series.map((s) => (
            <li key={s.name}>
              <span className={`ts-chart__swatch ts-chart__line--${s.tone ?? "primary"}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {all.length > 0 && (
        <div className="ts-chart__times muted">
          <span>{formatLocalTime(first, "clock")}</span>
          <span>{formatLocalTime(last, "clock")}</span>
        </div>
      )}
    </figure>
  );
}
