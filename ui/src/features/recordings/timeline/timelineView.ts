// The part of the timeline in view, as numbers, independent of React and the DOM. A recording
// often carries history from before it started (events Flink still reported), which would
// squeeze the recording itself into a sliver at the right: the view starts on the recording
// window and the rest is collapsed beside it. Zooming around a point, panning, expanding to
// either end, revealing a time (the scrubbed time is always brought into view as it moves)
// and the keys and wheel that do these all return a view clamped to the timeline: at least
// MIN_SPAN_MS long (the whole timeline when it is shorter), never past either end. Pixels
// come in only as deltas and widths; it reads no DOM and holds no state.
import { clamp, type Timeline, type TimelineMarker, type TimeSpan } from "./timelineModel";

export const MIN_SPAN_MS = 1_000;
/** One zoom step (a key or a button): half or double the span. */
export const ZOOM_STEP = 2;
/** History shorter than this share of the recording window stays on the track, uncollapsed. */
export const COLLAPSE_HISTORY_RATIO = 0.1;
/** A time revealed just past an edge lands this share of the span inside it. */
export const REVEAL_MARGIN = 0.1;
/** Wheel pixels that double (or halve) the span: a mouse notch (100 px) is about ×1.26. */
const WHEEL_PIXELS_PER_DOUBLING = 300;
/** WheelEvent.deltaMode: pixels, lines, pages. */
const LINE_PIXELS = 16;

export const spanOf = (span: TimeSpan) => span.end - span.start;

const minSpan = (timeline: Timeline) => Math.min(MIN_SPAN_MS, spanOf(timeline));

export const isInView = (view: TimeSpan, at: number) => at >= view.start && at <= view.end;

export const sameView = (a: TimeSpan, b: TimeSpan) => a.start === b.start && a.end === b.end;

/** `view` kept inside the timeline and between the shortest and the longest span, in whole ms. */
export function clampView(timeline: Timeline, view: TimeSpan): TimeSpan {
  const length = Math.round(clamp(spanOf(view), minSpan(timeline), spanOf(timeline)));
  const centre = (view.start + view.end) / 2;
  const start = Math.round(clamp(centre - length / 2, timeline.start, timeline.end - length));
  const end = start + length;
  // The same object when nothing changed, so callers can tell a no-op by identity.
  return start === view.start && end === view.end ? view : { start, end };
}

export function wholeView(timeline: Timeline): TimeSpan {
  return { start: timeline.start, end: timeline.end };
}

/**
 * What "Fit" shows, and the view a recording opens on: the recording window, unless there is
 * next to no history before it (or no window to speak of), when it is the whole timeline.
 */
export function defaultView(timeline: Timeline): TimeSpan {
  const recording = { start: timeline.recordedFrom, end: timeline.recordedTo };
  const history = timeline.recordedFrom - timeline.start;
  if (spanOf(recording) < MIN_SPAN_MS || history <= spanOf(recording) * COLLAPSE_HISTORY_RATIO) return wholeView(timeline);
  return clampView(timeline, recording);
}

/** `factor` times the span (below 1 zooms in), `anchor` staying where it is on the track. */
export function zoomAround(timeline: Timeline, view: TimeSpan, anchor: number, factor: number): TimeSpan {
  const length = spanOf(view);
  const next = clamp(length * factor, minSpan(timeline), spanOf(timeline));
  const share = length <= 0 ? 0.5 : clamp((anchor - view.start) / length, 0, 1);
  const start = anchor - share * next;
  return clampView(timeline, { start, end: start + next });
}

/** What a zoom key or button zooms around: the scrubbed time when in view, else the middle. */
export function zoomAnchor(view: TimeSpan, at: number): number {
  return isInView(view, at) ? at : (view.start + view.end) / 2;
}

export function panBy(timeline: Timeline, view: TimeSpan, deltaMs: number): TimeSpan {
  return clampView(timeline, { start: view.start + deltaMs, end: view.end + deltaMs });
}

/** The view moved `pixels` later along a track `width` pixels wide (negative: earlier). */
export function panByPixels(timeline: Timeline, view: TimeSpan, pixels: number, width: number): TimeSpan {
  return width <= 0 ? view : panBy(timeline, view, (pixels / width) * spanOf(view));
}

export type Side = "before" | "after";

/** The view stretched to the timeline's start (`before`) or end (`after`). */
export function expandTo(timeline: Timeline, view: TimeSpan, side: Side): TimeSpan {
  return clampView(timeline, side === "before" ? { start: timeline.start, end: view.end } : { start: view.start, end: timeline.end });
}

/** The stretch collapsed on `side` of the view, or null when the view reaches that end. */
export function hiddenStretch(timeline: Timeline, view: TimeSpan, side: Side): TimeSpan | null {
  if (side === "before") return view.start > timeline.start ? { start: timeline.start, end: view.start } : null;
  return view.end < timeline.end ? { start: view.end, end: timeline.end } : null;
}

/**
 * Where `at` is drawn: on the stub of the stretch collapsed `before` or `after` the view, or
 * `shown` on the track (where a time outside the timeline, with no stub on its side, sits at
 * the track's end).
 */
export function placeOf(timeline: Timeline, view: TimeSpan, at: number): Side | "shown" {
  if (at < view.start && view.start > timeline.start) return "before";
  if (at > view.end && view.end < timeline.end) return "after";
  return "shown";
}

/** The markers placed before, in and after the view: each marker in exactly one. */
export function splitMarkers(timeline: Timeline, view: TimeSpan): Record<Side | "shown", TimelineMarker[]> {
  const split: Record<Side | "shown", TimelineMarker[]> = { before: [], shown: [], after: [] };
  for (const marker of timeline.markers) split[placeOf(timeline, view, marker.at)].push(marker);
  return split;
}

/**
 * The view with `at` in it, the span kept: unchanged when `at` is already in view; paged when
 * `at` is at most a span past an edge (playing, or stepping by key), so it lands just inside
 * the edge it crossed and keeps moving across the view; centred on `at` when it is further
 * (a jump to an event elsewhere).
 */
export function reveal(timeline: Timeline, view: TimeSpan, at: number): TimeSpan {
  if (isInView(view, at)) return view;
  const length = spanOf(view);
  const margin = length * REVEAL_MARGIN;
  let start = at - length / 2;
  if (at > view.end && at - view.end <= length) start = at - margin;
  else if (at < view.start && view.start - at <= length) start = at + margin - length;
  return clampView(timeline, { start, end: start + length });
}

/** The view a key asks for on the track, or null for a key that is not a zoom key. */
export function viewForKey(timeline: Timeline, view: TimeSpan, at: number, key: string): TimeSpan | null {
  switch (key) {
    case "+":
    case "=":
      return zoomAround(timeline, view, zoomAnchor(view, at), 1 / ZOOM_STEP);
    case "-":
    case "−":
    case "_":
      return zoomAround(timeline, view, zoomAnchor(view, at), ZOOM_STEP);
    case "0":
      return defaultView(timeline);
    default:
      return null;
  }
}

export interface WheelInput {
  deltaX: number;
  deltaY: number;
  /** WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages. */
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The view a wheel turn over the track asks for, or null when the page should scroll instead:
 * Ctrl (or ⌘, or a trackpad pinch, which arrives as Ctrl+wheel) zooms around `pointerAt`;
 * Shift+wheel and horizontal scrolling pan; a plain vertical wheel is the page's.
 */
export function viewForWheel(timeline: Timeline, view: TimeSpan, wheel: WheelInput, pointerAt: number, width: number): TimeSpan | null {
  const unit = wheel.deltaMode === 1 ? LINE_PIXELS : wheel.deltaMode === 2 ? Math.max(1, width) : 1;
  const dx = wheel.deltaX * unit;
  const dy = wheel.deltaY * unit;
  if (wheel.ctrlKey || wheel.metaKey) return zoomAround(timeline, view, pointerAt, 2 ** (dy / WHEEL_PIXELS_PER_DOUBLING));
  // Some platforms turn Shift+wheel into a horizontal scroll already.
  if (wheel.shiftKey) return panByPixels(timeline, view, dx === 0 ? dy : dx, width);
  if (Math.abs(dx) > Math.abs(dy)) return panByPixels(timeline, view, dx, width);
  return null;
}
