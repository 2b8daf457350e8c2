// The theme on <html data-theme>: "system" following the operating system's preference as
// it changes, a chosen theme winning over it, a saved change applied at once, and the
// attribute gone with the frame.
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Theme } from "../../bindings/Theme";
import * as platform from "../../platform";
import { appSettings } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";
import { resolveTheme } from "./theme";

vi.mock("../../platform");

/** A system preference the test can flip, through the MediaQueryList API the app listens on. */
function stubSystemTheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: dark,
    media: "(prefers-color-scheme: dark)",
    addEventListener: (_type: "change", listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: "change", listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    "matchMedia",
    vi.fn((media: string) => (media === query.media ? query : { ...query, matches: false })),
  );
  return {
    listeners,
    set(next: boolean) {
      query.matches = next;
      act(() => {
        for (const listener of listeners) listener();
      });
    },
  };
}

function renderWithTheme(theme: Theme) {
  mockBackend([]);
  vi.mocked(platform.fetchAppSettings).mockResolvedValue(appSettings({ theme }));
  return renderFrame();
}

const themeAttribute = () => document.documentElement.dataset["theme"];

async function waitForTheme(expected: "light" | "dark") {
  await waitFor(() => {
    expect(themeAttribute()).toBe(expected);
  });
}

describe("theme", () => {
  it("resolves system to the system's preference and keeps a chosen theme", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("follows the system while the setting is system, live, and stops listening when the frame goes", async () => {
    const system = stubSystemTheme(true);
    const { unmount } = renderWithTheme("system");
    await waitForTheme("dark");
    system.set(false);
    expect(themeAttribute()).toBe("light");
    system.set(true);
    expect(themeAttribute()).toBe("dark");

    unmount();
    expect(themeAttribute()).toBeUndefined();
    expect(system.listeners.size).toBe(0);
  });

  it("is light where the engine cannot tell the system's preference", async () => {
    renderWithTheme("system");
    await screen.findByTestId("home-view");
    await waitForTheme("light");
  });

  it("keeps a chosen theme whatever the system says", async () => {
    const system = stubSystemTheme(true);
    renderWithTheme("light");
    await waitForTheme("light");
    system.set(false);
    system.set(true);
    expect(themeAttribute()).toBe("light");
  });

  it("applies a saved theme at once", async () => {
    stubSystemTheme(false);
    const { user } = renderWithTheme("system");
    await waitForTheme("light");
    await user.click(screen.getByTestId("sidebar-settings"));
    await user.selectOptions(await screen.findByTestId("settings-theme"), "dark");
    // Not before it is saved.
    expect(themeAttribute()).toBe("light");
    await user.click(screen.getByTestId("settings-save"));
    await waitForTheme("dark");
  });
});
