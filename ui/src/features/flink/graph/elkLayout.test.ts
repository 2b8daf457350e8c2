// The real ELK layout of a large job graph, run as the app runs it — in a worker realm of its
// own — on tests/fixtures/flink-synthetic/plan-300.json (300 vertices, 342 edges, 167 with
// chains), converted here to the JobGraph the backend would send, or on an equivalent
// generated DAG when that file is missing. Every vertex gets its own box, no two overlap, and
// every edge runs left to right; expanded chains make taller boxes that still do not overlap.
/// <reference types="node" />
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { JobGraph } from "../../../bindings/JobGraph";
import { jobSummary } from "../../../test/flinkFixtures";
import { elkInNode } from "../../../test/elkInNode";
import { fromElkGraph, toElkGraph } from "./elkGraph";
import { edgeId, hasChain, layoutInput, overlaps, type GraphLayout } from "./graphModel";

// Tests run in ui/; the fixture is the repository's.
const PLAN = resolve(process.cwd(), "../tests/fixtures/flink-synthetic/plan-300.json");

interface PlanNode {
  id: string;
  parallelism: number;
  description: string;
  inputs?: { id: string; ship_strategy: string }[];
}

/** The plan's chained operators, the way the backend reads its description. */
function operators(description: string): GraphVertex["operators"] {
  return description
    .split(/<br\s*\/?>/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const trimmed = line.trimStart();
      const indent = line.length - trimmed.length;
      return trimmed.startsWith("+-") || trimmed.startsWith(":-")
        ? { name: trimmed.slice(2).trim(), depth: 1 + Math.floor(indent / 3) }
        : { name: trimmed.trim(), depth: 0 };
    });
}

function fromPlan(nodes: readonly PlanNode[]): JobGraph {
  return {
    job: jobSummary({ name: "plan-300" }),
    jobType: "STREAMING",
    isStoppable: false,
    vertices: nodes.map((node) => {
      const ops = operators(node.description);
      return {
        id: node.id,
        name: ops[0]?.name ?? node.id,
        parallelism: node.parallelism,
        maxParallelism: null,
        status: "RUNNING",
        operators: ops.length === 0 ? [{ name: node.id, depth: 0 }] : ops,
        tasks: {},
        isSource: (node.inputs ?? []).length === 0,
        isSink: false,
      };
    }),
    edges: nodes.flatMap((node) =>
      (node.inputs ?? []).map((input) => ({ source: input.id, target: node.id, shipStrategy: input.ship_strategy, exchange: null })),
    ),
  };
}

/** 300 vertices in 12 pipelines of 25 stages, with joins across pipelines every few stages. */
function generated(): PlanNode[] {
  const id = (p: number, s: number) => `v-${String(p)}-${String(s)}`;
  const nodes: PlanNode[] = [];
  for (let p = 0; p < 12; p++) {
    for (let s = 0; s < 25; s++) {
      const inputs = s === 0 ? [] : [{ id: id(p, s - 1), ship_strategy: s % 3 === 0 ? "HASH" : "FORWARD" }];
      if (s > 1 && s % 5 === 0) inputs.push({ id: id((p + 1) % 12, s - 2), ship_strategy: "REBALANCE" });
      nodes.push({ id: id(p, s), parallelism: 2, description: s % 2 === 0 ? `op-${String(s)}<br/>+- chained<br/>` : `op-${String(s)}<br/>`, inputs });
    }
  }
  return nodes;
}

function planNodes(): PlanNode[] {
  if (!existsSync(PLAN)) return generated();
  const file = JSON.parse(readFileSync(PLAN, "utf8")) as { response: { plan: { nodes: PlanNode[] } } };
  return file.response.plan.nodes;
}

async function layOut(graph: JobGraph, expanded: ReadonlySet<string>): Promise<GraphLayout> {
  return fromElkGraph(await elkInNode(toElkGraph(layoutInput(graph, expanded))));
}

function expectSound(graph: JobGraph, layout: GraphLayout): void {
  const boxes = graph.vertices.map((v) => ({ id: v.id, box: layout.nodes.get(v.id) }));
  expect(boxes.filter((b) => b.box === undefined).map((b) => b.id)).toEqual([]);
  const placed = boxes.flatMap((b) => (b.box === undefined ? [] : [{ id: b.id, box: b.box }]));
  expect(new Set(placed.map((p) => `${String(p.box.x)},${String(p.box.y)}`)).size).toBe(placed.length);
  const overlapping: string[] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i];
      const b = placed[j];
      if (a !== undefined && b !== undefined && overlaps(a.box, b.box)) overlapping.push(`${a.id} × ${b.id}`);
    }
  }
  expect(overlapping).toEqual([]);
  const backwards = graph.edges.filter((e) => {
    const source = layout.nodes.get(e.source);
    const target = layout.nodes.get(e.target);
    return source === undefined || target === undefined || source.x + source.width > target.x;
  });
  expect(backwards).toEqual([]);
  // Every edge has a route from the source's east side to the target's west side.
  graph.edges.forEach((edge, i) => {
    const route = layout.routes.get(edgeId(edge, i));
    const source = layout.nodes.get(edge.source);
    const target = layout.nodes.get(edge.target);
    expect(route?.[0]?.x).toBeCloseTo((source?.x ?? 0) + (source?.width ?? 0));
    expect(route?.at(-1)?.x).toBeCloseTo(target?.x ?? 0);
  });
}

describe("ELK layout of a 300-vertex plan", () => {
  const graph = fromPlan(planNodes());

  it("reads the plan as 300 vertices with their edges and chains", () => {
    expect(graph.vertices).toHaveLength(300);
    expect(graph.edges.length).toBeGreaterThan(299);
    expect(graph.vertices.some(hasChain)).toBe(true);
  });

  it("gives every vertex its own box, none overlapping, every edge left to right", { timeout: 120_000 }, async () => {
    expectSound(graph, await layOut(graph, new Set()));
  });

  it("keeps that with every chain expanded (taller boxes)", { timeout: 120_000 }, async () => {
    const expanded = new Set(graph.vertices.filter(hasChain).map((v) => v.id));
    const layout = await layOut(graph, expanded);
    expectSound(graph, layout);
    const tall = graph.vertices.find(hasChain);
    expect(layout.nodes.get(tall?.id ?? "")?.height).toBeGreaterThan(150);
  });
});
