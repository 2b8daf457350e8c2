// What the command palette can go to, as plain data: one entry per view, topic, consumer
// group, schema subject, Flink job and recent recording, each with the navigation it
// stands for, and the command that opens the topic or job on screen in a new window.
// Builders only — fetching is usePaletteSources', drawing CommandPalette's.
import { availableTabs } from "../../app/ConnectionTabs";
import type { View } from "../../app/navigation";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { GroupSummary } from "../../bindings/GroupSummary";
import type { JobSummary } from "../../bindings/JobSummary";
import type { TopicSummary } from "../../bindings/TopicSummary";
import type { RecentRecording } from "../recordings/recentRecordings";

export type PaletteKind = "command" | "view" | "topic" | "group" | "subject" | "job" | "recording";

/** The heading of each kind's group of results. */
export const KIND_LABELS: Record<PaletteKind, string> = {
  command: "Commands",
  view: "Views",
  topic: "Topics",
  group: "Consumer groups",
  subject: "Schema subjects",
  job: "Flink jobs",
  recording: "Recordings",
};

export interface PaletteEntry {
  /** Unique within the palette. */
  key: string;
  kind: PaletteKind;
  label: string;
  /** Said after the label, muted: a job's state, a recording's file. */
  detail: string | null;
  /** What the query is matched against. */
  text: string;
  view: View;
  /** Opens `view` in a new window of this name instead of going there. */
  newWindow?: string;
}

/** Sorted by label, ignoring case (each key computed once: lists run to thousands). */
function byLabel(entries: PaletteEntry[]): PaletteEntry[] {
  return entries
    .map((entry) => ({ entry, sortKey: entry.label.toLowerCase() }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ entry }) => entry);
}

/** The admin views the role in force may open. */
export interface AdminViews {
  audit: boolean;
  policy: boolean;
}

/**
 * Home, every tab of every connection (the selected connection's first), the audit log and
 * the workspace policy when the role may see them, the app's settings and the
 * new-connection editor.
 */
export function viewEntries(connections: readonly ConnectionProfile[], selectedId: string | null, admin: AdminViews): PaletteEntry[] {
  const ordered = [...connections].sort(
    (a, b) => Number(b.id === selectedId) - Number(a.id === selectedId) || a.name.localeCompare(b.name),
  );
  const entry = (key: string, label: string, view: View): PaletteEntry => ({ key: `view:${key}`, kind: "view", label, detail: null, text: label, view });
  return [
    entry("home", "Home", { kind: "home" }),
    ...ordered.flatMap((profile) =>
      availableTabs(profile.schemaRegistry !== null, profile.flink !== null).map(({ tab, label }) =>
        entry(`${profile.id}:${tab}`, `${profile.name} › ${label}`, { kind: "connection", id: profile.id, tab }),
      ),
    ),
    ...(admin.audit ? [entry("audit", "Audit log", { kind: "audit" })] : []),
    ...(admin.policy ? [entry("policy", "Workspace policy", { kind: "policy" })] : []),
    entry("settings", "Settings", { kind: "settings" }),
    entry("new-connection", "Add connection", { kind: "new-connection" }),
  ];
}

/** "Open … in a new window" for the topic or Flink job on screen (`name`: its name). */
export function newWindowEntries(view: View, name: string): PaletteEntry[] {
  if (view.kind !== "topic" && view.kind !== "job") return [];
  const label = `Open “${name}” in a new window`;
  return [{ key: "command:new-window", kind: "command", label, detail: null, text: label, view, newWindow: name }];
}

export function topicEntries(connectionId: string, topics: readonly TopicSummary[]): PaletteEntry[] {
  return byLabel(
    topics.map(({ name, internal }) => ({
      key: `topic:${name}`,
      kind: "topic",
      label: name,
      detail: internal ? "internal" : null,
      text: name,
      view: { kind: "topic", id: connectionId, topic: name },
    })),
  );
}

export function groupEntries(connectionId: string, groups: readonly GroupSummary[]): PaletteEntry[] {
  return byLabel(
    groups.map(({ groupId, state }) => ({
      key: `group:${groupId}`,
      kind: "group",
      label: groupId,
      detail: state,
      text: groupId,
      view: { kind: "group", id: connectionId, group: groupId },
    })),
  );
}

export function subjectEntries(connectionId: string, subjects: readonly string[]): PaletteEntry[] {
  return byLabel(
    subjects.map((subject) => ({
      key: `subject:${subject}`,
      kind: "subject",
      label: subject,
      detail: null,
      text: subject,
      view: { kind: "subject", id: connectionId, subject },
    })),
  );
}

/** Jobs by name; the id is matched too (it is what logs and alerts quote). */
export function jobEntries(connectionId: string, jobs: readonly JobSummary[]): PaletteEntry[] {
  return byLabel(
    jobs.map(({ id, name, state }) => ({
      key: `job:${id}`,
      kind: "job",
      label: name,
      detail: `${state} · ${id.slice(0, 8)}`,
      text: `${name} ${id}`,
      view: { kind: "job", id: connectionId, jobId: id },
    })),
  );
}

/** Newest first, as the sidebar lists them; matched by job name and file name. */
export function recordingEntries(recent: readonly RecentRecording[]): PaletteEntry[] {
  return recent.map(({ path, jobName }) => {
    const file = path.split(/[\\/]/).at(-1) ?? path;
    return {
      key: `recording:${path}`,
      kind: "recording",
      label: jobName,
      detail: file,
      text: `${jobName} ${file}`,
      view: { kind: "recording", path },
    };
  });
}
