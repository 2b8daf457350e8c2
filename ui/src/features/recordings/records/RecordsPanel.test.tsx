// The captured records around the scrubbed time: a page before and a page from it on, split
// at the scrubbed time, as the message browser shows them (masked values badged, no original
// value anywhere); one opened in the message detail with its masks, and marked on the
// timeline; the search sent to the backend, with a plain word when nothing matches; Earlier
// and Later moving the scrubbed time.
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { REC_START, SAMPLE_PATH } from "../../../test/recordingFixtures";
import { renderRecording, scrubbedTime } from "../recordingsTestKit";
import { RECORDS_PER_SIDE } from "./useCapturedRecords";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  window.localStorage.clear();
});

const seqs = () => screen.getAllByTestId("captured-record").map((row) => Number(row.dataset["seq"]));

async function openRecords(at?: number) {
  const rendered = renderRecording();
  await rendered.user.click(await screen.findByTestId("recording-tab-records"));
  if (at !== undefined) {
    screen.getByTestId("timeline-track").focus();
    // From the first poll (REC_START + 1 s), one second per arrow.
    for (let t = REC_START + 1_000; t < at; t += 1_000) await rendered.user.keyboard("{ArrowRight}");
  }
  return rendered;
}

describe("RecordsPanel", () => {
  it("shows the records before and from the scrubbed time, masked as captured", async () => {
    // Record n is at REC_START + 3 s + n s: at +6 s, records 0–2 are before and 3–9 after.
    await openRecords(REC_START + 6_000);
    await waitFor(() => {
      expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
    expect(platform.recordingRecords).toHaveBeenCalledWith(SAMPLE_PATH, REC_START + 6_000, true, null, null, RECORDS_PER_SIDE);
    expect(platform.recordingRecords).toHaveBeenCalledWith(SAMPLE_PATH, REC_START + 6_000, false, null, null, RECORDS_PER_SIDE);
    const count = screen.getByTestId("records-count");
    expect(count).toHaveAttribute("data-before", "3");
    expect(count).toHaveAttribute("data-after", "7");
    // The line at the scrubbed time sits between the third and fourth record.
    const rows = [...screen.getByTestId("records-table").querySelectorAll("tbody tr")];
    expect(rows.map((row) => row.getAttribute("data-testid"))).toEqual([
      ...Array<string>(3).fill("captured-record"),
      "records-now",
      ...Array<string>(7).fill("captured-record"),
    ]);
    const values = screen.getAllByTestId("captured-record-value");
    expect(values.every((cell) => within(cell).queryByTestId("masked-badge") !== null)).toBe(true);
    expect(screen.getByTestId("records-panel")).not.toHaveTextContent("@");
    expect(screen.getByTestId("records-masked-for")).toHaveTextContent("Masked for the support role when captured");
  });

  it("opens a record in the message detail with where it was masked, and marks it on the timeline", async () => {
    const { user } = await openRecords();
    await waitFor(() => {
      expect(screen.getAllByTestId("captured-record").length).toBeGreaterThan(0);
    });
    const third = screen.getAllByTestId("captured-record").find((row) => row.dataset["seq"] === "3");
    if (third === undefined) throw new Error("no record 3");
    await user.click(third);
    expect(third).toHaveAttribute("aria-selected", "true");
    const detail = screen.getByTestId("message-detail");
    expect(detail).toHaveTextContent("Partition 0 · Offset 2");
    expect(within(detail).getAllByTestId("mask-mark").map((mark) => mark.textContent)).toEqual([
      "$.email · rule built-in · redact",
      "$.phone · rule built-in · redact",
    ]);
    expect(screen.getByTestId("timeline-record-marker")).toHaveAttribute("data-at", String(REC_START + 5_000));

    await user.click(screen.getByTestId("record-scrub-here"));
    expect(scrubbedTime()).toBe(REC_START + 5_000);
    await user.click(screen.getByTestId("message-detail-close"));
    expect(screen.queryByTestId("timeline-record-marker")).not.toBeInTheDocument();
  });

  it("searches the records through the backend and says when nothing matches", async () => {
    const { user } = await openRecords();
    await waitFor(() => {
      expect(seqs()).toHaveLength(10);
    });
    await user.type(screen.getByTestId("records-search"), " C-000004 ");
    await waitFor(() => {
      expect(seqs()).toEqual([5]);
    });
    expect(platform.recordingRecords).toHaveBeenLastCalledWith(SAMPLE_PATH, REC_START + 1_000, false, "C-000004", null, RECORDS_PER_SIDE);
    expect(screen.getByTestId("records-count")).toHaveTextContent("matching “C-000004”");

    await user.clear(screen.getByTestId("records-search"));
    await user.type(screen.getByTestId("records-search"), "nobody@example.org");
    expect(await screen.findByTestId("records-empty")).toHaveTextContent("No captured record around this time contains “nobody@example.org”.");
  });

  it("passes a CEL expression to the backend, the message browser's filter language", async () => {
    const { user } = await openRecords();
    await waitFor(() => {
      expect(seqs()).toHaveLength(10);
    });
    await user.type(screen.getByTestId("records-expression"), " offset > 3 ");
    await waitFor(() => {
      expect(platform.recordingRecords).toHaveBeenLastCalledWith(SAMPLE_PATH, REC_START + 1_000, false, null, "offset > 3", RECORDS_PER_SIDE);
    });
  });

  it("moves the scrubbed time past the page with Earlier and Later", async () => {
    const { user } = await openRecords(REC_START + 6_000);
    await waitFor(() => {
      expect(screen.getByTestId("records-later")).toBeEnabled();
    });
    await user.click(screen.getByTestId("records-later"));
    // Past the newest record shown (record 9 at +12 s).
    expect(scrubbedTime()).toBe(REC_START + 12_001);
    await waitFor(() => {
      expect(screen.getByTestId("records-count")).toHaveAttribute("data-after", "0");
    });
    await user.click(screen.getByTestId("records-earlier"));
    expect(scrubbedTime()).toBe(REC_START + 3_000);
  });
});
