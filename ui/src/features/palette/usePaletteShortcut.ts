// Ctrl+K (⌘K on macOS) opens the command palette from anywhere — inside a text field too,
// since no field uses the combination — and closes it again when it is open.
import { useEffect } from "react";
import { isApplePlatform } from "../../components/keyboard";

type ShortcutKeys = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/** The K key: the letter, or on a non-Latin layout (Cyrillic, Greek…) the key where K is. */
function isK({ key, code }: ShortcutKeys): boolean {
  return key.toLowerCase() === "k" || (!/^[a-z]$/i.test(key) && code === "KeyK");
}

/** True for the palette's key combination on this platform. */
export function isPaletteShortcut(event: ShortcutKeys, apple: boolean): boolean {
  if (!isK(event) || event.altKey || event.shiftKey) return false;
  return apple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** How the combination is written on this platform, for hints and aria-keyshortcuts. */
export function paletteShortcut(): { label: string; aria: string } {
  return isApplePlatform() ? { label: "⌘K", aria: "Meta+K" } : { label: "Ctrl+K", aria: "Control+K" };
}

export function usePaletteShortcut(onToggle: () => void): void {
  useEffect(() => {
    const apple = isApplePlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isPaletteShortcut(event, apple)) return;
      event.preventDefault();
      onToggle();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [onToggle]);
}
