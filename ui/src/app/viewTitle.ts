// What the top bar says a view is, by its kind (a window's title uses it for views that
// have no name of their own).
import type { View } from "./navigation";

/** What the top bar says the window shows. */
export function titleFor(view: View): string {
  switch (view.kind) {
    case "home":
      return "Welcome";
    case "connection":
      return "Connection";
    case "topic":
      return "Topic";
    case "group":
      return "Consumer group";
    case "subject":
      return "Schema subject";
    case "job":
      return "Flink job";
    case "new-connection":
      return "New connection";
    case "edit-connection":
      return "Edit connection";
    case "audit":
      return "Audit log";
    case "policy":
      return "Workspace policy";
    case "settings":
      return "Settings";
    case "recording":
      return "Recording";
  }
}
