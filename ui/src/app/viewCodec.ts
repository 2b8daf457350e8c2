// Views read back from outside the running window — the window's saved session, another
// window's URL — are untrusted: they may be corrupt, hand-edited or written by another
// version of the app. parseView rebuilds a View from the fields it knows and refuses
// anything else; it never throws. Encoding a view for a window's URL lives here too.
// Knows nothing of storage, windows or React.
import type { ConnectionTab, JobTab, TopicTab, View } from "./navigation";

// Records rather than lists, so that a tab added to its type fails to compile here instead
// of being dropped from every restored view.
const CONNECTION_TABS: Record<ConnectionTab, true> = {
  cluster: true,
  topics: true,
  groups: true,
  schemas: true,
  flink: true,
  settings: true,
};
const TOPIC_TABS: Record<TopicTab, true> = { messages: true, partitions: true, configs: true, groups: true };
const JOB_TABS: Record<JobTab, true> = { graph: true, checkpoints: true, exceptions: true, configuration: true };

/** The query parameter of a window's URL that carries its first view. */
export const VIEW_PARAM = "view";

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** `value` when it is one of `known`'s keys; anything else (an older or newer tab) is dropped. */
function oneOf<T extends string>(known: Record<T, true>, value: unknown): T | undefined {
  return typeof value === "string" && Object.hasOwn(known, value) ? (value as T) : undefined;
}

/** A fresh View from the known fields of `value`, or null when it is not a view. */
export function parseView(value: unknown): View | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const kind = fields["kind"];
  const id = text(fields["id"]);
  switch (kind) {
    case "home":
    case "new-connection":
    case "audit":
    case "policy":
    case "settings":
      return { kind };
    case "connection": {
      if (id === null) return null;
      const tab = oneOf(CONNECTION_TABS, fields["tab"]);
      return tab === undefined ? { kind: "connection", id } : { kind: "connection", id, tab };
    }
    case "topic": {
      const topic = text(fields["topic"]);
      if (id === null || topic === null) return null;
      const topicTab = oneOf(TOPIC_TABS, fields["topicTab"]);
      return topicTab === undefined ? { kind: "topic", id, topic } : { kind: "topic", id, topic, topicTab };
    }
    case "group": {
      const group = text(fields["group"]);
      return id === null || group === null ? null : { kind: "group", id, group };
    }
    case "subject": {
      const subject = text(fields["subject"]);
      return id === null || subject === null ? null : { kind: "subject", id, subject };
    }
    case "job": {
      const jobId = text(fields["jobId"]);
      if (id === null || jobId === null) return null;
      const jobTab = oneOf(JOB_TABS, fields["jobTab"]);
      return jobTab === undefined ? { kind: "job", id, jobId } : { kind: "job", id, jobId, jobTab };
    }
    case "edit-connection":
      return id === null ? null : { kind: "edit-connection", id };
    case "recording": {
      const path = text(fields["path"]);
      return path === null ? null : { kind: "recording", path };
    }
    default:
      return null;
  }
}

/** JSON text that was meant to hold a view; null for anything else, unparseable included. */
export function parseViewJson(raw: string | null): View | null {
  if (raw === null) return null;
  try {
    return parseView(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** `?view=…`: the query string that opens a window on `view`. */
export function viewQuery(view: View): string {
  return `?${new URLSearchParams({ [VIEW_PARAM]: JSON.stringify(view) }).toString()}`;
}

/** The view a window's query string (location.search) asks for, if it holds a valid one. */
export function viewFromQuery(search: string): View | null {
  return parseViewJson(new URLSearchParams(search).get(VIEW_PARAM));
}
