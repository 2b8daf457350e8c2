// "Open in new window" on a Flink job's header: offered only where there is an opener (the
// main window), opening the job under its name.
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { JobHeader } from "../features/flink/job/JobHeader";
import { profile } from "../test/fixtures";
import { jobGraph } from "../test/flinkFixtures";
import { mockBackend, renderWithApp } from "../test/renderApp";
import { WindowOpenerContext } from "./windowOpener";

vi.mock("../platform");

const LOCAL = profile({ id: "c1" });

describe("OpenInWindowButton", () => {
  it("opens a job in a new window under its name", async () => {
    mockBackend([LOCAL]);
    const open = vi.fn();
    const graph = jobGraph();
    const { user } = renderWithApp(
      <WindowOpenerContext value={open}>
        <JobHeader profile={LOCAL} jobId={graph.job.id} graph={graph} titleId="t" />
      </WindowOpenerContext>,
    );
    await user.click(screen.getByRole("button", { name: "Open in new window" }));
    expect(open).toHaveBeenCalledWith({ kind: "job", id: "c1", jobId: graph.job.id }, graph.job.name);
  });

  it("is not offered without an opener (a secondary window)", () => {
    mockBackend([LOCAL]);
    const graph = jobGraph();
    renderWithApp(<JobHeader profile={LOCAL} jobId={graph.job.id} graph={graph} titleId="t" />);
    expect(screen.getByTestId("job-title")).toBeInTheDocument();
    expect(screen.queryByTestId("open-in-window")).not.toBeInTheDocument();
  });
});
