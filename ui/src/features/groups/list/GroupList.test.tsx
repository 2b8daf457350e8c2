// The Consumer groups tab in the whole frame: the list with lag, search, opening a group,
// and — when the broker cannot list groups — the inline error with open-by-id still working.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { at } from "../../../test/at";
import { groupDetail, groupSummary, profile } from "../../../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../../../test/renderApp";

vi.mock("../../../platform");

/** The Consumer groups tab of connection c1; `setup` scripts the backend after the defaults. */
function renderGroups(setup?: () => void) {
  mockBackend([profile({ id: "c1", name: "Local" })]);
  setup?.();
  return renderFrame({ initialView: { kind: "connection", id: "c1", tab: "groups" } });
}

beforeEach(() => {
  stubViewportHeight();
});

describe("GroupList", () => {
  it("lists groups with state, members, total lag and topics, searches them, and opens one", async () => {
    const { user } = renderGroups(() => {
      vi.mocked(platform.describeGroup).mockResolvedValue(groupDetail());
      vi.mocked(platform.listGroups).mockResolvedValue([
        groupSummary({ groupId: "billing", totalLag: 1234, members: 2, topics: ["demo.orders", "demo.payments"] }),
        groupSummary({ groupId: "audit", state: "Empty", members: 0, totalLag: 0, topics: ["audit.log"] }),
      ]);
    });
    expect(await screen.findByTestId("tab-groups")).toHaveAttribute("aria-selected", "true");

    const rows = await screen.findAllByTestId("group-row");
    expect(platform.listGroups).toHaveBeenCalledWith("c1");
    expect(rows.map((row) => row.dataset["groupId"])).toEqual(["billing", "audit"]);
    expect(Array.from(at(rows, 0).querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "billing",
      "Stable",
      "2",
      expect.stringMatching(/^1\D234$/),
      "demo.orders, demo.payments",
    ]);
    expect(screen.getByTestId("group-count")).toHaveTextContent("2 groups");

    await user.type(screen.getByTestId("group-search"), "audit.l");
    expect(screen.getAllByTestId("group-row").map((row) => row.dataset["groupId"])).toEqual(["audit"]);
    expect(screen.getByTestId("group-count")).toHaveTextContent("1 of 2 groups");

    await user.clear(screen.getByTestId("group-search"));
    await user.click(at(Array.from(at(screen.getAllByTestId("group-row"), 0).querySelectorAll("td")), 2));
    expect(await screen.findByTestId("group-detail")).toBeInTheDocument();
    expect(platform.describeGroup).toHaveBeenCalledWith("c1", "billing");

    await user.click(screen.getByTestId("back-to-groups"));
    expect(screen.getByTestId("groups-view")).toBeInTheDocument();
  });

  it("shows a list failure inline, and a group can still be opened by its id", async () => {
    const { user } = renderGroups(() => {
      vi.mocked(platform.listGroups).mockRejectedValue({
        kind: "unavailable",
        message:
          "The broker could not list and describe its consumer groups. A group's offsets and lag can still be opened by its id.",
      });
      vi.mocked(platform.describeGroup).mockResolvedValue(
        groupDetail({
          summary: groupSummary({ groupId: "e2e-group", state: "Unknown", members: 0, totalLag: 57 }),
          members: [],
          note: "The broker could not describe this group's state and members.",
        }),
      );
    });

    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveAttribute("data-error-kind", "unavailable");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.getByTestId("groups-open-hint")).toBeInTheDocument();
    expect(screen.getByTestId("open-group")).toBeDisabled();

    await user.type(screen.getByTestId("group-id-input"), "  e2e-group {Enter}");
    expect(await screen.findByTestId("group-title")).toHaveTextContent("e2e-group");
    expect(platform.describeGroup).toHaveBeenCalledWith("c1", "e2e-group");
    expect(await screen.findByTestId("group-note")).toHaveTextContent("could not describe");
    await waitFor(() => {
      expect(screen.getByTestId("group-total-lag")).toHaveAttribute("data-value", "57");
    });
    expect(within(screen.getByTestId("group-detail")).queryByTestId("inline-error")).not.toBeInTheDocument();
  });

  it("says when the cluster has no groups", async () => {
    renderGroups();
    expect(await screen.findByTestId("groups-empty")).toHaveTextContent("no consumer groups");
  });
});
