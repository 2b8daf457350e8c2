// A one-key shortcut that focuses a field (like "/" for search in many apps). Ignored
// while the user is typing somewhere, with a modifier held, or while a modal is open.
import { useEffect, type RefObject } from "react";
import { isModalOpen, isTextEntry } from "./keyboard";

export function useFocusShortcut(key: string, target: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== key || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target) || isModalOpen()) return;
      const field = target.current;
      if (field === null) return;
      // Otherwise the "/" would be typed into the field it just focused.
      event.preventDefault();
      field.focus();
      field.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [key, target]);
}
