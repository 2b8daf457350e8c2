// What a window remembers across restarts, in the webview's localStorage (kept per user in
// the app's local data directory, shared by all of the app's windows): each window's current
// view and its place per connection under its own key, which only that window writes; and the
// list of secondary windows open, which only the main window writes, so no two windows ever
// write the same key. Whatever is read back is validated: it may be corrupt or from another
// version, and then counts as nothing. A full or disabled storage only costs the memory.
// Also the one cross-window notice the app needs ("the role changed"), over storage events.
import { parsePlaces, placesToJson, type Places } from "./connectionPlaces";
import type { View } from "./navigation";
import { parseView } from "./viewCodec";

/** The shape of what is stored; anything with another version is ignored. */
export const SESSION_VERSION = 1;
export const MAIN_WINDOW = "main";
/** Secondary windows are `view-1`, `view-2`…; the capability file grants `view-*`. */
const SECONDARY_LABEL = /^view-(\d{1,9})$/;
const SESSION_PREFIX = "streamlens.window.";
export const OPEN_WINDOWS_KEY = "streamlens.windows";
export const ROLE_CHANGED_KEY = "streamlens.roleChanged";
/** Secondary windows remembered at most; more are not reopened. */
export const WINDOWS_LIMIT = 20;

export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface WindowSession {
  view: View;
  places: Places;
  /** A secondary window's title without the app name (its topic's or job's name). */
  title: string | null;
}

/** The window's localStorage, or null where it cannot be reached. */
export function webStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(store: KeyValueStore | null, key: string): unknown {
  try {
    const raw = store?.getItem(key) ?? null;
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled: only the memory of the session is lost.
  }
}

function remove(store: KeyValueStore | null, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // As above.
  }
}

/** The fields of a stored record of this version; null for anything else. */
function versioned(value: unknown): Record<string, unknown> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  return fields["version"] === SESSION_VERSION ? fields : null;
}

export function isSecondaryLabel(label: string): boolean {
  return SECONDARY_LABEL.test(label);
}

/** A label no window in `taken` has: one past the highest number in use. */
export function nextWindowLabel(taken: readonly string[]): string {
  const numbers = taken.map((label) => Number(SECONDARY_LABEL.exec(label)?.[1] ?? 0));
  return `view-${String(Math.max(0, ...numbers) + 1)}`;
}

/** Window `label`'s saved session; null when there is none or it is unreadable. */
export function readSession(label: string, store = webStorage()): WindowSession | null {
  const fields = versioned(read(store, SESSION_PREFIX + label));
  if (fields === null) return null;
  const title = fields["title"];
  return {
    // A view this version cannot show is Home; the places may still be good.
    view: parseView(fields["view"]) ?? { kind: "home" },
    places: parsePlaces(fields["places"]),
    title: typeof title === "string" && title !== "" ? title.slice(0, 200) : null,
  };
}

export function writeSession(label: string, session: WindowSession, store = webStorage()): void {
  write(store, SESSION_PREFIX + label, {
    version: SESSION_VERSION,
    view: session.view,
    places: placesToJson(session.places),
    title: session.title,
  });
}

export function forgetSession(label: string, store = webStorage()): void {
  remove(store, SESSION_PREFIX + label);
}

/** The secondary windows that were open, oldest first: valid labels only, each once. */
export function readOpenWindows(store = webStorage()): string[] {
  const labels = versioned(read(store, OPEN_WINDOWS_KEY))?.["labels"];
  if (!Array.isArray(labels)) return [];
  const valid = (labels as unknown[]).filter((label): label is string => typeof label === "string" && isSecondaryLabel(label));
  return [...new Set(valid)].slice(-WINDOWS_LIMIT);
}

export function writeOpenWindows(labels: readonly string[], store = webStorage()): void {
  write(store, OPEN_WINDOWS_KEY, { version: SESSION_VERSION, labels: labels.slice(-WINDOWS_LIMIT) });
}

/** Removes the sessions of secondary windows not in `open` (left by a crash or a full list). */
export function forgetClosedSessions(open: readonly string[], store = webStorage()): void {
  const keep = new Set([MAIN_WINDOW, ...open]);
  const stale: string[] = [];
  try {
    for (let i = 0; i < (store?.length ?? 0); i += 1) {
      const key = store?.key(i) ?? null;
      if (key?.startsWith(SESSION_PREFIX) === true && !keep.has(key.slice(SESSION_PREFIX.length))) stale.push(key);
    }
  } catch {
    return;
  }
  for (const key of stale) remove(store, key);
}

/** What changed about the role, as the other windows hear it. */
export interface RoleNotice {
  /** The policy was reloaded: the granted role may have changed too ("view as" was reset). */
  regranted: boolean;
}

/** Tells the app's other windows that the role changed (they reload what they show). */
export function announceRoleChange(notice: RoleNotice = { regranted: false }, store = webStorage(), now = Date.now()): void {
  // The time makes each notice a new value: storage events only fire on a change.
  write(store, ROLE_CHANGED_KEY, { at: now, regranted: notice.regranted });
}

/** The notice in a stored value; anything unreadable is a plain role change. */
function readRoleNotice(raw: string | null): RoleNotice {
  try {
    const value: unknown = raw === null ? null : JSON.parse(raw);
    return { regranted: typeof value === "object" && value !== null && (value as Record<string, unknown>)["regranted"] === true };
  } catch {
    return { regranted: false };
  }
}

/** Calls `onChange` when another window announces a role change; returns the way to stop. */
export function onRoleChangedElsewhere(onChange: (notice: RoleNotice) => void): () => void {
  // Storage events reach the other documents of the origin only, never the writer.
  const listener = (event: StorageEvent) => {
    if (event.key === ROLE_CHANGED_KEY) onChange(readRoleNotice(event.newValue));
  };
  window.addEventListener("storage", listener);
  return () => {
    window.removeEventListener("storage", listener);
  };
}
