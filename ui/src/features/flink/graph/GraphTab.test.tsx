// The Graph tab in the whole frame (React Flow in jsdom, the layout engine replaced by the
// simple one): vertices with their live figures and edges labelled by ship strategy, the
// request cost of a refresh, the on-screen vertices asked for in detail, the interval
// (paused stops polling), chained operators shown on request, the drawer on a click, and the
// layout timings published for the benchmark.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { graphMetrics, SINK, SOURCE, VALIDATE, WINDOW } from "../../../test/flinkFixtures";
import { ORDERS_JOB_ID, renderFlink, waitForGraph } from "../flinkTestKit";

vi.mock("../../../platform");
vi.mock("./elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, "__streamlensGraphTimings");
});

function node(name: string): HTMLElement {
  const found = screen.getAllByTestId("graph-node").find((el) => el.dataset["vertexName"] === name);
  if (found === undefined) throw new Error(`no graph node ${name}`);
  return found;
}

async function openGraph() {
  const rendered = renderFlink({ open: { jobId: ORDERS_JOB_ID } });
  await waitForGraph();
  return rendered;
}

describe("GraphTab", () => {
  it("draws each vertex with its figures, and the edges labelled by ship strategy", async () => {
    await openGraph();
    expect(screen.getAllByTestId("graph-node").map((el) => el.dataset["vertexId"])).toEqual([SOURCE, VALIDATE, WINDOW, SINK]);
    await waitFor(() => {
      expect(node("revenue-per-customer-10s")).toHaveAttribute("data-tone", "busy");
    });
    const window = node("revenue-per-customer-10s");
    expect(within(window).getByTestId("graph-node-busy")).toHaveTextContent("55%");
    expect(within(window).getByTestId("graph-node-in")).toHaveTextContent("100/s");
    expect(within(window).getByTestId("graph-node-watermark")).toHaveTextContent(/4\D2 s behind/);
    expect(window).toHaveTextContent("×2");
    // The sink moves nothing and is barely busy: idle.
    expect(node("format-revenue -> revenue-sink: Writer")).toHaveAttribute("data-tone", "idle");
    await waitFor(() => {
      expect(screen.getAllByTestId("graph-edge-label").map((el) => el.textContent).sort()).toEqual(["FORWARD", "HASH", "REBALANCE"]);
    });
    expect(screen.getByTestId("graph-requests")).toHaveTextContent("5 requests/refresh");
    expect(screen.getByTestId("graph-legend")).toHaveTextContent("Back-pressured 10 → 100%");
    // The minimap joins after the graph's first frame, with every vertex.
    await waitFor(() => {
      expect(screen.getByRole("img", { name: "Minimap of the job graph" }).querySelectorAll(".react-flow__minimap-node")).toHaveLength(4);
    });
  });

  it("asks for the vertices on screen in detail once they are known, then at each refresh; paused stops", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = await openGraph();
    const calls = () => vi.mocked(platform.fetchGraphMetrics).mock.calls;
    const everyVertex = [SINK, SOURCE, VALIDATE, WINDOW].sort();
    // The first refresh went out before the layout (no vertex on screen yet); the vertices
    // are asked for as soon as they are on screen, not an interval later.
    await waitFor(() => {
      expect(calls().length).toBeGreaterThanOrEqual(2);
    });
    expect(calls()[0]?.slice(0, 3)).toEqual(["c1", ORDERS_JOB_ID, []]);
    expect([...(calls()[1]?.[2] ?? [])].sort()).toEqual(everyVertex);

    const before = calls().length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    await waitFor(() => {
      expect(calls().length).toBeGreaterThan(before);
    });
    expect([...(calls().at(-1)?.[2] ?? [])].sort()).toEqual(everyVertex);

    await user.selectOptions(screen.getByTestId("refresh-interval"), "paused");
    const paused = calls().length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(platform.fetchGraphMetrics).toHaveBeenCalledTimes(paused);
  });

  it("shows a vertex's chained operators on request, in a taller node, without opening the drawer", async () => {
    const { user } = await openGraph();
    const validate = node("validate-order -> event-time-watermarks");
    expect(within(validate).queryByTestId("graph-node-operators")).not.toBeInTheDocument();
    expect(within(node("revenue-per-customer-10s")).queryByTestId("graph-node-chain-toggle")).not.toBeInTheDocument();
    const toggle = within(validate).getByTestId("graph-node-chain-toggle");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveTextContent("2 chained operators");
    await user.click(toggle);
    const operators = within(node("validate-order -> event-time-watermarks")).getByTestId("graph-node-operators");
    expect(within(operators).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["validate-order", "+- event-time-watermarks"]);
    expect(at(within(operators).getAllByRole("listitem"), 1)).toHaveStyle({ paddingLeft: "12px" });
    const wrapper = node("validate-order -> event-time-watermarks").closest(".react-flow__node");
    expect(wrapper).toHaveStyle({ height: "196px" });
    expect(screen.queryByTestId("vertex-drawer")).not.toBeInTheDocument();
  });

  it("opens the vertex drawer on a click, and publishes the layout timings once drawn", async () => {
    const { user } = await openGraph();
    await waitFor(() => {
      expect(screen.getByTestId("job-graph")).toHaveAttribute("data-layout-ms");
    });
    expect(window.__streamlensGraphTimings).toMatchObject({ vertices: 4 });
    expect(window.__streamlensGraphTimings?.layoutMs).toBeGreaterThanOrEqual(0);
    expect(screen.getByTestId("job-graph")).toHaveAttribute("data-layout-engine", "elk");

    await user.click(within(node("revenue-per-customer-10s")).getByTestId("graph-node-open"));
    const drawer = await screen.findByTestId("vertex-drawer");
    expect(drawer).toHaveAttribute("data-vertex-id", WINDOW);
    expect(platform.fetchVertexDetail).toHaveBeenCalledWith("c1", ORDERS_JOB_ID, WINDOW);
    expect(node("revenue-per-customer-10s")).toHaveClass("vertex-node--selected");
  });

  it("says when the first refresh has no rates yet, and shows a failing refresh inline", async () => {
    renderFlink({
      open: { jobId: ORDERS_JOB_ID },
      metrics: graphMetrics({ vertices: graphMetrics().vertices.map((v) => ({ ...v, source: "pending", recordsInPerSecond: null })) }),
    });
    expect(await screen.findByTestId("graph-sampled-at")).toHaveTextContent("rates from the next refresh");
    vi.mocked(platform.fetchGraphMetrics).mockRejectedValue({ kind: "unavailable", message: "Flink did not answer." });
    await act(async () => {
      screen.getByTestId("graph-refresh").click();
      await Promise.resolve();
    });
    expect(await screen.findByTestId("inline-error")).toHaveTextContent("Flink did not answer.");
  });
});
