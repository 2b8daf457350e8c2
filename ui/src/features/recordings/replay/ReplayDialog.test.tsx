// Replaying a recording's input records: offered to developers and admins only, into a
// non-prod connection with Kafka, at the pace chosen; stoppable; the result counted.
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { act } from "@testing-library/react";
import type { ReplayProgress } from "../../../bindings/ReplayProgress";
import * as platform from "../../../platform";
import { profile } from "../../../test/fixtures";
import { SAMPLE_PATH } from "../../../test/recordingFixtures";
import { renderRecording } from "../recordingsTestKit";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  window.localStorage.clear();
});

const CONNECTIONS = [
  profile({ id: "dev", name: "Dev", environment: "dev" }),
  profile({ id: "prod", name: "Prod", environment: "prod" }),
  profile({ id: "flink-only", name: "Flink only", environment: "test", kafka: null }),
  profile({ id: "staging", name: "Staging", environment: "test" }),
];

describe("ReplayDialog", () => {
  it.each(["troubleshooter", "support"] as const)("is not offered to the %s role", async (role) => {
    renderRecording({ role, connections: CONNECTIONS });
    expect(await screen.findByTestId("recording-export")).toBeInTheDocument();
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("recording-replay")).not.toBeInTheDocument();
  });

  it("replays into a non-prod Kafka connection at the pace chosen, stoppable, and counts the result", async () => {
    const { user } = renderRecording({ role: "developer", connections: CONNECTIONS });
    let finish: (outcome: ReplayProgress) => void = () => undefined;
    vi.mocked(platform.replayRecording).mockImplementation(
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    );
    vi.mocked(platform.cancelScan).mockResolvedValue(undefined);
    await user.click(await screen.findByTestId("recording-replay"));
    const dialog = screen.getByTestId("replay-dialog");
    const options = within(within(dialog).getByTestId("replay-connection")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Dev (dev)", "Staging (test)"]);
    expect(within(dialog).getByTestId("replay-topic")).toHaveValue("sample.customers.replay");
    await user.selectOptions(within(dialog).getByTestId("replay-connection"), "staging");
    await user.selectOptions(within(dialog).getByTestId("replay-speed"), "10");
    await user.click(within(dialog).getByTestId("replay-submit"));

    const [path, connectionId, topic, speed, replayId, onProgress] = vi.mocked(platform.replayRecording).mock.calls[0] ?? [];
    expect([path, connectionId, topic, speed]).toEqual([SAMPLE_PATH, "staging", "sample.customers.replay", 10]);
    expect(replayId).toMatch(/^replay-/);
    expect(within(dialog).getByTestId("replay-submit")).toBeDisabled();
    act(() => onProgress?.({ total: 100, produced: 30, skipped: 5, cancelled: false }));
    const bar = within(dialog).getByTestId("replay-progress");
    expect(bar).toHaveTextContent("30 of 100 produced, 5 skipped");
    expect(within(bar).getByRole("progressbar")).toHaveAttribute("value", "35");
    await user.click(within(dialog).getByTestId("replay-cancel"));
    expect(platform.cancelScan).toHaveBeenCalledWith(replayId);

    finish({ total: 100, produced: 41, skipped: 9, cancelled: true });
    const done = await within(dialog).findByTestId("replay-done");
    expect(done).toHaveTextContent("Stopped: produced 41 of 100 records into sample.customers.replay (9 skipped: withheld by masking, or binary).");
    expect(within(dialog).getByTestId("replay-close")).toHaveTextContent("Close");
  });

  it("says so when there is no connection to replay into", async () => {
    const { user } = renderRecording({ role: "admin", connections: [CONNECTIONS[1] ?? profile()] });
    await user.click(await screen.findByTestId("recording-replay"));
    expect(await screen.findByTestId("replay-no-target")).toHaveTextContent("not tagged prod");
    expect(screen.getByTestId("replay-submit")).toBeDisabled();
  });
});
