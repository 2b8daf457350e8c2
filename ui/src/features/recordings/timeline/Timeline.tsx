// The timeline across the whole recording: the job's state bands coloured like its state
// chips, a marker per event — exceptions, restarts, failed checkpoints (red) and completed
// ones (small ticks), savepoints, rescales — the stretch before the recording started (events
// Flink still reported) shaded, the selected record's time, and the scrubber. The track is a
// slider: click or drag anywhere (a marker scrubs to its event exactly), or use the keys
// (timelineModel.timeForKey).
import type { KeyboardEvent, PointerEvent } from "react";
import { formatLocalTime } from "../../../components/format";
import { stateTone } from "../../flink/JobState";
import { fractionAt, timeAtPointer, timeForKey, type Timeline as TimelineData, type TimelineMarker } from "./timelineModel";
import "./timeline.css";

interface TimelineProps {
  timeline: TimelineData;
  at: number;
  onScrub: (at: number) => void;
  /** The selected captured record's time, marked on the track. */
  recordAt: number | null;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

const KIND_LABELS: Record<TimelineMarker["kind"], string> = {
  job_state: "Job state",
  restart: "Restart",
  checkpoint_completed: "Checkpoint",
  checkpoint_failed: "Checkpoint failed",
  savepoint: "Savepoint",
  exception: "Exception",
  rescale: "Rescale",
};

function Marker({ timeline, marker, onScrub }: { timeline: TimelineData; marker: TimelineMarker; onScrub: (at: number) => void }) {
  // State changes are the bands' edges; they get no marker of their own.
  if (marker.kind === "job_state") return null;
  return (
    <span
      className={`timeline__marker timeline__marker--${marker.kind}`}
      style={{ left: percent(fractionAt(timeline, marker.at)) }}
      data-testid="timeline-marker"
      data-kind={marker.kind}
      data-at={marker.at}
      title={`${formatLocalTime(marker.at).slice(11)} · ${KIND_LABELS[marker.kind]}: ${marker.summary}`}
      onPointerDown={(event) => {
        // Exactly the event's time, not the pixel's.
        event.stopPropagation();
        onScrub(marker.at);
      }}
    />
  );
}

function capture(event: PointerEvent<HTMLElement>): void {
  try {
    event.currentTarget.setPointerCapture(event.pointerId);
  } catch {
    // No pointer capture (a synthetic event): the drag ends at the track's edge instead.
  }
}

export function Timeline({ timeline, at, onScrub, recordAt }: TimelineProps) {
  const scrubTo = (event: PointerEvent<HTMLElement>) => {
    onScrub(timeAtPointer(timeline, event.clientX, event.currentTarget.getBoundingClientRect()));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const next = timeForKey(timeline, at, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    onScrub(next);
  };
  const history = fractionAt(timeline, timeline.recordedFrom);
  return (
    <div className="timeline" data-testid="timeline">
      <div
        className="timeline__track"
        role="slider"
        tabIndex={0}
        aria-label="Time in the recording"
        aria-valuemin={timeline.start}
        aria-valuemax={timeline.end}
        aria-valuenow={at}
        aria-valuetext={formatLocalTime(at)}
        data-testid="timeline-track"
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          capture(event);
          scrubTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) scrubTo(event);
        }}
      >
        {history > 0 && (
          <div
            className="timeline__history"
            style={{ width: percent(history) }}
            data-testid="timeline-history"
            title="Before the recording started: only the events Flink still reported"
          />
        )}
        <div className="timeline__lane timeline__lane--bands">
          {timeline.bands.map((band) => (
            <div
              key={`${String(band.from)}-${band.state}`}
              className={`timeline__band timeline__band--${stateTone(band.state)}`}
              style={{ left: percent(fractionAt(timeline, band.from)), width: percent(fractionAt(timeline, band.to) - fractionAt(timeline, band.from)) }}
              data-testid="timeline-band"
              data-state={band.state}
              title={`${band.state} from ${formatLocalTime(band.from).slice(11)} to ${formatLocalTime(band.to).slice(11)}`}
            />
          ))}
        </div>
        <div className="timeline__lane timeline__lane--markers">
          {timeline.markers.map((marker) => (
            <Marker key={`${String(marker.seq)}-${String(marker.at)}`} timeline={timeline} marker={marker} onScrub={onScrub} />
          ))}
        </div>
        {recordAt !== null && (
          <span
            className="timeline__record"
            style={{ left: percent(fractionAt(timeline, recordAt)) }}
            data-testid="timeline-record-marker"
            data-at={recordAt}
            title={`The selected record: ${formatLocalTime(recordAt).slice(11)}`}
          />
        )}
        <div className="timeline__cursor" style={{ left: percent(fractionAt(timeline, at)) }} data-testid="timeline-cursor" data-at={at} />
      </div>
      <div className="timeline__axis muted">
        <span>{formatLocalTime(timeline.start)}</span>
        {history > 0.3 && (
          <span className="timeline__axis-mark" style={{ left: percent(history / 2) }}>
            before the recording: what Flink still reported
          </span>
        )}
        <span>{formatLocalTime(timeline.end)}</span>
      </div>
    </div>
  );
}
