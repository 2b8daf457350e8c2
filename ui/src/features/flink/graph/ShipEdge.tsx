// An edge of the job graph with its ship strategy (HASH, FORWARD, REBALANCE, …) as the label.
// It follows ELK's orthogonal route when there is one (with rounded corners), from the
// drawn handles; the fallback layout's edges are curves.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { ShipFlowEdge } from "./flowTypes";
import type { Point } from "./graphModel";

const CORNER = 8;

/** An SVG path through the points, corners rounded. */
export function roundedPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return "";
  let path = `M ${String(first.x)} ${String(first.y)}`;
  rest.forEach((point, i) => {
    const before = points[i] ?? first;
    const after = rest[i + 1];
    if (after === undefined) {
      path += ` L ${String(point.x)} ${String(point.y)}`;
      return;
    }
    const inLength = Math.hypot(point.x - before.x, point.y - before.y);
    const outLength = Math.hypot(after.x - point.x, after.y - point.y);
    const r = Math.min(CORNER, inLength / 2, outLength / 2);
    const from = { x: point.x - ((point.x - before.x) / (inLength || 1)) * r, y: point.y - ((point.y - before.y) / (inLength || 1)) * r };
    const to = { x: point.x + ((after.x - point.x) / (outLength || 1)) * r, y: point.y + ((after.y - point.y) / (outLength || 1)) * r };
    path += ` L ${String(from.x)} ${String(from.y)} Q ${String(point.x)} ${String(point.y)} ${String(to.x)} ${String(to.y)}`;
  });
  return path;
}

/** The point halfway along the route by length: where the label goes. */
export function midpoint(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - (points[i]?.x ?? p.x), p.y - (points[i]?.y ?? p.y)));
  let left = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] ?? 0;
    const a = points[i];
    const b = points[i + 1];
    if (a !== undefined && b !== undefined && left <= length) {
      const t = length === 0 ? 0 : left / length;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}

function ShipEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<ShipFlowEdge>) {
  const route = data?.route ?? null;
  let path: string;
  let label: Point;
  if (route !== null && route.length >= 2) {
    // The route's ends are ELK's ports; the handles drawn are the truth (a node may have grown).
    const points = [{ x: sourceX, y: sourceY }, ...route.slice(1, -1), { x: targetX, y: targetY }];
    path = roundedPath(points);
    label = midpoint(points);
  } else {
    const [bezier, x, y] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    path = bezier;
    label = { x, y };
  }
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd === undefined ? {} : { markerEnd })} className="ship-edge" />
      <EdgeLabelRenderer>
        <div
          className="ship-edge__label"
          style={{ transform: `translate(-50%, -50%) translate(${String(label.x)}px, ${String(label.y)}px)` }}
          data-testid="graph-edge-label"
          data-strategy={data?.strategy}
        >
          {data?.strategy}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const ShipEdge = memo(ShipEdgeView);
