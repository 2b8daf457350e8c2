// The recording's timeline as numbers, independent of React and the DOM: its span (the first
// to the last moment anything was recorded — events Flink reported from before the recording
// started included), the part recorded live, the job's state bands, a marker per event, and
// the scrubber's arithmetic — a time from a pointer's place or a key, the previous and next
// event, the first exception. The place/time arithmetic takes any TimeSpan, so it serves the
// zoomed view (timelineView.ts) as well as the whole timeline.
import type { EventKind } from "../../../bindings/EventKind";
import type { RecordingEvent } from "../../../bindings/RecordingEvent";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";

export interface TimelineBand {
  from: number;
  to: number;
  state: string;
}

export interface TimelineMarker {
  seq: number;
  at: number;
  kind: EventKind;
  summary: string;
}

/** A stretch of time, epoch ms: the whole timeline, or the part of it in view. */
export interface TimeSpan {
  start: number;
  end: number;
}

export interface Timeline extends TimeSpan {
  /** Recorded live from … to …; before it, only history Flink still reported. */
  recordedFrom: number;
  recordedTo: number;
  /** Sampling interval: one arrow-key step. */
  stepMs: number;
  bands: readonly TimelineBand[];
  /** Every event, in time order. */
  markers: readonly TimelineMarker[];
}

/** The kinds worth stopping at when stepping through problems only. */
export const PROBLEM_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(["exception", "checkpoint_failed", "restart", "job_state", "rescale"]);

export const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function buildTimeline(summary: RecordingSummary, events: readonly RecordingEvent[]): Timeline {
  const start = Math.min(summary.start, summary.end);
  const end = Math.max(summary.start, summary.end);
  const markers = events
    .map((e) => ({ seq: e.seq, at: e.at, kind: e.kind, summary: e.summary }))
    .sort((a, b) => a.at - b.at || a.seq - b.seq);
  return {
    start,
    end,
    recordedFrom: clamp(summary.manifest.start, start, end),
    recordedTo: clamp(summary.manifest.end ?? end, start, end),
    stepMs: Math.max(1, summary.manifest.intervalMs),
    bands: summary.stateBands.map((b) => ({ from: clamp(b.from, start, end), to: clamp(b.to, start, end), state: b.state })).filter((b) => b.to > b.from),
    markers,
  };
}

export function clampTime(span: TimeSpan, at: number): number {
  return Math.round(clamp(at, span.start, span.end));
}

/** Where `at` sits along `span`, 0 (start) to 1 (end). */
export function fractionAt(span: TimeSpan, at: number): number {
  const length = span.end - span.start;
  return length <= 0 ? 0 : clamp((at - span.start) / length, 0, 1);
}

export function timeAtFraction(span: TimeSpan, fraction: number): number {
  return clampTime(span, span.start + clamp(fraction, 0, 1) * (span.end - span.start));
}

/** The time under a pointer at `clientX` over `span` drawn at `left` … `left + width`. */
export function timeAtPointer(span: TimeSpan, clientX: number, track: { left: number; width: number }): number {
  return timeAtFraction(span, track.width <= 0 ? 0 : (clientX - track.left) / track.width);
}

/** The first event after `at` (of `kinds`, when given). */
export function nextEvent(timeline: Timeline, at: number, kinds?: ReadonlySet<EventKind>): TimelineMarker | undefined {
  return timeline.markers.find((m) => m.at > at && (kinds === undefined || kinds.has(m.kind)));
}

/** The last event before `at` (of `kinds`, when given). */
export function previousEvent(timeline: Timeline, at: number, kinds?: ReadonlySet<EventKind>): TimelineMarker | undefined {
  return timeline.markers.findLast((m) => m.at < at && (kinds === undefined || kinds.has(m.kind)));
}

/** The last event at or before `at`: what happened most recently at the scrubbed time. */
export function latestEvent(timeline: Timeline, at: number): TimelineMarker | undefined {
  return timeline.markers.findLast((m) => m.at <= at);
}

export function firstException(timeline: Timeline): TimelineMarker | undefined {
  return timeline.markers.find((m) => m.kind === "exception");
}

/**
 * The time a key moves the scrubber to, or null for a key it ignores: ←/→ one sampling
 * interval (×10 with Shift), PageUp/PageDown the previous/next event, Home/End the ends.
 */
export function timeForKey(timeline: Timeline, at: number, key: string, shift: boolean): number | null {
  const step = timeline.stepMs * (shift ? 10 : 1);
  switch (key) {
    case "ArrowLeft":
    case "ArrowDown":
      return clampTime(timeline, at - step);
    case "ArrowRight":
    case "ArrowUp":
      return clampTime(timeline, at + step);
    case "PageUp":
      return previousEvent(timeline, at)?.at ?? timeline.start;
    case "PageDown":
      return nextEvent(timeline, at)?.at ?? timeline.end;
    case "Home":
      return timeline.start;
    case "End":
      return timeline.end;
    default:
      return null;
  }
}

/** Where to start: the first poll of the live part, so the graph has figures at once. */
export function initialTime(timeline: Timeline): number {
  return clampTime(timeline, timeline.recordedFrom + timeline.stepMs);
}

/** The state band a time falls in (the job's state then), if any. */
export function stateAt(timeline: Timeline, at: number): string | undefined {
  return timeline.bands.findLast((b) => b.from <= at && at <= b.to)?.state;
}
