// The app's windows: which one this is, opening a view in a window of its own (the same
// bundle, told its view in the URL), hearing when a window closes, and a secondary window's
// title and closing. The capability file (src-tauri/capabilities/main-window.json) grants the
// windows `main` and `view-*` the core permissions these need: create-webview-window,
// get-all-windows, set-title, destroy, and event listen.
import { listen } from "@tauri-apps/api/event";
import { getAllWebviewWindows, WebviewWindow } from "@tauri-apps/api/webviewWindow";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { toAppError } from "./appError";

/** The label of the window this page runs in ("main", or "view-<n>"). */
export function currentWindowLabel(): string {
  return getCurrentWindow().label;
}

/** The labels of the app's open windows. */
export async function windowLabels(): Promise<string[]> {
  return (await getAllWebviewWindows()).map((window) => window.label);
}

export interface ViewWindow {
  label: string;
  /** The window's title, as the title bar and task switcher show it. */
  title: string;
  /** The query string the page reads its first view from ("?view=…"). */
  query: string;
}

/** Opens a new window on the app's page; resolves once it exists, rejects with an AppError. */
export async function openViewWindow({ label, title, query }: ViewWindow): Promise<void> {
  const outcome = await new Promise<{ created: true } | { created: false; error: unknown }>((resolve) => {
    const window = new WebviewWindow(label, {
      url: `index.html${query}`,
      title,
      width: 1100,
      height: 760,
      minWidth: 720,
      minHeight: 480,
    });
    // Both are answered by the creating call itself, so neither can be missed.
    void window.once("tauri://created", () => {
      resolve({ created: true });
    });
    void window.once("tauri://error", (event) => {
      resolve({ created: false, error: event.payload });
    });
  });
  if (!outcome.created) {
    // AppError is plain data by design, as in ipc.ts.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw toAppError(outcome.error);
  }
}

/** Calls `handler` once window `label` is gone; resolves with the way to stop listening. */
export async function onWindowClosed(label: string, handler: () => void): Promise<() => void> {
  const unlisten = await listen("tauri://destroyed", handler, { target: { kind: "WebviewWindow", label } });
  return () => {
    unlisten();
  };
}

export async function setWindowTitle(title: string): Promise<void> {
  await getCurrentWindow().setTitle(title);
}

/** Closes this window at once (a secondary window follows the main one out). */
export async function closeThisWindow(): Promise<void> {
  await getCurrentWindow().destroy();
}
