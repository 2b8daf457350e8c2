// The Checkpoints tab: counts, the latest completed and failed, the duration and size charts
// over the history, the history table, a row opening that checkpoint's per-vertex figures
// (names from Flink, else from the graph), and the settings, folded.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { checkpointDetail, checkpointSummary } from "../../../test/flinkFixtures";
import { ORDERS_JOB_ID, renderFlink } from "../flinkTestKit";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

describe("CheckpointsTab", () => {
  it("shows the counts, the latest checkpoints, the charts and the history", async () => {
    renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "checkpoints" } });
    expect(await screen.findByTestId("checkpoints-completed")).toHaveAttribute("data-value", "12");
    expect(platform.fetchCheckpoints).toHaveBeenCalledWith("c1", ORDERS_JOB_ID);
    expect(screen.getByTestId("job-tab-checkpoints")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("checkpoints-failed")).toHaveAttribute("data-value", "1");
    expect(screen.getByTestId("latest-completed-id")).toHaveTextContent("12");
    expect(screen.getByTestId("latest-failed")).toHaveTextContent("Checkpoint expired before completing.");
    expect(screen.getByTestId("latest-savepoint")).toHaveTextContent("none yet");
    expect(screen.getByTestId("latest-restore")).toHaveTextContent("never restored");

    // Oldest first on the charts, at their trigger times; the failed one leaves a gap.
    const duration = screen.getByTestId("checkpoint-duration-chart");
    expect(duration).toHaveAttribute("data-points", "3");
    expect(duration).toHaveAttribute("data-latest", "180");
    expect(screen.getByTestId("checkpoint-size-chart")).toHaveAttribute("data-latest", "24576");

    const rows = screen.getAllByTestId("checkpoint-row");
    expect(rows.map((row) => [row.dataset["checkpointId"], row.dataset["status"]])).toEqual([
      ["12", "COMPLETED"],
      ["11", "COMPLETED"],
      ["7", "FAILED"],
    ]);
    expect(at(rows, 0)).toHaveTextContent("180 ms");
    expect(at(rows, 0)).toHaveTextContent("24.0 KiB");
    expect(at(rows, 0)).toHaveTextContent("8/8");
    expect(at(rows, 2)).toHaveTextContent("Checkpoint expired before completing.");

    const config = screen.getByTestId("checkpoint-config");
    expect(config).not.toHaveAttribute("open");
    expect(within(config).getAllByTestId("checkpoint-config-row").map((r) => r.dataset["key"])).toEqual(["mode", "interval", "timeout"]);
  });

  it("opens a checkpoint's per-vertex figures from its row", async () => {
    const { user } = renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "checkpoints" } });
    vi.mocked(platform.fetchCheckpointDetail).mockResolvedValue(
      checkpointDetail({ checkpoint: checkpointSummary({ id: 11, externalPath: "file:/tmp/chk-11" }) }),
    );
    const rows = await screen.findAllByTestId("checkpoint-row");
    await user.click(within(at(rows, 1)).getByTestId("checkpoint-open"));
    const detail = await screen.findByTestId("checkpoint-detail");
    expect(platform.fetchCheckpointDetail).toHaveBeenCalledWith("c1", ORDERS_JOB_ID, 11);
    expect(detail).toHaveAttribute("data-checkpoint-id", "11");
    await waitFor(() => {
      expect(within(detail).getAllByTestId("checkpoint-vertex-row")).toHaveLength(2);
    });
    const vertexRows = within(detail).getAllByTestId("checkpoint-vertex-row");
    // Flink named no vertex for the first: the graph's name is used.
    expect(await within(at(vertexRows, 0)).findByText("Source: orders-source")).toBeInTheDocument();
    expect(at(vertexRows, 1)).toHaveTextContent("revenue-per-customer-10s");
    expect(at(vertexRows, 1)).toHaveTextContent("22.0 KiB");
    expect(within(detail).getByTestId("checkpoint-path")).toHaveTextContent("file:/tmp/chk-11");
    expect(at(rows, 1)).toHaveAttribute("aria-selected", "true");

    await user.click(within(detail).getByTestId("checkpoint-detail-close"));
    expect(screen.queryByTestId("checkpoint-detail")).not.toBeInTheDocument();
  });
});
