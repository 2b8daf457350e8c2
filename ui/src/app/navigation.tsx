// What the main area shows. Deliberately a tiny state machine instead of a URL router:
// a desktop window has no address bar, and views are few.
import { createContext, use, useMemo, useState, type ReactNode } from "react";

/** The tabs of a selected connection. */
export type ConnectionTab = "cluster" | "topics" | "groups" | "schemas" | "flink" | "settings";

/** The tabs of one Flink job. */
export type JobTab = "graph" | "checkpoints" | "exceptions" | "configuration";

export type View =
  | { kind: "home" }
  // No tab: the connection's default (Topics when it has Kafka, else Settings).
  | { kind: "connection"; id: string; tab?: ConnectionTab }
  // One topic's detail, inside the Topics tab of connection `id`.
  | { kind: "topic"; id: string; topic: string }
  // One consumer group's detail, inside the Consumer groups tab of connection `id`.
  | { kind: "group"; id: string; group: string }
  // One Schema Registry subject, inside the Schemas tab of connection `id`.
  | { kind: "subject"; id: string; subject: string }
  // One Flink job, inside the Flink tab of connection `id` (no jobTab: its graph).
  | { kind: "job"; id: string; jobId: string; jobTab?: JobTab }
  | { kind: "new-connection" }
  | { kind: "edit-connection"; id: string }
  // The audit log (admin).
  | { kind: "audit" }
  // An execution recording (.slrec file), opened offline.
  | { kind: "recording"; path: string };

export interface Navigation {
  view: View;
  navigate: (view: View) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({
  initialView = { kind: "home" },
  children,
}: {
  initialView?: View;
  children: ReactNode;
}) {
  const [view, setView] = useState<View>(initialView);
  const value = useMemo(() => ({ view, navigate: setView }), [view]);
  return <NavigationContext value={value}>{children}</NavigationContext>;
}

export function useNavigation(): Navigation {
  const navigation = use(NavigationContext);
  if (navigation === null) throw new Error("useNavigation needs a NavigationProvider above it");
  return navigation;
}

/** The connection the current view is about, if any (used to highlight it in the sidebar). */
export function selectedConnectionId(view: View): string | null {
  switch (view.kind) {
    case "connection":
    case "topic":
    case "group":
    case "subject":
    case "job":
    case "edit-connection":
      return view.id;
    case "home":
    case "new-connection":
    case "audit":
    case "recording":
      return null;
  }
}
