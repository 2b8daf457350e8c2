// Back and Forward from the keyboard and the mouse, anywhere in the window: Alt+← / Alt+→
// and the mouse's back and forward buttons (buttons 3 and 4). Keys are left to a text field
// that has the focus (Alt+← moves by word there on macOS) and to a handler that took them
// already; neither works while a modal is open, whose work would be lost.
import { useEffect } from "react";
import { isModalOpen, isTextEntry } from "../components/keyboard";
import { useNavigation } from "./navigation";

/** MouseEvent.button of the "back" and "forward" thumb buttons. */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

export function useHistoryShortcuts(): void {
  const { back, forward } = useNavigation();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      if (isTextEntry(event.target) || isModalOpen()) return;
      event.preventDefault();
      if (event.key === "ArrowLeft") back();
      else forward();
    };
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== MOUSE_BACK && event.button !== MOUSE_FORWARD) return;
      // The webview's own history is empty; keep it out of this either way.
      event.preventDefault();
      if (isModalOpen()) return;
      if (event.button === MOUSE_BACK) back();
      else forward();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("mouseup", onMouseUp);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("mouseup", onMouseUp);
    };
  }, [back, forward]);
}
