// The window layout: sidebar on the left, top bar, error banners and the current view; the
// command palette (Ctrl+K / ⌘K, or the top bar's "Go to…") and Back/Forward from the keyboard
// and mouse; and the recording launcher (the file the app was started with, files dropped
// onto the window). The app-wide settings (theme, time zone and format) are applied here.
import { useCallback, useState } from "react";
import { AuditView } from "../features/audit/AuditView";
import { ConnectionEditorView } from "../features/connections/editor/ConnectionEditorView";
import { HomeView } from "../features/home/HomeView";
import { CommandPalette } from "../features/palette/CommandPalette";
import { PolicyView } from "../features/policy/PolicyView";
import { usePaletteShortcut } from "../features/palette/usePaletteShortcut";
import { RecordingLauncher } from "../features/recordings/open/RecordingLauncher";
import { RecordingView } from "../features/recordings/view/RecordingView";
import { SettingsView } from "../features/settings/SettingsView";
import { useAppliedSettings } from "../features/settings/useAppliedSettings";
import { ConnectionView } from "./ConnectionView";
import { ErrorBanner } from "./ErrorBanner";
import { useNavigation, type View } from "./navigation";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";
import { useHistoryShortcuts } from "./useHistoryShortcuts";
import { titleFor } from "./viewTitle";
import "./frame.css";


/** The main area for `view` (the main window and the secondary ones alike). */
export function CurrentView({ view }: { view: View }) {
  switch (view.kind) {
    case "home":
      return <HomeView />;
    case "connection":
    case "topic":
    case "group":
    case "subject":
    case "job":
      // Keyed by id so test results, dialogs and list filters never leak from one
      // connection to another; the same key for every kind keeps the Topics tab's
      // search and sort while a topic's detail is open.
      return <ConnectionView key={view.id} view={view} />;
    case "new-connection":
      return <ConnectionEditorView key="new" id={null} />;
    case "edit-connection":
      return <ConnectionEditorView key={`edit-${view.id}`} id={view.id} />;
    case "audit":
      return <AuditView />;
    case "policy":
      return <PolicyView />;
    case "settings":
      return <SettingsView />;
    case "recording":
      // Keyed by path: another file starts at its own beginning, with nothing of this one's.
      return <RecordingView key={view.path} path={view.path} />;
  }
}

/**
 * What every window shows beside its own parts: the top bar (Back/Forward, the palette,
 * the role), the error banner and the current view, plus the palette (Ctrl+K) and the
 * history shortcuts; the window's settings applied.
 */
export function FrameBody() {
  const { view } = useNavigation();
  useAppliedSettings();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const togglePalette = useCallback(() => {
    setPaletteOpen((open) => !open);
  }, []);
  const closePalette = useCallback(() => {
    setPaletteOpen(false);
  }, []);
  usePaletteShortcut(togglePalette);
  useHistoryShortcuts();
  return (
    <>
      <div className="app-frame__main">
        <TopBar
          title={titleFor(view)}
          onOpenPalette={() => {
            setPaletteOpen(true);
          }}
        />
        <ErrorBanner />
        <main className="app-frame__content">
          <CurrentView view={view} />
        </main>
      </div>
      {paletteOpen && <CommandPalette onClose={closePalette} />}
    </>
  );
}

export function AppFrame() {
  return (
    <div className="app-frame">
      <Sidebar />
      <FrameBody />
      <RecordingLauncher />
    </div>
  );
}
