// How a vertex is coloured, like Flink's dashboard: back-pressure first — a vertex held up
// by its outputs is tinted orange to red by how much of its time it waits — else by how
// busy it is, blue (little) to orange (always busy); a vertex doing nothing is grey, and one
// without figures yet is neutral. Scales are mixed in RGB, so busy goes from blue to orange
// through a muted middle rather than through green (which would read as "healthy"). Fills
// are translucent over the theme's background, so they work in light and dark mode.
import type { VertexMetrics } from "../../../bindings/VertexMetrics";

/** From this share of back-pressured time on, the back-pressure scale wins over busyness. */
export const BACKPRESSURE_FROM = 10;
/** Below this busy share, with no records moving, a vertex counts as idle. */
export const IDLE_BELOW = 5;

export type ToneKind = "unknown" | "idle" | "busy" | "backpressured";

export interface VertexTone {
  kind: ToneKind;
  /** 0–1 along the kind's scale. */
  level: number;
  fill: string;
  stroke: string;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

type Rgb = readonly [number, number, number];

const BLUE: Rgb = [37, 131, 235];
const ORANGE: Rgb = [240, 136, 31];
const RED: Rgb = [214, 40, 40];
const SCALES: Record<"busy" | "backpressured", readonly [Rgb, Rgb]> = {
  busy: [BLUE, ORANGE],
  backpressured: [ORANGE, RED],
};

function mix([from, to]: readonly [Rgb, Rgb], level: number): string {
  return from.map((c, i) => Math.round(c + ((to[i] ?? c) - c) * level)).join(" ");
}

function tinted(kind: "busy" | "backpressured", level: number): VertexTone {
  const rgb = mix(SCALES[kind], level);
  const alpha = (kind === "busy" ? 0.12 + 0.2 * level : 0.24 + 0.24 * level).toFixed(2);
  return { kind, level, fill: `rgb(${rgb} / ${alpha})`, stroke: `rgb(${rgb})` };
}

const NEUTRAL: VertexTone = { kind: "unknown", level: 0, fill: "var(--bg)", stroke: "var(--border-strong)" };
const IDLE: VertexTone = { kind: "idle", level: 0, fill: "hsl(220 8% 55% / 0.12)", stroke: "hsl(220 8% 55%)" };

export function vertexTone(metrics: VertexMetrics | null | undefined): VertexTone {
  if (metrics === null || metrics === undefined) return NEUTRAL;
  const { busyPercent: busy, backpressuredPercent: backpressured } = metrics;
  if (backpressured !== null && backpressured >= BACKPRESSURE_FROM) {
    return tinted("backpressured", clamp((backpressured - BACKPRESSURE_FROM) / (100 - BACKPRESSURE_FROM)));
  }
  if (busy === null) return NEUTRAL;
  const moving = (metrics.recordsInPerSecond ?? 0) > 0 || (metrics.recordsOutPerSecond ?? 0) > 0;
  if (busy < IDLE_BELOW && !moving) return IDLE;
  return tinted("busy", clamp(busy / 100));
}

/** A CSS gradient along a scale, for the legend. */
export function scaleGradient(kind: "busy" | "backpressured"): string {
  const [from, to] = SCALES[kind];
  return `linear-gradient(to right, rgb(${from.join(" ")}), rgb(${to.join(" ")}))`;
}
