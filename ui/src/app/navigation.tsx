// What the main area shows. Deliberately a tiny state machine instead of a URL router:
// a desktop window has no address bar, and views are few. Every navigation is remembered
// (viewHistory.ts), so Back and Forward work between views as in a browser.
// Each connection also keeps the last view inside it (connectionPlaces.ts), so picking it
// again returns there.
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from "react";
import { connectionTarget, NO_PLACES, rememberPlace, type Places } from "./connectionPlaces";
import { goBack, goForward, pushView, startHistory, type ViewHistory } from "./viewHistory";

/** The tabs of a selected connection. */
export type ConnectionTab = "cluster" | "topics" | "groups" | "schemas" | "flink" | "settings";

/** The tabs of one topic. */
export type TopicTab = "messages" | "partitions" | "configs" | "groups";

/** The tabs of one Flink job. */
export type JobTab = "graph" | "checkpoints" | "exceptions" | "configuration";

export type View =
  | { kind: "home" }
  // No tab: the connection's default (Topics when it has Kafka, else Settings).
  | { kind: "connection"; id: string; tab?: ConnectionTab }
  // One topic's detail, inside the Topics tab of connection `id` (no topicTab: its messages).
  | { kind: "topic"; id: string; topic: string; topicTab?: TopicTab }
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
  // The workspace policy, viewed and edited (admin).
  | { kind: "policy" }
  // The app's settings (theme, time, refresh, message browser, default decoders).
  | { kind: "settings" }
  // An execution recording (.slrec file), opened offline.
  | { kind: "recording"; path: string };

export interface Navigation {
  view: View;
  /** Shows `view` and remembers it for Back (nothing happens when it is already shown). */
  navigate: (view: View) => void;
  back: () => void;
  forward: () => void;
  canGoBack: boolean;
  canGoForward: boolean;
  /** Shows connection `id` where the user last was in it (its first tab if never opened). */
  openConnection: (id: string) => void;
  /** The last view inside each connection, for saving the window's session. */
  places: Places;
}

interface NavigationState {
  history: ViewHistory;
  places: Places;
}

/** `state` moved to `history`; the view it shows becomes its connection's place. */
function moveTo(state: NavigationState, history: ViewHistory): NavigationState {
  if (history === state.history) return state;
  return { history, places: rememberPlace(state.places, history.present) };
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({
  initialView = { kind: "home" },
  initialPlaces = NO_PLACES,
  children,
}: {
  initialView?: View;
  initialPlaces?: Places;
  children: ReactNode;
}) {
  const [state, setState] = useState<NavigationState>(() => ({
    history: startHistory(initialView),
    places: rememberPlace(initialPlaces, initialView),
  }));
  const navigate = useCallback((view: View) => {
    setState((previous) => moveTo(previous, pushView(previous.history, view)));
  }, []);
  const back = useCallback(() => {
    setState((previous) => moveTo(previous, goBack(previous.history)));
  }, []);
  const forward = useCallback(() => {
    setState((previous) => moveTo(previous, goForward(previous.history)));
  }, []);
  const openConnection = useCallback((id: string) => {
    setState((previous) =>
      moveTo(previous, pushView(previous.history, connectionTarget(previous.places, previous.history.present, id))),
    );
  }, []);
  const value = useMemo(
    () => ({
      view: state.history.present,
      navigate,
      back,
      forward,
      canGoBack: state.history.back.length > 0,
      canGoForward: state.history.forward.length > 0,
      openConnection,
      places: state.places,
    }),
    [state, navigate, back, forward, openConnection],
  );
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
    case "policy":
    case "settings":
    case "recording":
      return null;
  }
}
