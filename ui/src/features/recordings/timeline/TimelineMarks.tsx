// What is marked along a span of the timeline — the track's view, or a collapsed stretch
// beside it: an event (an exception, restart, failed or completed checkpoint, savepoint or
// rescale), which scrubs to its exact time when pressed (state changes draw no marker: they
// are the bands' edges), and the selected captured record's time.
import { formatLocalTime } from "../../../components/format";
import { fractionAt, type TimelineMarker, type TimeSpan } from "./timelineModel";

const KIND_LABELS: Record<TimelineMarker["kind"], string> = {
  job_state: "Job state",
  restart: "Restart",
  checkpoint_completed: "Checkpoint",
  checkpoint_failed: "Checkpoint failed",
  savepoint: "Savepoint",
  exception: "Exception",
  rescale: "Rescale",
};

/** A left offset along a span, for an absolutely placed mark. */
export const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

interface EventMarkerProps {
  span: TimeSpan;
  marker: TimelineMarker;
  onScrub: (at: number) => void;
}

export function EventMarker({ span, marker, onScrub }: EventMarkerProps) {
  if (marker.kind === "job_state") return null;
  return (
    <span
      className={`timeline__marker timeline__marker--${marker.kind}`}
      style={{ left: percent(fractionAt(span, marker.at)) }}
      data-testid="timeline-marker"
      data-kind={marker.kind}
      data-at={marker.at}
      title={`${formatLocalTime(marker.at, "clock-millis")} · ${KIND_LABELS[marker.kind]}: ${marker.summary}`}
      onPointerDown={(event) => {
        // Exactly the event's time, not the pixel's; and not the gesture of what it sits on.
        event.stopPropagation();
        onScrub(marker.at);
      }}
    />
  );
}

/** The selected captured record's time. */
export function RecordMark({ span, at }: { span: TimeSpan; at: number }) {
  return (
    <span
      className="timeline__record"
      style={{ left: percent(fractionAt(span, at)) }}
      data-testid="timeline-record-marker"
      data-at={at}
      title={`The selected record: ${formatLocalTime(at, "clock-millis")}`}
    />
  );
}
