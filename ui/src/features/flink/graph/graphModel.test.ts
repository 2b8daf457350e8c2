// The graph model without React: the layout input comes from the structure alone (a metrics
// refresh or a re-read graph keeps the key; expanding a chain changes it and grows that box),
// ELK's answer read back as boxes and routes, the simple fallback (layered left to right,
// no overlaps), the colour scale, the on-screen vertices and the starting viewport.
import { describe, expect, it } from "vitest";
import { graphMetrics, jobGraph, SINK, SOURCE, VALIDATE, vertexMetrics, WINDOW } from "../../../test/flinkFixtures";
import { fromElkGraph, inPort, outPort, toElkGraph } from "./elkGraph";
import { edgeId, layoutInput, layoutKey, NODE_HEIGHT, NODE_WIDTH, OPERATOR_ROW, overlaps, type GraphLayout } from "./graphModel";
import { simpleLayout } from "./simpleLayout";
import { appendSamples } from "./vertexHistory";
import { vertexTone } from "./vertexTone";
import { initialViewport, READABLE_ZOOM, START_ZOOM, visibleVertexIds } from "./viewport";

const NONE: ReadonlySet<string> = new Set();

describe("layout input", () => {
  it("has one box per vertex and one edge per plan input, and depends on the structure only", () => {
    const graph = jobGraph();
    const input = layoutInput(graph, NONE);
    expect(input.nodes.map((n) => [n.id, n.width, n.height])).toEqual(
      [SOURCE, VALIDATE, WINDOW, SINK].map((id) => [id, NODE_WIDTH, NODE_HEIGHT]),
    );
    expect(input.edges.map((e) => `${e.source}>${e.target}`)).toEqual([`${SOURCE}>${VALIDATE}`, `${VALIDATE}>${WINDOW}`, `${WINDOW}>${SINK}`]);

    // A re-read of the same graph with other states and tasks lays out the same.
    const reread = jobGraph({ job: { ...graph.job, state: "RESTARTING", durationMs: 1 } });
    expect(layoutKey(reread, NONE)).toBe(layoutKey(graph, NONE));
    // Expanding a chain does not; that box grows by its operators, a single operator does not.
    expect(layoutKey(graph, new Set([VALIDATE]))).not.toBe(layoutKey(graph, NONE));
    expect(layoutKey(graph, new Set([WINDOW]))).toBe(layoutKey(graph, NONE));
    const expanded = layoutInput(graph, new Set([VALIDATE, WINDOW]));
    expect(expanded.nodes.find((n) => n.id === VALIDATE)?.height).toBe(NODE_HEIGHT + 2 * OPERATOR_ROW + 10);
    expect(expanded.nodes.find((n) => n.id === WINDOW)?.height).toBe(NODE_HEIGHT);
  });

  it("drops an edge to a vertex the graph does not have", () => {
    const graph = jobGraph();
    const broken = { ...graph, edges: [...graph.edges, { source: SINK, target: "gone", shipStrategy: "HASH", exchange: null }] };
    expect(layoutInput(broken, NONE).edges).toHaveLength(3);
  });
});

describe("ELK graph", () => {
  it("asks for a layered layout to the right, with a port mid-height on each side", () => {
    const elk = toElkGraph(layoutInput(jobGraph(), NONE));
    expect(elk.layoutOptions?.["elk.algorithm"]).toBe("layered");
    expect(elk.layoutOptions?.["elk.direction"]).toBe("RIGHT");
    const source = elk.children?.[0];
    expect(source?.ports?.map((p) => [p.id, p.x, p.y])).toEqual([
      [inPort(SOURCE), 0, NODE_HEIGHT / 2],
      [outPort(SOURCE), NODE_WIDTH, NODE_HEIGHT / 2],
    ]);
    expect(elk.edges?.[0]).toMatchObject({ sources: [outPort(SOURCE)], targets: [inPort(VALIDATE)] });
  });

  it("reads ELK's answer back as boxes and routes", () => {
    const layout = fromElkGraph({
      id: "job",
      width: 700,
      height: 200,
      children: [
        { id: "a", x: 24, y: 24, width: 264, height: 150 },
        { id: "b", x: 400, y: 30, width: 264, height: 150 },
      ],
      edges: [
        {
          id: "a->b#0",
          sources: ["a:out"],
          targets: ["b:in"],
          sections: [{ id: "s", startPoint: { x: 288, y: 99 }, bendPoints: [{ x: 340, y: 99 }, { x: 340, y: 105 }], endPoint: { x: 400, y: 105 } }],
        },
      ],
    });
    expect(layout.engine).toBe("elk");
    expect(layout.nodes.get("b")).toEqual({ x: 400, y: 30, width: 264, height: 150 });
    expect(layout.routes.get("a->b#0")).toEqual([
      { x: 288, y: 99 },
      { x: 340, y: 99 },
      { x: 340, y: 105 },
      { x: 400, y: 105 },
    ]);
    expect([layout.width, layout.height]).toEqual([700, 200]);
  });
});

describe("simpleLayout", () => {
  it("puts each vertex a layer after its furthest input, without overlaps", () => {
    const graph = jobGraph({
      edges: [...jobGraph().edges, { source: SOURCE, target: WINDOW, shipStrategy: "BROADCAST", exchange: null }],
    });
    const layout = simpleLayout(layoutInput(graph, new Set([VALIDATE])));
    const x = (id: string) => layout.nodes.get(id)?.x ?? -1;
    expect(x(SOURCE)).toBeLessThan(x(VALIDATE));
    expect(x(VALIDATE)).toBeLessThan(x(WINDOW));
    expect(x(WINDOW)).toBeLessThan(x(SINK));
    const boxes = [...layout.nodes.values()];
    expect(boxes.every((a, i) => boxes.every((b, j) => i === j || !overlaps(a, b)))).toBe(true);
    expect(layout.engine).toBe("simple");
  });

  it("stacks a layer's vertices and survives a cycle", () => {
    const layout = simpleLayout({
      nodes: ["a", "b", "c", "d"].map((id) => ({ id, width: 100, height: 50 })),
      edges: [
        { id: "1", source: "a", target: "b" },
        { id: "2", source: "a", target: "c" },
        { id: "3", source: "c", target: "d" },
        { id: "4", source: "d", target: "c" },
      ],
    });
    expect(layout.nodes.size).toBe(4);
    expect(layout.nodes.get("b")?.x).toBe(layout.nodes.get("c")?.x);
    expect(layout.nodes.get("b")?.y).not.toBe(layout.nodes.get("c")?.y);
  });
});

describe("vertexTone", () => {
  it("is neutral without figures, grey when idle, blue to orange by busyness", () => {
    expect(vertexTone(null).kind).toBe("unknown");
    expect(vertexTone(vertexMetrics({ vertexId: "v", busyPercent: null })).kind).toBe("unknown");
    expect(vertexTone(vertexMetrics({ vertexId: "v", busyPercent: 1, recordsInPerSecond: 0, recordsOutPerSecond: 0 })).kind).toBe("idle");
    // Nearly idle but records move: busy, at the blue end.
    const calm = vertexTone(vertexMetrics({ vertexId: "v", busyPercent: 2 }));
    expect(calm.kind).toBe("busy");
    expect(calm.stroke).toBe("rgb(41 131 231)");
    const half = vertexTone(vertexMetrics({ vertexId: "v", busyPercent: 50 }));
    // Blue to orange through a muted middle, never green.
    expect(half.stroke).toBe("rgb(139 134 133)");
    const hot = vertexTone(vertexMetrics({ vertexId: "v", busyPercent: 100 }));
    expect(hot.level).toBe(1);
    expect(hot.stroke).toBe("rgb(240 136 31)");
    expect(hot.fill).toBe("rgb(240 136 31 / 0.32)");
  });

  it("turns orange to red by back-pressure from 10 %, whatever the busyness", () => {
    const low = vertexTone(vertexMetrics({ vertexId: "v", busyPercent: 90, backpressuredPercent: 9 }));
    expect(low.kind).toBe("busy");
    const some = vertexTone(vertexMetrics({ vertexId: "v", busyPercent: 5, backpressuredPercent: 10 }));
    expect(some).toMatchObject({ kind: "backpressured", level: 0, stroke: "rgb(240 136 31)" });
    const full = vertexTone(vertexMetrics({ vertexId: "v", backpressuredPercent: 100 }));
    expect(full).toMatchObject({ kind: "backpressured", level: 1, stroke: "rgb(214 40 40)" });
  });
});

describe("vertex history", () => {
  it("keeps one sample per refresh per vertex, with the watermark lag, bounded", () => {
    let history = appendSamples({}, graphMetrics({ at: 1_000_000 }), 2);
    history = appendSamples(history, graphMetrics({ at: 1_005_000 }), 2);
    history = appendSamples(history, graphMetrics({ at: 1_010_000 }), 2);
    expect(history[WINDOW]?.map((s) => [s.at, s.busy, s.watermarkLag])).toEqual([
      [1_005_000, 55, 4.2],
      [1_010_000, 55, 4.2],
    ]);
    expect(history[SOURCE]?.[0]?.watermarkLag).toBeNull();
  });
});

describe("viewport", () => {
  const layout: GraphLayout = {
    nodes: new Map([
      ["left", { x: 0, y: 0, width: 200, height: 100 }],
      ["middle", { x: 400, y: 300, width: 200, height: 100 }],
      ["far", { x: 3000, y: 0, width: 200, height: 100 }],
    ]),
    routes: new Map(),
    width: 3200,
    height: 400,
    engine: "elk",
  };

  it("lists the vertices on screen, nearest the centre first", () => {
    expect(visibleVertexIds(layout.nodes, { x: 0, y: 0, zoom: 1 }, { width: 1000, height: 600 })).toEqual(["middle", "left"]);
    // Panned right by 2,900 px: only the far vertex.
    expect(visibleVertexIds(layout.nodes, { x: -2900, y: 0, zoom: 1 }, { width: 1000, height: 600 })).toEqual(["far"]);
    // Zoomed out to a tenth: all of them, and partly shown counts.
    expect(visibleVertexIds(layout.nodes, { x: 0, y: 0, zoom: 0.1 }, { width: 1000, height: 600 })).toHaveLength(3);
    expect(visibleVertexIds(layout.nodes, { x: -150, y: 0, zoom: 1 }, { width: 100, height: 100 })).toEqual(["left"]);
    expect(visibleVertexIds(layout.nodes, { x: 0, y: 0, zoom: 1 }, { width: 0, height: 0 })).toEqual([]);
  });

  it("starts with the whole graph when it fits readably, else at the sources", () => {
    const small: GraphLayout = { ...layout, nodes: new Map([...layout.nodes].slice(0, 2)), width: 600, height: 400 };
    const fit = initialViewport(small, { width: 1000, height: 600 });
    expect(fit.zoom).toBe(1);
    expect(fit.x).toBe(200);
    const wide = initialViewport(layout, { width: 1000, height: 600 });
    expect(READABLE_ZOOM).toBeGreaterThan((1000 - 48) / 3200);
    expect(wide.zoom).toBe(START_ZOOM);
    expect(wide.x).toBe(24);
    // The sources (the left column) are centred vertically.
    expect(wide.y).toBeCloseTo(300 - 50 * START_ZOOM);
  });
});

describe("edge ids", () => {
  it("tell apart two edges between the same vertices", () => {
    const edge = { source: "a", target: "b", shipStrategy: "HASH", exchange: null };
    expect(edgeId(edge, 0)).not.toBe(edgeId(edge, 1));
  });
});
