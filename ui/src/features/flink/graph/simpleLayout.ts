// A plain layered layout, left to right, for when ELK cannot run (its worker failed to
// start): each vertex one layer after its furthest input, vertices in a layer ordered by
// the average place of their inputs, layers side by side and centred on each other. Fast
// and never overlapping; it does not route edges (they are drawn as curves).
import type { Box, GraphLayout, LayoutInput } from "./graphModel";

const LAYER_GAP = 90;
const NODE_GAP = 36;

function inputsOf(input: LayoutInput): Map<string, string[]> {
  const inputs = new Map<string, string[]>(input.nodes.map((n) => [n.id, []]));
  for (const edge of input.edges) inputs.get(edge.target)?.push(edge.source);
  return inputs;
}

function layers(input: LayoutInput, inputs: Map<string, string[]>): Map<string, number> {
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const place = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    // A cycle (never in a valid plan) is cut where it is found.
    if (visiting.has(id)) return -1;
    visiting.add(id);
    const at = Math.max(-1, ...(inputs.get(id) ?? []).map(place)) + 1;
    visiting.delete(id);
    layer.set(id, at);
    return at;
  };
  for (const node of input.nodes) place(node.id);
  return layer;
}

export function simpleLayout(input: LayoutInput): GraphLayout {
  const inputs = inputsOf(input);
  const layerOf = layers(input, inputs);
  const depth = Math.max(0, ...layerOf.values());
  const columns: LayoutInput["nodes"][] = Array.from({ length: depth + 1 }, () => []);
  for (const node of input.nodes) columns[layerOf.get(node.id) ?? 0]?.push(node);
  // Order each layer by the mean position of its inputs in the layer before (one sweep).
  const rank = new Map<string, number>();
  for (const column of columns) {
    const weight = (id: string) => {
      const ranks = (inputs.get(id) ?? []).flatMap((s) => (rank.has(s) ? [rank.get(s) ?? 0] : []));
      return ranks.length === 0 ? Number.MAX_SAFE_INTEGER : ranks.reduce((a, b) => a + b, 0) / ranks.length;
    };
    column.sort((a, b) => weight(a.id) - weight(b.id));
    column.forEach((node, i) => rank.set(node.id, i));
  }
  const heights = columns.map((column) => column.reduce((sum, n) => sum + n.height + NODE_GAP, -NODE_GAP));
  const tallest = Math.max(0, ...heights);
  const nodes = new Map<string, Box>();
  let x = 0;
  columns.forEach((column, i) => {
    let y = (tallest - (heights[i] ?? 0)) / 2;
    const width = Math.max(0, ...column.map((n) => n.width));
    for (const node of column) {
      nodes.set(node.id, { x, y, width: node.width, height: node.height });
      y += node.height + NODE_GAP;
    }
    x += width + LAYER_GAP;
  });
  return { nodes, routes: new Map(), width: Math.max(0, x - LAYER_GAP), height: tallest, engine: "simple" };
}
