// The timeline's view as state: it opens on the recording window (timelineView.defaultView)
// and follows the scrubbed time — whatever moved it (playback, keys, the controls, the event
// list, the records panel, a marker in a collapsed stretch), a time outside the view brings
// the view to it, so the scrubber stays in sight. A view the person moved away from the
// scrubbed time (zoom, pan) stays until the time moves again. Adjusted while rendering, not
// in an effect, as usePlayback does. A different timeline (another recording) starts over.
import { useState } from "react";
import type { Timeline, TimeSpan } from "./timelineModel";
import { clampView, defaultView, expandTo, reveal, wholeView, zoomAnchor, zoomAround, type Side } from "./timelineView";

export interface TimelineViewState {
  view: TimeSpan;
  /**
   * Any view, clamped to the timeline (pans, keys and wheel zooms); as a function, from the
   * latest view, so moves that land before a render (a burst of keys or wheel) all count.
   */
  show: (next: TimeSpan | ((view: TimeSpan) => TimeSpan)) => void;
  /** `factor` times the span around the scrubbed time (or the middle, when out of view). */
  zoom: (factor: number) => void;
  fit: () => void;
  showWhole: () => void;
  expand: (side: Side) => void;
}

const boundsOf = (timeline: Timeline) => [timeline.start, timeline.end, timeline.recordedFrom, timeline.recordedTo].join(":");

export function useTimelineView(timeline: Timeline, at: number): TimelineViewState {
  const [state, setState] = useState(() => ({ view: defaultView(timeline), followed: at, bounds: boundsOf(timeline) }));
  const bounds = boundsOf(timeline);
  let view = clampView(timeline, state.view);
  if (bounds !== state.bounds) {
    view = defaultView(timeline);
    setState({ view, followed: at, bounds });
  } else if (at !== state.followed) {
    view = reveal(timeline, view, at);
    setState({ view, followed: at, bounds });
  }
  const show = (next: TimeSpan | ((view: TimeSpan) => TimeSpan)) => {
    setState((current) => {
      const latest = clampView(timeline, current.view);
      return { ...current, view: clampView(timeline, typeof next === "function" ? next(latest) : next) };
    });
  };
  return {
    view,
    show,
    zoom: (factor) => {
      show((latest) => zoomAround(timeline, latest, zoomAnchor(latest, at), factor));
    },
    fit: () => {
      show(defaultView(timeline));
    },
    showWhole: () => {
      show(wholeView(timeline));
    },
    expand: (side) => {
      show((latest) => expandTo(timeline, latest, side));
    },
  };
}
