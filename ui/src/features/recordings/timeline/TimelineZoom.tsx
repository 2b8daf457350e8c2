// Above the track: how much of the timeline is in view, what the shaded stretch is when some
// of the history before the recording is in view, and the zoom: out, in, "Fit" (the recording
// window, as the view opens) and "Whole history" (everything Flink reported). The same moves
// are on the track's keys (+ − 0) and Ctrl+wheel; see useTimelineView and timelineView.
import { formatDuration } from "../../flink/format";
import type { Timeline, TimeSpan } from "./timelineModel";
import { defaultView, MIN_SPAN_MS, sameView, spanOf, wholeView, ZOOM_STEP } from "./timelineView";
import type { TimelineViewState } from "./useTimelineView";

interface TimelineZoomProps {
  timeline: Timeline;
  zoom: TimelineViewState;
}

function shown(view: TimeSpan, timeline: Timeline): string {
  return spanOf(view) >= spanOf(timeline)
    ? `All ${formatDuration(spanOf(timeline))} shown`
    : `${formatDuration(spanOf(view))} of ${formatDuration(spanOf(timeline))} shown`;
}

export function TimelineZoom({ timeline, zoom }: TimelineZoomProps) {
  const { view } = zoom;
  const fit = defaultView(timeline);
  const whole = wholeView(timeline);
  const historyShown = view.start < timeline.recordedFrom;
  return (
    <div className="timeline-zoom" role="group" aria-label="Timeline zoom">
      <span className="muted timeline-zoom__shown" data-testid="timeline-shown">
        {shown(view, timeline)}
        {historyShown && " · shaded: before the recording, only what Flink still reported"}
      </span>
      <button
        type="button"
        className="button"
        data-testid="timeline-zoom-out"
        aria-label="Zoom out"
        title="Zoom out (−, or Ctrl+wheel on the timeline)"
        disabled={spanOf(view) >= spanOf(whole)}
        onClick={() => {
          zoom.zoom(ZOOM_STEP);
        }}
      >
        −
      </button>
      <button
        type="button"
        className="button"
        data-testid="timeline-zoom-in"
        aria-label="Zoom in"
        title="Zoom in (+, or Ctrl+wheel on the timeline)"
        disabled={spanOf(view) <= Math.min(MIN_SPAN_MS, spanOf(whole))}
        onClick={() => {
          zoom.zoom(1 / ZOOM_STEP);
        }}
      >
        +
      </button>
      <button type="button" className="button" data-testid="timeline-fit" aria-pressed={sameView(view, fit)} title="Show the recording window (0)" onClick={zoom.fit}>
        Fit
      </button>
      {!sameView(fit, whole) && (
        <button
          type="button"
          className="button"
          data-testid="timeline-whole"
          aria-pressed={sameView(view, whole)}
          title="Show the history Flink reported from before the recording too"
          onClick={zoom.showWhole}
        >
          Whole history
        </button>
      )}
    </div>
  );
}
