// ELK (the Eclipse Layout Kernel, compiled from Java by GWT) in a Web Worker of its own.
// Not in the window: GWT's runtime assigns toString on prototypes that inherit from
// Object.prototype, which the window freezes (tauri.conf.json: freezePrototype), so ELK
// cannot even load there — a worker is a separate realm the freeze does not reach, and the
// layout of a large graph no longer blocks the window either. The worker starts once, on
// warmUpLayout() (the Flink views call it), so its 1.6 MB script is parsed before a graph
// arrives, and lays out a small graph so the engine's code is warm for the first real one. A
// worker that fails to start or to answer rejects every layout, and the caller falls back to
// the simple layout.
import ELK, { type ELK as LayoutEngine, type ElkNode } from "elkjs/lib/elk-api.js";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";
import { toElkGraph } from "./elkGraph";
import { NODE_HEIGHT, NODE_WIDTH, type LayoutInput } from "./graphModel";

/** A layout taking longer than this is given up for the simple one. */
const LAYOUT_TIMEOUT_MS = 20_000;

let elk: LayoutEngine | null = null;
let broken: Error | null = null;
const pending = new Set<(error: Error) => void>();

function fail(error: Error): void {
  broken = error;
  for (const reject of pending) reject(error);
  pending.clear();
}

function engine(): LayoutEngine {
  if (broken !== null) throw broken;
  elk ??= new ELK({
    algorithms: ["layered"],
    workerUrl,
    workerFactory: (url) => {
      const worker = new Worker(url ?? workerUrl);
      worker.addEventListener("error", (event) => {
        fail(new Error(`The layout worker failed: ${event.message || "it could not be loaded"}`));
      });
      return worker;
    },
  });
  return elk;
}

/**
 * A binary tree of 63 vertices with cross edges: every phase of the layered layout runs, so
 * the engine is compiled hot before the first real graph (on a 300-vertex graph a warm
 * engine is about a third faster than a cold one).
 */
function warmUpInput(): LayoutInput {
  const nodes = Array.from({ length: 63 }, (_, i) => ({ id: `w${String(i)}`, width: NODE_WIDTH, height: NODE_HEIGHT }));
  const edges = nodes.slice(1).flatMap((node, i) => {
    const parent = { id: `t${String(i)}`, source: `w${String(Math.floor(i / 2))}`, target: node.id };
    return i > 4 && i % 3 === 0 ? [parent, { id: `x${String(i)}`, source: `w${String(i - 3)}`, target: node.id }] : [parent];
  });
  return { nodes, edges };
}

let warming: Promise<unknown> | null = null;

/** Starts the worker (and so the parsing of ELK) and warms it, ahead of the first layout. */
export function warmUpLayout(): void {
  if (warming !== null) return;
  try {
    warming = engine()
      .layout(toElkGraph(warmUpInput()))
      .catch(() => undefined);
  } catch {
    // No worker here (or it failed before): layouts will use the simple engine.
    warming = Promise.resolve();
  }
}

export function runElk(graph: ElkNode): Promise<ElkNode> {
  return new Promise<ElkNode>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`ELK gave no layout within ${String(LAYOUT_TIMEOUT_MS / 1000)} s.`));
    }, LAYOUT_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      pending.delete(reject);
    };
    pending.add(reject);
    try {
      engine()
        .layout(graph)
        .then(resolve, reject)
        .finally(settle);
    } catch (error: unknown) {
      settle();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
