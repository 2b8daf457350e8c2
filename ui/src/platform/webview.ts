// Files dragged onto the window, from the webview's drag-and-drop events: where they enter,
// where they are dropped, and when the drag leaves. Needs the event plugin's listen and
// unlisten permissions in the window's capability; without them the returned promise
// rejects and nothing is dropped.
import { getCurrentWebview } from "@tauri-apps/api/webview";

export type FileDrag = { type: "enter"; paths: string[] } | { type: "drop"; paths: string[] } | { type: "leave" };

/** Calls `handler` for each drag of files over the window; resolves with the way to stop. */
export async function onFileDrag(handler: (drag: FileDrag) => void): Promise<() => void> {
  const unlisten = await getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    switch (payload.type) {
      case "enter":
      case "drop":
        handler({ type: payload.type, paths: payload.paths });
        break;
      case "leave":
        handler({ type: "leave" });
        break;
      case "over":
        break;
    }
  });
  return () => {
    unlisten();
  };
}
