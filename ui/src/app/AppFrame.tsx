// The window layout: sidebar on the left, top bar, error banners and the current view; and
// the recording launcher (the file the app was started with, files dropped onto the window).
import { AuditView } from "../features/audit/AuditView";
import { ConnectionEditorView } from "../features/connections/editor/ConnectionEditorView";
import { HomeView } from "../features/home/HomeView";
import { RecordingLauncher } from "../features/recordings/open/RecordingLauncher";
import { RecordingView } from "../features/recordings/view/RecordingView";
import { ConnectionView } from "./ConnectionView";
import { ErrorBanner } from "./ErrorBanner";
import { useNavigation, type View } from "./navigation";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";
import "./frame.css";

function titleFor(view: View): string {
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
    case "recording":
      return "Recording";
  }
}

function CurrentView({ view }: { view: View }) {
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
    case "recording":
      // Keyed by path: another file starts at its own beginning, with nothing of this one's.
      return <RecordingView key={view.path} path={view.path} />;
  }
}

export function AppFrame() {
  const { view } = useNavigation();
  return (
    <div className="app-frame">
      <Sidebar />
      <div className="app-frame__main">
        <TopBar title={titleFor(view)} />
        <ErrorBanner />
        <main className="app-frame__content">
          <CurrentView view={view} />
        </main>
      </div>
      <RecordingLauncher />
    </div>
  );
}
