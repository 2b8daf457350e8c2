// "Record…" in a Flink job's header: offered to developers and admins only; the form's
// defaults (a file named after the job in the data directory, masked for support); what is
// refused before anything is sent; the request sent; progress after every poll; Stop sealing
// the file; the result and "Open recording"; a refusal shown in the dialog.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { RecordingProgress } from "../../../bindings/RecordingProgress";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";
import * as platform from "../../../platform";
import { recordingProgress, recordingSummary } from "../../../test/recordingFixtures";
import { ORDERS_JOB_ID, renderFlink } from "../../flink/flinkTestKit";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

function scriptRecording() {
  let report: (progress: RecordingProgress) => void = () => undefined;
  let finish: (summary: RecordingSummary) => void = () => undefined;
  vi.mocked(platform.recordJob).mockImplementation((_connection, _request, _id, onProgress) => {
    report = onProgress;
    return new Promise((resolve) => {
      finish = resolve;
    });
  });
  vi.mocked(platform.cancelScan).mockResolvedValue(undefined);
  return {
    report: (progress: RecordingProgress) => {
      act(() => {
        report(progress);
      });
    },
    finish: (summary: RecordingSummary) => {
      act(() => {
        finish(summary);
      });
    },
  };
}

async function openDialog(role: "developer" | "admin" = "developer") {
  const rendered = renderFlink({ role, open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
  await rendered.user.click(await screen.findByTestId("job-record"));
  return { ...rendered, dialog: screen.getByTestId("record-dialog") };
}

describe("RecordJobDialog", () => {
  it.each(["support", "troubleshooter"] as const)("is not offered to the %s role", async (role) => {
    renderFlink({ role, open: { jobId: ORDERS_JOB_ID, tab: "configuration" } });
    await waitFor(() => {
      expect(screen.getByTestId("job-title")).toHaveTextContent("OrdersPipeline");
    });
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("job-record")).not.toBeInTheDocument();
  });

  it("defaults to a file named after the job in the data directory, sampled every second for a minute, masked for support", async () => {
    const { dialog } = await openDialog("admin");
    expect(within(dialog).getByTestId<HTMLInputElement>("record-path").value).toMatch(
      /^\/home\/me\/\.local\/share\/streamlens\/OrdersPipeline-\d{8}-\d{6}\.slrec$/,
    );
    expect(within(dialog).getByTestId("record-interval")).toHaveValue(1);
    expect(within(dialog).getByTestId("record-duration")).toHaveValue(60);
    expect(within(dialog).getByTestId("record-masked-for")).toHaveValue("support");
    // An admin may mask for any role up to its own.
    expect(within(within(dialog).getByTestId("record-masked-for")).getAllByRole("option").map((o) => o.getAttribute("value"))).toEqual([
      "admin",
      "developer",
      "support",
      "troubleshooter",
    ]);
  });

  it("refuses too short an interval and no duration before sending anything", async () => {
    const { user, dialog } = await openDialog();
    await user.clear(within(dialog).getByTestId("record-interval"));
    await user.type(within(dialog).getByTestId("record-interval"), "0.1");
    await user.clear(within(dialog).getByTestId("record-duration"));
    await user.click(within(dialog).getByTestId("record-start"));
    expect(dialog).toHaveTextContent("Sample at most every 0.2 s");
    expect(dialog).toHaveTextContent("Give how many seconds to record");
    expect(platform.recordJob).not.toHaveBeenCalled();
  });

  it("records with the settings given, shows the progress after each poll, stops and seals, then opens the recording", async () => {
    const script = scriptRecording();
    const { user, dialog } = await openDialog();
    const path = "/tmp/orders.slrec";
    await user.clear(within(dialog).getByTestId("record-path"));
    await user.type(within(dialog).getByTestId("record-path"), path);
    await user.clear(within(dialog).getByTestId("record-duration"));
    await user.type(within(dialog).getByTestId("record-duration"), "5");
    await user.type(within(dialog).getByTestId("record-input-topics"), "demo.orders");
    await user.type(within(dialog).getByTestId("record-output-topics"), "demo.revenue, demo.alerts");
    await user.click(within(dialog).getByTestId("record-start"));

    const [connectionId, request, recordingId] = vi.mocked(platform.recordJob).mock.calls[0] ?? [];
    expect(connectionId).toBe("c1");
    expect(request).toEqual({
      jobId: ORDERS_JOB_ID,
      path,
      intervalMs: 1_000,
      durationMs: 5_000,
      topics: [
        { topic: "demo.orders", direction: "input" },
        { topic: "demo.revenue", direction: "output" },
        { topic: "demo.alerts", direction: "output" },
      ],
      maskedFor: "support",
    });
    expect(recordingId).toMatch(/^recording-/);
    // The form is locked while recording, and the dialog stays until stopped.
    expect(within(dialog).getByTestId("record-path")).toBeDisabled();
    expect(within(dialog).queryByTestId("record-close")).not.toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("record-dialog")).toBeInTheDocument();

    script.report(recordingProgress({ elapsedMs: 2_000, polls: 2, samples: 12, records: 4, droppedRecords: 1, fileBytes: 40_960 }));
    const progress = within(dialog).getByTestId("recording-progress");
    expect(progress).toHaveAttribute("data-polls", "2");
    expect(within(progress).getByTestId("progress-elapsed")).toHaveTextContent("2.0 s of 5.0 s");
    expect(within(progress).getByTestId("progress-samples")).toHaveTextContent("12");
    expect(within(progress).getByTestId("progress-records")).toHaveTextContent("4");
    expect(within(progress).getByTestId("progress-dropped")).toHaveTextContent("1");
    expect(within(progress).getByTestId("progress-file")).toHaveTextContent("40.0 KiB");
    expect(progress).toHaveTextContent("RUNNING");

    await user.click(within(dialog).getByTestId("record-stop"));
    expect(platform.cancelScan).toHaveBeenCalledWith(recordingId);
    expect(within(dialog).getByTestId("record-stop")).toHaveTextContent("Stopping…");

    script.finish(recordingSummary({ path, counts: { snapshots: 10, samples: 18, events: 3, records: 4 } }));
    const done = await within(dialog).findByTestId("record-done");
    expect(done).toHaveAttribute("data-samples", "18");
    expect(done).toHaveTextContent(`18 samples, 3 events and 4 records in ${path}`);
    vi.mocked(platform.openRecording).mockResolvedValue(recordingSummary({ path }));
    vi.mocked(platform.verifyRecording).mockResolvedValue({ state: "unsigned" });
    vi.mocked(platform.recordingEvents).mockResolvedValue([]);
    await user.click(within(dialog).getByTestId("record-open"));
    expect(await screen.findByTestId("recording-view")).toHaveAttribute("data-path", path);
    expect(platform.openRecording).toHaveBeenCalledWith(path);
  });

  it("records until stopped when asked", async () => {
    scriptRecording();
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByTestId("record-until-stopped"));
    expect(within(dialog).getByTestId("record-duration")).toBeDisabled();
    await user.click(within(dialog).getByTestId("record-start"));
    expect(vi.mocked(platform.recordJob).mock.calls[0]?.[1].durationMs).toBeNull();
    expect(within(dialog).getByRole("progressbar", { name: "Recording until stopped" })).toBeInTheDocument();
  });

  it("shows the backend's refusal in the dialog and lets the settings be changed", async () => {
    const { user, dialog } = await openDialog();
    vi.mocked(platform.recordJob).mockRejectedValue({ kind: "invalid_input", message: "/tmp/orders.slrec already exists: choose another file name." });
    await user.click(within(dialog).getByTestId("record-start"));
    expect(await within(dialog).findByTestId("inline-error")).toHaveTextContent("already exists");
    expect(within(dialog).getByTestId("record-path")).toBeEnabled();
    expect(within(dialog).getByTestId("record-start")).toHaveTextContent("Record again");
  });

  it("stops and seals a recording still running when the view goes", async () => {
    scriptRecording();
    const { user, dialog, unmount } = await openDialog();
    await user.click(within(dialog).getByTestId("record-start"));
    const recordingId = vi.mocked(platform.recordJob).mock.calls[0]?.[2];
    unmount();
    expect(platform.cancelScan).toHaveBeenCalledWith(recordingId);
  });
});
