// The app's settings as backend state: read once per run (nothing else changes them) and
// replaced by what the backend stored after a save. While the first read is in flight the
// defaults stand in, so no view waits for settings unless it must (the message browser
// does: its first page is read at the chosen size).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppSettings } from "../../bindings/AppSettings";
import { fetchAppSettings, saveAppSettings } from "../../platform";
import { DEFAULT_SETTINGS } from "./defaults";

export const settingsKey = ["app-settings"] as const;

export function useAppSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: fetchAppSettings,
    placeholderData: DEFAULT_SETTINGS,
    staleTime: Infinity,
  });
}

export interface SettingsInForce {
  /** The saved settings; the defaults until they are read, or if they cannot be. */
  settings: AppSettings;
  /** False while the first read is in flight (the defaults are only standing in). */
  settled: boolean;
}

export function useSettings(): SettingsInForce {
  const query = useAppSettings();
  // On a failed read data is undefined (the banner says why) and the defaults apply.
  return { settings: query.data ?? DEFAULT_SETTINGS, settled: !query.isPlaceholderData };
}

/** Saves; the stored value (as the backend validated it) replaces the cached one. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: AppSettings) => saveAppSettings(settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
    },
  });
}
