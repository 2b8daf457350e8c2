// A large new graph is drawn at once with the simple layout, then ELK's replaces it; a small
// one waits for ELK. (The ELK engine is the test stand-in: an answer right away.)
import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { JobGraph } from "../../../bindings/JobGraph";
import { PROGRESSIVE_MIN_VERTICES, useGraphLayout, type LaidOut } from "./useGraphLayout";

vi.mock("./elkEngine", () => import("../../../test/fakeElkEngine"));

function chain(n: number): JobGraph {
  const id = (i: number) => i.toString(16).padStart(32, "0");
  return {
    job: { id: "j", name: "j", state: "RUNNING", startTime: null, endTime: null, durationMs: null, lastModification: null, tasksTotal: 0, tasks: {} },
    jobType: null,
    isStoppable: false,
    vertices: Array.from({ length: n }, (_, i) => ({
      id: id(i), name: `v${i}`, parallelism: 1, maxParallelism: null, status: "RUNNING",
      operators: [{ name: `v${i}`, depth: 0 }], tasks: {}, isSource: i === 0, isSink: i === n - 1,
    })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ source: id(i), target: id(i + 1), shipStrategy: "FORWARD", exchange: null })),
  };
}

describe("useGraphLayout", () => {
  it("draws a large graph with the simple layout first, then ELK's", async () => {
    const seen: LaidOut[] = [];
    const graph = chain(PROGRESSIVE_MIN_VERTICES + 5);
    const { result } = renderHook(() => {
      const laidOut = useGraphLayout(graph, new Set());
      if (laidOut !== null && seen.at(-1) !== laidOut) seen.push(laidOut);
      return laidOut;
    });
    await waitFor(() => {
      expect(result.current?.provisional).toBe(false);
    });
    expect(seen[0]?.provisional).toBe(true);
    expect(seen[0]?.layout.engine).toBe("simple");
    expect(seen[0]?.layout.nodes.size).toBe(graph.vertices.length);
    expect(seen.at(-1)?.structure).toBe(seen[0]?.structure);
  });

  it("lets a small graph wait for ELK", async () => {
    const seen: LaidOut[] = [];
    const { result } = renderHook(() => {
      const laidOut = useGraphLayout(chain(4), new Set());
      if (laidOut !== null && seen.at(-1) !== laidOut) seen.push(laidOut);
      return laidOut;
    });
    await waitFor(() => {
      expect(result.current).not.toBeNull();
    });
    expect(seen.every((l) => !l.provisional)).toBe(true);
  });
});
