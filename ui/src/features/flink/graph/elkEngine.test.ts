// The layout engine as the window uses it: ELK's API talking to its worker (here a stand-in
// Worker that runs the real ELK in a Node worker thread), one worker for the warm-up and every
// layout, a graph shape laid out once; and the fallback to the simple layout when the worker
// fails or cannot exist.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jobGraph, SINK, SOURCE } from "../../../test/flinkFixtures";
import { elkInNode } from "../../../test/elkInNode";
import { layoutInput } from "./graphModel";

interface Message {
  id: number;
  cmd: string;
  graph?: Parameters<typeof elkInNode>[0];
}

const created: string[] = [];
let layouts = 0;

/** A Worker running ELK's worker protocol ({id, cmd} → {id, data}) on the real ELK. */
class ElkWorkerStandIn {
  onmessage: ((event: { data: unknown }) => void) | null = null;

  constructor(url: string) {
    created.push(url);
  }

  addEventListener(): void {
    // Never fails.
  }

  postMessage(message: Message): void {
    const answer = (data: unknown) => {
      this.onmessage?.({ data: { id: message.id, data } });
    };
    if (message.cmd === "layout" && message.graph !== undefined) {
      layouts += 1;
      void elkInNode(message.graph).then(answer);
    }
    else answer([]);
  }

  terminate(): void {
    // Nothing runs.
  }
}

/** A Worker whose script cannot be loaded: it reports an error and never answers. */
class BrokenWorker {
  onmessage: unknown = null;
  private readonly listeners: ((event: { message: string }) => void)[] = [];

  addEventListener(_type: string, listener: (event: { message: string }) => void): void {
    this.listeners.push(listener);
    setTimeout(() => {
      listener({ message: "" });
    }, 0);
  }

  postMessage(): void {
    // Never answers.
  }

  terminate(): void {
    // Nothing runs.
  }
}

beforeEach(() => {
  created.length = 0;
  layouts = 0;
  // elkEngine keeps one worker per page: a fresh module per test.
  vi.resetModules();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("elkEngine", () => {
  it("warms up and lays out in one worker, answering in ELK's shape", { timeout: 60_000 }, async () => {
    vi.stubGlobal("Worker", ElkWorkerStandIn);
    const { layoutGraph } = await import("./layout");
    const { warmUpLayout } = await import("./elkEngine");
    warmUpLayout();
    warmUpLayout();
    const layout = await layoutGraph(layoutInput(jobGraph(), new Set()));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/elk-worker\.min\.js/);
    expect(layout.engine).toBe("elk");
    expect(layout.nodes.size).toBe(4);
    expect(layout.nodes.get(SOURCE)?.x).toBeLessThan(layout.nodes.get(SINK)?.x ?? 0);
    expect(layout.routes.size).toBe(3);
    expect(layouts).toBe(2);

    // Once more with a key (as the graph tab asks): laid out once, then remembered.
    const input = layoutInput(jobGraph(), new Set());
    const first = await layoutGraph(input, "orders");
    expect(await layoutGraph(input, "orders")).toBe(first);
    expect(layouts).toBe(3);
  });

  it("falls back to the simple layout when the worker fails to load", async () => {
    vi.stubGlobal("Worker", BrokenWorker);
    const { layoutGraph } = await import("./layout");
    const layout = await layoutGraph(layoutInput(jobGraph(), new Set()));
    expect(layout.engine).toBe("simple");
    expect(layout.nodes.size).toBe(4);
    // Broken for good: the next layout does not wait for it either.
    expect((await layoutGraph(layoutInput(jobGraph(), new Set()))).engine).toBe("simple");
  });

  it("falls back to the simple layout where there is no Worker at all", async () => {
    vi.stubGlobal("Worker", undefined);
    const { layoutGraph } = await import("./layout");
    expect((await layoutGraph(layoutInput(jobGraph(), new Set()))).engine).toBe("simple");
  });
});
