// The Cluster tab: the overview cards, the broker table with the controller marked, what
// it says when the cluster does not report something, and an unreachable cluster.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { clusterOverview, profile } from "../../test/fixtures";
import { at } from "../../test/at";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

function renderCluster() {
  return renderFrame({ initialView: { kind: "connection", id: "c1", tab: "cluster" } });
}

describe("ClusterView", () => {
  it("shows brokers, topics (with internal ones), partitions, controller and cluster id", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.fetchClusterOverview).mockResolvedValue(
      clusterOverview({
        brokers: [
          { id: 3, host: "b3.internal", port: 9092 },
          { id: 1, host: "b1.internal", port: 9092 },
          { id: 2, host: "b2.internal", port: 9093 },
        ],
        controllerId: 2,
        clusterId: "kRaFt-ClUsTeR-1",
        topicCount: 1520,
        internalTopicCount: 2,
        partitionCount: 12_345,
      }),
    );
    renderCluster();

    expect(await screen.findByTestId("cluster-broker-count")).toHaveTextContent("3");
    expect(platform.fetchClusterOverview).toHaveBeenCalledWith("c1");
    expect(screen.getByTestId("cluster-topic-count")).toHaveTextContent(/^1\D520\+ 2 internal$/);
    expect(screen.getByTestId("cluster-partition-count")).toHaveTextContent(/^12\D345$/);
    expect(screen.getByTestId("cluster-controller")).toHaveTextContent("Broker 2");
    expect(screen.getByTestId("cluster-id")).toHaveTextContent("kRaFt-ClUsTeR-1");

    const rows = screen.getAllByTestId("broker-row");
    expect(rows.map((row) => row.dataset["brokerId"])).toEqual(["1", "2", "3"]);
    expect(rows.map((row) => row.dataset["controller"])).toEqual(["false", "true", "false"]);
    expect(within(at(rows, 1)).getByText("controller")).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("b2.internal");
    expect(rows[1]).toHaveTextContent("9093");
  });

  it("says 'not reported' for a missing controller and cluster id", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.fetchClusterOverview).mockResolvedValue(
      clusterOverview({ controllerId: null, clusterId: null }),
    );
    renderCluster();
    expect(await screen.findByTestId("cluster-controller")).toHaveTextContent("not reported");
    expect(screen.getByTestId("cluster-id")).toHaveTextContent("not reported");
    expect(screen.queryByText("controller")).not.toBeInTheDocument();
  });

  it("shows an unreachable cluster inline; Retry asks again; Refresh re-reads", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.fetchClusterOverview)
      .mockRejectedValueOnce({ kind: "unavailable", message: "Timed out after 10 s waiting for 10.0.0.9:9092." })
      .mockResolvedValueOnce(clusterOverview())
      .mockResolvedValueOnce(clusterOverview({ brokers: [] }));
    const { user } = renderCluster();

    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveTextContent("Timed out after 10 s waiting for 10.0.0.9:9092.");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();

    await user.click(within(error).getByTestId("retry"));
    expect(await screen.findByTestId("cluster-broker-count")).toHaveTextContent("1");
    expect(screen.queryByTestId("inline-error")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("refresh-cluster"));
    expect(await screen.findByText("0", { selector: "[data-testid='cluster-broker-count']" })).toBeInTheDocument();
    expect(platform.fetchClusterOverview).toHaveBeenCalledTimes(3);
  });
});
