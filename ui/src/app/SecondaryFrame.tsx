// A window of its own for one view (a topic or a Flink job opened with "Open in new window"):
// the top bar (Back/Forward, the palette, the role), the error banner and the view, without
// the sidebar. Its title follows what it shows; it closes when the main window closes, so
// quitting the app is closing the main window, and the main window reopens it at the next
// start (secondaryWindows.ts).
import { useEffect } from "react";
import { closeThisWindow, onWindowClosed, setWindowTitle } from "../platform";
import { FrameBody } from "./AppFrame";
import { useNavigation, type View } from "./navigation";
import { windowName, windowTitle } from "./secondaryWindows";
import { SessionSaver } from "./SessionSaver";
import { MAIN_WINDOW } from "./windowSession";
import "./frame.css";

/** Closes this window once the main window is gone. */
function useFollowMainWindow(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    onWindowClosed(MAIN_WINDOW, () => {
      closeThisWindow().catch((error: unknown) => {
        console.warn("Streamlens: this window could not close after the main one.", error);
      });
    }).then(
      (unlisten) => {
        if (gone) unlisten();
        else stop = unlisten;
      },
      (error: unknown) => {
        console.warn("Streamlens: this window will not hear the main window close.", error);
      },
    );
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
}

export function SecondaryFrame({ label, first }: { label: string; first: { view: View; name: string | null } }) {
  const { view } = useNavigation();
  useFollowMainWindow();
  const name = windowName(view, first);

  useEffect(() => {
    setWindowTitle(windowTitle(name)).catch(() => undefined);
  }, [name]);

  return (
    <div className="app-frame app-frame--secondary" data-testid="secondary-frame" data-window={label}>
      <SessionSaver label={label} name={name} />
      <FrameBody />
    </div>
  );
}
