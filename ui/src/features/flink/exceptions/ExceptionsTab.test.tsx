// The Exceptions tab: newest first with the exception, message, root cause, task and location;
// an entry opens to its stack trace and concurrent exceptions; "truncated" and notes are said
// plainly; a job that never failed says so.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { jobException, jobExceptions } from "../../../test/flinkFixtures";
import { ORDERS_JOB_ID, renderFlink } from "../flinkTestKit";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

describe("ExceptionsTab", () => {
  it("lists the exceptions with their facts, each opening to its stack trace and concurrent exceptions", async () => {
    const { user } = renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "exceptions" } });
    vi.mocked(platform.fetchJobExceptions).mockResolvedValue(
      jobExceptions({
        entries: [
          jobException({
            concurrent: [jobException({ exceptionName: "java.io.IOException", message: "java.io.IOException: stream closed", rootCause: null, stacktrace: "java.io.IOException: stream closed\n\tat x" })],
          }),
          jobException({ timestamp: 1, message: "java.lang.RuntimeException: Simulated failure after 800 records" }),
        ],
        truncated: true,
        notes: ["This Flink keeps no failure labels."],
      }),
    );
    const entries = await screen.findAllByTestId("exception-entry");
    expect(platform.fetchJobExceptions).toHaveBeenCalledWith("c1", ORDERS_JOB_ID);
    expect(entries).toHaveLength(2);
    const first = at(entries, 0);
    expect(within(first).getByTestId("exception-name")).toHaveTextContent("java.lang.RuntimeException");
    expect(within(first).getByTestId("exception-message")).toHaveTextContent("Simulated failure after 400 records");
    expect(within(first).getByTestId("exception-root-cause")).toHaveTextContent("record 400 is poisoned");
    expect(first).toHaveTextContent("Source: flaky-source -> flaky-parser -> flaky-sink (1/1)");
    expect(first).toHaveTextContent("127.0.0.1:40123");
    expect(screen.getByTestId("exceptions-truncated")).toHaveTextContent("dropped older entries");
    expect(screen.getByTestId("exceptions-note")).toHaveTextContent("no failure labels");
    expect(within(first).queryByTestId("exception-stack")).not.toBeInTheDocument();

    const toggle = at(within(first).getAllByTestId("exception-toggle"), 0);
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(within(first).getAllByTestId("exception-stack")[0]).toHaveTextContent("at dev.streamlens.testjobs.FlakyJob$FlakyParser.map(FlakyJob.java:61)");
    const concurrent = within(first).getByTestId("exception-concurrent");
    expect(concurrent).toHaveTextContent("java.io.IOException: stream closed");
    await user.click(within(concurrent).getByTestId("exception-toggle"));
    expect(within(concurrent).getByTestId("exception-stack")).toHaveTextContent("stream closed");

    await user.click(toggle);
    expect(within(first).queryByTestId("exception-stack")).not.toBeInTheDocument();
  });

  it("says when the job never failed", async () => {
    renderFlink({ open: { jobId: ORDERS_JOB_ID, tab: "exceptions" } });
    vi.mocked(platform.fetchJobExceptions).mockResolvedValue(jobExceptions({ entries: [] }));
    expect(await screen.findByTestId("exceptions-empty")).toHaveTextContent("has not failed");
    expect(screen.queryByTestId("exceptions-truncated")).not.toBeInTheDocument();
  });
});
