// The recordings opened lately, newest first, kept in the window's localStorage (there is no
// file dialog: these and a typed path are how a file is opened again). Only paths and job
// names are kept — nothing from inside a recording. Every view reading the list sees a change
// at once (useSyncExternalStore).
import { useSyncExternalStore } from "react";

export interface RecentRecording {
  path: string;
  /** The recorded job's name, for the list. */
  jobName: string;
  /** Date.now() when it was last opened. */
  openedAt: number;
}

export const RECENT_KEY = "streamlens.recentRecordings";
export const RECENT_LIMIT = 8;

/** `list` with `entry` first, without older entries for the same path, at most `limit` long. */
export function withRecent(list: readonly RecentRecording[], entry: RecentRecording, limit = RECENT_LIMIT): RecentRecording[] {
  return [entry, ...list.filter((r) => r.path !== entry.path)].slice(0, limit);
}

function isRecent(value: unknown): value is RecentRecording {
  if (typeof value !== "object" || value === null) return false;
  const { path, jobName, openedAt } = value as Record<string, unknown>;
  return typeof path === "string" && path !== "" && typeof jobName === "string" && typeof openedAt === "number";
}

/** The stored list; anything unreadable counts as none. */
export function parseRecent(raw: string | null): RecentRecording[] {
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; list: RecentRecording[] } = { raw: null, list: [] };

function readStored(): string | null {
  try {
    return window.localStorage.getItem(RECENT_KEY);
  } catch {
    return null;
  }
}

function snapshot(): readonly RecentRecording[] {
  const raw = readStored();
  if (raw !== cached.raw) cached = { raw, list: parseRecent(raw) };
  return cached.list;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function store(list: readonly RecentRecording[]): void {
  try {
    window.localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // A full or disabled storage only costs the list.
  }
  for (const listener of listeners) listener();
}

export function rememberRecording(path: string, jobName: string, now = Date.now()): void {
  store(withRecent(snapshot(), { path, jobName, openedAt: now }));
}

export function forgetRecording(path: string): void {
  store(snapshot().filter((r) => r.path !== path));
}

export function useRecentRecordings(): readonly RecentRecording[] {
  return useSyncExternalStore(subscribe, snapshot);
}
