// The Flink tab in the whole frame: offered only with a Flink part, the cluster overview and
// task managers, the job list (running and finished, state badges, task chips), its search
// over names, ids and states, opening a job by click and by keyboard, and a job manager that
// does not answer.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { profile } from "../../../test/fixtures";
import { jobSummary } from "../../../test/flinkFixtures";
import { mockBackend, renderFrame } from "../../../test/renderApp";
import { renderFlink } from "../flinkTestKit";
import { matchesJob } from "./jobFilter";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

const JOBS = [
  jobSummary({ id: "a1", name: "OrdersPipeline", tasks: { running: 8 } }),
  jobSummary({ id: "b2", name: "JoinJob", tasks: { running: 5, deploying: 1 } }),
  jobSummary({ id: "c3", name: "FlakyJob", state: "RESTARTING", tasks: { canceled: 2, scheduled: 1 } }),
  jobSummary({ id: "d4", name: "OldBackfill", state: "FINISHED", endTime: 1, durationMs: 7_200_000, tasks: { finished: 4 } }),
];

function shownJobs(): (string | undefined)[] {
  return screen.queryAllByTestId("job-row").map((row) => row.dataset["jobName"]);
}

describe("matchesJob", () => {
  it("needs every word of the search in the name, id or state", () => {
    const job = jobSummary({ id: "9277b3e7", name: "OrdersPipeline", state: "RUNNING" });
    expect(matchesJob(job, "")).toBe(true);
    expect(matchesJob(job, "orders running")).toBe(true);
    expect(matchesJob(job, "9277")).toBe(true);
    expect(matchesJob(job, "orders failed")).toBe(false);
  });
});

describe("Flink tab", () => {
  it("is offered only to a connection with a Flink part, and says why when reached without one", async () => {
    mockBackend([profile({ id: "a", name: "With Flink" }), profile({ id: "b", name: "Kafka only", flink: null })]);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "b" } });
    expect(await screen.findByTestId("tab-topics")).toBeInTheDocument();
    expect(screen.queryByTestId("tab-flink")).not.toBeInTheDocument();

    await user.click(screen.getByText("With Flink"));
    await user.click(await screen.findByTestId("tab-flink"));
    expect(await screen.findByTestId("flink-view")).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("Flink");
    expect(platform.listFlinkJobs).toHaveBeenCalledWith("a");
  });

  it("shows a MissingPart for a job of a connection without a Flink part", async () => {
    mockBackend([profile({ id: "b", name: "Kafka only", flink: null })]);
    renderFrame({ initialView: { kind: "job", id: "b", jobId: "x" } });
    expect(await screen.findByTestId("no-flink")).toHaveTextContent("has no Flink part");
    expect(platform.fetchJobGraph).not.toHaveBeenCalled();
  });

  it("shows the cluster: version, task managers with slots, CPU and memory, and jobs by outcome", async () => {
    renderFlink({ jobs: JOBS });
    expect(await screen.findByTestId("flink-version")).toHaveTextContent("2.3.0");
    expect(screen.getByTestId("flink-taskmanager-count")).toHaveTextContent("14 CPU cores");
    expect(screen.getByTestId("flink-slots")).toHaveAttribute("data-total", "8");
    expect(screen.getByTestId("flink-slots")).toHaveAttribute("data-free", "3");
    expect(screen.getByTestId("flink-jobs-running")).toHaveTextContent("3");
    const tm = screen.getByTestId("taskmanager-row");
    expect(tm).toHaveTextContent("127.0.0.1:40123");
    expect(tm).toHaveTextContent("3 / 8");
    expect(tm).toHaveTextContent("16.0 GiB");
  });

  it("lists running and finished jobs with state badges and task chips, and filters them by name, id or state", async () => {
    const { user } = renderFlink({ jobs: JOBS });
    await waitFor(() => {
      expect(shownJobs()).toEqual(["OrdersPipeline", "JoinJob", "FlakyJob", "OldBackfill"]);
    });
    expect(screen.getByTestId("job-count")).toHaveTextContent("4 jobs");
    const flaky = at(screen.getAllByTestId("job-row"), 2);
    expect(within(flaky).getByTestId("job-state")).toHaveTextContent("RESTARTING");
    expect(within(flaky).getAllByTestId("task-chip").map((chip) => chip.textContent)).toEqual(["1 scheduled", "2 canceled"]);
    const old = at(screen.getAllByTestId("job-row"), 3);
    expect(old).toHaveTextContent("2h 00m");
    expect(within(old).getByTestId("job-state")).toHaveAttribute("data-state", "FINISHED");

    await user.keyboard("/");
    expect(screen.getByTestId("job-search")).toHaveFocus();
    await user.keyboard("job");
    expect(shownJobs()).toEqual(["JoinJob", "FlakyJob"]);
    expect(screen.getByTestId("job-count")).toHaveTextContent("2 of 4 jobs");
    await user.clear(screen.getByTestId("job-search"));
    await user.type(screen.getByTestId("job-search"), "finished");
    expect(shownJobs()).toEqual(["OldBackfill"]);
    await user.clear(screen.getByTestId("job-search"));
    await user.type(screen.getByTestId("job-search"), "b2");
    expect(shownJobs()).toEqual(["JoinJob"]);
    await user.type(screen.getByTestId("job-search"), "x");
    expect(screen.getByTestId("jobs-empty")).toHaveTextContent("No job matches “b2x”.");
  });

  it("opens a job by click, and by arrow keys and Enter", async () => {
    const { user } = renderFlink({ jobs: JOBS });
    await waitFor(() => {
      expect(shownJobs()).toHaveLength(4);
    });
    await user.click(within(at(screen.getAllByTestId("job-row"), 0)).getByRole("cell", { name: /OrdersPipeline/ }));
    expect(await screen.findByTestId("job-view")).toHaveAttribute("data-job-id", "a1");
    expect(screen.getByTestId("tab-flink")).toHaveAttribute("aria-selected", "true");

    await user.click(screen.getByTestId("back-to-jobs"));
    const first = await screen.findAllByTestId("job-open");
    at(first, 0).focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(at(screen.getAllByTestId("job-open"), 2)).toHaveFocus();
    await user.keyboard("{ArrowUp}{Enter}");
    expect(await screen.findByTestId("job-view")).toHaveAttribute("data-job-id", "b2");
  });

  it("shows a job manager that does not answer inline, with Retry", async () => {
    renderFlink();
    vi.mocked(platform.fetchFlinkOverview).mockRejectedValue({ kind: "unavailable", message: "Flink at http://127.0.0.1:18082 did not answer within 10 s." });
    vi.mocked(platform.listFlinkJobs).mockRejectedValue({ kind: "unavailable", message: "Flink at http://127.0.0.1:18082 did not answer within 10 s." });
    expect((await screen.findAllByTestId("inline-error"))[0]).toHaveTextContent("did not answer");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });
});
