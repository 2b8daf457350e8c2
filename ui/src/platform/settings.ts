// Typed functions for the app's settings, kept by the backend in the app database: reading
// them (the defaults until first saved) and saving them (the backend validates and answers
// with what it stored, or rejects with invalid_input saying which value is wrong).
import type { AppSettings } from "../bindings/AppSettings";
import { callCommand } from "./ipc";

export function fetchAppSettings(): Promise<AppSettings> {
  return callCommand<AppSettings>("app_settings");
}

export function saveAppSettings(settings: AppSettings): Promise<AppSettings> {
  return callCommand<AppSettings>("save_app_settings", { settings });
}
