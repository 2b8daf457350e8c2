// A job view's refresh interval starts from the one chosen in Settings: the select shows
// it (offered even when its list lacks it), the polling keeps to it, "manual" starts the
// view paused, and a choice made in the view wins over the Settings for that view.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { ORDERS_JOB_ID, renderFlink } from "../flinkTestKit";

vi.mock("../../../platform");
vi.mock("../graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  vi.useRealTimers();
});

const openCheckpoints = (settings: Parameters<typeof renderFlink>[0] = {}) =>
  renderFlink({ ...settings, open: { jobId: ORDERS_JOB_ID, tab: "checkpoints" } });

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe("job view refresh interval", () => {
  it("starts at the interval from Settings and polls at it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    openCheckpoints({ settings: { refreshMs: 30_000 } });
    await screen.findByTestId("checkpoints-completed");
    await waitFor(() => {
      expect(screen.getByTestId("refresh-interval")).toHaveValue("30000");
    });
    const calls = () => vi.mocked(platform.fetchCheckpoints).mock.calls.length;
    const before = calls();
    // The default (5 s) would have polled twice by now.
    await advance(12_000);
    expect(calls()).toBe(before);
    await advance(20_000);
    await waitFor(() => {
      expect(calls()).toBeGreaterThan(before);
    });
  });

  it("starts paused when Settings say manual", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    openCheckpoints({ settings: { refreshMs: null } });
    await screen.findByTestId("checkpoints-completed");
    await waitFor(() => {
      expect(screen.getByTestId("refresh-interval")).toHaveValue("paused");
    });
    const before = vi.mocked(platform.fetchCheckpoints).mock.calls.length;
    await advance(60_000);
    expect(platform.fetchCheckpoints).toHaveBeenCalledTimes(before);
  });

  it("offers an interval from Settings its list lacks, and keeps a choice made in the view", async () => {
    const { user } = openCheckpoints({ settings: { refreshMs: 60_000 } });
    const select = await screen.findByTestId("refresh-interval");
    await waitFor(() => {
      expect(select).toHaveValue("60000");
    });
    expect(within(select).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "every 2 s",
      "every 5 s",
      "every 10 s",
      "every 30 s",
      "every 60 s",
      "paused",
    ]);
    await user.selectOptions(select, "10000");
    expect(screen.getByTestId("refresh-interval")).toHaveValue("10000");
    await user.click(screen.getByTestId("job-tab-exceptions"));
    await user.click(screen.getByTestId("job-tab-checkpoints"));
    expect(await screen.findByTestId("refresh-interval")).toHaveValue("10000");
  });
});
