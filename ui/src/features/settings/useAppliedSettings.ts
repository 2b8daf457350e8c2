// Puts the settings that act app-wide into effect, from the app frame: the theme on <html
// data-theme>, and the time zone and timestamp format every formatLocalTime call uses
// (components/timeFormat.ts says why that is a module-level configuration). The frame
// subscribes to that configuration, so when it changes everything below renders again with
// it. The per-view settings (refresh interval, page size, live-tail rows) are read by the
// views themselves when they open.
import { useEffect, useLayoutEffect, useSyncExternalStore } from "react";
import { configureTimeDisplay, DEFAULT_TIME_DISPLAY, subscribeTimeDisplay, timeDisplay } from "../../components/timeFormat";
import { useSettings } from "./queries";
import { useResolvedTheme } from "./theme";

export function useAppliedSettings(): void {
  const { settings } = useSettings();
  const theme = useResolvedTheme();
  const { timeZone, timestampFormat } = settings;

  // Before paint, so the window never shows a frame in the other theme's colours.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset["theme"] = theme;
    return () => {
      delete root.dataset["theme"];
    };
  }, [theme]);

  useEffect(() => {
    configureTimeDisplay({ timeZone, format: timestampFormat });
    return () => {
      configureTimeDisplay(DEFAULT_TIME_DISPLAY);
    };
  }, [timeZone, timestampFormat]);

  useSyncExternalStore(subscribeTimeDisplay, timeDisplay);
}
