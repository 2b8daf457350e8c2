// "View as" in the top bar: only the granted role and those below it are offered, a switch
// goes through view_as and reloads every view under the new role, and a refusal goes to
// the banner with the select back on the role in force.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "../bindings/Role";
import * as platform from "../platform";
import { appInfo, profile } from "../test/fixtures";
import { mockBackend, renderFrame } from "../test/renderApp";

vi.mock("../platform");

function options(select: HTMLElement): (string | null)[] {
  return within(select).getAllByRole("option").map((option) => option.textContent);
}

/** The select, once the granted role is known (it is disabled until then). */
async function viewAsSelect(): Promise<HTMLElement> {
  const select = await screen.findByTestId("view-as");
  await waitFor(() => {
    expect(select).toBeEnabled();
  });
  return select;
}

function grantedAs(role: Role): void {
  mockBackend([profile()]);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.viewAs).mockImplementation((next) => Promise.resolve(appInfo({ role: next })));
}

describe("View as", () => {
  it("offers the granted role and the roles below it, never one above", async () => {
    grantedAs("support");
    renderFrame();
    const select = await viewAsSelect();
    expect(select).toHaveAccessibleName("View as role");
    expect(select).toHaveValue("support");
    expect(options(select)).toEqual(["Support", "Troubleshooter"]);
    expect(screen.getByTestId("role-chip")).toHaveTextContent(/^Role:\s*Support/);
  });

  it("offers an admin every role", async () => {
    grantedAs("admin");
    renderFrame();
    expect(options(await viewAsSelect())).toEqual(["Admin", "Developer", "Support", "Troubleshooter"]);
  });

  it("switches through view_as, reloads every view under the new role, and can go back to the granted one", async () => {
    grantedAs("developer");
    const { user } = renderFrame();
    const select = await viewAsSelect();
    expect(options(select)).toEqual(["Developer", "Support", "Troubleshooter"]);
    await waitFor(() => {
      expect(platform.listConnections).toHaveBeenCalledTimes(1);
    });

    await user.selectOptions(select, "support");

    expect(vi.mocked(platform.viewAs).mock.calls).toEqual([["support"]]);
    await waitFor(() => {
      expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", "support");
    });
    expect(select).toHaveValue("support");
    // Every other query reloads under the new role; the app info is the one view_as returned.
    await waitFor(() => {
      expect(platform.listConnections).toHaveBeenCalledTimes(2);
    });
    expect(platform.fetchAppInfo).toHaveBeenCalledTimes(1);
    // The granted role is still offered, so the user can switch back.
    expect(options(select)).toEqual(["Developer", "Support", "Troubleshooter"]);

    await user.selectOptions(select, "developer");
    await waitFor(() => {
      expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", "developer");
    });
    expect(vi.mocked(platform.viewAs).mock.calls).toEqual([["support"], ["developer"]]);
  });

  it("shows a refusal in the banner and keeps the role in force", async () => {
    grantedAs("developer");
    const message = "Viewing as another role is turned off by the workspace policy.";
    vi.mocked(platform.viewAs).mockRejectedValue({ kind: "forbidden", message });
    const { user } = renderFrame();
    const select = await viewAsSelect();

    await user.selectOptions(select, "troubleshooter");

    expect(await screen.findByTestId("error-banner")).toHaveTextContent(message);
    await waitFor(() => {
      expect(select).toHaveValue("developer");
    });
    expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", "developer");
  });
});
