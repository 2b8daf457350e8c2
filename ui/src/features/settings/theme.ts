// Which colours the window wears: the Settings theme, where "system" follows the operating
// system's light or dark preference live (prefers-color-scheme, watched through
// matchMedia). The resolved theme goes on <html data-theme>, which theme.css keys the
// colour tokens on; React Flow is told too, for the parts it colours itself.
import { useSyncExternalStore } from "react";
import type { Theme } from "../../bindings/Theme";
import { useSettings } from "./queries";

export type ResolvedTheme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The system's preference, where the engine can tell (jsdom cannot: light). */
function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
}

function subscribeSystemTheme(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener("change", onChange);
  return () => {
    query?.removeEventListener("change", onChange);
  };
}

function systemPrefersDark(): boolean {
  return darkQuery()?.matches ?? false;
}

export function resolveTheme(theme: Theme, systemDark: boolean): ResolvedTheme {
  switch (theme) {
    case "system":
      return systemDark ? "dark" : "light";
    case "light":
    case "dark":
      return theme;
  }
}

/** The theme in force: the setting, with "system" resolved (and re-resolved as the system changes). */
export function useResolvedTheme(): ResolvedTheme {
  const { theme } = useSettings().settings;
  const systemDark = useSyncExternalStore(subscribeSystemTheme, systemPrefersDark);
  return resolveTheme(theme, systemDark);
}
