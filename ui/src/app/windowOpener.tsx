// "Open in new window": how a view asks for a window of its own. Only the main window
// provides an opener (it keeps the list of open windows to reopen after a restart); without
// one — in a secondary window, or in a unit test of a single view — nothing offers it.
import { createContext, use } from "react";
import type { View } from "./navigation";

/** Opens `view` in a new window titled after `name` (a topic's or job's name). */
export type OpenInNewWindow = (view: View, name: string) => void;

export const WindowOpenerContext = createContext<OpenInNewWindow | null>(null);

export function useOpenInNewWindow(): OpenInNewWindow | null {
  return use(WindowOpenerContext);
}

/** A header button that opens `view` in a new window; nothing where windows cannot be opened. */
export function OpenInWindowButton({ view, name }: { view: View; name: string }) {
  const open = useOpenInNewWindow();
  if (open === null) return null;
  return (
    <button
      type="button"
      className="button"
      data-testid="open-in-window"
      title={`Open “${name}” in a window of its own`}
      onClick={() => {
        open(view, name);
      }}
    >
      Open in new window
    </button>
  );
}
