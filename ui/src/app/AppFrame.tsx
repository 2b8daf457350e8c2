// The window layout: sidebar on the left, top bar, error banners and the current view.
import { ConnectionDetail } from "../features/connections/ConnectionDetail";
import { ConnectionEditorView } from "../features/connections/editor/ConnectionEditorView";
import { HomeView } from "../features/home/HomeView";
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
    case "new-connection":
      return "New connection";
    case "edit-connection":
      return "Edit connection";
  }
}

function CurrentView({ view }: { view: View }) {
  switch (view.kind) {
    case "home":
      return <HomeView />;
    case "connection":
      // Keyed by id so test results and dialogs never leak from one connection to another.
      return <ConnectionDetail key={view.id} id={view.id} />;
    case "new-connection":
      return <ConnectionEditorView key="new" id={null} />;
    case "edit-connection":
      return <ConnectionEditorView key={`edit-${view.id}`} id={view.id} />;
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
    </div>
  );
}
