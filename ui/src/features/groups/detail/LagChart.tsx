// Total lag over time while the group's view is open: one point per poll, the last 120
// (10 minutes at one poll every 5 s). A small inline SVG line — no chart library for one
// series — scaled from 0 to the highest lag seen, with the latest value written out.
import { formatCount, formatLocalTime } from "../../../components/format";
import type { LagPoint } from "../lagHistory";

const WIDTH = 600;
const HEIGHT = 80;
const PAD = 4;

export function LagChart({ points }: { points: readonly LagPoint[] }) {
  const latest = points.at(-1);
  const highest = Math.max(0, ...points.map((p) => p.lag));
  const scale = Math.max(1, highest);
  const y = (lag: number) => HEIGHT - PAD - (lag / scale) * (HEIGHT - 2 * PAD);
  const first = points[0];
  // One sample is drawn as a level line across the plot: the lag so far.
  const shown = points.length === 1 && first !== undefined ? [first, first] : points;
  const line = shown
    .map((p, i) => `${(PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, shown.length - 1)).toFixed(1)},${y(p.lag).toFixed(1)}`)
    .join(" ");
  return (
    <figure
      className="lag-chart"
      data-testid="lag-chart"
      data-points={points.length}
      data-latest={latest?.lag}
      aria-label="Total lag over time"
    >
      <figcaption className="lag-chart__caption">
        <span>Total lag over time</span>
        <span className="muted">
          {latest === undefined
            ? "waiting for the first answer…"
            : `now ${formatCount(latest.lag)} · highest ${formatCount(highest)} · ${String(points.length)} sample${points.length === 1 ? "" : "s"}, one every 5 s`}
        </span>
      </figcaption>
      <svg
        className="lag-chart__plot"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={latest === undefined ? "No samples yet" : `Total lag, latest ${formatCount(latest.lag)}`}
      >
        <line className="lag-chart__axis" x1={0} y1={HEIGHT - PAD} x2={WIDTH} y2={HEIGHT - PAD} />
        {shown.length > 0 && <polyline className="lag-chart__line" points={line} />}
      </svg>
      {first !== undefined && latest !== undefined && (
        <div className="lag-chart__times muted">
          <span>{formatLocalTime(first.at).slice(11, 19)}</span>
          <span>{formatLocalTime(latest.at).slice(11, 19)}</span>
        </div>
      )}
    </figure>
  );
}
