// The sidebar list: what it shows, selection by mouse and by keyboard.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { profile } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

const connections = [
  profile({ id: "p", name: "Payments prod", environment: "prod" }),
  profile({ id: "d", name: "Dev laptop", environment: "dev" }),
  profile({ id: "t", name: "Integration", environment: "test" }),
];

describe("ConnectionList in the sidebar", () => {
  it("lists every connection by name with its environment badge", async () => {
    mockBackend(connections);
    renderFrame();
    const items = await screen.findAllByTestId("connection-item");
    expect(items.map((item) => item.getAttribute("data-connection-name"))).toEqual([
      "Dev laptop",
      "Integration",
      "Payments prod",
    ]);
    const prod = items[2];
    if (prod === undefined) throw new Error("missing item");
    const badge = within(prod).getByText("prod");
    expect(badge).toHaveClass("env-badge--prod");
    expect(within(items[0] ?? prod).getByText("dev")).toHaveClass("env-badge--dev");
    expect(within(items[1] ?? prod).getByText("test")).toHaveClass("env-badge--test");
  });

  it("opens the clicked connection and marks it selected", async () => {
    mockBackend(connections);
    const { user } = renderFrame();
    await user.click(await screen.findByText("Integration"));
    expect(await screen.findByTestId("connection-title")).toHaveTextContent("Integration");
    const selected = screen.getAllByTestId("connection-item").filter((item) => item.getAttribute("aria-current") === "page");
    expect(selected.map((item) => item.getAttribute("data-connection-name"))).toEqual(["Integration"]);
    expect(screen.queryByTestId("home-view")).not.toBeInTheDocument();
  });

  it("moves with the arrow keys and opens with Enter", async () => {
    mockBackend(connections);
    const { user } = renderFrame();
    const items = await screen.findAllByTestId("connection-item");
    // One tab stop for the whole list: only the first item is tabbable.
    expect(items.map((item) => item.tabIndex)).toEqual([0, -1, -1]);

    items[0]?.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(items[2]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(items[1]).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("connection-title")).toHaveTextContent("Integration");
    await user.keyboard("{Home}");
    expect(screen.getAllByTestId("connection-item")[0]).toHaveFocus();
  });

  it("says so when there are no connections", async () => {
    mockBackend([]);
    renderFrame();
    expect(await screen.findByText("No connections yet.")).toBeInTheDocument();
    expect(platform.listConnections).toHaveBeenCalledTimes(1);
  });
});
