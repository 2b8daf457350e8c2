// The pointer gestures that move the timeline's view, turned into timelineView calls: the
// wheel over the track (Ctrl+wheel zooms around the pointer, Shift+wheel or a horizontal
// scroll pans, a plain wheel scrolls the page) and dragging to pan. The wheel listener is a
// native one, not React's: React's is passive, and Ctrl+wheel must not also zoom the page.
import { useEffect, useEffectEvent, useRef, type PointerEvent, type RefObject } from "react";
import { timeAtPointer, type Timeline, type TimeSpan } from "./timelineModel";
import { panByPixels, viewForWheel } from "./timelineView";
import type { TimelineViewState } from "./useTimelineView";

/** Keeps the pointer's events on the element until it is released. */
export function capturePointer(event: PointerEvent<HTMLElement>): void {
  try {
    event.currentTarget.setPointerCapture(event.pointerId);
  } catch {
    // No pointer capture (a synthetic event): the drag ends at the element's edge instead.
  }
}

export function useWheelZoom(element: RefObject<HTMLElement | null>, timeline: Timeline, show: TimelineViewState["show"]): void {
  const onWheel = useEffectEvent((event: WheelEvent) => {
    const target = element.current;
    if (target === null) return;
    const box = target.getBoundingClientRect();
    const next = (view: TimeSpan) => viewForWheel(timeline, view, event, timeAtPointer(view, event.clientX, box), box.width);
    // Whether the wheel is ours depends on its keys and direction, not on the view.
    if (next(timeline) === null) return;
    event.preventDefault();
    show((latest) => next(latest) ?? latest);
  });
  useEffect(() => {
    const target = element.current;
    if (target === null) return;
    const listener = (event: WheelEvent) => {
      onWheel(event);
    };
    target.addEventListener("wheel", listener, { passive: false });
    return () => {
      target.removeEventListener("wheel", listener);
    };
  }, [element]);
}

export interface PanDrag {
  /** Starts panning from the pointer's place. */
  begin: (event: PointerEvent<HTMLElement>) => void;
  /** Pans with the pointer; false when no pan is under way. */
  move: (event: PointerEvent<HTMLElement>) => boolean;
  end: () => void;
}

/** Dragging moves the view with the pointer, as if the track were pulled along. */
export function usePanDrag(timeline: Timeline, view: TimeSpan, show: TimelineViewState["show"]): PanDrag {
  const drag = useRef<{ x: number; width: number; from: TimeSpan } | null>(null);
  return {
    begin: (event) => {
      capturePointer(event);
      drag.current = { x: event.clientX, width: event.currentTarget.getBoundingClientRect().width, from: view };
    },
    move: (event) => {
      const from = drag.current;
      if (from === null) return false;
      show(panByPixels(timeline, from.from, from.x - event.clientX, from.width));
      return true;
    },
    end: () => {
      drag.current = null;
    },
  };
}
