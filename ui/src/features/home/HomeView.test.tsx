import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { profile } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

describe("HomeView", () => {
  it("invites the first connection when there is none", async () => {
    mockBackend([]);
    const { user } = renderFrame();
    expect(screen.getByTestId("home-view")).toHaveTextContent(/Schema Registry/);
    await user.click(await screen.findByRole("button", { name: "Add your first connection" }));
    expect(screen.getByTestId("conn-name")).toBeInTheDocument();
    expect(screen.getByTestId("kafka-bootstrap")).toHaveValue("127.0.0.1:19092");
  });

  it("counts the saved connections instead", async () => {
    mockBackend([profile({ id: "a", name: "A" }), profile({ id: "b", name: "B" })]);
    renderFrame();
    expect(await screen.findByTestId("connection-count")).toHaveTextContent("2 connections saved");
    expect(screen.queryByRole("button", { name: "Add your first connection" })).not.toBeInTheDocument();
  });

  it("explains the three environment tags", () => {
    mockBackend([]);
    renderFrame();
    const home = screen.getByTestId("home-view");
    for (const tag of ["dev", "test", "prod"]) expect(home).toHaveTextContent(tag);
    expect(home).toHaveTextContent(/Production\. Destructive actions ask for confirmation/);
  });
});
