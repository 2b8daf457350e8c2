// Under the track: the start and end of the span in view, and ticks between them at a step
// that suits the span and the axis' measured width, where their labels have room
// (timelineTicks). Dragging along it pans the view.
import { useEffect, useRef, useState, type RefObject } from "react";
import { formatLocalTime } from "../../../components/format";
import { percent } from "./TimelineMarks";
import type { TimeSpan } from "./timelineModel";
import { axisTicks } from "./timelineTicks";
import type { PanDrag } from "./useTimelineGestures";

/** Until the axis is measured (or where nothing is laid out). */
const ASSUMED_WIDTH_PX = 800;

interface TimelineAxisProps {
  view: TimeSpan;
  pan: PanDrag;
}

/** The end's label: its time of day only when the view starts and ends on the same day. */
function endLabel(view: TimeSpan): string {
  const sameDay = formatLocalTime(view.start, "date") === formatLocalTime(view.end, "date");
  return formatLocalTime(view.end, sameDay ? "clock-millis" : "full");
}

function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (target === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      setWidth(target.clientWidth);
    });
    observer.observe(target);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return width;
}

export function TimelineAxis({ view, pan }: TimelineAxisProps) {
  const axis = useRef<HTMLDivElement>(null);
  const width = useWidth(axis);
  const startLabel = formatLocalTime(view.start);
  const end = endLabel(view);
  const ticks = axisTicks(view, width > 0 ? width : ASSUMED_WIDTH_PX, startLabel, end);
  return (
    <div
      ref={axis}
      className="timeline__axis muted"
      data-testid="timeline-axis"
      title="Drag to move through time"
      onPointerDown={pan.begin}
      onPointerMove={pan.move}
      onPointerUp={pan.end}
      onPointerCancel={pan.end}
    >
      <span data-testid="timeline-axis-start" data-at={view.start}>
        {startLabel}
      </span>
      {ticks.map((tick) => (
        <span key={tick.at} className="timeline__tick" style={{ left: percent(tick.fraction) }} data-testid="timeline-tick" data-at={tick.at}>
          {tick.label}
        </span>
      ))}
      <span data-testid="timeline-axis-end" data-at={view.end} title={formatLocalTime(view.end)}>
        {end}
      </span>
    </div>
  );
}
