// Which vertices are on screen (their figures are asked for in detail, nearest the centre
// first, as the backend reads only the first 24), and where the view starts: the whole graph
// when it fits at a readable zoom, else the sources at a readable zoom, as a big plan is read
// from its sources on.
import type { Box, GraphLayout } from "./graphModel";

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Below this zoom a node's figures cannot be read. */
export const READABLE_ZOOM = 0.5;
/** The zoom a graph too big to fit starts at. */
export const START_ZOOM = 0.8;
const MARGIN = 24;

export function visibleVertexIds(boxes: ReadonlyMap<string, Box>, viewport: Viewport, size: Size): string[] {
  if (size.width <= 0 || size.height <= 0 || viewport.zoom <= 0) return [];
  // The screen in graph coordinates.
  const left = -viewport.x / viewport.zoom;
  const top = -viewport.y / viewport.zoom;
  const right = left + size.width / viewport.zoom;
  const bottom = top + size.height / viewport.zoom;
  const centreX = (left + right) / 2;
  const centreY = (top + bottom) / 2;
  const shown: { id: string; distance: number }[] = [];
  for (const [id, box] of boxes) {
    if (box.x + box.width <= left || box.x >= right || box.y + box.height <= top || box.y >= bottom) continue;
    const dx = box.x + box.width / 2 - centreX;
    const dy = box.y + box.height / 2 - centreY;
    shown.push({ id, distance: dx * dx + dy * dy });
  }
  return shown.sort((a, b) => a.distance - b.distance).map((s) => s.id);
}

/** `reserved`: a band at the bottom the graph should not start under (the minimap's). */
export function initialViewport(layout: GraphLayout, size: Size, reserved = 0): Viewport {
  if (size.width <= 0 || size.height <= 0 || layout.nodes.size === 0) return { x: 0, y: 0, zoom: 1 };
  const free = Math.max(size.height - reserved, size.height / 2);
  const fit = Math.min(1, (size.width - 2 * MARGIN) / layout.width, (free - 2 * MARGIN) / layout.height);
  if (fit >= READABLE_ZOOM) {
    return { x: (size.width - layout.width * fit) / 2, y: (free - layout.height * fit) / 2, zoom: fit };
  }
  // Too big: start at the sources (the leftmost column), centred on them vertically.
  const boxes = [...layout.nodes.values()];
  const leftmost = Math.min(...boxes.map((b) => b.x));
  const sources = boxes.filter((b) => b.x < leftmost + 1);
  const top = Math.min(...sources.map((b) => b.y));
  const bottom = Math.max(...sources.map((b) => b.y + b.height));
  const zoom = START_ZOOM;
  const fits = (bottom - top) * zoom + 2 * MARGIN <= size.height;
  const y = fits ? size.height / 2 - ((top + bottom) / 2) * zoom : MARGIN - top * zoom;
  return { x: MARGIN - leftmost * zoom, y, zoom };
}
