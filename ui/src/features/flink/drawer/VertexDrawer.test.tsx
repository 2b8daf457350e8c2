// The vertex drawer opened from the graph: its header, the subtasks with the hot one
// highlighted and the skew ratio, charts filling from the graph's refreshes, the metric
// picker (search, pick, polled and charted as min/avg/max, at most six), and Escape.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { graphMetrics, subtask, vertexDetail, WINDOW } from "../../../test/flinkFixtures";
import { ORDERS_JOB_ID, renderFlink, waitForGraph } from "../flinkTestKit";
import { filterMetricNames, MAX_PICKED } from "./MetricPicker";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  vi.useRealTimers();
});

const NAMES = [
  "numRecordsIn",
  "numRecordsOut",
  "numRecordsInPerSecond",
  "busyTimeMsPerSecond",
  "backPressuredTimeMsPerSecond",
  "currentInputWatermark",
  "Window.numLateRecordsDropped",
  "checkpointStartDelayNanos",
];

const HOT = vertexDetail({
  subtasks: [
    subtask({ subtask: 0, readRecords: 400, host: "tm-a:40123" }),
    subtask({ subtask: 1, readRecords: 3_600, skewed: true, busyPercent: 97, backpressureLevel: "high", host: "tm-b:40123" }),
  ],
  skewRatio: 1.8,
  backpressureLevel: "high",
});

async function openDrawer() {
  const rendered = renderFlink({ open: { jobId: ORDERS_JOB_ID }, vertex: HOT });
  vi.mocked(platform.listVertexMetricNames).mockResolvedValue(NAMES);
  await waitForGraph();
  const window = screen.getAllByTestId("graph-node").find((el) => el.dataset["vertexId"] === WINDOW);
  if (window === undefined) throw new Error("no window vertex");
  await rendered.user.click(within(window).getByTestId("graph-node-open"));
  return { ...rendered, drawer: await screen.findByTestId("vertex-drawer") };
}

describe("filterMetricNames", () => {
  it("keeps names containing every word, any case", () => {
    expect(filterMetricNames(NAMES, "NumRecords in")).toEqual(["numRecordsIn", "numRecordsInPerSecond"]);
    expect(filterMetricNames(NAMES, "WINDOW")).toEqual(["Window.numLateRecordsDropped"]);
  });
});

describe("VertexDrawer", () => {
  it("shows the vertex, its subtasks with the hot one highlighted, and the skew ratio", async () => {
    const { drawer } = await openDrawer();
    expect(within(drawer).getByTestId("drawer-title")).toHaveTextContent("revenue-per-customer-10s");
    expect(within(drawer).getByTestId("drawer-parallelism")).toHaveTextContent("2 / max 128");
    const rows = await within(drawer).findAllByTestId("subtask-row");
    expect(rows.map((row) => row.dataset["skewed"])).toEqual(["false", "true"]);
    expect(at(rows, 1)).toHaveClass("subtask-row--skewed");
    expect(at(rows, 1)).toHaveTextContent("hot");
    expect(at(rows, 1)).toHaveTextContent("tm-b:40123");
    expect(at(rows, 1)).toHaveTextContent("97%");
    expect(within(at(rows, 1)).getByTestId("backpressure-level")).toHaveAttribute("data-level", "high");
    const skew = within(drawer).getByTestId("drawer-skew");
    expect(skew).toHaveAttribute("data-ratio", "1.8");
    expect(skew).toHaveClass("drawer-skew--hot");
    expect(skew).toHaveTextContent(/Skew 1\D8×/);
    expect(skew).toHaveTextContent("1 hot subtask");
  });

  it("charts the vertex's figures from each graph refresh", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { drawer } = await openDrawer();
    const busy = within(drawer).getByTestId("chart-busy");
    await waitFor(() => {
      expect(Number(busy.dataset["points"])).toBeGreaterThanOrEqual(1);
    });
    const before = Number(busy.dataset["points"]);
    vi.mocked(platform.fetchGraphMetrics).mockResolvedValue(graphMetrics({ at: graphMetrics().at + 5_000 }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    await waitFor(() => {
      expect(Number(busy.dataset["points"])).toBe(before + 1);
    });
    expect(busy).toHaveAttribute("data-latest", "55");
    expect(within(drawer).getByTestId("chart-watermark")).toHaveAttribute("data-latest", "4.2");
  });

  it("charts picked metrics as min, avg and max, polled at the interval, at most six", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { drawer, user } = await openDrawer();
    vi.mocked(platform.fetchVertexMetrics).mockImplementation((_c, _j, _v, names) =>
      Promise.resolve(names.map((id, i) => ({ id, min: i, max: 10 + i, avg: 5 + i, sum: 20 }))),
    );
    const search = await within(drawer).findByTestId("metric-search");
    await user.type(search, "numrecords in");
    const options = () => within(drawer).getAllByTestId("metric-option");
    expect(options().map((o) => o.dataset["metric"])).toEqual(["numRecordsIn", "numRecordsInPerSecond"]);
    await user.click(at(options(), 1));
    await waitFor(() => {
      expect(platform.fetchVertexMetrics).toHaveBeenLastCalledWith("c1", ORDERS_JOB_ID, WINDOW, ["numRecordsInPerSecond"]);
    });
    const chart = await within(drawer).findByTestId("metric-chart");
    expect(chart).toHaveAttribute("data-metric", "numRecordsInPerSecond");
    await waitFor(() => {
      expect(within(chart).getByTestId("metric-chart-plot")).toHaveAttribute("data-latest", "5");
    });
    expect(within(chart).getByRole("list")).toHaveTextContent("avgminmax");

    const calls = vi.mocked(platform.fetchVertexMetrics).mock.calls.length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    await waitFor(() => {
      expect(vi.mocked(platform.fetchVertexMetrics).mock.calls.length).toBeGreaterThan(calls);
    });
    await waitFor(() => {
      expect(within(chart).getByTestId("metric-chart-plot")).toHaveAttribute("data-points", "2");
    });

    await user.clear(search);
    for (const option of options().slice(0, 7)) {
      if (!(option as HTMLInputElement).checked && !(option as HTMLInputElement).disabled) await user.click(option);
    }
    expect(within(drawer).getByTestId("metric-picked-count")).toHaveAttribute("data-value", String(MAX_PICKED));
    expect(options().filter((o) => (o as HTMLInputElement).disabled)).toHaveLength(NAMES.length - MAX_PICKED);
    expect(within(drawer).getAllByTestId("metric-chart")).toHaveLength(MAX_PICKED);
  });

  it("closes on Escape", async () => {
    const { user } = await openDrawer();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("vertex-drawer")).not.toBeInTheDocument();
  });
});
