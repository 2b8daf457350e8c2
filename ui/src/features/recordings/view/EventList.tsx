// The recording's events as a list, for reading what the timeline marks: time, kind and
// summary, every event or problems only, the latest one at the scrubbed time highlighted; a
// click scrubs to it. At most LISTED events are drawn, those around the scrubbed time.
import { useState } from "react";
import { formatLocalTime, pluralize } from "../../../components/format";
import { latestEvent, PROBLEM_KINDS, type Timeline } from "../timeline/timelineModel";

const LISTED = 300;

const KIND_TAGS: Record<string, string> = {
  exception: "tag--danger",
  checkpoint_failed: "tag--danger",
  restart: "tag--warning",
};

export function EventList({ timeline, at, onScrub }: { timeline: Timeline; at: number; onScrub: (at: number) => void }) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const events = problemsOnly ? timeline.markers.filter((m) => PROBLEM_KINDS.has(m.kind)) : timeline.markers;
  const current = latestEvent(timeline, at);
  const index = Math.max(0, events.findLastIndex((m) => m.at <= at));
  const from = Math.max(0, Math.min(index - LISTED / 2, events.length - LISTED));
  const shown = events.slice(from, from + LISTED);
  return (
    <div className="event-list" data-testid="event-list">
      <div className="toolbar">
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={problemsOnly}
            data-testid="events-problems-only"
            onChange={(event) => {
              setProblemsOnly(event.target.checked);
            }}
          />
          Problems only
        </label>
        <span className="muted">
          {pluralize(events.length, "event")}
          {events.length > LISTED && `, the ${String(LISTED)} around the scrubbed time shown`}
        </span>
      </div>
      <table className="data-table event-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Kind</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((event) => (
            <tr
              key={`${String(event.seq)}-${String(event.at)}`}
              className={`event-row${event === current ? " event-row--current" : ""}`}
              data-testid="event-row"
              data-kind={event.kind}
              aria-current={event === current ? "true" : undefined}
              onClick={() => {
                onScrub(event.at);
              }}
            >
              <td className="mono">
                <button type="button" className="link-button">
                  {formatLocalTime(event.at)}
                </button>
              </td>
              <td>
                <span className={`tag ${KIND_TAGS[event.kind] ?? "tag--muted"}`}>{event.kind.replace("_", " ")}</span>
              </td>
              <td className="event-row__summary">{event.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
