// Exporting an opened recording: a HistoryServer archive named after the job id beside the
// recording by default, or the records as JSON lines; the count written; a refusal inline.
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { FLAKY_JOB_ID, SAMPLE_PATH } from "../../../test/recordingFixtures";
import { renderRecording } from "../recordingsTestKit";
import { defaultExportPath } from "./exportTarget";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  window.localStorage.clear();
});

describe("ExportDialog", () => {
  it("names the archive after the job id and the records after the recording", () => {
    expect(defaultExportPath("/data/run.slrec", "abc", "history_archive")).toBe("/data/abc");
    expect(defaultExportPath("C:\\data\\run.slrec", "abc", "history_archive")).toBe("C:\\data\\abc");
    expect(defaultExportPath("/data/run.SLREC", "abc", "records_jsonl")).toBe("/data/run-records.jsonl");
    expect(defaultExportPath("run.slrec", "abc", "history_archive")).toBe("abc");
  });

  it("exports a HistoryServer archive, then the records, saying how much each wrote", async () => {
    const { user } = renderRecording();
    vi.mocked(platform.exportRecording).mockResolvedValueOnce(9).mockResolvedValueOnce(50);
    await user.click(await screen.findByTestId("recording-export"));
    const dialog = screen.getByTestId("export-dialog");
    const output = within(dialog).getByTestId("export-output");
    expect(output).toHaveValue(`/home/me/.local/share/streamlens/${FLAKY_JOB_ID}`);
    await user.click(within(dialog).getByTestId("export-submit"));
    expect(platform.exportRecording).toHaveBeenCalledWith(SAMPLE_PATH, `/home/me/.local/share/streamlens/${FLAKY_JOB_ID}`, "history_archive");
    expect(await within(dialog).findByTestId("export-done")).toHaveTextContent(`Wrote 9 archive entries to /home/me/.local/share/streamlens/${FLAKY_JOB_ID}.`);

    await user.selectOptions(within(dialog).getByTestId("export-kind"), "records_jsonl");
    expect(within(dialog).queryByTestId("export-done")).not.toBeInTheDocument();
    await user.clear(output);
    await user.type(output, "/tmp/customers.jsonl");
    await user.click(within(dialog).getByTestId("export-submit"));
    expect(platform.exportRecording).toHaveBeenLastCalledWith(SAMPLE_PATH, "/tmp/customers.jsonl", "records_jsonl");
    expect(await within(dialog).findByTestId("export-done")).toHaveTextContent("Wrote 50 records to /tmp/customers.jsonl.");
  });

  it("shows the backend's refusal in the dialog", async () => {
    const { user } = renderRecording();
    vi.mocked(platform.exportRecording).mockRejectedValue({ kind: "invalid_input", message: "/tmp/out.json already exists: choose another file name." });
    await user.click(await screen.findByTestId("recording-export"));
    await user.click(screen.getByTestId("export-submit"));
    expect(await within(screen.getByTestId("export-dialog")).findByTestId("inline-error")).toHaveTextContent("already exists");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });
});
