// A stretch of the timeline outside the view, collapsed into a compact stub beside the track:
// "+ 7m 52s before the recording" (or earlier / later), pressed to stretch the view to that
// end. Its events stay on it, squeezed to its width and still pressable (which scrubs to one
// and brings the view to it), and so do the selected record's time and the scrubber when the
// view was moved off them.
import { formatDuration } from "../../flink/format";
import { EventMarker, percent, RecordMark } from "./TimelineMarks";
import { fractionAt, type Timeline, type TimelineMarker, type TimeSpan } from "./timelineModel";
import type { Side } from "./timelineView";

interface CollapsedStretchProps {
  timeline: Timeline;
  side: Side;
  stretch: TimeSpan;
  /** The events in the stretch. */
  markers: readonly TimelineMarker[];
  /** The scrubbed time and the selected record's, when they are in the stretch. */
  cursorAt: number | null;
  recordAt: number | null;
  onScrub: (at: number) => void;
  onExpand: () => void;
}

function phrase(timeline: Timeline, side: Side, stretch: TimeSpan): string {
  if (side === "before") return stretch.end === timeline.recordedFrom ? "before the recording" : "earlier";
  return stretch.start === timeline.recordedTo ? "after the recording" : "later";
}

export function CollapsedStretch({ timeline, side, stretch, markers, cursorAt, recordAt, onScrub, onExpand }: CollapsedStretchProps) {
  return (
    <div className={`timeline__stub timeline__stub--${side}`} data-testid={`timeline-stub-${side}`} data-start={stretch.start} data-end={stretch.end}>
      <button
        type="button"
        className="timeline__stub-expand"
        data-testid={`timeline-expand-${side}`}
        title={side === "before" ? "Show it: stretch the view back to the first event" : "Show it: stretch the view to the end"}
        onClick={onExpand}
      >
        <strong>+ {formatDuration(stretch.end - stretch.start)}</strong> {phrase(timeline, side, stretch)}
      </button>
      <div className="timeline__stub-lane">
        {markers.map((marker) => (
          <EventMarker key={`${String(marker.seq)}-${String(marker.at)}`} span={stretch} marker={marker} onScrub={onScrub} />
        ))}
        {recordAt !== null && <RecordMark span={stretch} at={recordAt} />}
        {cursorAt !== null && <span className="timeline__stub-cursor" style={{ left: percent(fractionAt(stretch, cursorAt)) }} />}
      </div>
    </div>
  );
}
