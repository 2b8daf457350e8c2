// Opens recordings from outside the window: the .slrec file the app was started with (once
// per run), and files dragged onto the window — while an .slrec is dragged over it the window
// says it will open it; a drop opens it, and a drop of anything else says why nothing opened.
// Renders only that overlay.
import { useEffect, useRef, useState } from "react";
import { useReportError } from "../../../app/AppProviders";
import { useNavigation } from "../../../app/navigation";
import { launchRecording, onFileDrag, type FileDrag } from "../../../platform";
import { dropVerdict, isRecordingPath } from "./recordingDrop";
import "./open.css";

export function RecordingLauncher() {
  const { navigate } = useNavigation();
  const reportError = useReportError();
  const [dragging, setDragging] = useState(false);
  const launched = useRef(false);
  const onDrag = useRef<(drag: FileDrag) => void>(() => undefined);

  useEffect(() => {
    onDrag.current = (drag) => {
      switch (drag.type) {
        case "enter":
          setDragging(drag.paths.some(isRecordingPath));
          break;
        case "leave":
          setDragging(false);
          break;
        case "drop": {
          setDragging(false);
          const verdict = dropVerdict(drag.paths);
          if (verdict.kind === "open") navigate({ kind: "recording", path: verdict.path });
          else reportError({ kind: "invalid_input", message: verdict.message });
          break;
        }
      }
    };
  }, [navigate, reportError]);

  useEffect(() => {
    if (launched.current) return;
    launched.current = true;
    launchRecording().then((path) => {
      if (path !== null) navigate({ kind: "recording", path });
    }, reportError);
  }, [navigate, reportError]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    onFileDrag((drag) => {
      onDrag.current(drag);
    }).then(
      (unlisten) => {
        if (gone) unlisten();
        else stop = unlisten;
      },
      (error: unknown) => {
        // Without the event permissions the window cannot hear drops; opening by path still works.
        console.warn("Streamlens: files dropped onto the window cannot be opened here.", error);
      },
    );
    return () => {
      gone = true;
      stop?.();
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="recording-drop" data-testid="recording-drop" aria-live="polite">
      <p>Drop to open the recording</p>
    </div>
  );
}
