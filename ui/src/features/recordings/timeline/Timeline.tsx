// The timeline: the job's state bands coloured like its state chips, a marker per event —
// exceptions, restarts, failed checkpoints (red) and completed ones (small ticks), savepoints,
// rescales — the history before the recording started (events Flink still reported) shaded,
// the selected record's time, and the scrubber. It shows a view of the whole (useTimelineView):
// the recording window at first, what lies outside collapsed into stubs beside the track
// (CollapsedStretch); the zoom above it (TimelineZoom) and the axis below (TimelineAxis). The
// track is a slider over the whole recording: click or drag anywhere (a marker scrubs to its
// event exactly), or use the keys (timelineModel.timeForKey; + − 0 zoom). Shift+drag or a
// middle-button drag on it, or any drag on the axis, pans; Ctrl+wheel zooms.
import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { formatLocalTime } from "../../../components/format";
import { stateTone } from "../../flink/JobState";
import { CollapsedStretch } from "./CollapsedStretch";
import { EventMarker, percent, RecordMark } from "./TimelineMarks";
import { TimelineAxis } from "./TimelineAxis";
import { TimelineZoom } from "./TimelineZoom";
import { fractionAt, timeAtPointer, timeForKey, type Timeline as TimelineData } from "./timelineModel";
import { hiddenStretch, placeOf, splitMarkers, viewForKey, type Side } from "./timelineView";
import { capturePointer, usePanDrag, useWheelZoom } from "./useTimelineGestures";
import { useTimelineView } from "./useTimelineView";
import "./timeline.css";
import "./timelineZoom.css";

interface TimelineProps {
  timeline: TimelineData;
  at: number;
  onScrub: (at: number) => void;
  /** The selected captured record's time, marked on the track. */
  recordAt: number | null;
}

/** Shift or the middle button: the drag pans instead of scrubbing. */
const pans = (event: PointerEvent<HTMLElement>) => event.shiftKey || event.button === 1;

export function Timeline({ timeline, at, onScrub, recordAt }: TimelineProps) {
  const zoom = useTimelineView(timeline, at);
  const { view } = zoom;
  const main = useRef<HTMLDivElement>(null);
  useWheelZoom(main, timeline, zoom.show);
  const pan = usePanDrag(timeline, view, zoom.show);
  const markers = splitMarkers(timeline, view);
  const placed = (time: number | null, place: Side | "shown") => (time !== null && placeOf(timeline, view, time) === place ? time : null);
  const recordShown = placed(recordAt, "shown");
  const cursorShown = placed(at, "shown");

  const scrubTo = (event: PointerEvent<HTMLElement>) => {
    onScrub(timeAtPointer(view, event.clientX, event.currentTarget.getBoundingClientRect()));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey) return; // Alt+←/→ are the app's Back/Forward
    const next = timeForKey(timeline, at, event.key, event.shiftKey);
    // Ctrl/⌘ with + − 0 stay the window's own zoom keys.
    const zoomKey = !(event.ctrlKey || event.metaKey) && viewForKey(timeline, view, at, event.key) !== null;
    if (next !== null) {
      event.preventDefault();
      onScrub(next);
    } else if (zoomKey) {
      event.preventDefault();
      zoom.show((latest) => viewForKey(timeline, latest, at, event.key) ?? latest);
    }
  };
  const stub = (side: Side) => {
    const stretch = hiddenStretch(timeline, view, side);
    return (
      stretch !== null && (
        <CollapsedStretch
          timeline={timeline}
          side={side}
          stretch={stretch}
          markers={markers[side]}
          cursorAt={placed(at, side)}
          recordAt={placed(recordAt, side)}
          onScrub={onScrub}
          onExpand={() => {
            zoom.expand(side);
          }}
        />
      )
    );
  };
  const history = fractionAt(view, timeline.recordedFrom);
  return (
    <div className="timeline" data-testid="timeline" data-view-start={view.start} data-view-end={view.end}>
      <TimelineZoom timeline={timeline} zoom={zoom} />
      <div className="timeline__row">
        {stub("before")}
        <div className="timeline__main" ref={main}>
          <div
            className="timeline__track"
            role="slider"
            tabIndex={0}
            aria-label="Time in the recording"
            aria-valuemin={timeline.start}
            aria-valuemax={timeline.end}
            aria-valuenow={at}
            aria-valuetext={formatLocalTime(at)}
            aria-keyshortcuts="+ - 0"
            data-testid="timeline-track"
            onKeyDown={onKeyDown}
            onPointerDown={(event) => {
              if (pans(event)) {
                // Not the middle button's autoscroll or paste.
                event.preventDefault();
                pan.begin(event);
                return;
              }
              capturePointer(event);
              scrubTo(event);
            }}
            onPointerMove={(event) => {
              if (!pan.move(event) && event.buttons === 1) scrubTo(event);
            }}
            onPointerUp={pan.end}
            onPointerCancel={pan.end}
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
              {timeline.bands
                .filter((band) => band.to > view.start && band.from < view.end)
                .map((band) => (
                  <div
                    key={`${String(band.from)}-${band.state}`}
                    className={`timeline__band timeline__band--${stateTone(band.state)}`}
                    style={{ left: percent(fractionAt(view, band.from)), width: percent(fractionAt(view, band.to) - fractionAt(view, band.from)) }}
                    data-testid="timeline-band"
                    data-state={band.state}
                    title={`${band.state} from ${formatLocalTime(band.from, "clock-millis")} to ${formatLocalTime(band.to, "clock-millis")}`}
                  />
                ))}
            </div>
            <div className="timeline__lane timeline__lane--markers">
              {markers.shown.map((marker) => (
                <EventMarker key={`${String(marker.seq)}-${String(marker.at)}`} span={view} marker={marker} onScrub={onScrub} />
              ))}
            </div>
            {recordShown !== null && <RecordMark span={view} at={recordShown} />}
            {cursorShown !== null && (
              <div className="timeline__cursor" style={{ left: percent(fractionAt(view, cursorShown)) }} data-testid="timeline-cursor" data-at={cursorShown} />
            )}
          </div>
          <TimelineAxis view={view} pan={pan} />
        </div>
        {stub("after")}
      </div>
    </div>
  );
}
