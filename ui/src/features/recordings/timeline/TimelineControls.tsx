// Above the timeline: step to the previous or next event (every event, or problems only),
// play and pause at 1×/10×/100×, jump to the first exception, and what the scrubbed time is —
// the moment, the job's state then and the latest event before it.
import type { EventKind } from "../../../bindings/EventKind";
import { formatLocalTime } from "../../../components/format";
import { formatDuration } from "../../flink/format";
import { JobState } from "../../flink/JobState";
import { PLAYBACK_SPEEDS, type Playback, type PlaybackSpeed } from "./usePlayback";
import { firstException, latestEvent, nextEvent, previousEvent, PROBLEM_KINDS, stateAt, type Timeline } from "./timelineModel";

export type StepFilter = "all" | "problems";

interface TimelineControlsProps {
  timeline: Timeline;
  at: number;
  onScrub: (at: number) => void;
  playback: Playback;
  step: StepFilter;
  onStepChange: (step: StepFilter) => void;
}

function kindsFor(step: StepFilter): ReadonlySet<EventKind> | undefined {
  return step === "problems" ? PROBLEM_KINDS : undefined;
}

export function TimelineControls({ timeline, at, onScrub, playback, step, onStepChange }: TimelineControlsProps) {
  const kinds = kindsFor(step);
  const previous = previousEvent(timeline, at, kinds);
  const next = nextEvent(timeline, at, kinds);
  const exception = firstException(timeline);
  const latest = latestEvent(timeline, at);
  const state = stateAt(timeline, at);
  return (
    <div className="timeline-controls" data-testid="timeline-controls">
      <button
        type="button"
        className="button"
        data-testid="step-previous"
        disabled={previous === undefined}
        title={previous?.summary ?? "No earlier event"}
        onClick={() => {
          if (previous !== undefined) onScrub(previous.at);
        }}
      >
        ← Previous event
      </button>
      <button
        type="button"
        className="button button--primary"
        data-testid="play-toggle"
        data-playing={playback.playing}
        aria-pressed={playback.playing}
        onClick={playback.toggle}
      >
        {playback.playing ? "Pause" : "▶ Play"}
      </button>
      <select
        aria-label="Playback speed"
        data-testid="play-speed"
        value={playback.speed}
        onChange={(event) => {
          const speed = PLAYBACK_SPEEDS.find((s) => String(s) === event.target.value);
          if (speed !== undefined) playback.setSpeed(speed);
        }}
      >
        {PLAYBACK_SPEEDS.map((speed: PlaybackSpeed) => (
          <option key={speed} value={speed}>
            {speed}×
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        data-testid="step-next"
        disabled={next === undefined}
        title={next?.summary ?? "No later event"}
        onClick={() => {
          if (next !== undefined) onScrub(next.at);
        }}
      >
        Next event →
      </button>
      <select
        aria-label="Step through"
        data-testid="step-filter"
        value={step}
        onChange={(event) => {
          onStepChange(event.target.value === "problems" ? "problems" : "all");
        }}
      >
        <option value="all">every event</option>
        <option value="problems">problems only</option>
      </select>
      <button
        type="button"
        className="button button--danger-outline"
        data-testid="jump-first-exception"
        disabled={exception === undefined}
        title={exception === undefined ? "The recording has no exception" : exception.summary}
        onClick={() => {
          if (exception !== undefined) {
            playback.pause();
            onScrub(exception.at);
          }
        }}
      >
        First exception
      </button>
      <span className="timeline-controls__now" data-testid="scrubbed-time" data-at={at}>
        {formatLocalTime(at)}
      </span>
      {state !== undefined && <JobState state={state} />}
      <span className="muted timeline-controls__event" data-testid="latest-event" title={latest?.summary}>
        {latest === undefined
          ? "No event before this time"
          : `${latest.at === at ? "Now" : `${formatDuration(at - latest.at)} ago`}: ${latest.summary}`}
      </span>
    </div>
  );
}
