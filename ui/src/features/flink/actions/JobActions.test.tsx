// The job actions: offered to developers and admins only; a savepoint (with a target
// directory) followed every second until Flink says COMPLETED, its location copyable, or
// FAILED with the reason; on prod nothing is sent until the job's name is typed back, and it
// is sent along; the backend's refusal shows in the dialog; an ended job offers nothing.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { jobGraph, jobSummary } from "../../../test/flinkFixtures";
import { ORDERS_JOB_ID, renderFlink } from "../flinkTestKit";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  vi.useRealTimers();
});

const IN_PROGRESS = { triggerId: "t-42", status: "IN_PROGRESS", location: null, failure: null };

async function second() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(1_000);
  });
}

describe("JobActions", () => {
  it.each(["support", "troubleshooter"] as const)("offers no job action to the %s role", async (role) => {
    renderFlink({ role, open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    // The job and the role are known: the header is complete.
    await waitFor(() => {
      expect(screen.getByTestId("job-title")).toHaveTextContent("OrdersPipeline");
    });
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("job-actions")).not.toBeInTheDocument();
    expect(screen.queryByTestId("job-action-savepoint")).not.toBeInTheDocument();
    expect(screen.queryByTestId("job-action-cancel")).not.toBeInTheDocument();
  });

  it("takes a savepoint into the directory given, and follows it until it is COMPLETED", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    vi.mocked(platform.runJobAction).mockResolvedValue(IN_PROGRESS);
    vi.mocked(platform.fetchSavepointStatus)
      .mockResolvedValueOnce(IN_PROGRESS)
      .mockResolvedValueOnce(IN_PROGRESS)
      .mockResolvedValue({ ...IN_PROGRESS, status: "COMPLETED", location: "file:/tmp/flink-savepoints/savepoint-9277b3-1a2b3c" });
    vi.mocked(platform.copyText).mockResolvedValue(undefined);

    await user.click(await screen.findByTestId("job-action-savepoint"));
    const dialog = screen.getByTestId("job-action-dialog");
    expect(within(dialog).queryByTestId("confirm-job-name")).not.toBeInTheDocument();
    await user.type(within(dialog).getByTestId("job-action-target"), "file:///tmp/flink-savepoints");
    await user.click(within(dialog).getByTestId("job-action-submit"));
    expect(platform.runJobAction).toHaveBeenCalledWith("c1", ORDERS_JOB_ID, {
      kind: "savepoint",
      targetDirectory: "file:///tmp/flink-savepoints",
      confirm: null,
    });

    const progress = await within(dialog).findByTestId("savepoint-progress");
    expect(progress).toHaveAttribute("data-status", "IN_PROGRESS");
    expect(within(progress).getByTestId("savepoint-progress-bar")).toBeInTheDocument();
    expect(platform.fetchSavepointStatus).toHaveBeenCalledWith("c1", ORDERS_JOB_ID, "t-42");
    await second();
    await second();
    await second();
    await waitFor(() => {
      expect(progress).toHaveAttribute("data-status", "COMPLETED");
    });
    expect(within(dialog).getByTestId("savepoint-location")).toHaveTextContent("file:/tmp/flink-savepoints/savepoint-9277b3-1a2b3c");
    expect(within(progress).queryByTestId("savepoint-progress-bar")).not.toBeInTheDocument();
    const polls = vi.mocked(platform.fetchSavepointStatus).mock.calls.length;
    expect(polls).toBe(3);

    await user.click(within(dialog).getByTestId("savepoint-copy"));
    expect(platform.copyText).toHaveBeenCalledWith("file:/tmp/flink-savepoints/savepoint-9277b3-1a2b3c");
    expect(await within(dialog).findByText("Copied")).toBeInTheDocument();

    // Done: no more polling.
    await second();
    await second();
    expect(platform.fetchSavepointStatus).toHaveBeenCalledTimes(polls);
    await user.click(within(dialog).getByTestId("job-action-close"));
    expect(screen.queryByTestId("job-action-dialog")).not.toBeInTheDocument();
  });

  it("shows Flink's reason when the savepoint FAILED", async () => {
    const { user } = renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    vi.mocked(platform.runJobAction).mockResolvedValue(IN_PROGRESS);
    vi.mocked(platform.fetchSavepointStatus).mockResolvedValue({
      ...IN_PROGRESS,
      status: "FAILED",
      failure: "java.util.concurrent.CompletionException: No savepoint directory configured",
    });
    await user.click(await screen.findByTestId("job-action-stop"));
    await user.click(screen.getByTestId("job-action-submit"));
    expect(platform.runJobAction).toHaveBeenCalledWith("c1", ORDERS_JOB_ID, { kind: "stop_with_savepoint", targetDirectory: null, confirm: null });
    expect(await screen.findByTestId("savepoint-failure")).toHaveTextContent("No savepoint directory configured");
  });

  it("on prod, sends a cancel only with the job's name typed back, and sends the name", async () => {
    const { user } = renderFlink({ environment: "prod", open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    vi.mocked(platform.runJobAction).mockResolvedValue({ triggerId: null, status: "CANCELLING", location: null, failure: null });
    await user.click(await screen.findByTestId("job-action-cancel"));
    const dialog = screen.getByTestId("job-action-dialog");
    expect(within(dialog).queryByTestId("job-action-target")).not.toBeInTheDocument();
    const submit = within(dialog).getByTestId("job-action-submit");
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByTestId("confirm-job-name"), "OrdersPipelin");
    expect(submit).toBeDisabled();
    await user.click(submit);
    expect(platform.runJobAction).not.toHaveBeenCalled();
    await user.type(within(dialog).getByTestId("confirm-job-name"), "e");
    expect(submit).toBeEnabled();
    await user.click(submit);
    expect(platform.runJobAction).toHaveBeenCalledWith("c1", ORDERS_JOB_ID, { kind: "cancel", targetDirectory: null, confirm: "OrdersPipeline" });
    expect(await within(dialog).findByTestId("job-action-done")).toHaveTextContent("cancelling");
    expect(platform.fetchSavepointStatus).not.toHaveBeenCalled();
  });

  it("shows the backend's refusal in the dialog", async () => {
    const { user } = renderFlink({ environment: "prod", open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    vi.mocked(platform.runJobAction).mockRejectedValue({
      kind: "invalid_input",
      message: "Type the job name 'OrdersPipeline' to take a savepoint of it on this prod connection.",
    });
    await user.click(await screen.findByTestId("job-action-savepoint"));
    await user.type(screen.getByTestId("confirm-job-name"), "OrdersPipeline");
    await user.click(screen.getByTestId("job-action-submit"));
    const error = await within(screen.getByTestId("job-action-dialog")).findByTestId("inline-error");
    expect(error).toHaveTextContent("Type the job name");
    expect(error).toHaveAttribute("data-error-kind", "invalid_input");
  });

  it("offers no savepoint or cancel for a job that has ended", async () => {
    renderFlink({
      open: { jobId: ORDERS_JOB_ID, tab: "configuration" },
      graph: jobGraph({ job: jobSummary({ state: "FINISHED", endTime: 2 }) }),
    });
    expect(await screen.findByTestId("job-action-savepoint")).toBeDisabled();
    expect(screen.getByTestId("job-action-stop")).toBeDisabled();
    expect(screen.getByTestId("job-action-cancel")).toBeDisabled();
    expect(screen.getByTestId("job-duration")).toHaveTextContent("ran for 3m 05s");
  });
});
