// The Configuration tab: the job's and the job manager's configuration as key/value tables,
// one filter narrowing both by key or value.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { ORDERS_JOB_ID, renderFlink } from "../flinkTestKit";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

const keys = (testId: string) => within(screen.getByTestId(testId)).getAllByTestId("config-row").map((row) => row.dataset["key"]);

describe("ConfigurationTab", () => {
  it("shows both configurations and filters them by key or value", async () => {
    const { user } = renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    expect(await screen.findByTestId("job-config-table")).toBeInTheDocument();
    expect(platform.fetchJobConfiguration).toHaveBeenCalledWith("c1", ORDERS_JOB_ID);
    expect(keys("job-config-table")).toEqual(["execution-mode", "restart-strategy", "user-config.orders.topic"]);
    expect(keys("jobmanager-config-table")).toEqual(["jobmanager.rpc.address", "rest.port", "state.savepoints.dir"]);

    await user.type(screen.getByTestId("config-filter"), "ORDERS");
    expect(keys("job-config-table")).toEqual(["user-config.orders.topic"]);
    expect(screen.queryByTestId("jobmanager-config-table")).not.toBeInTheDocument();
    expect(screen.getByText("No entry matches.")).toBeInTheDocument();

    await user.clear(screen.getByTestId("config-filter"));
    await user.type(screen.getByTestId("config-filter"), "flink-savepoints");
    expect(keys("jobmanager-config-table")).toEqual(["state.savepoints.dir"]);
  });
});
