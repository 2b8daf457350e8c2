// The lag chart's data: total lag at each poll of an open group, the last LAG_POINTS kept.
import { appendBounded } from "../../components/timeSeries";

export const LAG_POINTS = 120;

export interface LagPoint {
  /** When the answer arrived (ms since the epoch). */
  at: number;
  lag: number;
}

export function appendPoint(points: readonly LagPoint[], point: LagPoint, limit = LAG_POINTS): LagPoint[] {
  return appendBounded(points, point, limit);
}
