// Lays out a job graph: ELK in its worker, or — when that worker cannot run — the simple
// layered layout, so a graph is always drawn. The result says which engine made it. ELK's
// layouts are kept for the last few graph shapes, so coming back to a job's graph (from
// another tab, or the list) does not lay it out again.
import { fromElkGraph, toElkGraph } from "./elkGraph";
import { runElk } from "./elkEngine";
import type { GraphLayout, LayoutInput } from "./graphModel";
import { simpleLayout } from "./simpleLayout";

const KEPT = 16;
const kept = new Map<string, GraphLayout>();

/** `key` names the input's shape (graphModel.layoutKey): the same key, the same layout. */
export async function layoutGraph(input: LayoutInput, key?: string): Promise<GraphLayout> {
  if (input.nodes.length === 0) return simpleLayout(input);
  const known = key === undefined ? undefined : kept.get(key);
  if (known !== undefined) return known;
  try {
    const layout = fromElkGraph(await runElk(toElkGraph(input)));
    if (key !== undefined) {
      kept.delete(key);
      kept.set(key, layout);
      for (const oldest of kept.keys()) {
        if (kept.size <= KEPT) break;
        kept.delete(oldest);
      }
    }
    return layout;
  } catch (error: unknown) {
    console.warn("Streamlens: ELK layout failed, using the simple layout instead.", error);
    return simpleLayout(input);
  }
}
