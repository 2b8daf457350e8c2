// Playing a recording: the scrubbed time advanced at 1×, 10× or 100× the recorded pace by a
// clock ticking every PLAYBACK_TICK_MS (measured, so a slow tick does not slow playback),
// stopping at the end. Moving the time costs nothing here: what the views read at each time
// is throttled by their latest-only loaders, which skip the times they cannot keep up with.
import { useEffect, useRef, useState } from "react";
import type { Timeline } from "./timelineModel";

export const PLAYBACK_SPEEDS = [1, 10, 100] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];
export const PLAYBACK_TICK_MS = 100;

/** The time `elapsedMs` of wall time later at `speed`, never past `end`. */
export function advance(at: number, elapsedMs: number, speed: number, end: number): number {
  return Math.min(end, Math.round(at + Math.max(0, elapsedMs) * speed));
}

/** Calls `onTick` with the wall time since the last tick while `running`. */
function usePlaybackClock(running: boolean, onTick: (elapsedMs: number) => void): void {
  const tick = useRef(onTick);
  useEffect(() => {
    tick.current = onTick;
  }, [onTick]);
  useEffect(() => {
    if (!running) return;
    let last = Date.now();
    const timer = window.setInterval(() => {
      const now = Date.now();
      tick.current(now - last);
      last = now;
    }, PLAYBACK_TICK_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [running]);
}

export interface Playback {
  playing: boolean;
  speed: PlaybackSpeed;
  setSpeed: (speed: PlaybackSpeed) => void;
  /** Plays (from the start when at the end) or pauses. */
  toggle: () => void;
  pause: () => void;
}

export function usePlayback(timeline: Timeline, at: number, setAt: (update: (current: number) => number) => void): Playback {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaybackSpeed>(10);
  // Reaching the end stops playing (adjusted while rendering, not in an effect).
  if (playing && at >= timeline.end) setPlaying(false);
  usePlaybackClock(playing, (elapsed) => {
    setAt((current) => advance(current, elapsed, speed, timeline.end));
  });
  return {
    playing,
    speed,
    setSpeed,
    toggle: () => {
      if (playing) {
        setPlaying(false);
        return;
      }
      if (at >= timeline.end) setAt(() => timeline.start);
      setPlaying(true);
    },
    pause: () => {
      setPlaying(false);
    },
  };
}
