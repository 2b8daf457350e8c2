// One consumer group in the whole frame: summary, the broker's note, members, per-partition
// lag, the lag chart filling as the detail is polled, and the reset flow — preview, then
// apply, with the stated-inactive box when the broker cannot describe the group and the
// group id typed back on prod. Support sees no Reset.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Environment } from "../../../bindings/Environment";
import type { GroupDetail } from "../../../bindings/GroupDetail";
import type { Role } from "../../../bindings/Role";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { appInfo, appSettings, groupDetail, groupSummary, profile } from "../../../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../../../test/renderApp";

vi.mock("../../../platform");

interface Options {
  detail?: GroupDetail;
  role?: Role;
  environment?: Environment;
  /** The refresh interval in Settings. */
  refreshMs?: number | null;
}

const NOTE = "The broker could not describe this group's state and members; the offsets and lag below come from its committed offsets.";

/** A group the broker could not describe, with committed offsets on demo.orders partition 0. */
function undescribed(committed: number, end = 67): GroupDetail {
  return groupDetail({
    summary: groupSummary({ groupId: "e2e-group", state: "Unknown", protocolType: "", members: 0, totalLag: end - committed }),
    members: [],
    partitions: [{ topic: "demo.orders", partition: 0, committed, endOffset: end, lag: end - committed, memberId: null }],
    note: NOTE,
  });
}

function renderGroup({ detail = groupDetail(), role = "developer", environment = "dev", refreshMs = 5_000 }: Options = {}) {
  mockBackend([profile({ id: "c1", name: "Local", environment })]);
  vi.mocked(platform.fetchAppSettings).mockResolvedValue(appSettings({ refreshMs }));
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.describeGroup).mockResolvedValue(detail);
  return renderFrame({ initialView: { kind: "group", id: "c1", group: detail.summary.groupId } });
}

beforeEach(() => {
  stubViewportHeight();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("GroupDetailView", () => {
  it("shows the group's lag, members with assignments, and committed offsets per partition", async () => {
    renderGroup();
    const row = await screen.findByTestId("group-partition-row");
    expect(platform.describeGroup).toHaveBeenCalledWith("c1", "billing");
    expect(screen.getByTestId("group-title")).toHaveTextContent("billing");
    expect(screen.getByTestId("tab-groups")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("group-total-lag")).toHaveAttribute("data-value", "42");
    expect(screen.queryByTestId("group-note")).not.toBeInTheDocument();
    expect(row.dataset).toMatchObject({ topic: "demo.orders", partition: "0", committed: "25", end: "67", lag: "42" });
    expect(Array.from(row.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "demo.orders",
      "0",
      "25",
      "67",
      "42",
      "consumer-1-abc",
    ]);
    expect(screen.getByTestId("group-member-row")).toHaveTextContent("consumer-1-abcconsumer-1/10.0.0.7demo.orders-0");
    expect(screen.getByTestId("reset-open")).toBeInTheDocument();
  });

  it("polls every 5 seconds while open and plots each answer's total lag", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderGroup({ detail: undescribed(10) });
    const chart = await screen.findByTestId("lag-chart");
    await waitFor(() => {
      expect(chart).toHaveAttribute("data-points", "1");
    });
    expect(chart).toHaveAttribute("data-latest", "57");

    vi.mocked(platform.describeGroup).mockResolvedValue(undescribed(40));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    await waitFor(() => {
      expect(chart).toHaveAttribute("data-points", "2");
    });
    expect(chart).toHaveAttribute("data-latest", "27");
    expect(chart.querySelector("polyline")).not.toBeNull();
    expect(platform.describeGroup).toHaveBeenCalledTimes(2);
  });

  it("polls at the refresh interval from Settings, and only on Refresh when they say manual", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderGroup({ detail: undescribed(10), refreshMs: null });
    const chart = await screen.findByTestId("lag-chart");
    await waitFor(() => {
      expect(chart).toHaveAttribute("data-points", "1");
    });
    expect(chart).toHaveTextContent("1 sample, one per Refresh");
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(platform.describeGroup).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId("refresh-group"));
    await waitFor(() => {
      expect(chart).toHaveAttribute("data-points", "2");
    });
    expect(platform.describeGroup).toHaveBeenCalledTimes(2);
  });

  it("says how often it samples when Settings choose another interval", async () => {
    renderGroup({ detail: undescribed(10), refreshMs: 30_000 });
    const chart = await screen.findByTestId("lag-chart");
    await waitFor(() => {
      expect(chart).toHaveTextContent("1 sample, one every 30 s");
    });
  });

  it("shows the broker's note when it could not describe the group", async () => {
    renderGroup({ detail: undescribed(10) });
    expect(await screen.findByTestId("group-note")).toHaveTextContent("could not describe");
    expect(screen.getByTestId("group-no-members")).toHaveTextContent("Members unknown");
  });

  it("previews a reset, then applies exactly that — after the user states the consumers are stopped", async () => {
    const { user } = renderGroup({ detail: undescribed(10) });
    vi.mocked(platform.resetOffsets).mockImplementation((_id, reset) =>
      Promise.resolve({
        groupId: reset.groupId,
        topic: reset.topic,
        changes: [
          { partition: 0, from: 10, to: 0 },
          { partition: 1, from: null, to: 0 },
        ],
        applied: !reset.dryRun,
      }),
    );
    await user.click(await screen.findByTestId("reset-open"));
    const dialog = screen.getByTestId("reset-dialog");
    expect(screen.getByTestId("reset-topic")).toHaveValue("demo.orders");
    expect(screen.getByTestId("reset-target")).toHaveValue("earliest");
    expect(screen.getByTestId("reset-apply")).toBeDisabled();

    await user.click(screen.getByTestId("reset-preview"));
    const changes = await within(dialog).findAllByTestId("reset-change-row");
    expect(changes.map((row) => [row.dataset["partition"], row.dataset["from"], row.dataset["to"]])).toEqual([
      ["0", "10", "0"],
      ["1", "", "0"],
    ]);
    const dryRun = {
      groupId: "e2e-group",
      topic: "demo.orders",
      partitions: null,
      target: { kind: "earliest" },
      dryRun: true,
      assumeInactive: false,
    };
    expect(platform.resetOffsets).toHaveBeenLastCalledWith("c1", dryRun, null);

    // The broker cannot say whether the group runs: Apply waits for the user's word.
    expect(screen.getByTestId("reset-apply")).toBeDisabled();
    await user.click(screen.getByTestId("assume-inactive"));
    expect(screen.getByTestId("reset-apply")).toBeEnabled();

    // Changing the settings after the preview asks for a new preview.
    await user.type(screen.getByTestId("reset-partitions"), "0");
    expect(screen.getByTestId("reset-apply")).toBeDisabled();
    expect(screen.getByTestId("reset-preview-stale")).toBeInTheDocument();
    await user.clear(screen.getByTestId("reset-partitions"));
    expect(screen.getByTestId("reset-apply")).toBeEnabled();

    vi.mocked(platform.describeGroup).mockResolvedValue(undescribed(0));
    await user.click(screen.getByTestId("reset-apply"));
    expect(platform.resetOffsets).toHaveBeenLastCalledWith("c1", { ...dryRun, dryRun: false, assumeInactive: true }, null);
    await waitFor(() => {
      expect(screen.queryByTestId("reset-dialog")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId("reset-done")).toHaveTextContent("reset on 2 partitions");
    expect(screen.getByTestId("group-partition-row")).toHaveAttribute("data-committed", "0");
  });

  it("asks for no stated-inactive box when the broker described the group", async () => {
    const { user } = renderGroup({ detail: groupDetail({ summary: groupSummary({ state: "Empty", members: 0 }), members: [] }) });
    vi.mocked(platform.resetOffsets).mockResolvedValue({ groupId: "billing", topic: "demo.orders", changes: [], applied: false });
    await user.click(await screen.findByTestId("reset-open"));
    await user.click(screen.getByTestId("reset-preview"));
    await waitFor(() => {
      expect(screen.getByTestId("reset-apply")).toBeEnabled();
    });
    expect(screen.queryByTestId("assume-inactive")).not.toBeInTheDocument();
  });

  it("sends an offset target and a partition list, and shows a refusal in the dialog", async () => {
    const { user } = renderGroup();
    vi.mocked(platform.resetOffsets).mockRejectedValue({
      kind: "invalid_input",
      message: "Group 'billing' is active (Stable, 1 member(s)): stop its consumers first.",
    });
    await user.click(await screen.findByTestId("reset-open"));
    await user.selectOptions(screen.getByTestId("reset-target"), "offset");
    await user.type(screen.getByTestId("reset-value"), "5");
    await user.type(screen.getByTestId("reset-partitions"), "2, 0");
    await user.click(screen.getByTestId("reset-preview"));
    expect(await within(screen.getByTestId("reset-dialog")).findByTestId("inline-error")).toHaveTextContent("is active");
    expect(platform.resetOffsets).toHaveBeenCalledWith(
      "c1",
      {
        groupId: "billing",
        topic: "demo.orders",
        partitions: [0, 2],
        target: { kind: "offset", offset: 5 },
        dryRun: true,
        assumeInactive: false,
      },
      null,
    );
  });

  it("on prod, applies only with the group id typed back, and sends it", async () => {
    const { user } = renderGroup({
      environment: "prod",
      detail: groupDetail({ summary: groupSummary({ state: "Empty", members: 0 }), members: [] }),
    });
    vi.mocked(platform.resetOffsets).mockImplementation((_id, reset) =>
      Promise.resolve({ groupId: "billing", topic: "demo.orders", changes: [{ partition: 0, from: 25, to: 67 }], applied: !reset.dryRun }),
    );
    await user.click(await screen.findByTestId("reset-open"));
    await user.selectOptions(screen.getByTestId("reset-target"), "latest");
    await user.click(screen.getByTestId("reset-preview"));
    await screen.findByTestId("reset-change-row");
    expect(screen.getByTestId("reset-apply")).toBeDisabled();
    await user.type(screen.getByTestId("confirm-group-id"), "billin");
    expect(screen.getByTestId("reset-apply")).toBeDisabled();
    await user.type(screen.getByTestId("confirm-group-id"), "g");
    await user.click(screen.getByTestId("reset-apply"));
    await waitFor(() => {
      expect(platform.resetOffsets).toHaveBeenLastCalledWith(
        "c1",
        expect.objectContaining({ dryRun: false, target: { kind: "latest" }, assumeInactive: false }),
        "billing",
      );
    });
  });

  it.each(["support", "troubleshooter"] as const)("offers no Reset offsets to the %s role", async (role) => {
    renderGroup({ role });
    await screen.findByTestId("group-partition-row");
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("reset-open")).not.toBeInTheDocument();
  });

  it("says inline when the group does not exist", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.describeGroup).mockRejectedValue({ kind: "not_found", message: "No consumer group 'nope'." });
    renderFrame({ initialView: { kind: "group", id: "c1", group: "nope" } });
    expect(await screen.findByTestId("inline-error")).toHaveTextContent("No consumer group 'nope'.");
    expect(screen.queryByTestId("reset-open")).not.toBeInTheDocument();
    expect(at(screen.getAllByRole("alert"), 0)).toHaveAttribute("data-error-kind", "not_found");
  });
});
